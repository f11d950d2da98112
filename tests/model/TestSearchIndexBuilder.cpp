#include "SearchIndexBuilder.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {
const QString createSql
    = QStringLiteral("CREATE VIRTUAL TABLE docs USING fts5(body, content = '', detail = none)");

std::unique_ptr<SqlConnection> openWard(const QString& path)
{
    auto db = SqlConnection::open(path);
    if (!db.ok())
        return nullptr;
    if (!db.value()->exec(createSql).ok())
        return nullptr;
    return std::move(db.value());
}

QList<qint64> matches(SqlConnection& db, const QString& query)
{
    QList<qint64> keys;
    auto stmt = db.prepare(u"SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rowid");
    if (!stmt.ok())
        return {-1};
    stmt->bind(1, query);
    while (stmt->step().valueOr(false))
        keys.append(stmt->integer(0));
    return keys;
}
} // namespace

class TestSearchIndexBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void buildsWhatTheWardWouldHaveBuilt()
    {
        QTemporaryDir dir;
        auto ward = openWard(dir.filePath(u"w.db"_qs));
        QVERIFY(ward);
        auto builder = SearchIndexBuilder::start(u"docs"_qs, u"body"_qs, createSql);
        QVERIFY(builder.ok());
        for (qint64 key = 1; key <= 10000; ++key)
            builder.value()->add(key, u"word%1 common %2"_qs.arg(key).arg(key % 2 ? u"odd" : u"even"));
        QCOMPARE(builder.value()->documents(), qint64(10000));
        QVERIFY(builder.value()->keysConsecutive());
        QCOMPARE(builder.value()->firstKey(), qint64(1));
        QVERIFY(builder.value()->finish().ok());
        QVERIFY(ward->exec(u"BEGIN").ok());
        QVERIFY(builder.value()->copyInto(*ward).ok());
        QVERIFY(ward->exec(u"COMMIT").ok());

        QCOMPARE(matches(*ward, u"word77"_qs), QList<qint64>{77});
        QCOMPARE(matches(*ward, u"common AND odd"_qs).size(), 5000);
        // The helper's merge settings stay in its scratch index.
        auto settings = ward->queryInt(u"SELECT count(*) FROM docs_config WHERE k <> 'version'");
        QVERIFY(settings.ok());
        QCOMPARE(settings.value(), 0);
        QVERIFY(ward->exec(u"INSERT INTO docs(docs) VALUES ('integrity-check')").ok());
        // The table takes ordinary writes afterwards.
        QVERIFY(ward->exec(u"INSERT INTO docs(docs, rowid, body) VALUES ('delete', 77, 'word77 common odd');"
                           u"INSERT INTO docs(rowid, body) VALUES (10001, 'later')")
                    .ok());
        QVERIFY(matches(*ward, u"word77"_qs).isEmpty());
        QCOMPARE(matches(*ward, u"later"_qs), QList<qint64>{10001});
        QVERIFY(ward->exec(u"INSERT INTO docs(docs) VALUES ('integrity-check')").ok());
    }

    void reportsKeysThatAreNotConsecutive()
    {
        auto builder = SearchIndexBuilder::start(u"docs"_qs, u"body"_qs, createSql);
        QVERIFY(builder.ok());
        builder.value()->add(5, u"a"_qs);
        builder.value()->add(6, u"b"_qs);
        QVERIFY(builder.value()->keysConsecutive());
        builder.value()->add(8, u"c"_qs);
        QVERIFY(!builder.value()->keysConsecutive());
        QCOMPARE(builder.value()->firstKey(), qint64(5));
    }

    void aDocumentAfterTheEndOfInputIsRefused()
    {
        QTemporaryDir dir;
        auto ward = openWard(dir.filePath(u"w.db"_qs));
        QVERIFY(ward);
        auto builder = SearchIndexBuilder::start(u"docs"_qs, u"body"_qs, createSql);
        QVERIFY(builder.ok());
        for (qint64 key = 1; key <= 5000; ++key)
            builder.value()->add(key, u"early%1"_qs.arg(key));
        builder.value()->endInput();
        QVERIFY(builder.value()->keysConsecutive());
        builder.value()->add(5001, u"late"_qs);
        // Counted, so that the caller sees one more row than the index holds, and flagged.
        QCOMPARE(builder.value()->documents(), qint64(5001));
        QVERIFY(!builder.value()->keysConsecutive());
        QVERIFY(builder.value()->finish().ok());
        QVERIFY(ward->exec(u"BEGIN").ok());
        QVERIFY(builder.value()->copyInto(*ward).ok());
        QVERIFY(ward->exec(u"COMMIT").ok());
        // Everything before endInput() is there, including the last partial batch.
        QCOMPARE(matches(*ward, u"early5000"_qs), QList<qint64>{5000});
        QCOMPARE(matches(*ward, u"early1"_qs), QList<qint64>{1});
        QVERIFY(matches(*ward, u"late"_qs).isEmpty());
    }

    void aFailedCopyLeavesTheWardAsItWas()
    {
        QTemporaryDir dir;
        auto ward = SqlConnection::open(dir.filePath(u"w.db"_qs));
        QVERIFY(ward.ok());
        SqlConnection& db = *ward.value();
        QVERIFY(db.exec(u"CREATE VIRTUAL TABLE docs USING fts5(body, content = '', columnsize = 0);"
                        u"INSERT INTO docs(rowid, body) VALUES (1, 'kept');"
                        // In the way of the shadow table the re-created index would need.
                        u"CREATE TABLE docs_docsize(x)")
                    .ok());
        auto builder = SearchIndexBuilder::start(
            u"docs"_qs, u"body"_qs, u"CREATE VIRTUAL TABLE docs USING fts5(body, content = '')"_qs);
        QVERIFY(builder.ok());
        builder.value()->add(1, u"lost"_qs);
        QVERIFY(db.exec(u"BEGIN").ok());
        QVERIFY(!builder.value()->copyInto(db).ok()); // not finished yet
        QVERIFY(builder.value()->finish().ok());
        QVERIFY(!builder.value()->copyInto(db).ok());
        // The transaction goes on, with the ward as it was.
        QVERIFY(db.inTransaction());
        QVERIFY(db.exec(u"COMMIT").ok());
        QCOMPARE(matches(db, u"kept"_qs), QList<qint64>{1});
        QVERIFY(matches(db, u"lost"_qs).isEmpty());
        QVERIFY(db.exec(u"INSERT INTO docs(docs) VALUES ('integrity-check')").ok());
    }

    void abandoningMidwayNeitherHangsNorLeaks()
    {
        // A cancelled import drops the builder with batches still queued.
        auto builder = SearchIndexBuilder::start(u"docs"_qs, u"body"_qs, createSql);
        QVERIFY(builder.ok());
        for (qint64 key = 1; key <= 50000; ++key)
            builder.value()->add(key, u"cancelled import row %1"_qs.arg(key));
        builder.value().reset();
    }

    void aBadTableIsAnError()
    {
        QVERIFY(!SearchIndexBuilder::start(u"docs"_qs, u"body"_qs,
                                           u"CREATE VIRTUAL TABLE docs USING nonesuch(body)"_qs)
                     .ok());
    }
};

QTEST_GUILESS_MAIN(TestSearchIndexBuilder)
#include "TestSearchIndexBuilder.moc"
