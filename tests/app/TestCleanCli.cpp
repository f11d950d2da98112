#include "TempWard.h"
#include "WardStore.h"

#include <QJsonArray>
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
Run cli(const QStringList& args)
{
    QProcess process;
    process.start(QStringLiteral(WARDROLL_BINARY_DIR "/app/wardroll-cli"), args);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

model::Resident complete(const QString& ref, const QString& name)
{
    model::Resident r;
    r.sourceRef = ref;
    r.fullName = name;
    r.personalId = QStringLiteral("001085012345");
    r.birthDate = model::PartialDate::parse(u"15/06/1985");
    r.sex = model::Sex::Male;
    r.birthRegistrationPlace = QStringLiteral("Hà Nội");
    r.hometown = QStringLiteral("Hà Nội");
    r.ethnicity = QStringLiteral("Kinh");
    r.religion = QStringLiteral("Không");
    r.nationality = QStringLiteral("Việt Nam");
    r.relationToHead = QStringLiteral("Con đẻ");
    return r;
}

// A household without a head, whose one member has a name in capitals.
void fill(model::WardDatabase& ward)
{
    model::WardStore store(ward);
    model::Household h;
    h.number = QStringLiteral("HK-1");
    QVERIFY(store.insertHousehold(h).ok());
    model::Resident r = complete(QStringLiteral("R-1"), QStringLiteral("NGUYỄN VĂN AN"));
    r.householdId = h.id;
    QVERIFY(store.insertResident(r).ok());
}
} // namespace

class TestCleanCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanThenListFlagsAsCsv()
    {
        test::TempWard temp;
        fill(temp.ward());
        temp.close();

        const Run clean = cli({QStringLiteral("clean"), QStringLiteral("--db"), temp.path()});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY2(clean.out.contains(QStringLiteral("residents\t1\n")), qPrintable(clean.out));
        QVERIFY(clean.out.contains(QStringLiteral("findings\t2\n")));
        QVERIFY(clean.out.contains(QStringLiteral("flags_new\t2\n")));
        QVERIFY(clean.out.contains(QStringLiteral("rule\tname.format\t1\n")));
        QVERIFY(clean.out.contains(QStringLiteral("rule\thousehold.no_head\t1\n")));

        const Run flags = cli({QStringLiteral("flags"), QStringLiteral("--db"), temp.path()});
        QCOMPARE(flags.exitCode, 0);
        const QStringList lines = flags.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY(lines[0].startsWith(QStringLiteral("rule,severity,source_ref,household_ref,message")));
        // Errors first: the household's, with its number; then the record's, with its reference.
        QVERIFY2(lines[1].startsWith(QStringLiteral("household.no_head,error,,HK-1,")), qPrintable(lines[1]));
        QVERIFY2(lines[2].startsWith(QStringLiteral("name.format,warning,R-1,,")), qPrintable(lines[2]));
        QVERIFY(lines[2].contains(QStringLiteral("Nguyễn Văn An")));

        const Run one = cli({QStringLiteral("flags"), QStringLiteral("--db"), temp.path(),
                             QStringLiteral("--rule"), QStringLiteral("household.*")});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out.count(QLatin1Char('\n')), 2);

        // A second run finds the same: nothing new.
        const Run again
            = cli({QStringLiteral("clean"), QStringLiteral("--db"), temp.path(), QStringLiteral("--json")});
        QCOMPARE(again.exitCode, 0);
        const QJsonObject summary = QJsonDocument::fromJson(again.out.toUtf8()).object();
        QCOMPARE(summary.value(QStringLiteral("findings")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("flags_new")).toInt(-1), 0);
    }

    void flagsAsJson()
    {
        test::TempWard temp;
        fill(temp.ward());
        temp.close();
        QCOMPARE(cli({QStringLiteral("clean"), QStringLiteral("--db"), temp.path(),
                      QStringLiteral("--no-duplicates")})
                     .exitCode,
                 0);
        const Run json
            = cli({QStringLiteral("flags"), QStringLiteral("--db"), temp.path(), QStringLiteral("--format"),
                   QStringLiteral("json"), QStringLiteral("--severity"), QStringLiteral("warning")});
        QCOMPARE(json.exitCode, 0);
        QJsonParseError error;
        const QJsonArray flags = QJsonDocument::fromJson(json.out.toUtf8(), &error).array();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(flags.size(), 1);
        const QJsonObject flag = flags.first().toObject();
        QCOMPARE(flag.value(QStringLiteral("rule")).toString(), QStringLiteral("name.format"));
        QCOMPARE(flag.value(QStringLiteral("source_ref")).toString(), QStringLiteral("R-1"));
        QCOMPARE(flag.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(flag.value(QStringLiteral("suggested_value")).toString(), QStringLiteral("Nguyễn Văn An"));

        const Run none
            = cli({QStringLiteral("flags"), QStringLiteral("--db"), temp.path(), QStringLiteral("--state"),
                   QStringLiteral("dismissed"), QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(none.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).array().size(), 0);
    }

    void badUsage()
    {
        QCOMPARE(cli({QStringLiteral("clean")}).exitCode, 2);
        QCOMPARE(cli({QStringLiteral("flags"), QStringLiteral("--db"), QStringLiteral("x.db"),
                      QStringLiteral("--format"), QStringLiteral("xml")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("flags"), QStringLiteral("--db"), QStringLiteral("x.db"),
                      QStringLiteral("--state"), QStringLiteral("pending")})
                     .exitCode,
                 2);
        test::TempWard temp;
        QCOMPARE(
            cli({QStringLiteral("flags"), QStringLiteral("--db"), temp.filePath(QStringLiteral("none.db"))})
                .exitCode,
            1);
    }
};

QTEST_GUILESS_MAIN(TestCleanCli)
#include "TestCleanCli.moc"
