// The hub's rules, on every store backend (SQLite, and PostgreSQL when installed): the same
// tests through the same interface.
#include "ChangeSet.h"
#include "Clock.h"
#include "DeviceKey.h"
#include "Envelope.h"
#include "HubService.h"
#include "HubStore.h"
#include "PostgresServer.h"
#include "SignedMessage.h"
#include "SyncProtocol.h"
#include "Uuid7.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;
using namespace wardroll::sync;

namespace {

// A device as the hub sees it: a key, an id and a chain of envelopes.
struct Device
{
    DeviceKey key = std::move(DeviceKey::generate().value());
    QString id = Uuid7::generate();
    qint64 seq = 0;
    QByteArray previous;

    Envelope seal(const ChangeSet& changes, const QString& officer = QStringLiteral("officer"))
    {
        EnvelopeFields f;
        f.changesetId = Uuid7::generate();
        f.deviceId = id;
        f.officer = officer;
        f.deviceSeq = ++seq;
        f.previousHash = previous;
        f.schemaVersion = 1;
        f.createdAt = 1000 + seq;
        f.changes = changes.toCbor();
        Envelope envelope = Envelope::seal(f, key);
        previous = envelope.hash();
        return envelope;
    }

    QByteArray request(const QString& op, QCborMap fields) const
    {
        fields.insert(QStringLiteral("op"), op);
        fields.insert(QStringLiteral("device"), id);
        return SignedMessage::sign(SignedMessage::Purpose::DeviceRequest, fields, key).wire();
    }
};

QByteArray pushBody(const QString& device, const QList<Envelope>& envelopes)
{
    QCborArray list;
    for (const Envelope& e : envelopes)
        list.append(e.wire());
    QCborMap body;
    body.insert(QStringLiteral("device"), device);
    body.insert(QStringLiteral("envelopes"), list);
    return QCborValue(body).toCbor();
}

QCborMap replyBody(const HubService::Reply& reply)
{
    auto message = SignedMessage::parse(reply.body);
    return message.ok() ? message->body() : QCborMap();
}

// Logs the hub's reason for a refusal (the test then compares the status).
void logReason(const HubService::Reply& reply)
{
    if (reply.status >= 400)
        qInfo("hub: %d %s", reply.status,
              qPrintable(replyBody(reply).value(QStringLiteral("reason")).toString()));
}

ChangeSet insertResident(const QString& id, const QString& name, const QString& phone)
{
    RowChange row;
    row.table = QStringLiteral("residents");
    row.rowId = id;
    row.op = RowChange::Op::Insert;
    row.after.insert(QStringLiteral("id"), id);
    row.after.insert(QStringLiteral("full_name"), name);
    row.after.insert(QStringLiteral("phone"), phone);
    row.after.insert(QStringLiteral("updated_at"), 1);
    ChangeSet changes;
    changes.rows << row;
    return changes;
}

ChangeSet updateResident(const QString& id, const QString& column, const QCborValue& before,
                         const QCborValue& after, qint64 updatedAt)
{
    RowChange row;
    row.table = QStringLiteral("residents");
    row.rowId = id;
    row.op = RowChange::Op::Update;
    row.before.insert(column, before);
    row.after.insert(column, after);
    row.before.insert(QStringLiteral("updated_at"), 1);
    row.after.insert(QStringLiteral("updated_at"), updatedAt);
    ChangeSet changes;
    changes.rows << row;
    return changes;
}

QCborValue cell(HubStore& store, const QString& rowId, const QString& column)
{
    auto rows = store.rows(QStringLiteral("residents"));
    return QCborValue::fromCbor(rows.value().value(rowId).value(column));
}

} // namespace

class TestHubService : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::PostgresServer> m_postgres;
    QString m_postgresMissing;
    int m_databases = 0;
    std::unique_ptr<HubStore> m_store;
    std::unique_ptr<HubService> m_hub;

    // A fresh hub on the backend of the current data row.
    bool openHub()
    {
        QFETCH(QString, backend);
        m_hub.reset();
        m_store.reset();
        QString location;
        if (backend == u"sqlite") {
            location
                = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("hub%1.db").arg(++m_databases));
        } else {
            if (!m_postgres)
                return false;
            location = m_postgres->createDatabase(QStringLiteral("hub%1").arg(++m_databases));
        }
        auto store = HubStore::open(location);
        if (!store.ok())
            qFatal("%s", qPrintable(store.error().toString()));
        m_store = std::move(store.value());
        m_hub = std::make_unique<HubService>(*m_store);
        if (!m_hub->initialise().ok())
            qFatal("hub initialise failed");
        return true;
    }

    void backends()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    bool enroll(const Device& device)
    {
        auto code = m_hub->createEnrollmentCode(QStringLiteral("Tablet"), 60'000);
        if (!code.ok())
            return false;
        QCborMap fields;
        fields.insert(QStringLiteral("key"), device.key.publicKey());
        fields.insert(QStringLiteral("code"), code.value());
        return m_hub->enroll(device.request(QStringLiteral("enroll"), fields)).status == 200;
    }

    QCborArray pull(const Device& device, qint64 after)
    {
        QCborMap fields;
        fields.insert(QStringLiteral("after"), after);
        fields.insert(QStringLiteral("limit"), 100);
        const auto reply = m_hub->pull(device.request(QStringLiteral("pull"), fields));
        return replyBody(reply).value(QStringLiteral("entries")).toArray();
    }

#define OPEN_HUB()                                                                                           \
    if (!openHub())                                                                                          \
        QSKIP(qPrintable(m_postgresMissing));

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_postgres = test::PostgresServer::start(&m_postgresMissing);
        if (!m_postgres)
            qWarning("PostgreSQL rows will be skipped: %s", qPrintable(m_postgresMissing));
    }

    void cleanup()
    {
        m_hub.reset();
        m_store.reset();
    }

    void enrollmentCodesWorkOnce_data()
    {
        backends();
    }
    void enrollmentCodesWorkOnce()
    {
        OPEN_HUB();
        Device a;
        Device b;
        auto code = m_hub->createEnrollmentCode(QStringLiteral("Tablet 1"), 60'000);
        QVERIFY(code.ok());
        QVERIFY(code->size() >= 10);
        const auto enrollWith = [&](const Device& d, const QString& c) {
            QCborMap fields;
            fields.insert(QStringLiteral("key"), d.key.publicKey());
            fields.insert(QStringLiteral("code"), c);
            return m_hub->enroll(d.request(QStringLiteral("enroll"), fields));
        };
        const auto reply = enrollWith(a, code->toLower());
        logReason(reply);
        QCOMPARE(reply.status, 200);
        // The reply is signed by the hub and names its key.
        auto message = SignedMessage::parse(reply.body);
        QVERIFY(message.ok());
        QCOMPARE(message->body().value(QStringLiteral("hubKey")).toByteArray(), m_hub->hubPublicKey());
        QVERIFY(message->verify(SignedMessage::Purpose::HubReply, m_hub->hubPublicKey()));
        QCOMPARE(message->body().value(QStringLiteral("name")).toString(), QStringLiteral("Tablet 1"));

        QCOMPARE(enrollWith(b, code.value()).status, 403); // used
        QCOMPARE(enrollWith(b, QStringLiteral("AAAAA-BBBBB")).status, 403); // never issued
        auto expired = m_hub->createEnrollmentCode(QStringLiteral("Tablet 2"), -1);
        QCOMPARE(enrollWith(b, expired.value()).status, 403);
        // The same device asking again (its answer was lost) gets the same answer...
        QCOMPARE(enrollWith(a, code.value()).status, 200);
        // ...but its id with another key is refused.
        Device impostor;
        impostor.id = a.id;
        auto fresh = m_hub->createEnrollmentCode(QStringLiteral("Tablet 3"), 60'000);
        QCOMPARE(enrollWith(impostor, fresh.value()).status, 409);
        QCOMPARE(m_store->devices().value().size(), 1);
        QCOMPARE(m_store->devices().value().first().publicKey, a.key.publicKey());
    }

    void acceptsAChainAndServesItInOrder_data()
    {
        backends();
    }
    void acceptsAChainAndServesItInOrder()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        const Envelope e1 = a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")));
        const Envelope e2 = a.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("2"), 2));
        const Envelope e3 = a.seal(updateResident(rid, QStringLiteral("full_name"), QStringLiteral("An"),
                                                  QStringLiteral("Bình"), 3));
        const auto reply = m_hub->push(pushBody(a.id, {e1, e2, e3}));
        QCOMPARE(reply.status, 200);
        const QCborArray acks = replyBody(reply).value(QStringLiteral("acks")).toArray();
        QCOMPARE(acks.size(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(acks[i].toMap().value(QStringLiteral("global")).toInteger(), i + 1);
        QCOMPARE(acks[2].toMap().value(QStringLiteral("hash")).toByteArray(), e3.hash());
        QCOMPARE(cell(*m_store, rid, QStringLiteral("phone")).toString(), QStringLiteral("2"));
        QCOMPARE(cell(*m_store, rid, QStringLiteral("full_name")).toString(), QStringLiteral("Bình"));
        QCOMPARE(m_store->device(a.id).value()->lastSeq, 3);

        const QCborArray all = pull(a, 0);
        QCOMPARE(all.size(), 3);
        QCOMPARE(all[0].toMap().value(QStringLiteral("id")).toString(), e1.fields().changesetId);
        // Another device gets the rows; the device itself only what is news to it.
        Device b;
        QVERIFY(enroll(b));
        const QCborArray tail = pull(b, 2);
        QCOMPARE(tail.size(), 1);
        QCOMPARE(tail[0].toMap().value(QStringLiteral("seq")).toInteger(), 3);
        QVERIFY(!pull(a, 2)[0].toMap().contains(QStringLiteral("rows")));
        auto rows = ChangeSet::fromCbor(tail[0].toMap().value(QStringLiteral("rows")).toByteArray());
        QVERIFY(rows.ok());
        QCOMPARE(rows->rows[0].after.value(QStringLiteral("full_name")).toString(), QStringLiteral("Bình"));
    }

    // An acknowledgement lost on the way back: the retry gets the very same acknowledgement
    // and the hub applies nothing twice.
    void aReplayGetsTheOriginalAcknowledgement_data()
    {
        backends();
    }
    void aReplayGetsTheOriginalAcknowledgement()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        const Envelope e1 = a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")));
        const auto first = m_hub->push(pushBody(a.id, {e1}));
        QCOMPARE(first.status, 200);
        const QCborValue ack = replyBody(first).value(QStringLiteral("acks")).toArray().at(0);
        // A later "at" if the hub made a new acknowledgement.
        const qint64 later = Clock::nowMs() + 60'000;
        Clock::setSource([later] { return later; });
        const auto again = m_hub->push(pushBody(a.id, {e1}));
        Clock::setSource({});
        QCOMPARE(again.status, 200);
        QCOMPARE(replyBody(again).value(QStringLiteral("acks")).toArray().at(0), ack);
        QCOMPARE(m_store->head().value(), 1);

        const Envelope e2 = a.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("2"), 2));
        const auto both = m_hub->push(pushBody(a.id, {e1, e2}));
        QCOMPARE(both.status, 200);
        const QCborArray acks = replyBody(both).value(QStringLiteral("acks")).toArray();
        QCOMPARE(acks.size(), 2);
        QCOMPARE(acks[0], ack);
        QCOMPARE(acks[1].toMap().value(QStringLiteral("global")).toInteger(), 2);
        QCOMPARE(m_store->head().value(), 2);
    }

    void reorderedAndDuplicatedEnvelopesInOnePush_data()
    {
        backends();
    }
    void reorderedAndDuplicatedEnvelopesInOnePush()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        const Envelope e1 = a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")));
        const Envelope e2 = a.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("2"), 2));
        const Envelope e3 = a.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("2"), QStringLiteral("3"), 3));
        const auto reply = m_hub->push(pushBody(a.id, {e3, e1, e2, e1, e3}));
        QCOMPARE(reply.status, 200);
        QCOMPARE(replyBody(reply).value(QStringLiteral("acks")).toArray().size(), 3);
        QCOMPARE(m_store->head().value(), 3);
        QCOMPARE(cell(*m_store, rid, QStringLiteral("phone")).toString(), QStringLiteral("3"));
    }

    void aForkHoldsTheDeviceUntilReleased_data()
    {
        backends();
    }
    void aForkHoldsTheDeviceUntilReleased()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        const Envelope e1 = a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")));
        QCOMPARE(m_hub->push(pushBody(a.id, {e1})).status, 200);
        EnvelopeFields forked = e1.fields();
        forked.changesetId = Uuid7::generate();
        forked.changes = insertResident(rid, QStringLiteral("Someone else"), QStringLiteral("9")).toCbor();
        const Envelope fork = Envelope::seal(forked, a.key);
        const auto refused = m_hub->push(pushBody(a.id, {fork}));
        QCOMPARE(refused.status, 409);
        QCOMPARE(replyBody(refused).value(QStringLiteral("error")).toString(), protocol::errorFork);
        QCOMPARE(replyBody(refused)
                     .value(QStringLiteral("refused"))
                     .toMap()
                     .value(QStringLiteral("id"))
                     .toString(),
                 forked.changesetId);
        QCOMPARE(m_store->device(a.id).value()->state, HubStore::Device::State::Held);
        QCOMPARE(cell(*m_store, rid, QStringLiteral("full_name")).toString(), QStringLiteral("An"));

        const Envelope e2 = a.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("2"), 2));
        QCOMPARE(m_hub->push(pushBody(a.id, {e2})).status, 423);
        QVERIFY(m_hub->release(a.id).ok());
        QCOMPARE(m_hub->push(pushBody(a.id, {e2})).status, 200);
        QCOMPARE(m_store->head().value(), 2);
    }

    void aGapHoldsTheDevice_data()
    {
        backends();
    }
    void aGapHoldsTheDevice()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        const Envelope e1 = a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")));
        (void)a.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("2"), 2));
        const Envelope e3 = a.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("2"), QStringLiteral("3"), 3));
        const auto reply = m_hub->push(pushBody(a.id, {e1, e3}));
        QCOMPARE(reply.status, 409);
        QCOMPARE(replyBody(reply).value(QStringLiteral("error")).toString(), protocol::errorGap);
        QCOMPARE(replyBody(reply).value(QStringLiteral("acks")).toArray().size(), 1); // e1 went through
        QCOMPARE(m_store->device(a.id).value()->state, HubStore::Device::State::Held);
        QCOMPARE(m_store->head().value(), 1);
    }

    void badEnvelopesAreRefusedAndChangeNothing_data()
    {
        backends();
    }
    void badEnvelopesAreRefusedAndChangeNothing()
    {
        OPEN_HUB();
        Device a;
        Device stranger;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        const Envelope good = a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")));

        QByteArray tampered = good.wire();
        tampered[tampered.size() - 3]
            = static_cast<char>(tampered[tampered.size() - 3] ^ 0x20); // in the signature
        QCborMap tamperedBody;
        tamperedBody.insert(QStringLiteral("device"), a.id);
        tamperedBody.insert(QStringLiteral("envelopes"), QCborArray{tampered});
        QCOMPARE(m_hub->push(QCborValue(tamperedBody).toCbor()).status, 403);

        // Forged: a valid envelope for a's id, signed by another key.
        stranger.id = a.id;
        const Envelope forged
            = stranger.seal(insertResident(rid, QStringLiteral("Forged"), QStringLiteral("6")));
        QCOMPARE(m_hub->push(pushBody(a.id, {forged})).status, 403);
        // A good envelope in the same push as a forged one: nothing is applied.
        QCOMPARE(m_hub->push(pushBody(a.id, {good, forged})).status, 403);

        QCborMap truncated;
        truncated.insert(QStringLiteral("device"), a.id);
        truncated.insert(QStringLiteral("envelopes"), QCborArray{good.wire().left(good.wire().size() - 10)});
        QCOMPARE(m_hub->push(QCborValue(truncated).toCbor()).status, 400);
        QCOMPARE(m_hub->push(QByteArray("not cbor at all")).status, 400);
        QCOMPARE(m_hub->push(QCborValue(QCborMap()).toCbor()).status, 400);

        Device unknown;
        QCOMPARE(m_hub
                     ->push(pushBody(
                         unknown.id,
                         {unknown.seal(insertResident(rid, QStringLiteral("X"), QStringLiteral("7")))}))
                     .status,
                 403);

        // A change-set naming a table the hub does not sync.
        ChangeSet other;
        RowChange row;
        row.table = QStringLiteral("ward_meta");
        row.rowId = QStringLiteral("k");
        row.op = RowChange::Op::Insert;
        row.after.insert(QStringLiteral("value"), 1);
        other.rows << row;
        Device probe = Device{};
        probe.key = DeviceKey::fromSecret(a.key.secretKey()).value();
        probe.id = a.id;
        QCOMPARE(m_hub->push(pushBody(a.id, {probe.seal(other)})).status, 400);

        QCOMPARE(m_store->head().value(), 0);
        QCOMPARE(m_store->device(a.id).value()->lastSeq, 0);
        QCOMPARE(m_store->device(a.id).value()->state, HubStore::Device::State::Active);
        QVERIFY(m_store->rows(QStringLiteral("residents")).value().isEmpty());

        // Revoked: refused, for pushes and pulls.
        QVERIFY(m_hub->revoke(a.id, QStringLiteral("stolen")).ok());
        const auto revoked = m_hub->push(pushBody(a.id, {good}));
        QCOMPARE(revoked.status, 403);
        QCOMPARE(replyBody(revoked).value(QStringLiteral("error")).toString(), protocol::errorRevoked);
        QCborMap fields;
        fields.insert(QStringLiteral("after"), 0);
        fields.insert(QStringLiteral("limit"), 10);
        QCOMPARE(m_hub->pull(a.request(QStringLiteral("pull"), fields)).status, 403);
        QCOMPARE(m_store->head().value(), 0);
    }

    // A large push is checked on several threads; the rule stays: one bad envelope refuses the
    // whole push, the reply names the first bad one in the order sent, and nothing changes.
    void oneTamperedEnvelopeRefusesALargePush_data()
    {
        backends();
    }
    void oneTamperedEnvelopeRefusesALargePush()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        QList<QByteArray> wires;
        wires << a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("0"))).wire();
        for (int i = 1; i < 300; ++i)
            wires << a.seal(updateResident(rid, QStringLiteral("phone"), QString::number(i - 1),
                                           QString::number(i), i + 1))
                         .wire();
        const auto body = [&](const QList<QByteArray>& list) {
            QCborArray array;
            for (const QByteArray& wire : list)
                array.append(wire);
            QCborMap map;
            map.insert(QStringLiteral("device"), a.id);
            map.insert(QStringLiteral("envelopes"), array);
            return QCborValue(map).toCbor();
        };
        QList<QByteArray> tampered = wires;
        for (const int i : {249, 149}) { // envelopes 250 and 150: a byte of the signature
            tampered[i][tampered[i].size() - 3]
                = static_cast<char>(tampered[i][tampered[i].size() - 3] ^ 0x20);
        }
        const auto refused = m_hub->push(body(tampered));
        logReason(refused);
        QCOMPARE(refused.status, 403);
        QCOMPARE(replyBody(refused).value(QStringLiteral("error")).toString(), protocol::errorBadSignature);
        QVERIFY(
            replyBody(refused).value(QStringLiteral("reason")).toString().contains(QStringLiteral("150")));
        QCOMPARE(m_store->head().value(), 0);
        QCOMPARE(m_store->device(a.id).value()->lastSeq, 0);
        QCOMPARE(m_store->device(a.id).value()->state, HubStore::Device::State::Active); // not held
        QVERIFY(m_store->rows(QStringLiteral("residents")).value().isEmpty());

        // The same push untouched goes through whole, in order.
        const auto accepted = m_hub->push(body(wires));
        QCOMPARE(accepted.status, 200);
        QCOMPARE(replyBody(accepted).value(QStringLiteral("acks")).toArray().size(), 300);
        QCOMPARE(m_store->head().value(), 300);
        QCOMPARE(cell(*m_store, rid, QStringLiteral("phone")).toString(), QStringLiteral("299"));
        QCOMPARE(cell(*m_store, rid, QStringLiteral("full_name")).toString(), QStringLiteral("An"));
    }

    // A change-set id is used once, also within one push.
    void aChangesetIdReusedInOnePushIsAFork_data()
    {
        backends();
    }
    void aChangesetIdReusedInOnePushIsAFork()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        const Envelope e1 = a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")));
        EnvelopeFields again;
        again.changesetId = e1.fields().changesetId;
        again.deviceId = a.id;
        again.officer = QStringLiteral("officer");
        again.deviceSeq = ++a.seq;
        again.previousHash = a.previous;
        again.schemaVersion = 1;
        again.createdAt = 2000;
        again.changes
            = updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("2"), 2)
                  .toCbor();
        const Envelope e2 = Envelope::seal(again, a.key);
        const auto reply = m_hub->push(pushBody(a.id, {e1, e2}));
        QCOMPARE(reply.status, 409);
        QCOMPARE(replyBody(reply).value(QStringLiteral("error")).toString(), protocol::errorFork);
        QCOMPARE(replyBody(reply).value(QStringLiteral("acks")).toArray().size(), 1); // e1 went through
        QCOMPARE(m_store->head().value(), 1);
        QCOMPARE(m_store->device(a.id).value()->state, HubStore::Device::State::Held);
        QCOMPARE(cell(*m_store, rid, QStringLiteral("phone")).toString(), QStringLiteral("1"));
    }

    void requestsMustBeSignedByTheDevice_data()
    {
        backends();
    }
    void requestsMustBeSignedByTheDevice()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        QCborMap fields;
        fields.insert(QStringLiteral("nonce"), QByteArray("n1"));
        QCOMPARE(m_hub->ping(a.request(QStringLiteral("ping"), fields)).status, 200);
        Device impostor;
        impostor.id = a.id;
        QCOMPARE(m_hub->ping(impostor.request(QStringLiteral("ping"), fields)).status, 403);
        QCOMPARE(m_hub->ping(a.request(QStringLiteral("pull"), fields)).status, 400); // wrong op
        fields.insert(QStringLiteral("after"), -1);
        fields.insert(QStringLiteral("limit"), 10);
        QCOMPARE(m_hub->pull(a.request(QStringLiteral("pull"), fields)).status, 400);
    }

    // Edits to different fields of one record merge; the record-keeping columns never conflict.
    void editsOfDifferentFieldsMerge_data()
    {
        backends();
    }
    void editsOfDifferentFieldsMerge()
    {
        OPEN_HUB();
        Device a;
        Device b;
        QVERIFY(enroll(a));
        QVERIFY(enroll(b));
        const QString rid = Uuid7::generate();
        QCOMPARE(m_hub
                     ->push(pushBody(
                         a.id, {a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")))}))
                     .status,
                 200);
        QCOMPARE(m_hub
                     ->push(pushBody(a.id,
                                     {a.seal(updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"),
                                                            QStringLiteral("2"), 50))}))
                     .status,
                 200);
        const auto reply
            = m_hub->push(pushBody(b.id,
                                   {b.seal(updateResident(rid, QStringLiteral("full_name"),
                                                          QStringLiteral("An"), QStringLiteral("Ân"), 40))}));
        QCOMPARE(reply.status, 200);
        QCOMPARE(replyBody(reply)
                     .value(QStringLiteral("acks"))
                     .toArray()
                     .at(0)
                     .toMap()
                     .value(QStringLiteral("conflicts"))
                     .toInteger(),
                 0);
        QCOMPARE(cell(*m_store, rid, QStringLiteral("phone")).toString(), QStringLiteral("2"));
        QCOMPARE(cell(*m_store, rid, QStringLiteral("full_name")).toString(), QStringLiteral("Ân"));
        QCOMPARE(cell(*m_store, rid, QStringLiteral("updated_at")).toInteger(), 40); // latest arrival
        QVERIFY(m_store->conflicts().value().isEmpty());
    }

    void sameFieldDisagreementBecomesAConflictWithBothValues_data()
    {
        backends();
    }
    void sameFieldDisagreementBecomesAConflictWithBothValues()
    {
        OPEN_HUB();
        Device a;
        Device b;
        QVERIFY(enroll(a));
        QVERIFY(enroll(b));
        const QString rid = Uuid7::generate();
        QCOMPARE(m_hub
                     ->push(pushBody(
                         a.id, {a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")))}))
                     .status,
                 200);
        QCOMPARE(m_hub
                     ->push(pushBody(a.id,
                                     {a.seal(updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"),
                                                            QStringLiteral("2"), 2),
                                             QStringLiteral("officer-a"))}))
                     .status,
                 200);
        // b agrees on one field (no conflict) and disagrees on the phone.
        const Envelope same = b.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("2"), 3));
        QCOMPARE(m_hub->push(pushBody(b.id, {same})).status, 200);
        QVERIFY(m_store->conflicts().value().isEmpty());
        const Envelope differ = b.seal(
            updateResident(rid, QStringLiteral("phone"), QStringLiteral("1"), QStringLiteral("3"), 4),
            QStringLiteral("officer-b"));
        const auto reply = m_hub->push(pushBody(b.id, {differ}));
        QCOMPARE(reply.status, 200); // accepted: the conflict is recorded, not refused
        QCOMPARE(replyBody(reply)
                     .value(QStringLiteral("acks"))
                     .toArray()
                     .at(0)
                     .toMap()
                     .value(QStringLiteral("conflicts"))
                     .toInteger(),
                 1);
        QCOMPARE(cell(*m_store, rid, QStringLiteral("phone")).toString(),
                 QStringLiteral("2")); // not last-writer-wins

        const auto conflicts = m_store->conflicts().value();
        QCOMPARE(conflicts.size(), 1);
        QCOMPARE(conflicts[0].column, QStringLiteral("phone"));
        QCOMPARE(QCborValue::fromCbor(conflicts[0].hubValue).toString(), QStringLiteral("2"));
        QCOMPARE(QCborValue::fromCbor(conflicts[0].incomingValue).toString(), QStringLiteral("3"));
        QCOMPARE(QCborValue::fromCbor(conflicts[0].baseValue).toString(), QStringLiteral("1"));
        QCOMPARE(conflicts[0].hubOfficer, QStringLiteral("officer-a"));
        QCOMPARE(conflicts[0].incomingOfficer, QStringLiteral("officer-b"));
        QCOMPARE(conflicts[0].incomingDevice, b.id);

        // Devices learn of it in the log, with both values.
        const QCborArray entries = pull(a, 0);
        const QCborMap last = entries.last().toMap();
        QCOMPARE(last.value(QStringLiteral("id")).toString(), differ.fields().changesetId);
        const QCborMap c = last.value(QStringLiteral("conflicts")).toArray().at(0).toMap();
        QCOMPARE(c.value(QStringLiteral("hub")).toString(), QStringLiteral("2"));
        QCOMPARE(c.value(QStringLiteral("in")).toString(), QStringLiteral("3"));
    }

    void importsASignedOutboxFile_data()
    {
        backends();
    }
    void importsASignedOutboxFile()
    {
        OPEN_HUB();
        Device a;
        QVERIFY(enroll(a));
        const QString rid = Uuid7::generate();
        const Envelope e1 = a.seal(insertResident(rid, QStringLiteral("An"), QStringLiteral("1")));
        QCborMap body;
        body.insert(QStringLiteral("device"), a.id);
        body.insert(QStringLiteral("envelopes"), QCborArray{e1.wire()});
        const DeviceKey other = std::move(DeviceKey::generate().value());
        QCOMPARE(
            m_hub->importOutbox(SignedMessage::sign(SignedMessage::Purpose::OutboxFile, body, other).wire())
                .status,
            403);
        QCOMPARE(
            m_hub
                ->importOutbox(SignedMessage::sign(SignedMessage::Purpose::DeviceRequest, body, a.key).wire())
                .status,
            403);
        QCOMPARE(m_store->head().value(), 0);
        QCOMPARE(
            m_hub->importOutbox(SignedMessage::sign(SignedMessage::Purpose::OutboxFile, body, a.key).wire())
                .status,
            200);
        QCOMPARE(m_store->head().value(), 1);
        // Then the device's own push of the same envelope is a replay.
        QCOMPARE(m_hub->push(pushBody(a.id, {e1})).status, 200);
        QCOMPARE(m_store->head().value(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHubService)
#include "TestHubService.moc"
