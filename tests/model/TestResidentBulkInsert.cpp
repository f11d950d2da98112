#include "ResidentBulkInsert.h"
#include "ResidentSearch.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {
QStringList schema(WardDatabase& ward)
{
    auto stmt = ward.connection().prepare(
        u"SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
    QStringList out;
    while (stmt.ok() && stmt->step().valueOr(false))
        out.append(stmt->text(0));
    return out;
}

Status insertNamed(WardStore& store, const QString& name)
{
    Resident r;
    r.fullName = name;
    return store.insertResident(r);
}

QStringList namesFound(WardDatabase& ward, const QString& query)
{
    QStringList names;
    const auto hits = ResidentSearch(ward).search(query);
    for (const auto& hit : hits.valueOr(QList<ResidentSearch::Hit>()))
        names.append(hit.fullName);
    names.sort();
    return names;
}

// FTS5's own check of its index against itself (a contentless index has no text to compare).
bool searchIndexIntact(WardDatabase& ward)
{
    return ward.connection()
        .exec(u"INSERT INTO resident_search(resident_search) VALUES ('integrity-check')")
        .ok();
}
} // namespace

class TestResidentBulkInsert : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void defersIndexesAndSearchOfTheCurrentSchema()
    {
        // Guards the fast path: if a migration changes the search trigger, this fails and
        // ResidentBulkInsert's replay must be updated (else imports silently get slower).
        test::TempWard temp;
        SqlTransaction transaction(temp.ward().connection());
        ResidentBulkInsert bulk(temp.ward().connection());
        QVERIFY(bulk.begin({QStringLiteral("residents_source_ref")}).ok());
        QVERIFY(bulk.searchDeferred());
        QVERIFY(bulk.indexesDeferred() >= 5);
        auto left
            = temp.ward().connection().queryInt(u"SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                                u"AND tbl_name = 'residents' AND sql IS NOT NULL");
        QCOMPARE(left.valueOr(-1), qint64(1)); // only the kept one
    }

    void finishRestoresSchemaAndIndexesNewRows()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        QVERIFY(insertNamed(store, QStringLiteral("Trước Văn Một")).ok());
        const QStringList before = schema(temp.ward());
        {
            SqlTransaction transaction(temp.ward().connection());
            ResidentBulkInsert bulk(temp.ward().connection());
            QVERIFY(bulk.begin().ok());
            QVERIFY(schema(temp.ward()) != before);
            // The ward's index is not empty: new rows are indexed by finish(), not alongside.
            QVERIFY(!bulk.searchBuiltAlongside());
            store.setBulkInsert(&bulk);
            QVERIFY(insertNamed(store, QStringLiteral("Trong Thị Hai")).ok());
            QVERIFY(insertNamed(store, QStringLiteral("Trong Văn Ba")).ok());
            store.setBulkInsert(nullptr);
            QVERIFY(bulk.finish().ok());
            QVERIFY(!bulk.searchIndexCopied());
            QVERIFY(transaction.commit().ok());
        }
        QCOMPARE(schema(temp.ward()), before);
        QCOMPARE(temp.ward().connection().queryText(u"PRAGMA integrity_check").valueOr(QString()), u"ok"_qs);
        ResidentSearch search(temp.ward());
        QCOMPARE(search.search(u"truoc"_qs)->size(), 1);
        QCOMPARE(search.search(u"trong"_qs)->size(), 2);
        // The index numbers new rows itself: each word must lead to its own record.
        const auto hai = search.search(u"trong hai"_qs);
        QCOMPARE(hai->size(), 1);
        QCOMPARE(hai->first().fullName, u"Trong Thị Hai"_qs);
        const auto ba = search.search(u"trong ba"_qs);
        QCOMPARE(ba->size(), 1);
        QCOMPARE(ba->first().fullName, u"Trong Văn Ba"_qs);
        QCOMPARE(search.search(u"truoc mot"_qs)->first().fullName, u"Trước Văn Một"_qs);
        QVERIFY(insertNamed(store, QStringLiteral("Sau Văn Bốn")).ok());
        QCOMPARE(search.search(u"sau van"_qs)->size(), 1);
    }

    void anEmptyIndexIsBuiltAlongsideTheLoad()
    {
        test::TempWard temp;
        WardDatabase& ward = temp.ward();
        // A search before the load: FTS5 caches what its index looked like on this connection,
        // and must not keep using that picture of an empty index afterwards.
        QVERIFY(namesFound(ward, u"nguyen"_qs).isEmpty());
        // A setting of the ward's index must survive the index being replaced.
        QVERIFY(ward.connection()
                    .exec(u"INSERT INTO resident_search(resident_search, rank) VALUES ('automerge', 7)")
                    .ok());
        const QStringList before = schema(ward);
        WardStore store(ward);
        {
            SqlTransaction transaction(ward.connection(), ChangeCapture::Inserts);
            ResidentBulkInsert bulk(ward.connection());
            QVERIFY(bulk.begin().ok());
            QVERIFY(bulk.searchBuiltAlongside());
            store.setBulkInsert(&bulk);
            // More than one batch of the helper (4096 documents), with the last one partial.
            for (int i = 0; i < 9000; ++i)
                QVERIFY(insertNamed(store, u"Nguyễn Văn Số%1"_qs.arg(i)).ok());
            QVERIFY(insertNamed(store, QStringLiteral("Trần Thị Cuối")).ok());
            store.setBulkInsert(nullptr);
            QVERIFY(bulk.finish().ok());
            QVERIFY(bulk.searchIndexCopied());
            QVERIFY(transaction.commit().ok());
        }
        QCOMPARE(schema(ward), before);
        QVERIFY(searchIndexIntact(ward));
        QCOMPARE(ward.connection()
                     .queryInt(u"SELECT v FROM resident_search_config WHERE k = 'automerge'")
                     .valueOr(-1),
                 qint64(7));
        QCOMPARE(namesFound(ward, u"tran cuoi"_qs), QStringList{u"Trần Thị Cuối"_qs});
        QCOMPARE(namesFound(ward, u"so0"_qs), QStringList{u"Nguyễn Văn Số0"_qs});
        QCOMPARE(namesFound(ward, u"so8999"_qs), QStringList{u"Nguyễn Văn Số8999"_qs});
        QCOMPARE(ResidentSearch(ward).search(u"nguyen van"_qs, 10000)->size(), 9000);

        // The copied index takes the triggers' later edits like one built row by row.
        auto found = ResidentSearch(ward).search(u"so4096"_qs);
        QCOMPARE(found->size(), 1);
        Resident last = WardStore(ward).resident(found->first().id).valueOr(Resident());
        last.fullName = QStringLiteral("Lê Văn Đổi");
        QVERIFY(store.updateResident(last).ok());
        QVERIFY(namesFound(ward, u"so4096"_qs).isEmpty());
        QCOMPARE(namesFound(ward, u"le doi"_qs), QStringList{u"Lê Văn Đổi"_qs});
        QVERIFY(store.softDeleteResident(last.id).ok());
        QVERIFY(insertNamed(store, QStringLiteral("Sau Văn Tải")).ok());
        QCOMPARE(namesFound(ward, u"sau tai"_qs), QStringList{u"Sau Văn Tải"_qs});
        QVERIFY(searchIndexIntact(ward));
    }

    void rowsNotHandedOverAreIndexedByFinish()
    {
        // A writer that hands over only some rows (or none) must not lose the others.
        for (const int handedOver : {0, 1}) {
            test::TempWard temp;
            WardDatabase& ward = temp.ward();
            WardStore store(ward);
            SqlTransaction transaction(ward.connection(), ChangeCapture::Inserts);
            ResidentBulkInsert bulk(ward.connection());
            QVERIFY(bulk.begin().ok());
            QVERIFY(bulk.searchBuiltAlongside());
            store.setBulkInsert(handedOver ? &bulk : nullptr);
            QVERIFY(insertNamed(store, QStringLiteral("Đã Văn Giao")).ok());
            store.setBulkInsert(nullptr);
            QVERIFY(insertNamed(store, QStringLiteral("Chưa Văn Giao")).ok());
            QVERIFY(bulk.finish().ok());
            QVERIFY(!bulk.searchIndexCopied());
            QVERIFY(transaction.commit().ok());
            QCOMPARE(namesFound(ward, u"giao"_qs), (QStringList{u"Chưa Văn Giao"_qs, u"Đã Văn Giao"_qs}));
            QVERIFY(searchIndexIntact(ward));
        }
    }

    void finishPutsTheConnectionsSettingsBack()
    {
        // The rebuild sorts with file-backed pieces on helper threads; the ward's own settings
        // (temp files in memory, its cache) must be what the connection has afterwards.
        test::TempWard temp;
        SqlConnection& db = temp.ward().connection();
        const auto settings = [&db] {
            QList<qint64> values;
            for (const auto* pragma : {u"PRAGMA temp_store", u"PRAGMA cache_size", u"PRAGMA threads"})
                values.append(db.queryInt(QStringView(pragma)).valueOr(-999));
            return values;
        };
        const QList<qint64> before = settings();
        SqlTransaction transaction(db);
        ResidentBulkInsert bulk(db);
        QVERIFY(bulk.begin().ok());
        WardStore store(temp.ward());
        QVERIFY(insertNamed(store, QStringLiteral("Giữa Văn Năm")).ok());
        QVERIFY(bulk.finish().ok());
        QVERIFY(transaction.commit().ok());
        QCOMPARE(settings(), before);
        QCOMPARE(before.first(), qint64(2)); // MEMORY, as WardDatabase opens it
    }

    void rollbackRestoresSchema()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        const QStringList before = schema(temp.ward());
        {
            SqlTransaction transaction(temp.ward().connection());
            ResidentBulkInsert bulk(temp.ward().connection());
            QVERIFY(bulk.begin().ok());
            QVERIFY(insertNamed(store, QStringLiteral("Bỏ Đi")).ok());
        }
        QCOMPARE(schema(temp.ward()), before);
        QCOMPARE(WardStore(temp.ward()).countResidents().valueOr(-1), qint64(0));
    }

    void needsATransaction()
    {
        test::TempWard temp;
        ResidentBulkInsert bulk(temp.ward().connection());
        QVERIFY(!bulk.begin().ok());
    }
};

QTEST_GUILESS_MAIN(TestResidentBulkInsert)
#include "TestResidentBulkInsert.moc"
