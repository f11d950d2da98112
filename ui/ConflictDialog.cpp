#include "ConflictDialog.h"

#include "WardDatabase.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wardroll::ui {

using model::SyncConflictStore;

ConflictDialog::ConflictDialog(model::WardDatabase& ward, QWidget* parent)
    : QDialog(parent)
    , m_ward(ward)
{
    setWindowTitle(tr("Sync conflicts"));
    auto* layout = new QVBoxLayout(this);
    m_summary = new QLabel(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("conflictTable"));
    m_table->setHorizontalHeaderLabels({tr("Record"), tr("Field"), tr("Kept by the hub"), tr("Other value")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);

    // Both values side by side, each with its own button.
    auto* sides = new QHBoxLayout;
    const auto makeSide
        = [&](QGroupBox*& box, QLabel*& value, QLabel*& who, QPushButton*& take, const QString& name) {
              box = new QGroupBox(this);
              auto* boxLayout = new QVBoxLayout(box);
              value = new QLabel(box);
              value->setObjectName(name + QStringLiteral("Value"));
              value->setTextInteractionFlags(Qt::TextSelectableByMouse);
              value->setWordWrap(true);
              QFont big = value->font();
              big.setPointSizeF(big.pointSizeF() * 1.2);
              value->setFont(big);
              who = new QLabel(box);
              who->setWordWrap(true);
              take = new QPushButton(box);
              take->setObjectName(name + QStringLiteral("Take"));
              boxLayout->addWidget(value);
              boxLayout->addWidget(who);
              boxLayout->addStretch(1);
              boxLayout->addWidget(take);
              sides->addWidget(box, 1);
          };
    makeSide(m_hubBox, m_hubValue, m_hubWho, m_takeHub, QStringLiteral("hub"));
    makeSide(m_incomingBox, m_incomingValue, m_incomingWho, m_takeIncoming, QStringLiteral("incoming"));
    layout->addLayout(sides);

    auto* typedRow = new QHBoxLayout;
    auto* typedLabel = new QLabel(tr("Or &type the right value:"), this);
    m_typed = new QLineEdit(this);
    m_typed->setObjectName(QStringLiteral("typedValue"));
    typedLabel->setBuddy(m_typed);
    m_takeTyped = new QPushButton(tr("Use t&yped value"), this);
    m_takeTyped->setObjectName(QStringLiteral("typedTake"));
    typedRow->addWidget(typedLabel);
    typedRow->addWidget(m_typed, 1);
    typedRow->addWidget(m_takeTyped);
    layout->addLayout(typedRow);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    m_takeHub->setText(tr("&Keep this value"));
    m_takeIncoming->setText(tr("&Use this value"));
    m_hubBox->setTitle(tr("Kept by the hub (entered first)"));
    m_incomingBox->setTitle(tr("Set aside (entered later)"));
    connect(m_takeHub, &QPushButton::clicked, this, [this] { settle(SyncConflictStore::Choice::Hub); });
    connect(m_takeIncoming, &QPushButton::clicked, this,
            [this] { settle(SyncConflictStore::Choice::Incoming); });
    connect(m_takeTyped, &QPushButton::clicked, this, [this] { settle(SyncConflictStore::Choice::Value); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ConflictDialog::showSelected);

    setTabOrder(m_table, m_takeHub);
    setTabOrder(m_takeHub, m_takeIncoming);
    setTabOrder(m_takeIncoming, m_typed);
    setTabOrder(m_typed, m_takeTyped);
    resize(900, 560); // fits 1366×768
    reload();
}

int ConflictDialog::conflictCount() const
{
    return static_cast<int>(m_conflicts.size());
}

QString ConflictDialog::sideText(const QString& officer, const QString& device) const
{
    const QString who = officer.isEmpty() ? tr("unknown officer") : officer;
    return device == m_ward.deviceId() ? tr("%1, on this device").arg(who)
                                       : tr("%1, on another device").arg(who);
}

void ConflictDialog::reload()
{
    auto listed = SyncConflictStore(m_ward).list();
    m_conflicts = listed.ok() ? listed.value() : QList<model::SyncConflict>();
    if (!listed.ok())
        m_summary->setText(listed.error().message);
    else if (m_conflicts.isEmpty())
        m_summary->setText(tr("No conflict is waiting: every field has one value."));
    else
        m_summary->setText(
            tr("Two officers changed the same field before their devices synced. Choose the right "
               "value for each; your choice is sent with the next sync."));
    m_table->setRowCount(static_cast<int>(m_conflicts.size()));
    for (int row = 0; row < m_conflicts.size(); ++row) {
        const model::SyncConflict& c = m_conflicts[row];
        const QStringList cells
            = {c.rowLabel.isEmpty() ? c.rowId : c.rowLabel, SyncConflictStore::fieldLabel(c.table, c.column),
               SyncConflictStore::displayValue(c.hubValue), SyncConflictStore::displayValue(c.incomingValue)};
        for (int column = 0; column < cells.size(); ++column)
            m_table->setItem(row, column, new QTableWidgetItem(cells[column]));
    }
    m_table->resizeColumnsToContents();
    if (!m_conflicts.isEmpty())
        m_table->selectRow(0);
    showSelected();
}

void ConflictDialog::showSelected()
{
    const int row = m_table->currentRow();
    const bool any = row >= 0 && row < m_conflicts.size() && !m_table->selectedItems().isEmpty();
    for (QWidget* w : std::initializer_list<QWidget*>{m_hubBox, m_incomingBox, m_typed, m_takeTyped})
        w->setEnabled(any);
    if (!any) {
        m_hubValue->clear();
        m_incomingValue->clear();
        m_hubWho->clear();
        m_incomingWho->clear();
        return;
    }
    const model::SyncConflict& c = m_conflicts[row];
    m_hubValue->setText(SyncConflictStore::displayValue(c.hubValue));
    m_incomingValue->setText(SyncConflictStore::displayValue(c.incomingValue));
    m_hubWho->setText(sideText(c.hubOfficer, c.hubDevice));
    m_incomingWho->setText(
        sideText(c.incomingOfficer, c.incomingDevice) + QLatin1Char('\n')
        + tr("Received by the hub: %1")
              .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.createdAt).toLocalTime(),
                                      QLocale::ShortFormat)));
    m_typed->setText(SyncConflictStore::displayValue(c.currentValue) == SyncConflictStore::displayValue({})
                         ? QString()
                         : SyncConflictStore::displayValue(c.currentValue));
}

void ConflictDialog::settle(SyncConflictStore::Choice choice)
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_conflicts.size())
        return;
    const auto status = SyncConflictStore(m_ward).resolve(m_conflicts[row].id, choice, m_typed->text());
    if (!status.ok()) {
        QMessageBox box(QMessageBox::Warning, windowTitle(), status.error().message, QMessageBox::NoButton,
                        this);
        box.addButton(tr("Close"), QMessageBox::AcceptRole);
        box.exec();
        return;
    }
    reload();
    Q_EMIT resolved();
}

} // namespace wardroll::ui
