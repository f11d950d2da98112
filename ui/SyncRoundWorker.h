#pragma once

#include "HttpTransport.h"
#include "SyncClient.h"

#include <functional>
#include <memory>
#include <QDateTime>
#include <QObject>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::sync {
class WardKeyStore;
}

namespace wardroll::ui {

// Runs sync rounds in a thread of its own (SyncController moves it there), through its own
// connection to the ward file: sealing change-sets and applying the hub's pages take seconds on
// a large ward, and on the UI thread they froze the window for as long (23 s pushing and 5 s
// pulling a ward of 200,000 residents, measured). The connection, key store and client are made
// on the first round, in the worker's thread.
class SyncRoundWorker : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        sync::SyncReport report;
        bool online = false;
        QDateTime succeededAt; // null when the round failed
    };

    // ward_meta key of the last successful round's time (ms since the epoch, UTC).
    static const QString lastSyncKey;

    SyncRoundWorker(QString wardPath, QString officer);
    ~SyncRoundWorker() override;

    // In the worker's thread: one round with `policy`, then `done` (called in the worker's thread).
    void run(const sync::HttpTransport::Policy& policy, const std::function<void(const Outcome&)>& done);

private:
    QCoro::Task<void> runRound(sync::HttpTransport::Policy policy, std::function<void(const Outcome&)> done);

    QString m_wardPath;
    QString m_officer;
    std::unique_ptr<model::WardDatabase> m_ward;
    std::unique_ptr<sync::WardKeyStore> m_keys;
    std::unique_ptr<sync::SyncClient> m_client;
};

} // namespace wardroll::ui
