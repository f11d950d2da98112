#include "SignedMessage.h"

#include "DeviceKey.h"

#include <QCborParserError>
#include <QCborValue>
#include <sodium.h>

namespace wardroll::sync {

using model::Error;

namespace {
const QString keyVersion = QStringLiteral("v");
const QString keyBody = QStringLiteral("body");
const QString keySig = QStringLiteral("sig");

QByteArray encode(const QByteArray& body, const QByteArray& signature)
{
    QCborMap outer;
    outer.insert(keyVersion, 1);
    outer.insert(keyBody, body);
    outer.insert(keySig, signature);
    return QCborValue(outer).toCbor();
}
} // namespace

QByteArray SignedMessage::signedBytes(Purpose purpose, const QByteArray& body)
{
    QByteArray label;
    switch (purpose) {
    case Purpose::Envelope:
        label = QByteArrayLiteral("wardroll/envelope/1");
        break;
    case Purpose::DeviceRequest:
        label = QByteArrayLiteral("wardroll/request/1");
        break;
    case Purpose::HubReply:
        label = QByteArrayLiteral("wardroll/hub-reply/1");
        break;
    case Purpose::OutboxFile:
        label = QByteArrayLiteral("wardroll/outbox-file/1");
        break;
    }
    label.append('\0');
    return label + body;
}

SignedMessage SignedMessage::sign(Purpose purpose, const QCborMap& body, const DeviceKey& key)
{
    SignedMessage message;
    message.m_map = body;
    message.m_body = QCborValue(body).toCbor();
    message.m_signature = key.sign(signedBytes(purpose, message.m_body));
    message.m_wire = encode(message.m_body, message.m_signature);
    return message;
}

model::Result<SignedMessage> SignedMessage::parse(const QByteArray& wire)
{
    const auto damaged = [](const QString& detail) {
        return Error{Error::Kind::InvalidInput, tr("The signed message is damaged."), detail};
    };
    QCborParserError error;
    const QCborValue outer = QCborValue::fromCbor(wire, &error);
    if (error.error != QCborError::NoError)
        return damaged(error.errorString());
    if (!outer.isMap())
        return damaged(QStringLiteral("not a map"));
    const QCborMap map = outer.toMap();
    if (map.size() != 3 || map.value(keyVersion) != QCborValue(1) || !map.value(keyBody).isByteArray()
        || !map.value(keySig).isByteArray())
        return damaged(QStringLiteral("wrong fields"));

    SignedMessage message;
    message.m_wire = wire;
    message.m_body = map.value(keyBody).toByteArray();
    message.m_signature = map.value(keySig).toByteArray();
    if (message.m_signature.size() != DeviceKey::signatureSize)
        return damaged(QStringLiteral("wrong signature size"));
    // One encoding per message: bytes appended, fields reordered or re-encoded would change its
    // hash without touching the signature, and a replay would then look like a fork.
    if (encode(message.m_body, message.m_signature) != wire)
        return damaged(QStringLiteral("not in canonical form"));
    const QCborValue body = QCborValue::fromCbor(message.m_body, &error);
    if (error.error != QCborError::NoError)
        return damaged(error.errorString());
    if (!body.isMap())
        return damaged(QStringLiteral("body is not a map"));
    // Trailing bytes after the body would be signed but unread: refuse them.
    if (body.toCbor() != message.m_body)
        return damaged(QStringLiteral("body is not in canonical form"));
    message.m_map = body.toMap();
    return message;
}

bool SignedMessage::verify(Purpose purpose, const QByteArray& publicKey) const
{
    return DeviceKey::verify(signedBytes(purpose, m_body), m_signature, publicKey);
}

QByteArray SignedMessage::hash(const QByteArray& bytes)
{
    QByteArray out(hashSize, Qt::Uninitialized);
    crypto_generichash(reinterpret_cast<unsigned char*>(out.data()), hashSize,
                       reinterpret_cast<const unsigned char*>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()), nullptr, 0);
    return out;
}

} // namespace wardroll::sync
