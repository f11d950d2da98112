#include "ParallelSort.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"

#include <QTest>

using namespace wardroll;

namespace {
qint64 pragma(model::SqlConnection& db, const char* name)
{
    auto value = db.queryInt(QStringLiteral("PRAGMA %1").arg(QLatin1String(name)));
    return value.ok() ? value.value() : -1;
}
} // namespace

class TestParallelSort : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Inside the scope an index build sorts in pieces on helper threads and reads the table
    // through the page cache; the ward's own tuning (a memory map for its reads, temporary
    // storage in memory) is back once the scope ends, in the middle of the load's transaction.
    void settingsHoldForTheScopeOnly()
    {
        test::TempWard temp;
        model::SqlConnection& db = temp.ward().connection();
        const qint64 mmap = pragma(db, "mmap_size");
        const qint64 tempStore = pragma(db, "temp_store");
        const qint64 cache = pragma(db, "cache_size");
        QVERIFY(mmap > 0);
        model::SqlTransaction transaction(db);
        QVERIFY(transaction.begun().ok());
        QVERIFY(db.exec(u"CREATE TABLE t(k TEXT); "
                        u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000) "
                        u"INSERT INTO t SELECT printf('%05d', (i * 7919) % 20000) FROM n")
                    .ok());
        {
            const model::ParallelSort sort(db);
            QCOMPARE(pragma(db, "mmap_size"), 0);
            QCOMPARE(pragma(db, "temp_store"), 1);
            QVERIFY(pragma(db, "cache_size") < 0);
            QVERIFY(pragma(db, "threads") >= 1);
            QVERIFY(db.exec(u"CREATE INDEX t_k ON t(k)").ok());
        }
        QCOMPARE(pragma(db, "mmap_size"), mmap);
        QCOMPARE(pragma(db, "temp_store"), tempStore);
        QCOMPARE(pragma(db, "cache_size"), cache);
        QVERIFY(transaction.commit().ok());
        auto check = db.queryText(u"PRAGMA integrity_check");
        QVERIFY(check.ok());
        QCOMPARE(check.value(), u"ok"_qs);
        QCOMPARE(db.queryText(u"SELECT k FROM t INDEXED BY t_k ORDER BY k LIMIT 1 OFFSET 12345").value(),
                 u"12345"_qs);
    }
};

QTEST_GUILESS_MAIN(TestParallelSort)
#include "TestParallelSort.moc"
