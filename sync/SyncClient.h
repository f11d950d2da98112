#pragma once

#include "HttpTransport.h"
#include "Result.h"
#include "SyncState.h"

#include <limits>
#include <QCborMap>
#include <QCoreApplication>
#include <QCoroTask>
#include <QObject>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::sync {

class DeviceKey;
class KeyStore;

// What one sync round did.
struct SyncReport
{
    model::Status status;
    int sealed = 0; // outbox entries signed into envelopes this round
    int acknowledged = 0; // envelopes the hub confirmed (replays included)
    int refused = 0; // envelopes the hub refused (kept, with the reason)
    int pulledEntries = 0;
    int appliedRows = 0;
    int conflicts = 0;
    int keptLocal = 0; // cells left alone because of an unsynced local edit
    qint64 cursor = 0;
    qint64 unsynced = 0; // outbox entries not yet acknowledged after the round
};

// The device's side of sync. One full round: an authenticated ping (the only meaning of
// "online"), seal pending outbox entries into envelopes, push them in order, then pull the
// hub's log page by page, applying each page and advancing the cursor in one transaction.
// Every step is idempotent, so a round cut anywhere (network, SIGKILL) is simply run again.
// Only one round at a time per ward.
class SyncClient : public QObject
{
    Q_OBJECT
public:
    SyncClient(model::WardDatabase& ward, KeyStore& keys, QObject* parent = nullptr);
    ~SyncClient() override;

    [[nodiscard]] HttpTransport& transport() { return m_transport; }
    void setPushBatch(int envelopes) { m_pushBatch = std::max(1, envelopes); }
    void setPullLimit(int entries) { m_pullLimit = std::max(1, entries); }

    // Makes the device key (kept in the KeyStore), registers it with the hub using a one-time
    // code, and keeps the hub's identity.
    [[nodiscard]] QCoro::Task<model::Status> enroll(QUrl hub, QString code);
    // Authenticated ping; sets isOnline().
    [[nodiscard]] QCoro::Task<model::Status> ping();
    [[nodiscard]] QCoro::Task<SyncReport> sync();
    [[nodiscard]] bool isOnline() const { return m_online; }

    // Signs every pending outbox entry into its envelope, in commit order (needs enrollment).
    [[nodiscard]] model::Result<int> sealPending();
    // The way out of a refused change-set (a fork: this device's chain and the hub's parted),
    // once a person has released the device at the hub: the refused envelope and every one
    // after it are sealed again, continuing the chain the hub has. Nothing is dropped.
    // `resealed` (optional) gets how many were sealed again.
    [[nodiscard]] QCoro::Task<model::Status> resealRefused(int* resealed = nullptr);
    // Sealed envelopes not yet acknowledged, in device order, as a signed file to carry by hand.
    [[nodiscard]] model::Result<QByteArray> exportOutbox();

private:
    [[nodiscard]] model::Status loadIdentity();
    // Seals at most `limit` pending entries, in its own transaction.
    [[nodiscard]] model::Result<int> sealSome(int limit);
    // Seals up to `limit` pending entries while a request is in flight: in small transactions,
    // giving the event loop a turn between them so that the request keeps moving.
    [[nodiscard]] QCoro::Task<model::Result<int>> sealAlongside(int limit);
    // Seals the pending entries after (deviceSeq, previous), at most `limit`, inside the
    // caller's transaction.
    [[nodiscard]] model::Result<int> sealFrom(qint64 deviceSeq, QByteArray previous,
                                              int limit = std::numeric_limits<int>::max());
    // Sends a request and checks that the reply is signed by our hub; `expectOp` is the reply's op.
    struct Exchange
    {
        model::Status status;
        int httpStatus = 0;
        QCborMap body;
    };
    [[nodiscard]] QCoro::Task<Exchange> exchange(QString path, QByteArray request);
    [[nodiscard]] QByteArray signedRequest(const QString& op, QCborMap fields) const;
    [[nodiscard]] QCoro::Task<model::Status> push(SyncReport* report);
    [[nodiscard]] QCoro::Task<model::Status> pull(SyncReport* report);

    model::WardDatabase& m_ward;
    KeyStore& m_keys;
    HttpTransport m_transport;
    SyncState m_state;
    std::unique_ptr<DeviceKey> m_key;
    bool m_online = false;
    QString m_hubState; // this device's state at the hub, from the last ping
    qint64 m_hubLastSeq = 0; // the hub's tip of this device's chain, from the last ping
    QByteArray m_hubLastHash;
    // Envelopes per push: fewer, larger pushes mean fewer commits (fsyncs) at the hub; the hub
    // takes at most protocol::maxEnvelopesPerPush.
    int m_pushBatch = 2000;
    int m_pullLimit = 5000; // the hub's protocol::maxPullLimit; pages are also bounded in bytes
};

} // namespace wardroll::sync
