#include "Migrations.h"
#include "SqlConnection.h"
#include "TempWard.h"
#include "WardDatabase.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {
// The schema as SQLite stores it, one object per line block, in a stable order.
QString schemaDump(SqlConnection& db)
{
    auto stmt = db.prepare(u"SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
                           u"AND name NOT LIKE 'resident_search_%' ORDER BY type, name");
    QString out;
    while (stmt->step().value())
        out += stmt->text(2) + QStringLiteral(";\n");
    return out;
}

QString readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}
} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyFileReachesLatestVersion()
    {
        test::TempWard temp;
        auto db = SqlConnection::open(temp.path());
        QVERIFY(db.ok());
        QCOMPARE(Migrations::currentVersion(**db).value(), 0);
        QVERIFY(Migrations::migrate(**db).ok());
        QCOMPARE(Migrations::currentVersion(**db).value(), Migrations::latestVersion());
        // Idempotent.
        QVERIFY(Migrations::migrate(**db).ok());
    }

    // Each released version's schema is frozen in tests/data/migrations/schema-vN.sql: a change
    // to an existing step fails here; a new step comes with a new golden file.
    void eachVersionMatchesItsGoldenSchema_data()
    {
        QTest::addColumn<int>("version");
        for (int v = 1; v <= Migrations::latestVersion(); ++v)
            QTest::addRow("v%d", v) << v;
    }
    void eachVersionMatchesItsGoldenSchema()
    {
        QFETCH(int, version);
        test::TempWard temp;
        auto db = SqlConnection::open(temp.path());
        QVERIFY(Migrations::migrate(**db, version).ok());
        const QString golden
            = readFile(test::testData(QStringLiteral("migrations/schema-v%1.sql").arg(version)));
        QVERIFY2(!golden.isEmpty(), "golden schema file missing");
        QCOMPARE(schemaDump(**db), golden);
    }

    // Data written at version 1 (fixture made by the v1 schema) survives every later step.
    void goldenDataSurvivesUpgrade()
    {
        test::TempWard temp;
        auto db = SqlConnection::open(temp.path());
        QVERIFY(Migrations::migrate(**db, 1).ok());
        const QString fixture = readFile(test::testData(QStringLiteral("migrations/data-v1.sql")));
        QVERIFY(!fixture.isEmpty());
        QVERIFY((*db)->exec(fixture).ok());
        QVERIFY(Migrations::migrate(**db).ok());
        QCOMPARE((*db)->queryInt(u"SELECT count(*) FROM residents").value(), 2);
        QCOMPARE((*db)->queryText(u"SELECT full_name FROM residents WHERE source_ref = 'R1'").value(),
                 QStringLiteral("Nguyễn Thị Ánh"));
        QCOMPARE((*db)->queryInt(u"SELECT birth_year FROM residents WHERE source_ref = 'R2'").value(), 1950);
        QCOMPARE((*db)
                     ->queryInt(u"SELECT count(*) FROM resident_search WHERE resident_search MATCH 'anh'")
                     .value(),
                 1);
    }

    void aNewWardHasLargePagesAnOldOneKeepsItsOwn()
    {
        test::TempWard fresh;
        QCOMPARE(fresh.ward().connection().queryInt(u"PRAGMA page_size").valueOr(0), 16384);

        // A ward made before 16 KiB pages (here: 4 KiB, SQLite's default) opens, upgrades and
        // keeps its page size: it can only change by rewriting the whole file.
        test::TempWard temp;
        {
            auto db = SqlConnection::open(temp.path());
            QVERIFY(db.ok());
            QVERIFY((*db)->exec(u"PRAGMA page_size = 4096").ok());
            QVERIFY(Migrations::migrate(**db, 1).ok());
        }
        auto ward = WardDatabase::open(temp.path());
        QVERIFY(ward.ok());
        QCOMPARE(ward.value()->connection().queryInt(u"PRAGMA page_size").valueOr(0), 4096);
        QCOMPARE(Migrations::currentVersion(ward.value()->connection()).value(), Migrations::latestVersion());
    }

    // v10 rebuilds the sort indexes with the sorter's own settings, then gives the ward's back.
    void upgradeKeepsTheConnectionSettings()
    {
        test::TempWard temp;
        auto db = SqlConnection::open(temp.path());
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(**db, 9).ok());
        QVERIFY(
            (*db)->exec(u"PRAGMA temp_store = MEMORY; PRAGMA cache_size = -65536; PRAGMA threads = 0").ok());
        QVERIFY(Migrations::migrate(**db).ok());
        QCOMPARE((*db)->queryInt(u"PRAGMA temp_store").valueOr(-1), 2);
        QCOMPARE((*db)->queryInt(u"PRAGMA cache_size").valueOr(0), -65536);
        QCOMPARE((*db)->queryInt(u"PRAGMA threads").valueOr(-1), 0);
        QCOMPARE((*db)
                     ->queryInt(u"SELECT count(*) FROM sqlite_master WHERE name LIKE 'residents_live_%'")
                     .valueOr(0),
                 6);
    }

    // v11 rewrites the IN-list checks in place: the same rules, for old rows and new, on every
    // connection to the ward, including one opened before the upgrade.
    void theRulesHoldAfterTheirRewrite()
    {
        test::TempWard temp;
        auto db = SqlConnection::open(temp.path());
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(**db, 1).ok());
        QVERIFY((*db)->exec(readFile(test::testData(QStringLiteral("migrations/data-v1.sql")))).ok());
        QVERIFY(Migrations::migrate(**db, 10).ok());
        QVERIFY(
            (*db)
                ->exec(
                    u"INSERT INTO flags(id, rule, severity, severity_rank, subject, created_at, updated_at) "
                    u"VALUES ('f1', 'r', 'warning', 1, 'resident', 0, 0)")
                .ok());
        auto other = SqlConnection::open(temp.path());
        QVERIFY(other.ok());
        QCOMPARE((*other)->queryInt(u"SELECT count(*) FROM residents").valueOr(-1), 2);

        QVERIFY(Migrations::migrate(**db).ok());
        const QString sql
            = (*db)
                  ->queryText(u"SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'residents'")
                  .value();
        QVERIFY(!sql.contains(u"status IN"));
        QVERIFY(sql.contains(u"status = 'moved_out'"));
        QCOMPARE((*db)->queryText(u"PRAGMA integrity_check").valueOr(QString()), QStringLiteral("ok"));
        for (SqlConnection* connection : {db->get(), other->get()}) {
            QVERIFY(!connection->exec(u"UPDATE residents SET status = 'bogus' WHERE source_ref = 'R1'").ok());
            QVERIFY(
                !connection->exec(u"UPDATE residents SET status = 'Living' WHERE source_ref = 'R1'").ok());
            QVERIFY(
                connection->exec(u"UPDATE residents SET status = 'moved_out' WHERE source_ref = 'R1'").ok());
            QVERIFY(connection->exec(u"UPDATE residents SET status = 'living' WHERE source_ref = 'R1'").ok());
            QVERIFY(!connection->exec(u"UPDATE flags SET severity = 'fatal', severity_rank = 2").ok());
            QVERIFY(!connection->exec(u"UPDATE flags SET state = 'lost'").ok());
            QVERIFY(!connection->exec(u"UPDATE flags SET state = 'resolved', resolution = 'guessed'").ok());
            QVERIFY(connection->exec(u"UPDATE flags SET state = 'resolved', resolution = 'corrected'").ok());
            QVERIFY(connection->exec(u"UPDATE flags SET state = 'open', resolution = ''").ok());
        }
        QCOMPARE((*db)->queryInt(u"SELECT count(*) FROM residents WHERE status = 'living'").valueOr(-1), 2);
        // Editing the schema is switched off again.
        QCOMPARE((*db)->queryInt(u"PRAGMA writable_schema").valueOr(-1), 0);
    }

    // No CHECK of the latest schema tests a column against more than two constants with IN, which
    // SQLite would evaluate by building a temporary index for every statement that writes the row.
    void noCheckBuildsAnIndexPerRow()
    {
        test::TempWard temp;
        auto db = SqlConnection::open(temp.path());
        QVERIFY(Migrations::migrate(**db).ok());
        static const QRegularExpression inList(QStringLiteral("CHECK \\(\\w+ IN \\(([^)]*)\\)\\)"));
        int lists = 0;
        auto tables
            = (*db)->prepare(u"SELECT name, sql FROM sqlite_schema WHERE type = 'table' AND sql IS NOT NULL");
        QVERIFY(tables.ok());
        while (tables->step().valueOr(false)) {
            const QString sql = tables->text(1);
            for (auto it = inList.globalMatch(sql); it.hasNext();) {
                const QString values = it.next().captured(1);
                ++lists;
                QVERIFY2(values.count(QLatin1Char(',')) < 2, qPrintable(tables->text(0) + u": "_qs + values));
            }
        }
        QCOMPARE(lists, 1); // residents.sex: 'M', 'F'
    }

    // A ward whose rule is not the one v11 knows (edited by hand) keeps it as written; the rest is
    // rewritten and the upgrade goes on.
    void anUnexpectedRuleIsKept()
    {
        test::TempWard temp;
        auto db = SqlConnection::open(temp.path());
        QVERIFY(db.ok());
        QVERIFY(Migrations::migrate(**db, 10).ok());
        QVERIFY((*db)
                    ->exec(u"PRAGMA writable_schema = ON; "
                           u"UPDATE sqlite_schema SET sql = replace(sql, 'moved_out''))', 'moved''))') "
                           u"WHERE name = 'residents'; PRAGMA writable_schema = OFF")
                    .ok());
        QVERIFY(Migrations::migrate(**db).ok());
        QCOMPARE(Migrations::currentVersion(**db).value(), Migrations::latestVersion());
        const QString residents
            = (*db)
                  ->queryText(u"SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'residents'")
                  .value();
        QVERIFY(residents.contains(u"status IN ('living', 'deceased', 'missing', 'moved')"));
        const QString flags
            = (*db)
                  ->queryText(u"SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = 'flags'")
                  .value();
        QVERIFY(flags.contains(u"state = 'dismissed'"));
        QCOMPARE((*db)->queryInt(u"PRAGMA writable_schema").valueOr(-1), 0);
    }

    void refusesAWardFromTheFuture()
    {
        test::TempWard temp;
        auto db = SqlConnection::open(temp.path());
        QVERIFY((*db)->exec(u"PRAGMA user_version = 999").ok());
        const Status status = Migrations::migrate(**db);
        QVERIFY(!status.ok());
        QVERIFY(status.error().message.contains(QStringLiteral("newer version")));
        QCOMPARE(Migrations::currentVersion(**db).value(), 999);
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
