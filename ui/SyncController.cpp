#include "SyncController.h"

#include "Outbox.h"
#include "SqlConnection.h"
#include "SyncConflictStore.h"
#include "WardDatabase.h"
#include "WardKeyStore.h"

#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

namespace wardroll::ui {

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
    const qint64 last = m_ward.meta(SyncRoundWorker::lastSyncKey).valueOr(QString()).toLongLong(&ok);
    if (ok && last > 0)
        m_lastSyncAt = QDateTime::fromMSecsSinceEpoch(last, Qt::UTC);
    refreshCounts();
}

SyncController::~SyncController()
{
    if (m_thread) {
        // A round still waiting on the network stays suspended for good: its thread's event loop
        // ends here, and the worker (with the round's client) is left alive rather than let the
        // coroutine refer to freed memory. Only happens when the application quits mid-round.
        if (!m_running) // in its own thread: its client's network objects live there
            QMetaObject::invokeMethod(
                m_worker, [worker = m_worker] { delete worker; }, Qt::BlockingQueuedConnection);
        m_worker = nullptr;
        m_thread->quit();
        m_thread->wait();
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
    if (!m_thread) {
        m_thread = new QThread(this);
        m_thread->setObjectName(QStringLiteral("sync"));
        m_worker = new SyncRoundWorker(m_ward.path(), m_ward.officer());
        m_worker->moveToThread(m_thread);
        m_thread->start();
    }
    m_running = true;
    Q_EMIT roundStarted();
    Q_EMIT stateChanged();
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, policy = m_client->transport().policy(), this] {
        worker->run(policy, [this](const SyncRoundWorker::Outcome& outcome) {
            // Back to the UI thread; dropped if the controller is gone by then.
            QMetaObject::invokeMethod(
                this, [this, outcome] { roundDone(outcome); }, Qt::QueuedConnection);
        });
    });
}

void SyncController::roundDone(const SyncRoundWorker::Outcome& outcome)
{

    const sync::SyncReport& report = outcome.report;
    m_running = false;
    m_lastReport = report;
    m_online = outcome.online;
    const bool ok = report.status.ok();
    if (ok) {
        m_failures = 0;
        m_lastError.clear();
        m_lastSyncAt = outcome.succeededAt; // the worker keeps it in the ward
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
