#include "SyncClient.h"

#include "Clock.h"
#include "DeviceKey.h"
#include "Envelope.h"
#include "KeyStore.h"
#include "Outbox.h"
#include "PageApplier.h"
#include "SignedMessage.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "SyncProtocol.h"
#include "UnsyncedRows.h"
#include "WardDatabase.h"

#include <QCborArray>
#include <QCoroTimer>
#include <QRandomGenerator>

namespace wardroll::sync {

using model::Error;
using model::Status;

namespace {

// lupdate files the strings of Text::tr() under this context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::sync::SyncClient)
};

QByteArray nonce()
{
    QByteArray out(16, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(out.data()),
                                         reinterpret_cast<quint32*>(out.data() + out.size()));
    return out;
}

constexpr qint64 pushBytes = 16LL * 1024 * 1024;

Error hubRefused(const QCborMap& body, int status)
{
    const QString reason = body.value(QStringLiteral("reason")).toString();
    return Error{
        status == 403 || status == 423 ? Error::Kind::Conflict : Error::Kind::InvalidInput,
        reason.isEmpty() ? Text::tr("The hub refused the request.") : reason,
        QStringLiteral("HTTP %1 %2").arg(status).arg(body.value(QStringLiteral("error")).toString())};
}

} // namespace

SyncClient::SyncClient(model::WardDatabase& ward, KeyStore& keys, QObject* parent)
    : QObject(parent)
    , m_ward(ward)
    , m_keys(keys)
{
}

SyncClient::~SyncClient() = default;

Status SyncClient::loadIdentity()
{
    auto state = SyncState::load(m_ward);
    if (!state.ok())
        return state.error();
    if (!state->isEnrolled())
        return Error{Error::Kind::InvalidInput,
                     Text::tr("This ward is not enrolled with a hub yet (wardroll-cli enroll).")};
    m_state = state.value();
    if (!m_key) {
        auto key = m_keys.load();
        if (!key.ok())
            return key.error();
        if (!key.value())
            return Error{Error::Kind::NotFound,
                         Text::tr("This device's signing key is missing; enroll it again.")};
        m_key = std::make_unique<DeviceKey>(std::move(*key.value()));
    }
    return {};
}

QByteArray SyncClient::signedRequest(const QString& op, QCborMap fields) const
{
    fields.insert(QStringLiteral("op"), op);
    fields.insert(QStringLiteral("device"), m_ward.deviceId());
    fields.insert(QStringLiteral("at"), model::Clock::nowMs());
    return SignedMessage::sign(SignedMessage::Purpose::DeviceRequest, fields, *m_key).wire();
}

QCoro::Task<SyncClient::Exchange> SyncClient::exchange(QString path, QByteArray request)
{
    Exchange out;
    const HttpResponse response = co_await m_transport.post(m_state.hubUrl.resolved(QUrl(path)), request);
    if (!response.answered()) {
        out.status = response.transport;
        co_return out;
    }
    out.httpStatus = response.status;
    auto message = SignedMessage::parse(response.body);
    if (!message.ok() || !message->verify(SignedMessage::Purpose::HubReply, m_state.hubPublicKey)) {
        out.status
            = Error{Error::Kind::InvalidInput, Text::tr("The answer did not come from this ward's hub."),
                    QStringLiteral("HTTP %1").arg(response.status)};
        co_return out;
    }
    out.body = message->body();
    if (response.status >= 400)
        out.status = hubRefused(out.body, response.status);
    co_return out;
}

QCoro::Task<Status> SyncClient::enroll(QUrl hub, QString code)
{
    auto existing = SyncState::load(m_ward);
    if (!existing.ok())
        co_return existing.error();
    if (existing->isEnrolled())
        co_return Error{Error::Kind::Conflict, Text::tr("This ward is already enrolled with a hub.")};
    if (!hub.isValid() || (hub.scheme() != u"http" && hub.scheme() != u"https"))
        co_return Error{Error::Kind::InvalidInput,
                        Text::tr("The hub address must be an http:// or https:// URL.")};

    // The key is kept before the hub hears of it: an enrollment must never leave a device
    // registered with a key it has lost.
    auto stored = m_keys.load();
    if (!stored.ok())
        co_return stored.error();
    if (stored.value()) {
        m_key = std::make_unique<DeviceKey>(std::move(*stored.value()));
    } else {
        auto key = DeviceKey::generate();
        if (!key.ok())
            co_return key.error();
        if (auto status = m_keys.save(key.value()); !status.ok())
            co_return status;
        m_key = std::make_unique<DeviceKey>(std::move(key.value()));
    }

    QCborMap fields;
    fields.insert(QStringLiteral("key"), m_key->publicKey());
    fields.insert(QStringLiteral("code"), code);
    const HttpResponse response = co_await m_transport.post(hub.resolved(QUrl(protocol::enrollPath)),
                                                            signedRequest(QStringLiteral("enroll"), fields));
    if (!response.answered())
        co_return response.transport;
    auto message = SignedMessage::parse(response.body);
    if (!message.ok())
        co_return Error{Error::Kind::InvalidInput, Text::tr("The hub's answer is damaged."),
                        QStringLiteral("HTTP %1").arg(response.status)};
    const QCborMap& body = message->body();
    const QByteArray hubKey = body.value(QStringLiteral("hubKey")).toByteArray();
    if (response.status != 200)
        co_return hubRefused(body, response.status);
    if (hubKey.size() != DeviceKey::publicKeySize
        || !message->verify(SignedMessage::Purpose::HubReply, hubKey)
        || body.value(QStringLiteral("device")).toString() != m_ward.deviceId())
        co_return Error{Error::Kind::InvalidInput,
                        Text::tr("The hub's answer is not signed as it should be.")};

    SyncState state;
    state.hubUrl = hub;
    state.hubId = body.value(QStringLiteral("hub")).toString();
    state.hubPublicKey = hubKey;
    model::SqlTransaction transaction(m_ward.connection(), model::ChangeCapture::Off);
    if (!transaction.begun().ok())
        co_return transaction.begun();
    if (auto status = SyncState::saveEnrollment(m_ward, state); !status.ok())
        co_return status;
    if (auto status = transaction.commit(); !status.ok())
        co_return status;
    m_state = state;
    co_return Status();
}

QCoro::Task<Status> SyncClient::ping()
{
    m_online = false;
    if (auto status = loadIdentity(); !status.ok())
        co_return status;
    const QByteArray sent = nonce();
    QCborMap fields;
    fields.insert(QStringLiteral("nonce"), sent);
    const Exchange reply
        = co_await exchange(protocol::pingPath, signedRequest(QStringLiteral("ping"), fields));
    if (!reply.status.ok())
        co_return reply.status;
    if (reply.body.value(QStringLiteral("nonce")).toByteArray() != sent
        || reply.body.value(QStringLiteral("hub")).toString() != m_state.hubId)
        co_return Error{Error::Kind::InvalidInput, Text::tr("The hub's answer does not match the question.")};
    m_hubState = reply.body.value(QStringLiteral("state")).toString();
    m_hubLastSeq = reply.body.value(QStringLiteral("lastSeq")).toInteger();
    m_hubLastHash = reply.body.value(QStringLiteral("lastHash")).toByteArray();
    m_online = true;
    co_return Status();
}

QCoro::Task<Status> SyncClient::resealRefused(int* resealed)
{
    if (resealed)
        *resealed = 0;
    if (Status pinged = co_await ping(); !pinged.ok())
        co_return pinged;
    if (m_hubState != u"active")
        co_return Error{
            Error::Kind::Conflict,
            Text::tr("The hub still holds this device; a person at the hub must release it first.")};
    model::Outbox outbox(m_ward.connection());
    auto unsynced = outbox.unsynced(0, 1);
    if (!unsynced.ok())
        co_return unsynced.error();
    if (unsynced->isEmpty() || unsynced->first().state != model::OutboxEntry::State::Refused)
        co_return Status();
    // Everything after the refused envelope is unaccepted too: the hub stops at a refusal and
    // holds the device, and acknowledgements before it came back with the refusal.
    model::SqlTransaction transaction(m_ward.connection(), model::ChangeCapture::Off);
    if (!transaction.begun().ok())
        co_return transaction.begun().error();
    auto reset = m_ward.connection().prepare(
        u"UPDATE outbox SET state = 'pending', device_seq = NULL, envelope = NULL, envelope_hash = NULL "
        u"WHERE state IN ('sealed', 'refused')");
    if (!reset.ok())
        co_return reset.error();
    if (auto status = reset->exec(); !status.ok())
        co_return status.error();
    auto sealed = sealFrom(m_hubLastSeq, m_hubLastHash);
    if (!sealed.ok())
        co_return sealed.error();
    if (auto status = transaction.commit(); !status.ok())
        co_return status;
    if (resealed)
        *resealed = sealed.value();
    co_return Status();
}

model::Result<int> SyncClient::sealPending()
{
    if (auto status = loadIdentity(); !status.ok())
        return status.error();
    return sealSome(std::numeric_limits<int>::max());
}

QCoro::Task<model::Result<int>> SyncClient::sealAlongside(int limit)
{
    // About 5 ms of work each: the transport's upload is fed by this thread's event loop.
    constexpr int slice = 64;
    int sealed = 0;
    while (sealed < limit) {
        co_await QCoro::sleepFor(std::chrono::milliseconds(0));
        const int want = std::min(slice, limit - sealed);
        auto some = sealSome(want);
        if (!some.ok())
            co_return some.error();
        sealed += some.value();
        if (some.value() < want)
            break; // nothing left to seal
    }
    co_return sealed;
}

model::Result<int> SyncClient::sealSome(int limit)
{
    model::Outbox outbox(m_ward.connection());
    model::SqlTransaction transaction(m_ward.connection(), model::ChangeCapture::Off);
    if (!transaction.begun().ok())
        return transaction.begun().error();
    auto last = outbox.lastSealed();
    if (!last.ok())
        return last.error();
    auto sealed = sealFrom(last.value() ? last.value()->deviceSeq : 0,
                           last.value() ? last.value()->envelopeHash : QByteArray(), limit);
    if (!sealed.ok())
        return sealed.error();
    if (auto status = transaction.commit(); !status.ok())
        return status.error();
    return sealed.value();
}

model::Result<int> SyncClient::sealFrom(qint64 deviceSeq, QByteArray previous, int limit)
{
    model::Outbox outbox(m_ward.connection());
    int sealed = 0;
    qint64 after = 0;
    while (sealed < limit) {
        const int page = std::min(500, limit - sealed);
        auto pending = outbox.entries(model::OutboxEntry::State::Pending, after, page);
        if (!pending.ok())
            return pending.error();
        for (const model::OutboxEntry& entry : pending.value()) {
            after = entry.seq;
            EnvelopeFields fields;
            fields.changesetId = entry.changesetId;
            fields.deviceId = m_ward.deviceId();
            fields.officer = entry.officer;
            fields.deviceSeq = ++deviceSeq;
            fields.previousHash = previous;
            fields.schemaVersion = entry.schemaVersion;
            fields.createdAt = entry.createdAt;
            fields.changes = entry.changes;
            const Envelope envelope = Envelope::seal(fields, *m_key);
            previous = envelope.hash();
            if (auto status = outbox.seal(entry.seq, deviceSeq, envelope.wire(), previous); !status.ok())
                return status.error();
            ++sealed;
        }
        if (pending->size() < page)
            break;
    }
    return sealed;
}

QCoro::Task<Status> SyncClient::push(SyncReport* report)
{
    model::Outbox outbox(m_ward.connection());
    for (;;) {
        auto unsynced = outbox.unsynced(0, m_pushBatch);
        if (!unsynced.ok())
            co_return unsynced.error();
        if (!unsynced->isEmpty() && unsynced->first().state == model::OutboxEntry::State::Refused) {
            // Kept and shown, not retried in a loop: a person decides (DOMAIN.md §10).
            const model::OutboxEntry& refused = unsynced->first();
            co_return Error{
                Error::Kind::Conflict,
                Text::tr("The hub refused a change-set; later ones wait behind it: %1").arg(refused.reason),
                refused.changesetId};
        }
        QCborArray envelopes;
        QHash<QString, QByteArray> hashes;
        qint64 bytes = 0;
        for (const model::OutboxEntry& entry : unsynced.value()) {
            // A refused envelope blocks the ones after it: they continue its chain.
            if (entry.state != model::OutboxEntry::State::Sealed)
                break;
            // Requests stay well under the hub's body limit (one large import goes alone).
            bytes += entry.envelope.size();
            if (!envelopes.isEmpty() && bytes > pushBytes)
                break;
            envelopes.append(entry.envelope);
            hashes.insert(entry.changesetId, entry.envelopeHash);
        }
        if (envelopes.isEmpty()) {
            if (unsynced->isEmpty() || unsynced->first().state != model::OutboxEntry::State::Pending)
                co_return Status();
            auto sealed = sealSome(m_pushBatch); // nothing sealed yet: seal before sending
            if (!sealed.ok())
                co_return sealed.error();
            report->sealed += sealed.value();
            if (sealed.value() == 0)
                co_return Status();
            continue;
        }
        QCborMap request;
        request.insert(QStringLiteral("device"), m_ward.deviceId());
        request.insert(QStringLiteral("envelopes"), envelopes);
        // The next batch is signed while the hub checks this one: the chain only needs the
        // previous envelope's hash, which this device has.
        QCoro::Task<Exchange> sending = exchange(protocol::pushPath, QCborValue(request).toCbor());
        const auto sealedMeanwhile = co_await sealAlongside(m_pushBatch);
        const Exchange reply = co_await std::move(sending); // always awaited: it owns the request
        if (!sealedMeanwhile.ok())
            co_return sealedMeanwhile.error();
        report->sealed += sealedMeanwhile.value();
        if (!reply.status.ok() && reply.httpStatus != 409)
            co_return reply.status;
        if (reply.body.value(QStringLiteral("device")).toString() != m_ward.deviceId())
            co_return Error{Error::Kind::InvalidInput,
                            Text::tr("The hub's answer does not match the question.")};

        model::SqlTransaction transaction(m_ward.connection(), model::ChangeCapture::Off);
        if (!transaction.begun().ok())
            co_return transaction.begun();
        int acknowledged = 0;
        for (const QCborValue& value : reply.body.value(QStringLiteral("acks")).toArray()) {
            const QCborMap ack = value.toMap();
            const QString id = ack.value(QStringLiteral("id")).toString();
            const qint64 global = ack.value(QStringLiteral("global")).toInteger();
            if (!hashes.contains(id) || hashes.value(id) != ack.value(QStringLiteral("hash")).toByteArray()
                || global < 1)
                co_return Error{Error::Kind::InvalidInput,
                                Text::tr("The hub acknowledged an envelope this device did not send.")};
            if (auto status = outbox.acknowledge(id, global); !status.ok())
                co_return status;
            ++acknowledged;
        }
        const QCborMap refused = reply.body.value(QStringLiteral("refused")).toMap();
        if (!refused.isEmpty()) {
            const QString reason = refused.value(QStringLiteral("reason")).toString();
            if (auto status = outbox.refuse(refused.value(QStringLiteral("id")).toString(), reason);
                !status.ok())
                co_return status;
            ++report->refused;
        }
        // The records the hub now has all of are no longer "not yet synced".
        if (acknowledged > 0) {
            if (auto status = model::UnsyncedRows(m_ward.connection()).settle(); !status.ok())
                co_return status;
        }
        if (auto status = transaction.commit(); !status.ok())
            co_return status;
        report->acknowledged += acknowledged;
        if (!refused.isEmpty())
            co_return reply.status;
        if (acknowledged < envelopes.size())
            co_return Error{Error::Kind::InvalidInput,
                            Text::tr("The hub did not acknowledge every envelope."),
                            QStringLiteral("%1 of %2").arg(acknowledged).arg(envelopes.size())};
    }
}

QCoro::Task<Status> SyncClient::pull(SyncReport* report)
{
    model::LocalEditCache cache;
    for (;;) {
        auto state = SyncState::load(m_ward);
        if (!state.ok())
            co_return state.error();
        const qint64 cursor = state->cursor;
        const QByteArray sent = nonce();
        QCborMap fields;
        fields.insert(QStringLiteral("after"), cursor);
        fields.insert(QStringLiteral("limit"), m_pullLimit);
        fields.insert(QStringLiteral("nonce"), sent);
        const Exchange reply
            = co_await exchange(protocol::pullPath, signedRequest(QStringLiteral("pull"), fields));
        if (!reply.status.ok())
            co_return reply.status;
        if (reply.body.value(QStringLiteral("nonce")).toByteArray() != sent
            || reply.body.value(QStringLiteral("after")).toInteger(-1) != cursor)
            co_return Error{Error::Kind::InvalidInput,
                            Text::tr("The hub's answer does not match the question.")};
        const QCborArray entries = reply.body.value(QStringLiteral("entries")).toArray();
        const qint64 next = reply.body.value(QStringLiteral("next")).toInteger(cursor);
        const qint64 head = reply.body.value(QStringLiteral("head")).toInteger(0);
        report->cursor = cursor;
        if (entries.isEmpty())
            co_return Status();
        PageApplier applier(m_ward, &cache);
        auto outcome = applier.apply(entries, cursor, next);
        if (!outcome.ok())
            co_return outcome.error();
        report->pulledEntries += outcome->entries;
        report->appliedRows += outcome->rows;
        report->conflicts += outcome->conflicts;
        report->keptLocal += outcome->keptLocal;
        report->cursor = next;
        if (next >= head)
            co_return Status();
    }
}

QCoro::Task<SyncReport> SyncClient::sync()
{
    SyncReport report;
    if (Status pinged = co_await ping(); !pinged.ok()) {
        report.status = pinged;
        co_return report;
    }
    // A small first batch is sealed now, so that the hub starts early; later ones are sealed
    // while earlier ones travel (push()).
    auto sealed = sealSome(std::min(m_pushBatch, 500));
    if (!sealed.ok()) {
        report.status = sealed.error();
        co_return report;
    }
    report.sealed = sealed.value();
    Status pushed = co_await push(&report);
    // Whatever stopped the push, every change-set leaves the round sealed, as it always has.
    if (auto rest = sealSome(std::numeric_limits<int>::max()); rest.ok())
        report.sealed += rest.value();
    else if (pushed.ok())
        pushed = rest.error();
    // A refused or held push does not stop the download: the device still learns the hub's state.
    const Status pulled = co_await pull(&report);
    report.status = !pushed.ok() ? pushed : pulled;
    auto counts = model::Outbox(m_ward.connection()).counts();
    if (counts.ok())
        report.unsynced = counts->unsynced();
    co_return report;
}

model::Result<QByteArray> SyncClient::exportOutbox()
{
    if (auto sealed = sealPending(); !sealed.ok())
        return sealed.error();
    model::Outbox outbox(m_ward.connection());
    QCborArray envelopes;
    qint64 after = 0;
    for (;;) {
        auto unsynced = outbox.unsynced(after, 1000);
        if (!unsynced.ok())
            return unsynced.error();
        for (const model::OutboxEntry& entry : unsynced.value()) {
            after = entry.seq;
            if (!entry.envelope.isEmpty())
                envelopes.append(entry.envelope);
        }
        if (unsynced->size() < 1000)
            break;
    }
    QCborMap body;
    body.insert(QStringLiteral("device"), m_ward.deviceId());
    body.insert(QStringLiteral("created"), model::Clock::nowMs());
    body.insert(QStringLiteral("envelopes"), envelopes);
    return SignedMessage::sign(SignedMessage::Purpose::OutboxFile, body, *m_key).wire();
}

} // namespace wardroll::sync
