#include "ChangeApplier.h"
#include "ChangeRecorder.h"
#include "ChangeSet.h"
#include "Migrations.h"
#include "Outbox.h"
#include "ResidentSearch.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "Uuid7.h"
#include "WardStore.h"

#include <algorithm>
#include <QCborArray>
#include <QSet>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

Resident sampleResident(const QString& ref)
{
    Resident r;
    r.sourceRef = ref;
    r.fullName = QStringLiteral("Nguyễn Văn An");
    r.personalId = QStringLiteral("001090001234");
    r.birthDate = PartialDate::parse(u"12/03/1990");
    r.sex = Sex::Male;
    r.phone = QStringLiteral("0912345678");
    return r;
}

QList<OutboxEntry> allEntries(WardDatabase& ward)
{
    auto entries = Outbox(ward.connection()).unsynced(0, 100000);
    return entries.ok() ? entries.value() : QList<OutboxEntry>();
}

ChangeSet changesOf(const OutboxEntry& entry)
{
    auto changes = ChangeSet::fromCbor(entry.changes);
    if (!changes.ok())
        qWarning("%s", qPrintable(changes.error().toString()));
    return changes.ok() ? changes.value() : ChangeSet();
}

} // namespace

class TestChangeRecorder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void singleWriteIsCapturedWithItsChangeRecord()
    {
        test::TempWard temp;
        temp.ward().setOfficer(QStringLiteral("officer-7"));
        WardStore store(temp.ward());
        Resident r = sampleResident(QStringLiteral("R1"));
        QVERIFY(store.insertResident(r).ok());

        const auto entries = allEntries(temp.ward());
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].state, OutboxEntry::State::Pending);
        QCOMPARE(entries[0].officer, QStringLiteral("officer-7"));
        QCOMPARE(entries[0].schemaVersion, Migrations::latestVersion());
        QVERIFY(Uuid7::isValid(entries[0].changesetId));
        const ChangeSet changes = changesOf(entries[0]);
        QCOMPARE(changes.rows.size(), 1);
        QCOMPARE(changes.rows[0].op, RowChange::Op::Insert);
        QCOMPARE(changes.rows[0].table, QStringLiteral("residents"));
        QCOMPARE(changes.rows[0].rowId, r.id);
        QCOMPARE(changes.rows[0].after.value(QStringLiteral("full_name")).toString(), r.fullName);
        QCOMPARE(changes.rows[0].after.value(QStringLiteral("birth_year")).toInteger(), 1990);
        // Derived search columns never travel: each device computes its own.
        QVERIFY(!changes.rows[0].after.contains(QStringLiteral("search_text")));
        QVERIFY(!changes.rows[0].after.contains(QStringLiteral("name_key")));
    }

    void anUpdateCarriesOnlyTheColumnsItChanged()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r = sampleResident(QStringLiteral("R1"));
        QVERIFY(store.insertResident(r).ok());
        r.phone = QStringLiteral("0987654321");
        QVERIFY(store.updateResident(r).ok());

        const auto entries = allEntries(temp.ward());
        QCOMPARE(entries.size(), 2);
        const ChangeSet changes = changesOf(entries[1]);
        QCOMPARE(changes.rows.size(), 1);
        const RowChange& row = changes.rows[0];
        QCOMPARE(row.op, RowChange::Op::Update);
        QCOMPARE(row.rowId, r.id);
        QCOMPARE(row.before.value(QStringLiteral("phone")).toString(), QStringLiteral("0912345678"));
        QCOMPARE(row.after.value(QStringLiteral("phone")).toString(), QStringLiteral("0987654321"));
        for (const auto& key : row.after.keys()) {
            const QString column = key.toString();
            QVERIFY2(column == u"phone" || column == u"updated_at" || column == u"updated_by",
                     qPrintable(column));
        }
    }

    void aTransactionIsOneChangeSetAndARollbackLeavesNone()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        {
            SqlTransaction tx(temp.ward().connection());
            Household h;
            h.number = QStringLiteral("H1");
            QVERIFY(store.insertHousehold(h).ok());
            for (int i = 0; i < 3; ++i) {
                Resident r = sampleResident(QStringLiteral("R%1").arg(i));
                r.householdId = h.id;
                QVERIFY(store.insertResident(r).ok());
            }
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(allEntries(temp.ward()).size(), 1);
        QCOMPARE(changesOf(allEntries(temp.ward())[0]).rows.size(), 4);
        {
            SqlTransaction tx(temp.ward().connection());
            Resident r = sampleResident(QStringLiteral("gone"));
            QVERIFY(store.insertResident(r).ok());
            // no commit
        }
        QCOMPARE(allEntries(temp.ward()).size(), 1);
        QCOMPARE(store.countResidents().value(), 3);
    }

    // The record is written inside the edit's transaction: when it cannot be written, the edit
    // is not saved either.
    void anEditWhoseRecordCannotBeWrittenIsNotSaved()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r = sampleResident(QStringLiteral("R1"));
        QVERIFY(store.insertResident(r).ok());
        QVERIFY(temp.ward()
                    .connection()
                    .exec(u"CREATE TRIGGER outbox_full BEFORE INSERT ON outbox "
                          u"BEGIN SELECT RAISE(ABORT, 'disk full'); END")
                    .ok());
        r.fullName = QStringLiteral("Trần Thị Bình");
        QVERIFY(!store.updateResident(r).ok());
        Resident second = sampleResident(QStringLiteral("R2"));
        QVERIFY(!store.insertResident(second).ok());
        QCOMPARE(store.resident(r.id).value().fullName, QStringLiteral("Nguyễn Văn An"));
        QCOMPARE(store.countResidents().value(), 1);
        QCOMPARE(allEntries(temp.ward()).size(), 1);
    }

    void aWriteOutsideATransactionIsRefused()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r = sampleResident(QStringLiteral("R1"));
        QVERIFY(store.insertResident(r).ok());
        SqlConnection& db = temp.ward().connection();
        QVERIFY(!db.exec(u"UPDATE residents SET phone = '1'").ok());
        QVERIFY(db.exec(u"BEGIN").ok());
        QVERIFY(db.exec(u"UPDATE residents SET phone = '2'").ok());
        QVERIFY(!db.exec(u"COMMIT").ok());
        QVERIFY(!db.inTransaction());
        QCOMPARE(store.resident(r.id).value().phone, QStringLiteral("0912345678"));
        QCOMPARE(allEntries(temp.ward()).size(), 1);
        // Other tables are not synced and unaffected.
        QVERIFY(temp.ward().setMeta(QStringLiteral("ward_name"), QStringLiteral("Phường 1")).ok());
    }

    void rowsFromBeforeCaptureBecomeOneChangeSetOnce()
    {
        test::TempWard temp;
        {
            auto db = SqlConnection::open(temp.path());
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(**db).ok());
            QVERIFY((*db)
                        ->exec(u"INSERT INTO households(id, household_no, created_at, updated_at) "
                               u"VALUES ('h1', '7', 1, 1);"
                               u"INSERT INTO residents(id, source_ref, household_id, full_name, created_at, "
                               u"updated_at) "
                               u"VALUES ('r1', 'A1', 'h1', 'Lê Văn Cường', 1, 1)")
                        .ok());
        }
        const auto entries = allEntries(temp.ward());
        QCOMPARE(entries.size(), 1);
        const ChangeSet changes = changesOf(entries[0]);
        QCOMPARE(changes.rows.size(), 2);
        QCOMPARE(changes.rows[0].table, QStringLiteral("households"));
        QCOMPARE(changes.rows[1].after.value(QStringLiteral("full_name")).toString(),
                 QStringLiteral("Lê Văn Cường"));
        temp.close();
        QCOMPARE(allEntries(temp.ward()).size(), 1);
    }

    // A bulk import must not become one envelope larger than the hub accepts: its changes are
    // cut into bounded change-sets, committed together, that hold every row once, in order.
    void aLargeTransactionIsCutIntoBoundedChangeSets()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        constexpr int count = 6000;
        {
            SqlTransaction tx(temp.ward().connection());
            for (int i = 0; i < count; ++i) {
                Resident r = sampleResident(QStringLiteral("R%1").arg(i));
                r.hometown = QString(200, QLatin1Char('x')); // about 400 bytes a row
                QVERIFY(store.insertResident(r).ok());
            }
            QVERIFY(tx.commit().ok());
        }
        const auto entries = allEntries(temp.ward());
        QVERIFY2(entries.size() >= 2, qPrintable(QString::number(entries.size())));
        QSet<QString> refs;
        for (const OutboxEntry& entry : entries) {
            QVERIFY(entry.changes.size() < ChangeRecorder::maxChangeSetBytes + 4096);
            for (const RowChange& row : changesOf(entry).rows)
                refs.insert(row.after.value(QStringLiteral("source_ref")).toString());
        }
        QCOMPARE(refs.size(), count);
    }

    // A bulk load records its inserts as they are written (ChangeCapture::Inserts), in
    // ChangeSet's compact form: they must read back as the same rows, with the same values, as
    // the session records, in well under the session's bytes once there are more than a few rows.
    void streamedInsertsMatchTheSession()
    {
        constexpr int residents = 300;
        QList<QList<RowChange>> captured;
        QList<qsizetype> bytes;
        for (const ChangeCapture capture : {ChangeCapture::On, ChangeCapture::Inserts}) {
            test::TempWard temp;
            WardStore store(temp.ward());
            SqlTransaction tx(temp.ward().connection(), capture);
            Household h;
            h.id = QStringLiteral("h1");
            h.createdAt = 5;
            h.number = QStringLiteral("HK-1");
            QVERIFY(store.insertHousehold(h).ok());
            QVERIFY(tx.commit().ok());
            SqlTransaction tx2(temp.ward().connection(), capture);
            for (int i = 0; i < residents; ++i) {
                Resident r = sampleResident(QStringLiteral("R%1").arg(i));
                r.id = QStringLiteral("r%1").arg(i, 4, 10, QLatin1Char('0'));
                r.createdAt = 7;
                r.householdId = h.id;
                r.otherNames = i % 2 ? QString() : QStringLiteral("Tí");
                QVERIFY(store.insertResident(r).ok());
            }
            QVERIFY(tx2.commit().ok());
            const auto entries = allEntries(temp.ward());
            QCOMPARE(entries.size(), 2);
            QList<RowChange> rows;
            for (const OutboxEntry& entry : entries) {
                auto changes = ChangeSet::fromCbor(entry.changes);
                QVERIFY2(changes.ok(), qPrintable(changes.ok() ? QString() : changes.error().toString()));
                rows << changes->rows;
            }
            // The session lists a change-set's rows in its own order.
            std::sort(rows.begin(), rows.end(), [](const RowChange& a, const RowChange& b) {
                return std::pair(a.table, a.rowId) < std::pair(b.table, b.rowId);
            });
            captured << rows;
            bytes << entries[1].changes.size();
        }
        QCOMPARE(captured[1].size(), residents + 1);
        QCOMPARE(captured[1], captured[0]);
        QCOMPARE(captured[1].last().rowId, QStringLiteral("r0299"));
        QCOMPARE(captured[1].last().after.value(QStringLiteral("id")).toString(), QStringLiteral("r0299"));
        QVERIFY2(bytes[1] * 2 < bytes[0], qPrintable(QStringLiteral("%1 vs %2").arg(bytes[1]).arg(bytes[0])));
    }

    // A failed insert is not recorded, and an update in an Inserts transaction is refused.
    void streamedCaptureKeepsOnlyWrittenRows()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        {
            SqlTransaction tx(temp.ward().connection(), ChangeCapture::Inserts);
            Resident a = sampleResident(QStringLiteral("A"));
            QVERIFY(store.insertResident(a).ok());
            Resident dangling = sampleResident(QStringLiteral("B"));
            dangling.householdId = QStringLiteral("no-such-household"); // foreign key fails
            QVERIFY(!store.insertResident(dangling).ok());
            QVERIFY(tx.commit().ok());
        }
        const auto entries = allEntries(temp.ward());
        QCOMPARE(entries.size(), 1);
        const ChangeSet changes = changesOf(entries[0]);
        QCOMPARE(changes.rows.size(), 1);
        QCOMPARE(changes.rows[0].after.value(QStringLiteral("source_ref")).toString(), QStringLiteral("A"));
        {
            SqlTransaction tx(temp.ward().connection(), ChangeCapture::Inserts);
            Resident c = sampleResident(QStringLiteral("C"));
            QVERIFY(store.insertResident(c).ok());
            c.phone = QStringLiteral("0912");
            QVERIFY(store.updateResident(c).ok());
            QVERIFY(!tx.commit().ok());
        }
        QCOMPARE(allEntries(temp.ward()).size(), 1);
    }

    void manyRowsFromBeforeCaptureBecomeSeveralChangeSets()
    {
        test::TempWard temp;
        constexpr int count = 4500;
        {
            auto db = SqlConnection::open(temp.path());
            QVERIFY(db.ok());
            QVERIFY(Migrations::migrate(**db).ok());
            QVERIFY((*db)
                        ->exec(QStringLiteral(
                                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                   "WHERE i < %1) "
                                   "INSERT INTO residents(id, source_ref, full_name, created_at, "
                                   "updated_at) SELECT 'r' || i, 'A' || i, 'Lê Văn Cường', 1, 1 FROM n")
                                   .arg(count))
                        .ok());
        }
        const auto entries = allEntries(temp.ward());
        QCOMPARE(entries.size(), 3);
        qsizetype rows = 0;
        for (const OutboxEntry& entry : entries)
            rows += changesOf(entry).rows.size();
        QCOMPARE(rows, count);
    }

    void remoteChangesAreNotCapturedAndKeepLocalEditsOnTop()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r = sampleResident(QStringLiteral("R1"));
        QVERIFY(store.insertResident(r).ok());
        // The insert reached the hub; then a local edit of the phone, not yet sent.
        const OutboxEntry sent = allEntries(temp.ward())[0];
        QVERIFY(Outbox(temp.ward().connection())
                    .seal(sent.seq, 1, QByteArray("envelope"), QByteArray("hash"))
                    .ok());
        QVERIFY(Outbox(temp.ward().connection()).acknowledge(sent.changesetId, 1).ok());
        r.phone = QStringLiteral("0900000001");
        QVERIFY(store.updateResident(r).ok());

        // The hub's changes: the name and the phone, by someone else.
        RowChange remote;
        remote.table = QStringLiteral("residents");
        remote.rowId = r.id;
        remote.op = RowChange::Op::Update;
        remote.after.insert(QStringLiteral("full_name"), QStringLiteral("Phạm Thị Dung"));
        remote.after.insert(QStringLiteral("phone"), QStringLiteral("0900000002"));
        RowChange inserted;
        inserted.table = QStringLiteral("residents");
        inserted.rowId = QStringLiteral("019b0000-0000-7000-8000-000000000001");
        inserted.op = RowChange::Op::Insert;
        inserted.after.insert(QStringLiteral("full_name"), QStringLiteral("Hoàng Văn Em"));
        inserted.after.insert(QStringLiteral("created_at"), 5);
        inserted.after.insert(QStringLiteral("updated_at"), 5);
        {
            SqlTransaction tx(temp.ward().connection(), ChangeCapture::Off);
            ChangeApplier applier(temp.ward());
            // The device has pulled up to the hub's position 1 (its own insert).
            QVERIFY(applier.loadLocalEdits(1).ok());
            QVERIFY(applier.apply(remote, 2).ok());
            QVERIFY(applier.apply(inserted, 3).ok());
            QVERIFY(applier.finish().ok());
            QCOMPARE(applier.keptLocal(), 1);
            QVERIFY(tx.commit().ok());
        }
        const Resident after = store.resident(r.id).value();
        QCOMPARE(after.fullName, QStringLiteral("Phạm Thị Dung"));
        QCOMPARE(after.phone, QStringLiteral("0900000001")); // the local edit stays
        QCOMPARE(store.resident(inserted.rowId).value().fullName, QStringLiteral("Hoàng Văn Em"));
        // Nothing new to send, and the search index follows the hub's changes.
        QCOMPARE(allEntries(temp.ward()).size(), 1);
        ResidentSearch search(temp.ward());
        QCOMPARE(search.search(QStringLiteral("pham thi dung"), 5).value().size(), 1);
        QCOMPARE(search.search(QStringLiteral("hoang van em"), 5).value().size(), 1);
    }

    void changeSetCborRoundTripsAndRefusesDamage()
    {
        ChangeSet changes;
        RowChange row;
        row.table = QStringLiteral("residents");
        row.rowId = QStringLiteral("x");
        row.op = RowChange::Op::Update;
        row.before.insert(QStringLiteral("phone"), QStringLiteral("1"));
        row.after.insert(QStringLiteral("phone"), QStringLiteral("2"));
        changes.rows << row;
        const QByteArray cbor = changes.toCbor();
        auto back = ChangeSet::fromCbor(cbor);
        QVERIFY(back.ok());
        QCOMPARE(back->rows, changes.rows);
        QVERIFY(!ChangeSet::fromCbor(cbor.left(cbor.size() - 1)).ok());
        QVERIFY(!ChangeSet::fromCbor(QByteArray("\xa0", 1)).ok()); // a map, not an array
        RowChange bad = row;
        bad.after.clear();
        bad.after.insert(QStringLiteral("phone"), QCborMap()); // not a cell value
        ChangeSet damaged;
        damaged.rows << bad;
        QVERIFY(!ChangeSet::fromCbor(damaged.toCbor()).ok());
    }

    void compactInsertsAreReadAndCheckedLikeRowMaps()
    {
        const auto declaration = [](const QString& table, const QStringList& columns) {
            QCborArray names;
            for (const QString& column : columns)
                names.append(column);
            QCborMap map;
            map.insert(QStringLiteral("t"), table);
            map.insert(QStringLiteral("c"), names);
            return QCborValue(map);
        };
        const auto decode = [](const QCborArray& items) {
            return ChangeSet::fromCbor(QCborValue(items).toCbor());
        };
        const QStringList columns{QStringLiteral("id"), QStringLiteral("full_name"),
                                  QStringLiteral("birth_year")};
        const QCborValue declared = declaration(QStringLiteral("residents"), columns);
        const QCborArray row{QStringLiteral("residents"), QStringLiteral("r1"),
                             QStringLiteral("Lê Văn Cường"), 1987};

        // A compact insert and an ordinary row map in one change-set.
        RowChange update;
        update.table = QStringLiteral("households");
        update.rowId = QStringLiteral("h1");
        update.op = RowChange::Op::Update;
        update.after.insert(QStringLiteral("address"), QStringLiteral("Thôn 1"));
        ChangeSet ordinary;
        ordinary.rows << update;
        QCborArray mixed = QCborValue::fromCbor(ordinary.toCbor()).toArray();
        mixed.prepend(row);
        mixed.prepend(declared);
        auto read = decode(mixed);
        QVERIFY2(read.ok(), qPrintable(read.ok() ? QString() : read.error().toString()));
        QCOMPARE(read->rows.size(), 2);
        const RowChange& insert = read->rows[0];
        QCOMPARE(insert.op, RowChange::Op::Insert);
        QCOMPARE(insert.table, QStringLiteral("residents"));
        QCOMPARE(insert.rowId, QStringLiteral("r1"));
        QVERIFY(insert.before.isEmpty());
        QCOMPARE(insert.after.size(), 3);
        QCOMPARE(insert.after.value(QStringLiteral("full_name")).toString(), QStringLiteral("Lê Văn Cường"));
        QCOMPARE(insert.after.value(QStringLiteral("birth_year")).toInteger(), 1987);
        QCOMPARE(read->rows[1], update);

        // Each way a compact insert or its declaration can be damaged is refused.
        QCborArray extraValue = row;
        extraValue.append(1);
        QCborArray nonCell = row;
        nonCell[2] = QCborMap();
        QCborArray nullId = row;
        nullId[1] = QCborValue(nullptr);
        QCborMap extraKey = declared.toMap();
        extraKey.insert(QStringLiteral("o"), QStringLiteral("i"));
        const QList<QCborArray> damaged{
            {row}, // no declaration before it
            {declaration(QStringLiteral("households"), columns), row}, // another table's
            {declared, extraValue},
            {declared, QCborArray{QStringLiteral("residents"), QStringLiteral("r1")}},
            {declared, nonCell},
            {declared, nullId},
            {declaration(QStringLiteral("residents"),
                         {QStringLiteral("full_name"), QStringLiteral("birth_year")}),
             QCborArray{QStringLiteral("residents"), QStringLiteral("An"), 1987}}, // no id column
            {declaration(QStringLiteral("residents"), {QStringLiteral("id"), QStringLiteral("id")}),
             QCborArray{QStringLiteral("residents"), QStringLiteral("r1"), QStringLiteral("r2")}},
            {extraKey, row},
            {declaration(QString(), columns), row},
        };
        for (qsizetype i = 0; i < damaged.size(); ++i)
            QVERIFY2(!decode(damaged[i]).ok(), qPrintable(QString::number(i)));
        QVERIFY(decode({declared, row}).ok());
    }
};

QTEST_GUILESS_MAIN(TestChangeRecorder)
#include "TestChangeRecorder.moc"
