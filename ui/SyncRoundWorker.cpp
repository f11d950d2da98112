#include "SyncRoundWorker.h"

#include "BackgroundPool.h"
#include "SqlConnection.h"
#include "WardDatabase.h"
#include "WardKeyStore.h"

namespace wardroll::ui {

const QString SyncRoundWorker::lastSyncKey = QStringLiteral("sync.last_success_ms");

SyncRoundWorker::SyncRoundWorker(QString wardPath, QString officer)
    : m_wardPath(std::move(wardPath))
    , m_officer(std::move(officer))
{
}

SyncRoundWorker::~SyncRoundWorker() = default;

void SyncRoundWorker::run(const sync::HttpTransport::Policy& policy,
                          const std::function<void(const Outcome&)>& done)
{
    runRound(policy, done);
}

QCoro::Task<void> SyncRoundWorker::runRound(sync::HttpTransport::Policy policy,
                                            std::function<void(const Outcome&)> done)
{
    Outcome outcome;
    if (!m_client) {
        lowerCurrentThreadPriority();
        model::WardDatabase::Options options;
        options.create = false;
        options.officer = m_officer;
        auto ward = model::WardDatabase::open(m_wardPath, options);
        if (!ward.ok()) {
            outcome.report.status = ward.error();
            done(outcome);
            co_return;
        }
        m_ward = std::move(ward.value());
        m_keys = std::make_unique<sync::WardKeyStore>(*m_ward);
        m_client = std::make_unique<sync::SyncClient>(*m_ward, *m_keys);
    }
    m_client->transport().setPolicy(policy);
    outcome.report = co_await m_client->sync();
    outcome.online = m_client->isOnline();
    if (outcome.report.status.ok()) {
        outcome.succeededAt = QDateTime::currentDateTimeUtc();
        // Written here, not by the window: a write on the UI thread's connection after a large
        // pull paid for the checkpoint of the whole write-ahead log (2 s, measured).
        (void)m_ward->setMeta(lastSyncKey, QString::number(outcome.succeededAt.toMSecsSinceEpoch()));
        if (outcome.report.appliedRows > 0)
            (void)m_ward->connection().exec(u"PRAGMA wal_checkpoint(TRUNCATE)");
    }
    done(outcome);
}

} // namespace wardroll::ui
