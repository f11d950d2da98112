#include "Envelope.h"

#include "DeviceKey.h"
#include "Uuid7.h"

#include <QCborMap>
#include <QCborValue>

namespace wardroll::sync {

using model::Error;

namespace {
const QString keyId = QStringLiteral("id");
const QString keyDevice = QStringLiteral("device");
const QString keyOfficer = QStringLiteral("officer");
const QString keySeq = QStringLiteral("seq");
const QString keyPrev = QStringLiteral("prev");
const QString keySchema = QStringLiteral("schema");
const QString keyCreated = QStringLiteral("created");
const QString keyChanges = QStringLiteral("changes");
} // namespace

Envelope Envelope::seal(const EnvelopeFields& fields, const DeviceKey& key)
{
    QCborMap body;
    body.insert(keyId, fields.changesetId);
    body.insert(keyDevice, fields.deviceId);
    body.insert(keyOfficer, fields.officer);
    body.insert(keySeq, fields.deviceSeq);
    body.insert(keyPrev, fields.previousHash);
    body.insert(keySchema, fields.schemaVersion);
    body.insert(keyCreated, fields.createdAt);
    body.insert(keyChanges, fields.changes);
    Envelope envelope;
    envelope.m_message = SignedMessage::sign(SignedMessage::Purpose::Envelope, body, key);
    envelope.m_fields = fields;
    return envelope;
}

model::Result<Envelope> Envelope::parse(const QByteArray& wire)
{
    auto message = SignedMessage::parse(wire);
    if (!message.ok())
        return Error{Error::Kind::InvalidInput, tr("The envelope is damaged."), message.error().detail};
    const QCborMap& body = message->body();
    const auto invalid = [](const QString& detail) {
        return Error{Error::Kind::InvalidInput, tr("The envelope is damaged."), detail};
    };
    if (body.size() != 8)
        return invalid(QStringLiteral("wrong number of fields"));
    const QCborValue id = body.value(keyId);
    const QCborValue device = body.value(keyDevice);
    const QCborValue officer = body.value(keyOfficer);
    const QCborValue seq = body.value(keySeq);
    const QCborValue prev = body.value(keyPrev);
    const QCborValue schema = body.value(keySchema);
    const QCborValue created = body.value(keyCreated);
    const QCborValue changes = body.value(keyChanges);
    if (!id.isString() || !model::Uuid7::isValid(id.toString()))
        return invalid(QStringLiteral("change-set id"));
    if (!device.isString() || device.toString().isEmpty() || device.toString().size() > 64)
        return invalid(QStringLiteral("device id"));
    if (!officer.isString() || officer.toString().size() > 256)
        return invalid(QStringLiteral("officer"));
    if (!seq.isInteger() || seq.toInteger() < 1)
        return invalid(QStringLiteral("sequence number"));
    if (!prev.isByteArray()
        || (seq.toInteger() == 1 ? !prev.toByteArray().isEmpty()
                                 : prev.toByteArray().size() != SignedMessage::hashSize))
        return invalid(QStringLiteral("previous hash"));
    if (!schema.isInteger() || schema.toInteger() < 1 || schema.toInteger() > 1'000'000)
        return invalid(QStringLiteral("schema version"));
    if (!created.isInteger() || created.toInteger() < 0)
        return invalid(QStringLiteral("creation time"));
    if (!changes.isByteArray() || changes.toByteArray().isEmpty())
        return invalid(QStringLiteral("changes"));

    Envelope envelope;
    envelope.m_message = std::move(message.value());
    envelope.m_fields.changesetId = id.toString();
    envelope.m_fields.deviceId = device.toString();
    envelope.m_fields.officer = officer.toString();
    envelope.m_fields.deviceSeq = seq.toInteger();
    envelope.m_fields.previousHash = prev.toByteArray();
    envelope.m_fields.schemaVersion = static_cast<int>(schema.toInteger());
    envelope.m_fields.createdAt = created.toInteger();
    envelope.m_fields.changes = changes.toByteArray();
    return envelope;
}

bool Envelope::verify(const QByteArray& publicKey) const
{
    return m_message.verify(SignedMessage::Purpose::Envelope, publicKey);
}

} // namespace wardroll::sync
