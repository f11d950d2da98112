#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCborMap>
#include <QCoreApplication>

namespace wardroll::sync {

class DeviceKey;

// A CBOR body with an Ed25519 signature, as it travels: the map {"v": 1, "body": bytes,
// "sig": bytes}. The signature covers a purpose label and the body bytes exactly as sent, so
// there is no re-encoding to get wrong, and a signature made for one purpose (an envelope)
// cannot be passed off as another (a request, a hub reply).
class SignedMessage
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::sync::SignedMessage)
public:
    enum class Purpose { Envelope, DeviceRequest, HubReply, OutboxFile };

    // Signs `body` (a CBOR map) and returns the message.
    [[nodiscard]] static SignedMessage sign(Purpose purpose, const QCborMap& body, const DeviceKey& key);
    // Structure only: a CBOR map of the right shape whose body is a CBOR map. Say nothing yet
    // about who signed it; call verify().
    [[nodiscard]] static model::Result<SignedMessage> parse(const QByteArray& wire);

    [[nodiscard]] bool verify(Purpose purpose, const QByteArray& publicKey) const;
    [[nodiscard]] const QByteArray& wire() const { return m_wire; }
    [[nodiscard]] const QByteArray& bodyBytes() const { return m_body; }
    [[nodiscard]] const QCborMap& body() const { return m_map; }

    // BLAKE2b-256 of the wire bytes: what an envelope chain links and replays are recognised by.
    [[nodiscard]] static QByteArray hash(const QByteArray& bytes);
    static constexpr int hashSize = 32;

private:
    [[nodiscard]] static QByteArray signedBytes(Purpose purpose, const QByteArray& body);
    QByteArray m_wire;
    QByteArray m_body;
    QByteArray m_signature;
    QCborMap m_map;
};

} // namespace wardroll::sync
