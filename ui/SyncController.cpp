#include "SyncController.h"

#include "Outbox.h"
#include "SqlConnection.h"
#include "SyncConflictStore.h"
#include "WardDatabase.h"
#include "WardKeyStore.h"

#include <QRandomGenerator>
#include <QTimer>

namespace wardroll::ui {

namespace {
const QString lastSyncKey = QStringLiteral("sync.last_success_ms");
}

SyncController::SyncController(model::WardDatabase& ward, QObject* parent)
    : QObject(parent)
    , m_ward(ward)
    , m_keys(std::make_unique<sync::WardKeyStore>(ward))
    , m_client(std::make_unique<sync::SyncClient>(ward, *m_keys))
{
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &SyncController::syncNow);
    bool ok = false;
    const qint64 last = m_ward.meta(lastSyncKey).valueOr(QString()).toLongLong(&ok);
    if (ok && last > 0)
        m_lastSyncAt = QDateTime::fromMSecsSinceEpoch(last, Qt::UTC);
    refreshCounts();
}

SyncController::~SyncController()
{
    if (m_running) {
        // A round still waits on the network and will resume into the client: leave the client
        // and its key store alive rather than let the coroutine run into freed memory. Only
        // happens when the application quits in the middle of a round.
        (void)m_client.release();
        (void)m_keys.release();
    }
}

bool SyncController::isEnrolled() const
{
    auto state = sync::SyncState::load(m_ward);
    return state.ok() && state->isEnrolled();
}

void SyncController::start()
{
    m_started = true;
    if (isEnrolled())
        syncNow();
}

void SyncController::stop()
{
    m_started = false;
    m_timer->stop();
}

void SyncController::syncNow()
{
    if (m_running)
        return;
    m_timer->stop();
    runRound();
}

QCoro::Task<void> SyncController::runRound()
{
    m_running = true;
    Q_EMIT roundStarted();
    Q_EMIT stateChanged();
    const sync::SyncReport report = co_await m_client->sync();
    m_running = false;
    m_lastReport = report;
    m_online = m_client->isOnline();
    const bool ok = report.status.ok();
    if (ok) {
        m_failures = 0;
        m_lastError.clear();
        m_lastSyncAt = QDateTime::currentDateTimeUtc();
        (void)m_ward.setMeta(lastSyncKey, QString::number(m_lastSyncAt.toMSecsSinceEpoch()));
    } else {
        ++m_failures;
        m_lastError = report.status.error().message;
    }
    refreshCounts();
    scheduleNext();
    Q_EMIT roundFinished(ok);
    Q_EMIT stateChanged();
}

void SyncController::refreshCounts()
{
    auto counts = model::Outbox(m_ward.connection()).counts();
    m_unsynced = counts.ok() ? counts->unsynced() : -1;
    m_refused = counts.ok() ? counts->refused : 0;
    m_openConflicts = model::SyncConflictStore(m_ward).openCount().valueOr(0);
    Q_EMIT stateChanged();
}

std::chrono::milliseconds SyncController::nextDelay() const
{
    if (m_failures == 0)
        return m_interval;
    // Exponential backoff with full jitter on the upper half, capped.
    const qint64 base = m_baseBackoff.count() << std::min(m_failures - 1, 10);
    const qint64 capped = std::min<qint64>(base, m_maxBackoff.count());
    const qint64 half = std::max<qint64>(1, capped / 2);
    return std::chrono::milliseconds(half + QRandomGenerator::global()->bounded(half));
}

void SyncController::scheduleNext()
{
    if (!m_started)
        return;
    m_timer->start(nextDelay());
}

} // namespace wardroll::ui
