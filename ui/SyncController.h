#pragma once

#include "SyncClient.h"
#include "SyncRoundWorker.h"

#include <chrono>
#include <memory>
#include <QDateTime>
#include <QObject>

class QThread;
class QTimer;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::sync {
class WardKeyStore;
}

namespace wardroll::ui {

// Runs sync rounds for the desktop app, in a thread of its own (SyncRoundWorker, with its own
// connection to the ward file): each round is a QCoro coroutine on a SyncClient there, whose
// HttpTransport keeps one long-lived QNetworkAccessManager, aborts a request at its deadline and
// retries it with backoff and jitter (with client()'s transport policy). Between rounds the
// controller waits `interval`; after a failed round it waits longer each time (exponential, with
// jitter, capped), so that a device out of coverage does not hammer the hub when it comes back.
// "Online" means the round's authenticated ping succeeded, nothing else.
//
// The ward must outlive the controller. The window refuses to switch wards while a round runs
// (isRunning()); destroying the controller meanwhile (quitting) abandons the round.
class SyncController : public QObject
{
    Q_OBJECT
public:
    explicit SyncController(model::WardDatabase& ward, QObject* parent = nullptr);
    ~SyncController() override;

    // On the UI thread, for enrollment; its transport policy applies to the rounds too.
    [[nodiscard]] sync::SyncClient& client() { return *m_client; }
    [[nodiscard]] model::WardDatabase& ward() { return m_ward; }

    // Starts automatic rounds (first one at once) when the ward is enrolled.
    void start();
    void stop();
    void setInterval(std::chrono::milliseconds interval) { m_interval = interval; }
    void setMaxBackoff(std::chrono::milliseconds cap) { m_maxBackoff = cap; }

    // Starts a round now unless one is running (then the running one is the answer).
    void syncNow();

    [[nodiscard]] bool isEnrolled() const;
    [[nodiscard]] bool isRunning() const { return m_running; }
    [[nodiscard]] bool isOnline() const { return m_online; }
    [[nodiscard]] QDateTime lastSyncAt() const { return m_lastSyncAt; } // last successful round
    [[nodiscard]] QString lastError() const { return m_lastError; }
    [[nodiscard]] const sync::SyncReport& lastReport() const { return m_lastReport; }
    // Outbox entries not acknowledged yet (pending, sealed or refused); -1 when unknown.
    [[nodiscard]] qint64 unsyncedCount() const { return m_unsynced; }
    [[nodiscard]] qint64 refusedCount() const { return m_refused; }
    [[nodiscard]] qint64 openConflicts() const { return m_openConflicts; }
    // How many rounds in a row failed (0 after a success).
    [[nodiscard]] int failures() const { return m_failures; }

    // Re-reads the outbox and conflict counts (after an edit, a conflict settled).
    void refreshCounts();

Q_SIGNALS:
    void roundStarted();
    void roundFinished(bool ok);
    // Anything shown changed: online, last sync, counts, running.
    void stateChanged();

private:
    void roundDone(const SyncRoundWorker::Outcome& outcome);
    void scheduleNext();
    [[nodiscard]] std::chrono::milliseconds nextDelay() const;

    model::WardDatabase& m_ward;
    std::unique_ptr<sync::WardKeyStore> m_keys;
    std::unique_ptr<sync::SyncClient> m_client;
    QThread* m_thread = nullptr;
    SyncRoundWorker* m_worker = nullptr; // lives in m_thread
    QTimer* m_timer = nullptr;
    std::chrono::milliseconds m_interval{std::chrono::minutes(5)};
    std::chrono::milliseconds m_baseBackoff{std::chrono::seconds(15)};
    std::chrono::milliseconds m_maxBackoff{std::chrono::minutes(30)};
    bool m_started = false;
    bool m_running = false;
    bool m_online = false;
    int m_failures = 0;
    QDateTime m_lastSyncAt;
    QString m_lastError;
    sync::SyncReport m_lastReport;
    qint64 m_unsynced = -1;
    qint64 m_refused = 0;
    qint64 m_openConflicts = 0;
};

} // namespace wardroll::ui
