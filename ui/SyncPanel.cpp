#include "SyncPanel.h"

#include "ChangeSet.h"
#include "Outbox.h"
#include "SqlConnection.h"
#include "SyncController.h"
#include "WardDatabase.h"

#include <algorithm>
#include <QColor>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wardroll::ui {

using model::OutboxEntry;

SyncPanel::SyncPanel(SyncController& controller, QWidget* parent)
    : QDialog(parent)
    , m_controller(controller)
{
    setWindowTitle(tr("Sync"));
    auto* layout = new QVBoxLayout(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("outboxList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels(
        {tr("No."), tr("Made at"), tr("Officer"), tr("Records"), tr("State"), tr("Reason")});
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_syncButton = buttons->addButton(tr("&Sync now"), QDialogButtonBox::ActionRole);
    m_conflictsButton = buttons->addButton(tr("&Conflicts…"), QDialogButtonBox::ActionRole);
    buttons->addButton(tr("Close"), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_syncButton, &QPushButton::clicked, &m_controller, &SyncController::syncNow);
    connect(m_conflictsButton, &QPushButton::clicked, this, &SyncPanel::conflictsRequested);
    connect(&m_controller, &SyncController::roundFinished, this, &SyncPanel::reload);
    connect(&m_controller, &SyncController::stateChanged, this,
            [this] { m_syncButton->setEnabled(m_controller.isEnrolled() && !m_controller.isRunning()); });
    layout->addWidget(buttons);
    resize(900, 520);
    reload();
}

void SyncPanel::reload()
{
    m_controller.refreshCounts();
    QString status
        = m_controller.isOnline() ? tr("The hub answered: online.") : tr("Offline: the hub did not answer.");
    if (!m_controller.isEnrolled())
        status = tr(
            "This ward is not enrolled with a hub: changes are kept here and can be exported to a file.");
    if (!m_controller.lastError().isEmpty())
        status += QLatin1Char(' ') + tr("Last sync failed: %1").arg(m_controller.lastError());
    m_status->setText(status);
    m_syncButton->setEnabled(m_controller.isEnrolled() && !m_controller.isRunning());
    m_conflictsButton->setText(m_controller.openConflicts() > 0
                                   ? tr("&Conflicts (%1)…").arg(m_controller.openConflicts())
                                   : tr("&Conflicts…"));

    model::Outbox outbox(m_controller.ward().connection());
    QList<OutboxEntry> entries;
    auto unsynced = outbox.unsynced(0, 5000);
    if (unsynced.ok())
        entries = unsynced.value();
    auto last = m_controller.ward().connection().queryInt(u"SELECT coalesce(max(seq), 0) FROM outbox");
    auto accepted = outbox.entries(OutboxEntry::State::Acked,
                                   std::max<qint64>(0, last.valueOr(0) - acceptedShown), acceptedShown);
    if (accepted.ok())
        entries += accepted.value();
    std::sort(entries.begin(), entries.end(),
              [](const OutboxEntry& a, const OutboxEntry& b) { return a.seq > b.seq; });

    m_list->clear();
    const QLocale locale;
    for (const OutboxEntry& entry : entries) {
        QString state;
        switch (entry.state) {
        case OutboxEntry::State::Pending:
            state = tr("Waiting to be sent");
            break;
        case OutboxEntry::State::Sealed:
            state = tr("Sent, waiting for the hub");
            break;
        case OutboxEntry::State::Acked:
            state = tr("Accepted by the hub");
            break;
        case OutboxEntry::State::Refused:
            state = tr("Refused by the hub");
            break;
        }
        auto changes = model::ChangeSet::fromCbor(entry.changes);
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, QString::number(entry.seq));
        item->setText(1,
                      locale.toString(QDateTime::fromMSecsSinceEpoch(entry.createdAt).toLocalTime(),
                                      QLocale::ShortFormat));
        item->setText(2, entry.officer);
        item->setText(3, changes.ok() ? locale.toString(changes->rows.size()) : QStringLiteral("?"));
        item->setText(4, state);
        item->setText(5, entry.reason);
        item->setData(4, Qt::UserRole, model::Outbox::stateCode(entry.state));
        if (entry.state == OutboxEntry::State::Refused) {
            for (int column = 0; column < m_list->columnCount(); ++column)
                item->setForeground(column, QColor(0xB0, 0x00, 0x20));
        }
    }
    for (int column = 0; column < m_list->columnCount() - 1; ++column)
        m_list->resizeColumnToContents(column);
}

} // namespace wardroll::ui
