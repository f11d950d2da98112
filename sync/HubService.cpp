#include "HubService.h"

#include "ChangeSet.h"
#include "Clock.h"
#include "Envelope.h"
#include "Migrations.h"
#include "SignedMessage.h"
#include "SyncedTables.h"
#include "SyncProtocol.h"
#include "Uuid7.h"

#include <algorithm>
#include <numeric>
#include <QCborArray>
#include <QCborParserError>
#include <QCborValue>
#include <QLoggingCategory>
#include <QtConcurrent/QtConcurrentMap>
#include <sodium.h>
#include <vector>

namespace wardroll::sync {

using model::ChangeSet;
using model::Error;
using model::Result;
using model::RowChange;
using model::Status;
namespace p = protocol;

namespace {

Q_LOGGING_CATEGORY(lcHubService, "wardroll.hub.service")

// Below this many envelopes a push is checked on the calling thread (threads cost more).
constexpr qsizetype parallelCheckFrom = 64;

const QString metaHubId = QStringLiteral("hub_id");
const QString metaHubSecret = QStringLiteral("hub_secret");

QString codeHash(const QString& normalised)
{
    return QString::fromLatin1(SignedMessage::hash(normalised.toUtf8()).toHex());
}

// ^[a-z_][a-z0-9_]{0,62}$, by hand: it runs for every cell of every envelope, on several threads.
bool validColumn(QStringView name)
{
    if (name.isEmpty() || name.size() > 63)
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        const char16_t c = name[i].unicode();
        const bool ok = (c >= u'a' && c <= u'z') || c == u'_' || (i > 0 && c >= u'0' && c <= u'9');
        if (!ok)
            return false;
    }
    return true;
}

// What the hub accepts in a change-set, beyond its shape: synced tables, sane ids and names.
bool validChanges(const ChangeSet& changes)
{
    for (const RowChange& row : changes.rows) {
        if (!model::SyncedTables::isSynced(row.table) || row.rowId.size() > 64)
            return false;
        for (const QCborMap* map : {&row.before, &row.after}) {
            for (auto it = map->constBegin(); it != map->constEnd(); ++it) {
                if (!validColumn(it.key().toString()))
                    return false;
            }
        }
    }
    return true;
}

QByteArray cbor(const QCborValue& value)
{
    return value.toCbor();
}

QCborValue decode(const QByteArray& bytes)
{
    return QCborValue::fromCbor(bytes);
}

} // namespace

HubService::HubService(HubStore& store)
    : m_store(store)
{
}

Status HubService::initialise()
{
    if (auto status = m_store.begin(); !status.ok())
        return status;
    auto id = m_store.meta(metaHubId);
    auto secret = m_store.meta(metaHubSecret);
    if (!id.ok() || !secret.ok()) {
        m_store.rollback();
        return id.ok() ? secret.error() : id.error();
    }
    if (id->isEmpty() || secret->isEmpty()) {
        auto key = DeviceKey::generate();
        if (!key.ok()) {
            m_store.rollback();
            return key.error();
        }
        id = model::Uuid7::generate();
        secret = QString::fromLatin1(key->secretKey().toBase64());
        if (auto status = m_store.setMeta(metaHubId, *id); !status.ok()) {
            m_store.rollback();
            return status;
        }
        if (auto status = m_store.setMeta(metaHubSecret, *secret); !status.ok()) {
            m_store.rollback();
            return status;
        }
    }
    if (auto status = m_store.commit(); !status.ok())
        return status;
    auto key = DeviceKey::fromSecret(QByteArray::fromBase64(secret->toLatin1()));
    if (!key.ok())
        return key.error();
    m_key.emplace(std::move(key.value()));
    m_hubId = id.value();
    return {};
}

QByteArray HubService::hubPublicKey() const
{
    return m_key ? m_key->publicKey() : QByteArray();
}

QString HubService::normaliseCode(const QString& code)
{
    QString out;
    for (const QChar c : code) {
        if (c.isLetterOrNumber())
            out.append(c.toUpper());
    }
    return out;
}

Result<QString> HubService::createEnrollmentCode(const QString& deviceName, qint64 validForMs)
{
    if (deviceName.trimmed().isEmpty())
        return Error{Error::Kind::InvalidInput, tr("The device needs a name.")};
    if (sodium_init() < 0)
        return Error{Error::Kind::Generic, tr("The cryptography library could not start.")};
    // 10 characters from 30 unambiguous ones: about 49 bits, used once, valid for a day.
    static constexpr char alphabet[] = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
    QString code;
    for (int i = 0; i < 10; ++i) {
        if (i == 5)
            code.append(QLatin1Char('-'));
        code.append(QLatin1Char(alphabet[randombytes_uniform(sizeof(alphabet) - 1)]));
    }
    HubStore::EnrollmentCode record;
    record.deviceName = deviceName.trimmed();
    record.createdAt = model::Clock::nowMs();
    record.expiresAt = record.createdAt + validForMs;
    if (auto status = m_store.insertCode(codeHash(normaliseCode(code)), record); !status.ok())
        return status.error();
    return code;
}

Status HubService::revoke(const QString& deviceId, const QString& reason)
{
    return m_store.setDeviceState(deviceId, HubStore::Device::State::Revoked,
                                  reason.isEmpty() ? tr("Revoked by the hub's administrator.") : reason);
}

Status HubService::release(const QString& deviceId)
{
    auto device = m_store.device(deviceId);
    if (!device.ok())
        return device.error();
    if (!device.value())
        return Error{Error::Kind::NotFound, tr("No device has this id."), deviceId};
    if (device.value()->state != HubStore::Device::State::Held)
        return Error{Error::Kind::InvalidInput, tr("The device is not held.")};
    return m_store.setDeviceState(deviceId, HubStore::Device::State::Active, QString());
}

HubService::Reply HubService::reply(int status, const QCborMap& body) const
{
    return Reply{status, SignedMessage::sign(SignedMessage::Purpose::HubReply, body, *m_key).wire()};
}

HubService::Reply HubService::internal(const Error& e) const
{
    // The detail (an SQL message) stays in the hub's log; the device gets the plain message.
    qCWarning(lcHubService).noquote() << e.toString();
    return error(500, p::errorInternal, e.message);
}

HubService::Reply HubService::error(int status, const QString& code, const QString& reason) const
{
    QCborMap body;
    body.insert(QStringLiteral("error"), code);
    body.insert(QStringLiteral("reason"), reason);
    return reply(status, body);
}

HubService::Reply HubService::enroll(const QByteArray& body)
{
    auto message = SignedMessage::parse(body);
    if (!message.ok())
        return error(400, p::errorMalformed, message.error().message);
    const QCborMap& request = message->body();
    const QString deviceId = request.value(QStringLiteral("device")).toString();
    const QByteArray key = request.value(QStringLiteral("key")).toByteArray();
    const QString code = request.value(QStringLiteral("code")).toString();
    if (request.value(QStringLiteral("op")).toString() != u"enroll" || deviceId.isEmpty()
        || deviceId.size() > 64 || key.size() != DeviceKey::publicKeySize || code.isEmpty()
        || code.size() > 64)
        return error(400, p::errorBadRequest, tr("The enrollment request is incomplete."));
    if (!message->verify(SignedMessage::Purpose::DeviceRequest, key))
        return error(403, p::errorBadSignature,
                     tr("The enrollment request is not signed by the device's key."));

    if (auto status = m_store.begin(); !status.ok())
        return internal(status.error());
    const auto fail = [this](int status, const QString& code, const QString& reason) {
        m_store.rollback();
        return error(status, code, reason);
    };
    const auto failInternal = [this](const Error& e) {
        m_store.rollback();
        return internal(e);
    };
    const QString hash = codeHash(normaliseCode(code));
    auto stored = m_store.code(hash);
    if (!stored.ok())
        return failInternal(stored.error());
    if (!stored.value() || (!stored.value()->usedBy.isEmpty() && stored.value()->usedBy != deviceId)
        || stored.value()->expiresAt < model::Clock::nowMs())
        return fail(403, p::errorCode,
                    tr("The enrollment code is not valid, was already used, or has expired."));
    auto existing = m_store.device(deviceId);
    if (!existing.ok())
        return failInternal(existing.error());
    if (existing.value() && existing.value()->publicKey == key
        && existing.value()->state != HubStore::Device::State::Revoked) {
        // The same device asking again (its first answer was lost): the same answer.
        m_store.rollback();
        QCborMap again;
        again.insert(QStringLiteral("op"), QStringLiteral("enroll"));
        again.insert(QStringLiteral("hub"), m_hubId);
        again.insert(QStringLiteral("hubKey"), hubPublicKey());
        again.insert(QStringLiteral("device"), deviceId);
        again.insert(QStringLiteral("name"), existing.value()->name);
        return reply(200, again);
    }
    if (existing.value())
        return fail(409, p::errorEnrolled, tr("This device is already enrolled."));
    HubStore::Device device;
    device.id = deviceId;
    device.name = stored.value()->deviceName;
    device.publicKey = key;
    device.enrolledAt = model::Clock::nowMs();
    if (auto status = m_store.insertDevice(device); !status.ok())
        return failInternal(status.error());
    if (auto status = m_store.useCode(hash, deviceId); !status.ok())
        return fail(403, p::errorCode, status.error().message);
    if (auto status = m_store.commit(); !status.ok())
        return failInternal(status.error());

    QCborMap out;
    out.insert(QStringLiteral("op"), QStringLiteral("enroll"));
    out.insert(QStringLiteral("hub"), m_hubId);
    out.insert(QStringLiteral("hubKey"), hubPublicKey());
    out.insert(QStringLiteral("device"), deviceId);
    out.insert(QStringLiteral("name"), device.name);
    return reply(200, out);
}

std::variant<HubService::Requester, HubService::Reply> HubService::authenticate(const QByteArray& body,
                                                                                const QString& op)
{
    auto message = SignedMessage::parse(body);
    if (!message.ok())
        return error(400, p::errorMalformed, message.error().message);
    const QCborMap& request = message->body();
    const QString deviceId = request.value(QStringLiteral("device")).toString();
    if (request.value(QStringLiteral("op")).toString() != op || deviceId.isEmpty())
        return error(400, p::errorBadRequest, tr("The request is incomplete."));
    auto device = m_store.device(deviceId);
    if (!device.ok())
        return internal(device.error());
    if (!device.value())
        return error(403, p::errorUnknownDevice, tr("This device is not enrolled with the hub."));
    if (!message->verify(SignedMessage::Purpose::DeviceRequest, device.value()->publicKey))
        return error(403, p::errorBadSignature, tr("The request is not signed by the device's key."));
    if (device.value()->state == HubStore::Device::State::Revoked)
        return error(403, p::errorRevoked, tr("This device was revoked: %1").arg(device.value()->reason));
    return Requester{device.value().value(), request};
}

HubService::Reply HubService::ping(const QByteArray& body)
{
    auto auth = authenticate(body, QStringLiteral("ping"));
    if (auto* failed = std::get_if<Reply>(&auth))
        return *failed;
    const Requester& requester = std::get<Requester>(auth);
    (void)m_store.touchDevice(requester.device.id, model::Clock::nowMs());
    auto head = m_store.head();
    if (!head.ok())
        return internal(head.error());
    QCborMap out;
    out.insert(QStringLiteral("op"), QStringLiteral("ping"));
    out.insert(QStringLiteral("hub"), m_hubId);
    out.insert(QStringLiteral("nonce"), requester.body.value(QStringLiteral("nonce")));
    out.insert(QStringLiteral("at"), model::Clock::nowMs());
    out.insert(QStringLiteral("head"), head.value());
    out.insert(QStringLiteral("state"), HubStore::stateCode(requester.device.state));
    out.insert(QStringLiteral("reason"), requester.device.reason);
    out.insert(QStringLiteral("lastSeq"), requester.device.lastSeq);
    out.insert(QStringLiteral("lastHash"), requester.device.lastHash);
    return reply(200, out);
}

HubService::Reply HubService::pull(const QByteArray& body)
{
    auto auth = authenticate(body, QStringLiteral("pull"));
    if (auto* failed = std::get_if<Reply>(&auth))
        return *failed;
    const Requester& requester = std::get<Requester>(auth);
    const QCborValue after = requester.body.value(QStringLiteral("after"));
    const QCborValue limit = requester.body.value(QStringLiteral("limit"));
    if (!after.isInteger() || after.toInteger() < 0 || !limit.isInteger() || limit.toInteger() < 1
        || limit.toInteger() > p::maxPullLimit)
        return error(400, p::errorBadRequest, tr("The pull request has no valid cursor or page size."));
    auto entries = m_store.log(after.toInteger(), static_cast<int>(limit.toInteger()), p::pullPageBytes);
    auto head = m_store.head();
    if (!entries.ok() || !head.ok())
        return internal((entries.ok() ? head.error() : entries.error()));
    QCborArray list;
    qint64 next = after.toInteger();
    for (const HubStore::LogEntry& entry : entries.value()) {
        if (entry.deviceId == requester.device.id) {
            // The device's own change-set: it has the values; only the conflicts are news.
            QCborMap own = decode(entry.entry).toMap();
            own.remove(QStringLiteral("rows"));
            list.append(own);
        } else {
            list.append(decode(entry.entry));
        }
        next = entry.globalSeq;
    }
    QCborMap out;
    out.insert(QStringLiteral("op"), QStringLiteral("pull"));
    out.insert(QStringLiteral("hub"), m_hubId);
    out.insert(QStringLiteral("device"), requester.device.id);
    out.insert(QStringLiteral("nonce"), requester.body.value(QStringLiteral("nonce")));
    out.insert(QStringLiteral("after"), after.toInteger());
    out.insert(QStringLiteral("next"), next);
    out.insert(QStringLiteral("head"), head.value());
    out.insert(QStringLiteral("entries"), list);
    return reply(200, out);
}

HubService::Reply HubService::push(const QByteArray& body)
{
    QCborParserError parseError;
    const QCborValue value = QCborValue::fromCbor(body, &parseError);
    if (parseError.error != QCborError::NoError || !value.isMap())
        return error(400, p::errorMalformed, tr("The push is not a CBOR map."));
    const QCborMap map = value.toMap();
    const QCborValue device = map.value(QStringLiteral("device"));
    const QCborValue envelopes = map.value(QStringLiteral("envelopes"));
    if (!device.isString() || !envelopes.isArray() || envelopes.toArray().isEmpty())
        return error(400, p::errorBadRequest, tr("The push names no device or carries no envelopes."));
    if (envelopes.toArray().size() > p::maxEnvelopesPerPush)
        return error(413, p::errorTooLarge,
                     tr("Too many envelopes in one push (at most %1).").arg(p::maxEnvelopesPerPush));
    QList<QByteArray> wires;
    for (const QCborValue& item : envelopes.toArray()) {
        if (!item.isByteArray())
            return error(400, p::errorMalformed, tr("An envelope is not a byte string."));
        wires.append(item.toByteArray());
    }
    return pushEnvelopes(device.toString(), wires);
}

HubService::Reply HubService::importOutbox(const QByteArray& file)
{
    auto message = SignedMessage::parse(file);
    if (!message.ok())
        return error(400, p::errorMalformed, message.error().message);
    const QCborMap& body = message->body();
    const QString deviceId = body.value(QStringLiteral("device")).toString();
    const QCborValue envelopes = body.value(QStringLiteral("envelopes"));
    if (deviceId.isEmpty() || !envelopes.isArray())
        return error(400, p::errorBadRequest, tr("The outbox file names no device or carries no envelopes."));
    auto device = m_store.device(deviceId);
    if (!device.ok())
        return internal(device.error());
    if (!device.value())
        return error(403, p::errorUnknownDevice, tr("This device is not enrolled with the hub."));
    if (!message->verify(SignedMessage::Purpose::OutboxFile, device.value()->publicKey))
        return error(403, p::errorBadSignature, tr("The outbox file is not signed by the device's key."));
    QList<QByteArray> wires;
    for (const QCborValue& item : envelopes.toArray()) {
        if (!item.isByteArray())
            return error(400, p::errorMalformed, tr("An envelope is not a byte string."));
        wires.append(item.toByteArray());
    }
    if (wires.isEmpty()) {
        QCborMap out;
        out.insert(QStringLiteral("op"), QStringLiteral("push"));
        out.insert(QStringLiteral("device"), deviceId);
        out.insert(QStringLiteral("acks"), QCborArray());
        return reply(200, out);
    }
    return pushEnvelopes(deviceId, wires);
}

HubService::Reply HubService::pushEnvelopes(const QString& deviceId, const QList<QByteArray>& wires)
{
    auto device = m_store.device(deviceId);
    if (!device.ok())
        return internal(device.error());
    if (!device.value())
        return error(403, p::errorUnknownDevice, tr("This device is not enrolled with the hub."));
    const QByteArray publicKey = device.value()->publicKey;

    struct Item
    {
        Envelope envelope;
        ChangeSet changes;
        QByteArray hash;
    };
    // Everything that needs no state is checked first, so that bad input changes nothing: one
    // bad envelope refuses the whole push, and the reply names the first bad one. The checks
    // (parse, signature, change-set) are independent per envelope, so a large push spreads
    // them over the CPU's cores; signature checks are most of the hub's work.
    struct Checked
    {
        std::optional<Item> item;
        int status = 0;
        QString code;
        QString reason;
    };
    std::vector<Checked> checked(static_cast<size_t>(wires.size()));
    const auto check = [&](qsizetype i) {
        Checked& out = checked[static_cast<size_t>(i)];
        const auto refuse = [&out](int status, const QString& code, const QString& reason) {
            out.status = status;
            out.code = code;
            out.reason = reason;
        };
        auto envelope = Envelope::parse(wires[i]);
        if (!envelope.ok())
            return refuse(400, p::errorMalformed,
                          tr("Envelope %1 is damaged: %2").arg(i + 1).arg(envelope.error().detail));
        if (envelope->fields().deviceId != deviceId)
            return refuse(400, p::errorBadRequest, tr("Envelope %1 comes from another device.").arg(i + 1));
        if (!envelope->verify(publicKey))
            return refuse(
                403, p::errorBadSignature,
                tr("Envelope %1 is not signed by the device's key: it was altered or forged.").arg(i + 1));
        if (envelope->fields().schemaVersion > model::Migrations::latestVersion())
            return refuse(422, p::errorSchema,
                          tr("Envelope %1 was made by a newer WardRoll (schema %2); upgrade the hub.")
                              .arg(i + 1)
                              .arg(envelope->fields().schemaVersion));
        auto changes = ChangeSet::fromCbor(envelope->fields().changes);
        if (!changes.ok() || !validChanges(changes.value()))
            return refuse(400, p::errorMalformed, tr("Envelope %1 carries a damaged change-set.").arg(i + 1));
        const QByteArray hash = envelope->hash();
        out.item.emplace(Item{std::move(envelope.value()), std::move(changes.value()), hash});
    };
    if (wires.size() >= parallelCheckFrom) {
        std::vector<qsizetype> indexes(static_cast<size_t>(wires.size()));
        std::iota(indexes.begin(), indexes.end(), 0);
        QtConcurrent::blockingMap(indexes, [&check](qsizetype i) { check(i); });
    } else {
        for (qsizetype i = 0; i < wires.size(); ++i)
            check(i);
    }
    QList<Item> items;
    items.reserve(wires.size());
    for (Checked& c : checked) {
        if (!c.item)
            return error(c.status, c.code, c.reason);
        items.append(std::move(*c.item));
    }
    checked.clear();
    if (device.value()->state == HubStore::Device::State::Revoked)
        return error(403, p::errorRevoked, tr("This device was revoked: %1").arg(device.value()->reason));
    if (device.value()->state == HubStore::Device::State::Held)
        return error(
            423, p::errorHeld,
            tr("This device is held until a person at the hub releases it: %1").arg(device.value()->reason));
    // Delivery order does not matter within one push.
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.envelope.fields().deviceSeq < b.envelope.fields().deviceSeq;
    });

    if (auto status = m_store.begin(); !status.ok())
        return internal(status.error());
    const auto fail = [this](const Error& e) {
        m_store.rollback();
        return internal(e);
    };
    // Read again inside the transaction: another push may have moved the chain meanwhile.
    auto current = m_store.device(deviceId);
    if (!current.ok())
        return fail(current.error());
    qint64 lastSeq = current.value()->lastSeq;
    QByteArray lastHash = current.value()->lastHash;
    auto head = m_store.head();
    if (!head.ok())
        return fail(head.error());
    qint64 globalSeq = head.value();
    // A change-set id may be used once: what the hub has, asked once for the whole push, and
    // what this push has applied so far.
    QStringList ids;
    ids.reserve(items.size());
    for (const Item& item : std::as_const(items))
        ids.append(item.envelope.fields().changesetId);
    auto known = m_store.knownChangesets(ids);
    if (!known.ok())
        return fail(known.error());

    QCborArray acks;
    QCborMap refused;
    const auto hold = [&](const Item& item, const QString& code, const QString& reason) -> Status {
        refused.insert(QStringLiteral("id"), item.envelope.fields().changesetId);
        refused.insert(QStringLiteral("seq"), item.envelope.fields().deviceSeq);
        refused.insert(QStringLiteral("error"), code);
        refused.insert(QStringLiteral("reason"), reason);
        return m_store.setDeviceState(deviceId, HubStore::Device::State::Held, reason);
    };
    QByteArray previousItemHash;
    for (const Item& item : std::as_const(items)) {
        if (item.hash == previousItemHash)
            continue; // the same envelope twice in one push
        previousItemHash = item.hash;
        const EnvelopeFields& f = item.envelope.fields();
        if (f.deviceSeq <= lastSeq) {
            auto stored = m_store.envelope(deviceId, f.deviceSeq);
            if (!stored.ok())
                return fail(stored.error());
            if (stored.value() && stored.value()->hash == item.hash) {
                acks.append(decode(stored.value()->ack)); // a replay: the original acknowledgement
                continue;
            }
            if (auto status
                = hold(item, p::errorFork,
                       tr("Envelope %1 differs from the one the hub accepted with that number (a fork).")
                           .arg(f.deviceSeq));
                !status.ok())
                return fail(status.error());
            break;
        }
        if (f.deviceSeq > lastSeq + 1) {
            if (auto status
                = hold(item, p::errorGap,
                       tr("Envelope %1 arrived but the hub's last from this device is %2 (a gap).")
                           .arg(f.deviceSeq)
                           .arg(lastSeq));
                !status.ok())
                return fail(status.error());
            break;
        }
        if (f.previousHash != (lastSeq == 0 ? QByteArray() : lastHash)) {
            if (auto status
                = hold(item, p::errorFork,
                       tr("Envelope %1 does not continue the device's chain (a fork).").arg(f.deviceSeq));
                !status.ok())
                return fail(status.error());
            break;
        }
        if (known->contains(f.changesetId)) {
            if (auto status
                = hold(item, p::errorFork,
                       tr("Envelope %1 reuses a change-set id the hub already has.").arg(f.deviceSeq));
                !status.ok())
                return fail(status.error());
            break;
        }
        auto applied = apply(item.envelope, item.changes, ++globalSeq);
        if (!applied.ok())
            return fail(applied.error());
        known->insert(f.changesetId);
        lastSeq = f.deviceSeq;
        lastHash = item.hash;
        acks.append(decode(applied->ack));
    }
    if (lastSeq != current.value()->lastSeq) {
        if (auto status = m_store.advanceDevice(deviceId, lastSeq, lastHash); !status.ok())
            return fail(status.error());
    }
    if (auto status = m_store.touchDevice(deviceId, model::Clock::nowMs()); !status.ok())
        return fail(status.error());
    if (auto status = m_store.commit(); !status.ok())
        return fail(status.error());

    QCborMap out;
    out.insert(QStringLiteral("op"), QStringLiteral("push"));
    out.insert(QStringLiteral("device"), deviceId);
    out.insert(QStringLiteral("acks"), acks);
    if (!refused.isEmpty()) {
        out.insert(QStringLiteral("refused"), refused);
        out.insert(QStringLiteral("error"), refused.value(QStringLiteral("error")));
        out.insert(QStringLiteral("reason"), refused.value(QStringLiteral("reason")));
        return reply(409, out);
    }
    return reply(200, out);
}

Result<HubService::Applied> HubService::apply(const Envelope& envelope, const ChangeSet& changes,
                                              qint64 globalSeq)
{
    const EnvelopeFields& f = envelope.fields();
    const qint64 now = model::Clock::nowMs();
    ChangeSet applied;
    QCborArray conflicts;
    QHash<qint64, HubStore::LogEntry> writers; // who set a hub value, by log entry

    for (const RowChange& row : changes.rows) {
        // An update needs only the cells it names; an insert or a delete, whether the row exists.
        QStringList named;
        if (row.op == RowChange::Op::Update) {
            for (auto it = row.after.constBegin(); it != row.after.constEnd(); ++it) {
                if (it.key().toString() != u"id")
                    named.append(it.key().toString());
            }
        }
        auto cells = row.op == RowChange::Op::Update ? m_store.cells(row.table, row.rowId, named)
                                                     : m_store.cells(row.table, row.rowId);
        if (!cells.ok())
            return cells.error();
        if (row.op == RowChange::Op::Delete) {
            if (!cells->isEmpty()) {
                if (auto status = m_store.deleteRow(row.table, row.rowId); !status.ok())
                    return status.error();
                applied.rows.append(row);
            }
            continue;
        }
        RowChange out;
        out.table = row.table;
        out.rowId = row.rowId;
        out.op = row.op == RowChange::Op::Insert && cells->isEmpty() ? RowChange::Op::Insert
                                                                     : RowChange::Op::Update;
        QList<std::pair<QString, QByteArray>> taken; // cells to write, in one statement
        for (auto it = row.after.constBegin(); it != row.after.constEnd(); ++it) {
            const QString column = it.key().toString();
            if (column == u"id")
                continue; // the row's key, not a cell
            const QByteArray incoming = cbor(it.value());
            const auto existing = cells->constFind(column);
            bool take = false;
            if (existing == cells->constEnd()) {
                take = true;
            } else if (existing->value == incoming) {
                continue; // already so: nothing to do, nothing to disagree about
            } else if (model::SyncedTables::isBookkeeping(column)) {
                take = true;
            } else if (row.op == RowChange::Op::Update && row.before.contains(it.key())
                       && cbor(row.before.value(it.key())) == existing->value) {
                take = true; // the edit was made on the value the hub has
            }
            if (take) {
                taken.append({column, incoming});
                out.after.insert(it.key(), it.value());
                if (row.before.contains(it.key()) && out.op == RowChange::Op::Update)
                    out.before.insert(it.key(), row.before.value(it.key()));
                continue;
            }
            // Same field, different values: keep the hub's, record both, let a person decide.
            if (!writers.contains(existing->globalSeq)) {
                auto writer = m_store.logEntry(existing->globalSeq);
                if (!writer.ok())
                    return writer.error();
                writers.insert(existing->globalSeq, writer.value().value_or(HubStore::LogEntry{}));
            }
            const HubStore::LogEntry& writer = writers[existing->globalSeq];
            HubStore::Conflict conflict;
            conflict.id = model::Uuid7::generate();
            conflict.globalSeq = globalSeq;
            conflict.table = row.table;
            conflict.rowId = row.rowId;
            conflict.column = column;
            if (row.before.contains(it.key()))
                conflict.baseValue = cbor(row.before.value(it.key()));
            conflict.hubValue = existing->value;
            conflict.incomingValue = incoming;
            conflict.hubDevice = writer.deviceId;
            conflict.hubOfficer = writer.officer;
            conflict.hubChangeset = writer.changesetId;
            conflict.incomingDevice = f.deviceId;
            conflict.incomingOfficer = f.officer;
            conflict.incomingChangeset = f.changesetId;
            conflict.createdAt = now;
            if (auto status = m_store.insertConflict(conflict); !status.ok())
                return status.error();
            QCborMap c;
            c.insert(QStringLiteral("id"), conflict.id);
            c.insert(QStringLiteral("t"), conflict.table);
            c.insert(QStringLiteral("row"), conflict.rowId);
            c.insert(QStringLiteral("col"), conflict.column);
            if (!conflict.baseValue.isEmpty())
                c.insert(QStringLiteral("base"), row.before.value(it.key()));
            c.insert(QStringLiteral("hub"), decode(conflict.hubValue));
            c.insert(QStringLiteral("in"), it.value());
            c.insert(QStringLiteral("hubDevice"), conflict.hubDevice);
            c.insert(QStringLiteral("hubOfficer"), conflict.hubOfficer);
            c.insert(QStringLiteral("hubChangeset"), conflict.hubChangeset);
            conflicts.append(c);
        }
        if (auto status = m_store.putCells(row.table, row.rowId, taken, globalSeq); !status.ok())
            return status.error();
        if (!out.after.isEmpty())
            applied.rows.append(std::move(out));
    }

    QCborMap entry;
    entry.insert(QStringLiteral("seq"), globalSeq);
    entry.insert(QStringLiteral("id"), f.changesetId);
    entry.insert(QStringLiteral("device"), f.deviceId);
    entry.insert(QStringLiteral("officer"), f.officer);
    entry.insert(QStringLiteral("created"), f.createdAt);
    entry.insert(QStringLiteral("received"), now);
    entry.insert(QStringLiteral("schema"), f.schemaVersion);
    entry.insert(QStringLiteral("rows"), applied.toCbor());
    entry.insert(QStringLiteral("conflicts"), conflicts);
    HubStore::LogEntry log{globalSeq, f.changesetId, f.deviceId, f.officer, cbor(entry)};
    if (auto status = m_store.appendLog(log); !status.ok())
        return status.error();

    QCborMap ack;
    ack.insert(QStringLiteral("id"), f.changesetId);
    ack.insert(QStringLiteral("device"), f.deviceId);
    ack.insert(QStringLiteral("seq"), f.deviceSeq);
    ack.insert(QStringLiteral("global"), globalSeq);
    ack.insert(QStringLiteral("hash"), envelope.hash());
    ack.insert(QStringLiteral("conflicts"), conflicts.size());
    ack.insert(QStringLiteral("at"), now);
    HubStore::StoredEnvelope stored{f.changesetId, envelope.hash(), globalSeq, cbor(ack)};
    if (auto status = m_store.insertEnvelope(f.deviceId, f.deviceSeq, stored, envelope.wire(), now);
        !status.ok())
        return status.error();
    return Applied{stored.ack, static_cast<int>(conflicts.size())};
}

} // namespace wardroll::sync
