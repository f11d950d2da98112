// Sync under faults, against a real hub process: envelopes duplicated, reordered and replayed,
// an acknowledgement lost after the hub committed, the hub killed and restarted, a revoked
// device. Nothing is lost, nothing is applied twice.
#include "Envelope.h"
#include "SignedMessage.h"
#include "SyncProtocol.h"
#include "SyncTestSupport.h"
#include "Uuid7.h"
#include "WardStore.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;
using namespace wardroll::test;

namespace {

void addResidents(SyncDevice& device, int count, const QString& prefix)
{
    WardStore store(device.ward());
    for (int i = 0; i < count; ++i) {
        Resident r;
        r.sourceRef = prefix + QString::number(i);
        r.fullName = QStringLiteral("Vũ Thị %1").arg(i);
        QVERIFY(store.insertResident(r).ok());
    }
}

QList<OutboxEntry> sealedEntries(SyncDevice& device)
{
    auto entries = Outbox(device.ward().connection()).unsynced(0, 100000);
    return entries.ok() ? entries.value() : QList<OutboxEntry>();
}

QByteArray pushOf(const QString& device, const QList<QByteArray>& wires)
{
    QCborArray list;
    for (const QByteArray& wire : wires)
        list.append(wire);
    QCborMap body;
    body.insert(QStringLiteral("device"), device);
    body.insert(QStringLiteral("envelopes"), list);
    return QCborValue(body).toCbor();
}

QCborArray acksOf(const sync::HttpResponse& response)
{
    auto message = sync::SignedMessage::parse(response.body);
    return message.ok() ? message->body().value(QStringLiteral("acks")).toArray() : QCborArray();
}

} // namespace

class TestSyncFaults : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_hubs = 0;

    std::unique_ptr<HubProcess> startHub()
    {
        ++m_hubs;
        auto hub = std::make_unique<HubProcess>(QStringLiteral("sqlite:")
                                                    + m_dir.filePath(QStringLiteral("hub%1.db").arg(m_hubs)),
                                                m_dir.filePath(QStringLiteral("hub%1.log").arg(m_hubs)));
        if (!hub->start())
            qFatal("the hub did not start");
        return hub;
    }

    sync::HttpResponse post(SyncDevice& device, const QUrl& hub, const QByteArray& body)
    {
        return QCoro::waitFor(
            device.client->transport().post(hub.resolved(QUrl(sync::protocol::pushPath)), body));
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void duplicatedReorderedAndReplayedEnvelopes()
    {
        auto hub = startHub();
        SyncDevice a;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("A")));
        addResidents(a, 5, QStringLiteral("D"));
        QCOMPARE(a.client->sealPending().value(), 5);
        const auto entries = sealedEntries(a);
        QCOMPARE(entries.size(), 5);
        // The network delivers 3, 1, 2, 1 in one request: the hub takes them in chain order once.
        const auto reply = post(
            a, hub->url(),
            pushOf(a.ward().deviceId(),
                   {entries[2].envelope, entries[0].envelope, entries[1].envelope, entries[0].envelope}));
        QCOMPARE(reply.status, 200);
        QCOMPARE(acksOf(reply).size(), 3);
        // Then the device's own round resends 1..5: three replays and two new ones.
        const auto report = a.sync();
        QVERIFY(report.status.ok());
        QCOMPARE(report.acknowledged, 5);
        QCOMPARE(report.pulledEntries, 5); // each change-set exactly once in the hub's log
        QCOMPARE(a.unsynced(), 0);

        // A second device sees every resident once.
        SyncDevice b;
        QVERIFY_OK(b.enroll(*hub, QStringLiteral("B")));
        QVERIFY_OK(b.sync().status);
        QCOMPARE(WardStore(b.ward()).countResidents().value(), 5);
        QCOMPARE(dumpTable(a.ward(), QStringLiteral("residents")),
                 dumpTable(b.ward(), QStringLiteral("residents")));
    }

    // A round with more change-sets than one push carries: the first batch is sealed before
    // sending, the others while earlier ones travel; every one is sealed, sent once, in order.
    void manyPushesSealedAlongTheWay()
    {
        auto hub = startHub();
        SyncDevice a;
        SyncDevice b;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("A")));
        QVERIFY_OK(b.enroll(*hub, QStringLiteral("B")));
        a.client->setPushBatch(7);
        b.client->setPullLimit(6);
        addResidents(a, 40, QStringLiteral("M"));
        const auto report = a.sync();
        QVERIFY_OK(report.status);
        QCOMPARE(report.sealed, 40);
        QCOMPARE(report.acknowledged, 40);
        QCOMPARE(a.unsynced(), 0);
        const auto entries = Outbox(a.ward().connection()).entries(OutboxEntry::State::Acked, 0, 100).value();
        QCOMPARE(entries.size(), 40);
        for (qsizetype i = 0; i < entries.size(); ++i) {
            QCOMPARE(entries[i].deviceSeq, i + 1); // the chain follows commit order
            QCOMPARE(entries[i].globalSeq, i + 1); // and the hub took them in that order
        }
        const auto pulled = b.sync();
        QVERIFY_OK(pulled.status);
        QCOMPARE(pulled.pulledEntries, 40);
        QCOMPARE(dumpTable(a.ward(), QStringLiteral("residents")),
                 dumpTable(b.ward(), QStringLiteral("residents")));
    }

    // The hub commits, the answer is lost: the retry must get the same acknowledgement, and
    // nothing must be applied twice.
    void anAcknowledgementLostAfterCommit()
    {
        auto hub = startHub();
        SyncDevice a;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("A")));
        addResidents(a, 3, QStringLiteral("L"));
        QVERIFY(a.client->sealPending().ok());
        QList<QByteArray> wires;
        for (const auto& entry : sealedEntries(a))
            wires << entry.envelope;
        const auto delivered = post(a, hub->url(), pushOf(a.ward().deviceId(), wires));
        QCOMPARE(delivered.status, 200);
        const QCborArray acks = acksOf(delivered);
        QCOMPARE(acks.size(), 3);
        // The device never saw that answer: all three are still unsynced here.
        QCOMPARE(a.unsynced(), 3);
        const auto retried = post(a, hub->url(), pushOf(a.ward().deviceId(), wires));
        QCOMPARE(acksOf(retried), acks);

        const auto report = a.sync();
        QVERIFY(report.status.ok());
        QCOMPARE(a.unsynced(), 0);
        for (const QCborValue& ack : acks) {
            const auto entry = Outbox(a.ward().connection())
                                   .byChangesetId(ack.toMap().value(QStringLiteral("id")).toString());
            QCOMPARE(entry.value()->globalSeq, ack.toMap().value(QStringLiteral("global")).toInteger());
        }
        QCOMPARE(report.pulledEntries, 3);
    }

    void theHubKilledAndRestarted()
    {
        auto hub = startHub();
        SyncDevice a;
        SyncDevice b;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("A")));
        QVERIFY_OK(b.enroll(*hub, QStringLiteral("B")));
        addResidents(a, 4, QStringLiteral("K"));
        QVERIFY_OK(a.sync().status);
        const quint16 port = hub->port();
        hub->kill();

        // Offline: edits keep going, sync fails without losing anything.
        addResidents(a, 2, QStringLiteral("O"));
        const auto offline = a.sync();
        QVERIFY(!offline.status.ok());
        QVERIFY(!a.client->isOnline());
        QCOMPARE(a.unsynced(), 2);

        QVERIFY(hub->start(port));
        QVERIFY_OK(a.sync().status);
        QCOMPARE(a.unsynced(), 0);
        QVERIFY_OK(b.sync().status);
        QCOMPARE(WardStore(b.ward()).countResidents().value(), 6);
        QCOMPARE(dumpTable(a.ward(), QStringLiteral("residents")),
                 dumpTable(b.ward(), QStringLiteral("residents")));
    }

    void aRevokedDeviceIsRefusedAndKeepsItsEdits()
    {
        auto hub = startHub();
        SyncDevice a;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("A")));
        addResidents(a, 1, QStringLiteral("R"));
        QVERIFY_OK(a.sync().status);
        const auto revoked = hub->run(QStringLiteral("revoke"),
                                      {QStringLiteral("--device"), a.ward().deviceId(),
                                       QStringLiteral("--reason"), QStringLiteral("lost tablet")});
        QCOMPARE(revoked.exitCode, 0);
        const auto listed = hub->run(QStringLiteral("devices"));
        QVERIFY(listed.out.contains(a.ward().deviceId() + QStringLiteral("\trevoked")));

        addResidents(a, 2, QStringLiteral("X"));
        const auto report = a.sync();
        QVERIFY(!report.status.ok());
        QVERIFY2(report.status.error().message.contains(QStringLiteral("lost tablet")),
                 qPrintable(report.status.error().toString()));
        QCOMPARE(a.unsynced(), 2); // kept, not deleted
        QCOMPARE(WardStore(a.ward()).countResidents().value(), 3);
    }

    // A copy of the device (restored from a backup) already used sequence number 2: the
    // device's own envelope 2 is a fork. It is refused, kept with the reason, and blocks the
    // queue instead of being retried in a loop.
    void aRefusedChangeSetIsKeptWithItsReason()
    {
        auto hub = startHub();
        SyncDevice a;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("A")));
        addResidents(a, 1, QStringLiteral("P"));
        QVERIFY_OK(a.sync().status);
        const OutboxEntry first
            = Outbox(a.ward().connection()).entries(OutboxEntry::State::Acked).value().first();

        auto key = sync::WardKeyStore(a.ward()).load();
        QVERIFY(key.ok() && key.value());
        sync::EnvelopeFields copy = sync::Envelope::parse(first.envelope)->fields();
        copy.changesetId = Uuid7::generate();
        copy.deviceSeq = 2;
        copy.previousHash = first.envelopeHash;
        QCOMPARE(post(a, hub->url(),
                      pushOf(a.ward().deviceId(), {sync::Envelope::seal(copy, *key.value()).wire()}))
                     .status,
                 200);

        addResidents(a, 2, QStringLiteral("Q"));
        const auto report = a.sync();
        QVERIFY(!report.status.ok());
        QCOMPARE(report.refused, 1);
        const auto refused = Outbox(a.ward().connection()).entries(OutboxEntry::State::Refused).value();
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().deviceSeq, 2);
        QVERIFY(refused.first().reason.contains(QStringLiteral("fork")));
        QCOMPARE(a.unsynced(), 2);
        QVERIFY(hub->run(QStringLiteral("devices")).out.contains(QStringLiteral("\theld\t")));
        // The next round says why and sends nothing behind it.
        const auto again = a.sync();
        QVERIFY(!again.status.ok());
        QVERIFY(again.status.error().message.contains(QStringLiteral("fork")));
        QCOMPARE(again.acknowledged, 0);
        QCOMPARE(a.unsynced(), 2);
        QCOMPARE(WardStore(a.ward()).countResidents().value(), 3);

        // The way out: resealing is refused while the hub holds the device; once a person
        // releases it, the two change-sets continue the hub's chain and nothing is lost.
        QVERIFY(!QCoro::waitFor(a.client->resealRefused()).ok());
        QCOMPARE(
            hub->run(QStringLiteral("release"), {QStringLiteral("--device"), a.ward().deviceId()}).exitCode,
            0);
        int resealed = 0;
        QVERIFY_OK(QCoro::waitFor(a.client->resealRefused(&resealed)));
        QCOMPARE(resealed, 2);
        QVERIFY_OK(a.sync().status);
        QCOMPARE(a.unsynced(), 0);
        SyncDevice b;
        QVERIFY_OK(b.enroll(*hub, QStringLiteral("B")));
        QVERIFY_OK(b.sync().status);
        QCOMPARE(dumpTable(b.ward(), QStringLiteral("residents")),
                 dumpTable(a.ward(), QStringLiteral("residents")));
    }

    // A push whose envelope claims this device but is signed by another key.
    void aForgedPushChangesNothing()
    {
        auto hub = startHub();
        SyncDevice a;
        SyncDevice mallory;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("A")));
        QVERIFY_OK(mallory.enroll(*hub, QStringLiteral("M")));
        addResidents(mallory, 1, QStringLiteral("F"));
        QVERIFY(mallory.client->sealPending().ok());
        const auto forged = post(mallory, hub->url(),
                                 pushOf(a.ward().deviceId(), {sealedEntries(mallory).first().envelope}));
        QCOMPARE(forged.status, 400); // the envelope names its real device, not the one claimed
        // The same change-set re-signed by Mallory's key in A's name.
        auto malloryKey = sync::WardKeyStore(mallory.ward()).load();
        QVERIFY(malloryKey.ok() && malloryKey.value());
        auto original = sync::Envelope::parse(sealedEntries(mallory).first().envelope);
        sync::EnvelopeFields fields = original->fields();
        fields.deviceId = a.ward().deviceId();
        const auto impersonated
            = post(mallory, hub->url(),
                   pushOf(a.ward().deviceId(), {sync::Envelope::seal(fields, *malloryKey.value()).wire()}));
        QCOMPARE(impersonated.status, 403);
        const auto report = a.sync();
        QVERIFY(report.status.ok());
        QCOMPARE(report.pulledEntries, 0);
    }
};

QTEST_GUILESS_MAIN(TestSyncFaults)
#include "TestSyncFaults.moc"
