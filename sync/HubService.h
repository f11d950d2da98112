#pragma once

#include "DeviceKey.h"
#include "HubStore.h"
#include "Result.h"

#include <optional>
#include <QByteArray>
#include <QCborMap>
#include <QCoreApplication>
#include <variant>

namespace wardroll::model {
class ChangeSet;
}

namespace wardroll::sync {

class Envelope;

// The hub's rules, without HTTP: enrollment, authenticated requests, and the verification and
// application of envelopes. Every envelope must come from a known, unrevoked device, carry a
// valid signature, and continue that device's chain (next sequence number, previous hash).
// A replay gets its original acknowledgement back; a fork or a gap is refused and the device
// held until a person releases it. Accepted change-sets are merged cell by cell: an edit whose
// value-before matches the hub applies; one that disagrees with a different hub value becomes
// a conflict holding both values (never last-writer-wins). Each accepted change-set gets the
// next global sequence number; devices pull the log in that order.
class HubService
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::sync::HubService)
public:
    struct Reply
    {
        int status = 200; // HTTP status
        QByteArray body; // a signed hub reply
    };

    explicit HubService(HubStore& store);

    // Loads the hub's key and id, creating them on first use. The hub's secret key is kept in
    // its store for now (the security issue will move it behind a KeyStore).
    [[nodiscard]] model::Status initialise();
    [[nodiscard]] const QString& hubId() const { return m_hubId; }
    [[nodiscard]] QByteArray hubPublicKey() const;
    [[nodiscard]] HubStore& store() { return m_store; }

    // Administration (the wardroll-hub command).
    [[nodiscard]] model::Result<QString> createEnrollmentCode(const QString& deviceName, qint64 validForMs);
    [[nodiscard]] model::Status revoke(const QString& deviceId, const QString& reason);
    [[nodiscard]] model::Status release(const QString& deviceId);

    // The API; `body` is untrusted.
    [[nodiscard]] Reply enroll(const QByteArray& body);
    [[nodiscard]] Reply ping(const QByteArray& body);
    [[nodiscard]] Reply push(const QByteArray& body);
    [[nodiscard]] Reply pull(const QByteArray& body);
    // A signed outbox file carried by hand (wardroll-cli outbox-export): same rules as a push.
    [[nodiscard]] Reply importOutbox(const QByteArray& file);

    [[nodiscard]] Reply error(int status, const QString& code, const QString& reason) const;
    [[nodiscard]] Reply reply(int status, const QCborMap& body) const;
    [[nodiscard]] Reply internal(const model::Error& error) const;

    [[nodiscard]] static QString normaliseCode(const QString& code);

private:
    struct Requester
    {
        HubStore::Device device;
        QCborMap body;
    };
    // A device-signed request for `op`: parses, checks the device and the signature.
    [[nodiscard]] std::variant<Requester, Reply> authenticate(const QByteArray& body, const QString& op);
    [[nodiscard]] Reply pushEnvelopes(const QString& deviceId, const QList<QByteArray>& wires);
    struct Applied
    {
        QByteArray ack;
        int conflicts = 0;
    };
    [[nodiscard]] model::Result<Applied> apply(const Envelope& envelope, const model::ChangeSet& changes,
                                               qint64 globalSeq);

    HubStore& m_store;
    std::optional<DeviceKey> m_key;
    QString m_hubId;
};

} // namespace wardroll::sync
