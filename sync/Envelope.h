#pragma once

#include "Result.h"
#include "SignedMessage.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace wardroll::sync {

class DeviceKey;

// What an envelope says: one change-set from one device, its place in that device's chain
// (sequence number and the hash of the previous envelope), and who made it.
struct EnvelopeFields
{
    QString changesetId; // UUIDv7, the outbox entry's
    QString deviceId;
    QString officer;
    qint64 deviceSeq = 0; // 1, 2, 3... per device, no gaps
    QByteArray previousHash; // empty for the first envelope of a device
    int schemaVersion = 0;
    qint64 createdAt = 0; // Unix ms, when the change was committed
    QByteArray changes; // model::ChangeSet CBOR

    friend bool operator==(const EnvelopeFields&, const EnvelopeFields&) = default;
};

// A change-set as it travels: the fields signed by the device key (SignedMessage, purpose
// Envelope). Sealed once, then sent byte for byte the same however often it is retried, so
// that the hub recognises a replay by its hash.
class Envelope
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::sync::Envelope)
public:
    [[nodiscard]] static Envelope seal(const EnvelopeFields& fields, const DeviceKey& key);
    // Checks the structure and every field's type and range; not the signature.
    [[nodiscard]] static model::Result<Envelope> parse(const QByteArray& wire);

    [[nodiscard]] bool verify(const QByteArray& publicKey) const;
    [[nodiscard]] const EnvelopeFields& fields() const { return m_fields; }
    [[nodiscard]] const QByteArray& wire() const { return m_message.wire(); }
    [[nodiscard]] QByteArray hash() const { return SignedMessage::hash(m_message.wire()); }

private:
    SignedMessage m_message;
    EnvelopeFields m_fields;
};

} // namespace wardroll::sync
