// Which records carry changes the hub has not acknowledged (schema v8's pending_seq): set by
// change capture in the edit's own transaction, cleared by acknowledgements, never set by
// changes pulled from the hub, rebuilt from the outbox when a ward is upgraded.
#include "ChangeApplier.h"
#include "ChangeSet.h"
#include "CsvImporter.h"
#include "DemoWardGenerator.h"
#include "Migrations.h"
#include "Outbox.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "UnsyncedRows.h"
#include "Uuid7.h"
#include "WardStore.h"

#include <QCborMap>
#include <QFile>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

Resident sampleResident(const QString& ref)
{
    Resident r;
    r.sourceRef = ref;
    r.fullName = QStringLiteral("Nguyễn Văn %1").arg(ref);
    r.birthDate = PartialDate::parse(u"12/03/1990");
    r.sex = Sex::Male;
    return r;
}

// pending_seq of a row: -1 for NULL, -2 when the row is missing.
qint64 pendingOf(SqlConnection& db, const QString& table, const QString& id)
{
    auto stmt = db.prepare(QStringLiteral("SELECT pending_seq FROM %1 WHERE id = ?").arg(table));
    stmt->bind(1, id);
    if (!stmt->step().value())
        return -2;
    return stmt->isNull(0) ? -1 : stmt->integer(0);
}

qint64 residentPending(WardDatabase& ward, const QString& id)
{
    return pendingOf(ward.connection(), QStringLiteral("residents"), id);
}

qint64 lastSeq(WardDatabase& ward)
{
    return ward.connection().queryInt(u"SELECT coalesce(max(seq), 0) FROM outbox").value();
}

qint64 outboxSize(WardDatabase& ward)
{
    return ward.connection().queryInt(u"SELECT count(*) FROM outbox").value();
}

// Seals every pending entry (with stand-in envelopes: only their order matters here).
void sealAll(WardDatabase& ward)
{
    Outbox outbox(ward.connection());
    qint64 deviceSeq = ward.connection().queryInt(u"SELECT coalesce(max(device_seq), 0) FROM outbox").value();
    const auto pending = outbox.entries(OutboxEntry::State::Pending, 0, 100000).value();
    for (const OutboxEntry& e : pending) {
        ++deviceSeq;
        QVERIFY(outbox.seal(e.seq, deviceSeq, QByteArray("envelope"), QByteArray::number(deviceSeq)).ok());
    }
}

// Acknowledges the entries up to `seq`, as SyncClient does: in one transaction, then settles.
void acknowledgeThrough(WardDatabase& ward, qint64 seq)
{
    Outbox outbox(ward.connection());
    SqlTransaction tx(ward.connection(), ChangeCapture::Off);
    QVERIFY(tx.begun().ok());
    const auto sealed = outbox.entries(OutboxEntry::State::Sealed, 0, 100000).value();
    for (const OutboxEntry& e : sealed) {
        if (e.seq <= seq)
            QVERIFY(outbox.acknowledge(e.changesetId, 1000 + e.seq).ok());
    }
    QVERIFY(UnsyncedRows(ward.connection()).settle().ok());
    QVERIFY(tx.commit().ok());
}

QString writeCsv(const QString& path, int rows)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("source_ref,full_name,birth_date,sex,personal_id,household_ref,relation_to_head,hometown\n");
    for (int i = 0; i < rows; ++i)
        file.write(QStringLiteral("B%1,Nguyễn Văn Hùng %1,0%2/03/1985,Nam,00108500%3,HK%4,%5,%6\n")
                       .arg(i)
                       .arg(i % 9 + 1)
                       .arg(i, 4, 10, QLatin1Char('0'))
                       .arg(i / 4)
                       .arg(i % 4 == 0 ? QStringLiteral("Chủ hộ") : QStringLiteral("Con"))
                       .arg(QString(300, QLatin1Char('x')))
                       .toUtf8());
    return path;
}

// A change-set of the given row changes, as the outbox stores it.
QByteArray changes(const QList<std::pair<RowChange::Op, QString>>& rows)
{
    ChangeSet set;
    for (const auto& [op, id] : rows) {
        RowChange change;
        change.table = QStringLiteral("residents");
        change.rowId = id;
        change.op = op;
        if (op == RowChange::Op::Delete)
            change.before.insert(QStringLiteral("full_name"), QStringLiteral("x"));
        else
            change.after.insert(QStringLiteral("full_name"), QStringLiteral("x"));
        set.rows << change;
    }
    return set.toCbor();
}

// A ward file at schema v7 (no change capture attached), rows A..F in it, and an outbox.
struct V7Ward
{
    test::TempWard temp;
    std::unique_ptr<SqlConnection> db;

    V7Ward()
    {
        db = std::move(SqlConnection::open(temp.path()).value());
        if (!Migrations::migrate(*db, 7).ok())
            qFatal("could not make a v7 ward");
        exec(u"INSERT INTO ward_meta(key, value) VALUES ('outbox.started', '1')");
        for (const char* id : {"A", "B", "C", "D", "F"})
            exec(QStringLiteral("INSERT INTO residents(id, full_name, created_at, updated_at) "
                                "VALUES ('%1', 'x', 1, 1)")
                     .arg(QLatin1String(id)));
        exec(u"INSERT INTO households(id, created_at, updated_at) VALUES ('H', 1, 1)");
    }
    void exec(QStringView sql)
    {
        if (!db->exec(sql).ok())
            qFatal("%s", qPrintable(sql.toString()));
    }
    void addEntry(qint64 seq, const QString& state, const QByteArray& cbor)
    {
        auto stmt = db->prepare(u"INSERT INTO outbox(seq, changeset_id, schema_version, created_at, changes, "
                                u"state, device_seq) VALUES (?, ?, 7, 1, ?, ?, ?)");
        stmt->bindAll(seq, Uuid7::generate(), cbor, state);
        if (state != u"pending")
            stmt->bind(5, seq);
        if (!stmt->exec().ok())
            qFatal("could not add an outbox entry");
    }
};

} // namespace

class TestUnsyncedRows : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void anEditMarksItsRowsWithItsOutboxEntry()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident a = sampleResident(QStringLiteral("A"));
        Resident b = sampleResident(QStringLiteral("B"));
        QVERIFY(store.insertResident(a).ok());
        const qint64 first = lastSeq(temp.ward());
        QVERIFY(store.insertResident(b).ok());
        QCOMPARE(residentPending(temp.ward(), a.id), first);
        QCOMPARE(residentPending(temp.ward(), b.id), lastSeq(temp.ward()));
        QVERIFY(lastSeq(temp.ward()) > first);

        a.phone = QStringLiteral("0912000000");
        QVERIFY(store.updateResident(a).ok());
        QCOMPARE(residentPending(temp.ward(), a.id), lastSeq(temp.ward()));

        Household h;
        h.number = QStringLiteral("HK-1");
        QVERIFY(store.insertHousehold(h).ok());
        QCOMPARE(pendingOf(temp.ward().connection(), QStringLiteral("households"), h.id),
                 lastSeq(temp.ward()));
        QCOMPARE(UnsyncedRows(temp.ward().connection()).countResidents().value(), 2);

        // A soft deletion is a change too, but the record leaves the live count.
        QVERIFY(store.softDeleteResident(b.id).ok());
        QCOMPARE(residentPending(temp.ward(), b.id), lastSeq(temp.ward()));
        QCOMPARE(UnsyncedRows(temp.ward().connection()).countResidents().value(), 1);
    }

    void theMarkItselfIsNeverRecorded()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident a = sampleResident(QStringLiteral("A"));
        QVERIFY(store.insertResident(a).ok());
        const qint64 entries = outboxSize(temp.ward());
        {
            SqlTransaction tx(temp.ward().connection());
            QVERIFY(tx.begun().ok());
            auto stmt
                = temp.ward().connection().prepare(u"UPDATE residents SET pending_seq = 99 WHERE id = ?");
            stmt->bind(1, a.id);
            QVERIFY(stmt->exec().ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(outboxSize(temp.ward()), entries); // a derived-only change makes no change-set
        QCOMPARE(residentPending(temp.ward(), a.id), 99);

        // Nor does it travel with a real edit.
        a.phone = QStringLiteral("0912000001");
        QVERIFY(store.updateResident(a).ok());
        const auto last = Outbox(temp.ward().connection()).unsynced(entries, 10).value();
        QCOMPARE(last.size(), 1);
        const ChangeSet set = ChangeSet::fromCbor(last[0].changes).value();
        QCOMPARE(set.rows.size(), 1);
        QVERIFY(!set.rows[0].after.contains(QStringLiteral("pending_seq")));
        QVERIFY(!set.rows[0].before.contains(QStringLiteral("pending_seq")));
    }

    void acknowledgementsClearWhatTheHubHasAndRefusalsStay()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        QList<Resident> r;
        QList<qint64> seq;
        for (int i = 0; i < 4; ++i) {
            r << sampleResident(QStringLiteral("R%1").arg(i));
            QVERIFY(store.insertResident(r.last()).ok());
            seq << lastSeq(temp.ward());
        }
        sealAll(temp.ward());
        acknowledgeThrough(temp.ward(), seq[1]);
        QCOMPARE(residentPending(temp.ward(), r[0].id), -1);
        QCOMPARE(residentPending(temp.ward(), r[1].id), -1);
        QCOMPARE(residentPending(temp.ward(), r[2].id), seq[2]);
        QCOMPARE(residentPending(temp.ward(), r[3].id), seq[3]);

        // R2's change-set is refused: it, and R3 behind it, stay unsynced even if a later entry
        // were acknowledged; R0 edited again is unsynced again.
        QVERIFY(Outbox(temp.ward().connection())
                    .refuse(Outbox(temp.ward().connection())
                                .entries(OutboxEntry::State::Sealed, seq[1], 1)
                                .value()[0]
                                .changesetId,
                            QStringLiteral("fork"))
                    .ok());
        r[0].phone = QStringLiteral("0912000002");
        QVERIFY(store.updateResident(r[0]).ok());
        sealAll(temp.ward());
        acknowledgeThrough(temp.ward(), lastSeq(temp.ward()));
        QCOMPARE(residentPending(temp.ward(), r[0].id), lastSeq(temp.ward()));
        QCOMPARE(residentPending(temp.ward(), r[2].id), seq[2]);
        QCOMPARE(residentPending(temp.ward(), r[3].id), seq[3]);

        // Once everything is acknowledged, nothing is unsynced.
        QVERIFY(temp.ward()
                    .connection()
                    .exec(u"UPDATE outbox SET state = 'acked', global_seq = seq "
                          u"WHERE state <> 'acked'")
                    .ok());
        acknowledgeThrough(temp.ward(), lastSeq(temp.ward()));
        QCOMPARE(UnsyncedRows(temp.ward().connection()).countResidents().value(), 0);
        QCOMPARE(temp.ward()
                     .connection()
                     .queryInt(u"SELECT count(*) FROM households WHERE pending_seq IS NOT NULL")
                     .value(),
                 0);
    }

    void aBulkImportMarksEveryRowItInserted()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident before = sampleResident(QStringLiteral("OLD"));
        QVERIFY(store.insertResident(before).ok());
        sealAll(temp.ward());
        acknowledgeThrough(temp.ward(), lastSeq(temp.ward()));
        QCOMPARE(residentPending(temp.ward(), before.id), -1);
        const qint64 entriesBefore = outboxSize(temp.ward());

        CsvImporter::Options options;
        options.bulkThresholdBytes = 0; // the streamed path, as for a large file
        auto report = CsvImporter(temp.ward())
                          .importFile(writeCsv(temp.filePath(QStringLiteral("b.csv")), 3000), options);
        QVERIFY(report.ok());
        QVERIFY(report->bulkLoaded);
        QCOMPARE(report->imported, 3000);
        QVERIFY(outboxSize(temp.ward()) >= entriesBefore + 2); // several change-sets
        SqlConnection& db = temp.ward().connection();
        const qint64 last = lastSeq(temp.ward());
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM residents WHERE pending_seq IS NOT NULL").value(), 3000);
        QCOMPARE(db.queryInt(u"SELECT max(pending_seq) FROM residents").value(), last);
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM households WHERE pending_seq IS NULL").value(), 0);
        QCOMPARE(residentPending(temp.ward(), before.id), -1); // not part of the import

        // Each row carries the seq of the change-set that holds it, set as it was written.
        auto entries = db.prepare(u"SELECT seq, changes FROM outbox WHERE seq > ? ORDER BY seq");
        QVERIFY(entries.ok());
        entries->bind(1, last - (outboxSize(temp.ward()) - entriesBefore));
        qint64 rowsSeen = 0;
        qint64 rowsInLast = 0;
        while (entries->step().value()) {
            auto changes = ChangeSet::fromCbor(entries->blob(1));
            QVERIFY(changes.ok());
            for (const RowChange& row : changes->rows) {
                if (row.table != u"residents")
                    continue;
                QCOMPARE(residentPending(temp.ward(), row.rowId), entries->integer(0));
                ++rowsSeen;
                rowsInLast += entries->integer(0) == last ? 1 : 0;
            }
        }
        QCOMPARE(rowsSeen, 3000);
        QVERIFY(rowsInLast > 0 && rowsInLast < 3000);

        // All but the last entry acknowledged: only the rows of the last one stay unsynced.
        sealAll(temp.ward());
        acknowledgeThrough(temp.ward(), last - 1);
        QCOMPARE(UnsyncedRows(db).countResidents().value(), rowsInLast);
        acknowledgeThrough(temp.ward(), last);
        QCOMPARE(UnsyncedRows(db).countResidents().value(), 0);
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM households WHERE pending_seq IS NOT NULL").value(), 0);
    }

    // A bulk insert that does not set pending_seq itself (not through WardStore) is still marked,
    // at COMMIT, with the transaction's last change-set.
    void aBulkRowWrittenWithoutItsMarkIsMarkedAtCommit()
    {
        test::TempWard temp;
        SqlConnection& db = temp.ward().connection();
        {
            SqlTransaction transaction(db, ChangeCapture::Inserts);
            QVERIFY(transaction.begun().ok());
            QVERIFY(db.exec(u"INSERT INTO residents(id, full_name, created_at, updated_at) "
                            u"VALUES ('R-RAW', 'Lê Văn An', 1, 1)")
                        .ok());
            Resident viaStore = sampleResident(QStringLiteral("STORE"));
            QVERIFY(WardStore(temp.ward()).insertResident(viaStore).ok());
            QVERIFY(transaction.commit().ok());
        }
        const qint64 last = lastSeq(temp.ward());
        QCOMPARE(residentPending(temp.ward(), QStringLiteral("R-RAW")), last);
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM residents WHERE pending_seq = "
                             u"(SELECT max(seq) FROM outbox)")
                     .value(),
                 2);
    }

    void aDemoWardIsUnsyncedThroughout()
    {
        test::TempWard temp;
        DemoWardGenerator::Options options;
        options.residents = 600;
        auto summary = DemoWardGenerator(options).generate(temp.ward());
        QVERIFY(summary.ok());
        SqlConnection& db = temp.ward().connection();
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM residents WHERE pending_seq IS NULL").value(), 0);
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM households WHERE pending_seq IS NULL").value(), 0);
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM residents").value(), summary->residents);
    }

    void pulledChangesAreNotUnsynced()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident mine = sampleResident(QStringLiteral("MINE"));
        QVERIFY(store.insertResident(mine).ok());
        sealAll(temp.ward());
        acknowledgeThrough(temp.ward(), lastSeq(temp.ward()));
        // An unsynced local edit of another field of the record the hub changes.
        mine.phone = QStringLiteral("0912000003");
        QVERIFY(store.updateResident(mine).ok());
        const qint64 mineSeq = lastSeq(temp.ward());

        RowChange inserted;
        inserted.table = QStringLiteral("residents");
        inserted.rowId = Uuid7::generate();
        inserted.op = RowChange::Op::Insert;
        inserted.after.insert(QStringLiteral("full_name"), QStringLiteral("Hoàng Văn Em"));
        inserted.after.insert(QStringLiteral("created_at"), 1);
        inserted.after.insert(QStringLiteral("updated_at"), 1);
        inserted.after.insert(QStringLiteral("pending_seq"), 12345); // never applied
        RowChange remote;
        remote.table = QStringLiteral("residents");
        remote.rowId = mine.id;
        remote.op = RowChange::Op::Update;
        remote.before.insert(QStringLiteral("religion"), QString());
        remote.after.insert(QStringLiteral("religion"), QStringLiteral("Phật giáo"));
        remote.after.insert(QStringLiteral("pending_seq"), QCborValue(nullptr)); // never applied
        {
            SqlTransaction tx(temp.ward().connection(), ChangeCapture::Off);
            QVERIFY(tx.begun().ok());
            ChangeApplier applier(temp.ward());
            QVERIFY(applier.loadLocalEdits(1).ok());
            // Ordered by the hub after this device's acknowledged insert.
            QVERIFY(applier.apply(inserted, 5000).ok());
            QVERIFY(applier.apply(remote, 5001).ok());
            QVERIFY(applier.finish().ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(store.resident(inserted.rowId).value().fullName, QStringLiteral("Hoàng Văn Em"));
        QCOMPARE(residentPending(temp.ward(), inserted.rowId), -1);
        // The local record keeps its own unsynced change.
        QCOMPARE(store.resident(mine.id).value().religion, QStringLiteral("Phật giáo"));
        QCOMPARE(store.resident(mine.id).value().phone, mine.phone);
        QCOMPARE(residentPending(temp.ward(), mine.id), mineSeq);
    }

    // Upgrade of a ward that has synced: only the rows of unacknowledged change-sets, each with
    // the latest that touched it; a refused one counts as unacknowledged.
    void upgradeMarksWhatTheOutboxStillOwes()
    {
        V7Ward v7;
        v7.exec(u"INSERT INTO ward_meta(key, value) VALUES ('sync.cursor', '40')");
        using Op = RowChange::Op;
        v7.addEntry(1, QStringLiteral("acked"),
                    changes({{Op::Insert, QStringLiteral("A")}, {Op::Insert, QStringLiteral("B")}}));
        v7.addEntry(2, QStringLiteral("acked"), changes({{Op::Insert, QStringLiteral("E")}}));
        v7.addEntry(3, QStringLiteral("sealed"),
                    changes({{Op::Update, QStringLiteral("B")}, {Op::Update, QStringLiteral("C")}}));
        v7.addEntry(4, QStringLiteral("refused"),
                    changes({{Op::Update, QStringLiteral("D")}, {Op::Update, QStringLiteral("C")}}));
        v7.addEntry(5, QStringLiteral("pending"), changes({{Op::Delete, QStringLiteral("E")}}));
        v7.addEntry(6, QStringLiteral("pending"), QByteArray("not cbor")); // skipped, not fatal
        QVERIFY(Migrations::migrate(*v7.db).ok());
        QCOMPARE(Migrations::currentVersion(*v7.db).value(), Migrations::latestVersion());
        const auto pending = [&](const char* id) {
            return pendingOf(*v7.db, QStringLiteral("residents"), QLatin1String(id));
        };
        QCOMPARE(pending("A"), -1);
        QCOMPARE(pending("B"), 3);
        QCOMPARE(pending("C"), 4);
        QCOMPARE(pending("D"), 4);
        QCOMPARE(pending("F"), -1); // pulled from the hub: not in the outbox
        QCOMPARE(pendingOf(*v7.db, QStringLiteral("households"), QStringLiteral("H")), -1);

        // The upgraded ward opens, and its marks behave as new ones.
        v7.db.reset();
        auto& ward = v7.temp.ward();
        QCOMPARE(UnsyncedRows(ward.connection()).countResidents().value(), 3);
        {
            SqlTransaction tx(ward.connection(), ChangeCapture::Off);
            QVERIFY(ward.connection().exec(u"UPDATE outbox SET state = 'acked' WHERE seq <= 3").ok());
            QVERIFY(UnsyncedRows(ward.connection()).settle().ok());
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(residentPending(ward, QStringLiteral("B")), -1);
        QCOMPARE(residentPending(ward, QStringLiteral("C")), 4);
    }

    // Upgrade of a ward that never synced: every row is its own unsynced work.
    void upgradeOfANeverSyncedWardMarksEveryRow()
    {
        V7Ward v7;
        using Op = RowChange::Op;
        v7.addEntry(1, QStringLiteral("pending"), changes({{Op::Insert, QStringLiteral("A")}}));
        v7.addEntry(2, QStringLiteral("pending"), changes({{Op::Insert, QStringLiteral("B")}}));
        QVERIFY(Migrations::migrate(*v7.db).ok());
        QCOMPARE(v7.db->queryInt(u"SELECT count(*) FROM residents WHERE pending_seq = 2").value(), 5);
        QCOMPARE(pendingOf(*v7.db, QStringLiteral("households"), QStringLiteral("H")), 2);
    }

    void upgradeOfAFullySyncedWardMarksNothing()
    {
        V7Ward v7;
        using Op = RowChange::Op;
        v7.addEntry(1, QStringLiteral("acked"), changes({{Op::Insert, QStringLiteral("A")}}));
        QVERIFY(Migrations::migrate(*v7.db).ok());
        QCOMPARE(v7.db->queryInt(u"SELECT count(*) FROM residents WHERE pending_seq IS NOT NULL").value(), 0);
    }

    // A ward from before change capture: its first opening records every row, all unsynced.
    void rowsCapturedAtFirstOpeningAreUnsynced()
    {
        test::TempWard temp;
        {
            auto db = SqlConnection::open(temp.path()).value();
            QVERIFY(Migrations::migrate(*db).ok());
            QVERIFY(
                db->exec(
                      u"INSERT INTO residents(id, full_name, created_at, updated_at) VALUES ('A', 'x', 1, 1);"
                      u"INSERT INTO households(id, created_at, updated_at) VALUES ('H', 1, 1)")
                    .ok());
        }
        WardDatabase& ward = temp.ward();
        QVERIFY(lastSeq(ward) > 0);
        QCOMPARE(residentPending(ward, QStringLiteral("A")), lastSeq(ward));
        QCOMPARE(pendingOf(ward.connection(), QStringLiteral("households"), QStringLiteral("H")),
                 lastSeq(ward));
    }
};

QTEST_GUILESS_MAIN(TestUnsyncedRows)
#include "TestUnsyncedRows.moc"
