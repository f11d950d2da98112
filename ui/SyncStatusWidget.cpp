#include "SyncStatusWidget.h"

#include "SyncController.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMouseEvent>
#include <QToolButton>

namespace wardroll::ui {

SyncStatusWidget::SyncStatusWidget(SyncController& controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_label = new QLabel(this);
    m_label->setObjectName(QStringLiteral("syncStatus"));
    m_label->setCursor(Qt::PointingHandCursor);
    m_label->installEventFilter(this);
    m_syncButton = new QToolButton(this);
    m_syncButton->setObjectName(QStringLiteral("syncNowButton"));
    m_syncButton->setAutoRaise(true);
    layout->addWidget(m_label);
    layout->addWidget(m_syncButton);
    connect(m_syncButton, &QToolButton::clicked, &m_controller, &SyncController::syncNow);
    connect(&m_controller, &SyncController::stateChanged, this, &SyncStatusWidget::refresh);
    refresh();
}

QString SyncStatusWidget::text() const
{
    return m_label->text();
}

void SyncStatusWidget::refresh()
{
    QStringList parts;
    if (!m_controller.isEnrolled())
        parts << tr("Not enrolled with a hub");
    else if (m_controller.isRunning())
        parts << tr("Syncing…");
    else
        parts << (m_controller.isOnline() ? tr("● Online") : tr("○ Offline"));
    const QDateTime last = m_controller.lastSyncAt();
    parts << (last.isValid()
                  ? tr("Last sync: %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat))
                  : tr("Never synced"));
    if (m_controller.unsyncedCount() >= 0)
        parts << tr("%Ln change(s) to send", nullptr, static_cast<int>(m_controller.unsyncedCount()));
    if (m_controller.refusedCount() > 0)
        parts << tr("%Ln refused", nullptr, static_cast<int>(m_controller.refusedCount()));
    if (m_controller.openConflicts() > 0)
        parts << tr("%Ln conflict(s)", nullptr, static_cast<int>(m_controller.openConflicts()));
    m_label->setText(parts.join(QStringLiteral(" · ")));
    m_label->setToolTip(m_controller.lastError().isEmpty()
                            ? tr("Click to see the changes and their sync state.")
                            : tr("Last sync failed: %1").arg(m_controller.lastError()));
    m_syncButton->setText(tr("Sync now"));
    m_syncButton->setEnabled(m_controller.isEnrolled() && !m_controller.isRunning());
}

void SyncStatusWidget::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

bool SyncStatusWidget::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_label && event->type() == QEvent::MouseButtonRelease) {
        Q_EMIT panelRequested();
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace wardroll::ui
