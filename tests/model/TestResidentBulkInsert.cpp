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
            QVERIFY(insertNamed(store, QStringLiteral("Trong Thị Hai")).ok());
            QVERIFY(insertNamed(store, QStringLiteral("Trong Văn Ba")).ok());
            QVERIFY(bulk.finish().ok());
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
