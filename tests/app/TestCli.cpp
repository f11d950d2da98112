#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

using namespace wardroll;

namespace {
struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// The CLI is a contract with scripts: these tests run the real executable.
Run cli(const QStringList& args, const QString& language = QStringLiteral("en"))
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("WARDROLL_LANG"), language);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(WARDROLL_BINARY_DIR "/app/wardroll-cli"), args);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initCreatesAnEmptyWard()
    {
        test::TempWard temp;
        const Run init = cli({QStringLiteral("init"), QStringLiteral("--db"), temp.path()});
        QCOMPARE(init.exitCode, 0);
        const Run stats
            = cli({QStringLiteral("stats"), QStringLiteral("--db"), temp.path(), QStringLiteral("--json")});
        QCOMPARE(stats.exitCode, 0);
        const QJsonObject json = QJsonDocument::fromJson(stats.out.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("residents")).toInt(-1), 0);
        QCOMPARE(json.value(QStringLiteral("households")).toInt(-1), 0);
    }

    void statsCountsOnlyLiveRecords()
    {
        test::TempWard temp;
        model::WardStore store(temp.ward());
        for (int i = 0; i < 3; ++i) {
            model::Resident r;
            r.fullName = QStringLiteral("Lê Văn An");
            QVERIFY(store.insertResident(r).ok());
            if (i == 2)
                QVERIFY(store.softDeleteResident(r.id).ok());
        }
        temp.close();
        const Run stats
            = cli({QStringLiteral("stats"), QStringLiteral("--db"), temp.path(), QStringLiteral("--json")});
        QCOMPARE(stats.exitCode, 0);
        QCOMPARE(
            QJsonDocument::fromJson(stats.out.toUtf8()).object().value(QStringLiteral("residents")).toInt(),
            2);
    }

    void searchPrintsTabSeparatedColumns()
    {
        test::TempWard temp;
        model::WardStore store(temp.ward());
        model::Resident withRef;
        withRef.sourceRef = QStringLiteral("R-1");
        withRef.fullName = QStringLiteral("Nguyễn Văn Hùng");
        withRef.birthDate = model::PartialDate::parse(u"15/06/1985");
        withRef.personalId = QStringLiteral("001085012345");
        QVERIFY(store.insertResident(withRef).ok());
        model::Resident withoutRef;
        withoutRef.fullName = QStringLiteral("Nguyễn Văn Hùng");
        withoutRef.birthDate = model::PartialDate::parse(u"1990");
        QVERIFY(store.insertResident(withoutRef).ok());
        temp.close();

        const Run run = cli({QStringLiteral("search"), QStringLiteral("--db"), temp.path(),
                             QStringLiteral("nguyen van hung 1985")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.out, QStringLiteral("R-1\tNguyễn Văn Hùng\t15/06/1985\t001085012345\n"));

        // Without a source reference the record id stands in; --limit caps the rows.
        const Run all
            = cli({QStringLiteral("search"), QStringLiteral("--db"), temp.path(), QStringLiteral("--limit"),
                   QStringLiteral("1"), QStringLiteral("Hùng"), QStringLiteral("1990")});
        QCOMPARE(all.exitCode, 0);
        QCOMPARE(all.out, withoutRef.id + QStringLiteral("\tNguyễn Văn Hùng\t1990\t\n"));
    }

    void badUsageExitsWithTwo()
    {
        QCOMPARE(cli({}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("no-such-verb")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("stats")}).exitCode, 2); // no --db
        QCOMPARE(cli({QStringLiteral("search"), QStringLiteral("--db"), QStringLiteral("x.db")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("stats"), QStringLiteral("--db"), QStringLiteral("x"),
                      QStringLiteral("--bogus")})
                     .exitCode,
                 2);
    }

    // Messages follow the officer's language; what scripts read (verbs, columns) does not.
    void messagesAreVietnameseWhenAsked()
    {
        const Run english = cli({});
        QVERIFY2(english.err.contains(QStringLiteral("Usage: wardroll-cli")), qPrintable(english.err));
        const Run vietnamese = cli({}, QStringLiteral("vi"));
        QVERIFY2(vietnamese.err.contains(QStringLiteral("Cách dùng: wardroll-cli")),
                 qPrintable(vietnamese.err));
        QVERIFY(vietnamese.err.contains(QStringLiteral(" stats")));

        test::TempWard temp;
        const Run missing
            = cli({QStringLiteral("stats"), QStringLiteral("--db"), temp.filePath(QStringLiteral("none.db"))},
                  QStringLiteral("vi"));
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.contains(QStringLiteral("Tệp")) || missing.err.contains(QStringLiteral("tệp")),
                 qPrintable(missing.err));
    }

    void failureExitsWithOneAndSaysWhy()
    {
        test::TempWard temp;
        const Run missing = cli(
            {QStringLiteral("stats"), QStringLiteral("--db"), temp.filePath(QStringLiteral("none.db"))});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(!missing.err.trimmed().isEmpty());

        QFile junk(temp.filePath(QStringLiteral("junk.db")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(8192, 'j'));
        junk.close();
        const Run notWard = cli({QStringLiteral("stats"), QStringLiteral("--db"), junk.fileName()});
        QCOMPARE(notWard.exitCode, 1);
        QVERIFY2(notWard.err.contains(QStringLiteral("not a WardRoll ward database")),
                 qPrintable(notWard.err));
    }

    // A bulk import runs with a rollback journal (BulkLoadJournal): a process killed in the
    // middle must leave the ward exactly as it was, back in WAL mode, on the next open.
    void importKilledMidwayLeavesTheWardAsItWas()
    {
        test::TempWard temp;
        {
            model::WardStore store(temp.ward());
            model::SqlTransaction transaction(temp.ward().connection());
            model::Resident r;
            r.fullName = QStringLiteral("Lê Văn An");
            QVERIFY(store.insertResident(r).ok());
            QVERIFY(transaction.commit().ok());
        }
        temp.close();

        QFile csv(temp.filePath(QStringLiteral("big.csv")));
        QVERIFY(csv.open(QIODevice::WriteOnly));
        csv.write("source_ref,full_name,birth_date,sex\n");
        for (int i = 0; i < 150000; ++i)
            csv.write(QStringLiteral("R%1,Nguyễn Văn Hùng %1,01/02/1985,Nam\n").arg(i).toUtf8());
        csv.close();

        QProcess process;
        process.start(QStringLiteral(WARDROLL_BINARY_DIR "/app/wardroll-cli"),
                      {QStringLiteral("import"), QStringLiteral("--db"), temp.path(), csv.fileName()});
        QVERIFY(process.waitForStarted());
        const QString journal = temp.path() + QStringLiteral("-journal");
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(journal) || process.state() == QProcess::NotRunning, 60000);
        QVERIFY2(process.state() == QProcess::Running, "the import ended before it could be killed");
        process.kill();
        QVERIFY(process.waitForFinished());
        QVERIFY(QFile::exists(journal)); // a hot journal, to be rolled back

        model::WardStore store(temp.ward());
        QCOMPARE(store.countResidents().value(), 1);
        model::SqlConnection& db = temp.ward().connection();
        QCOMPARE(db.queryText(u"PRAGMA journal_mode").value(), QStringLiteral("wal"));
        QCOMPARE(db.queryText(u"PRAGMA integrity_check").value(), QStringLiteral("ok"));
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM outbox").value(), 1);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
