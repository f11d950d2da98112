#include "TempWard.h"
#include "WardStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
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

QString importFebrl(test::TempWard& temp)
{
    const Run run
        = cli({QStringLiteral("import"), QStringLiteral("--db"), temp.path(), QStringLiteral("--map"),
               QStringLiteral("source_ref={rec_id}"), QStringLiteral("--map"),
               QStringLiteral("full_name={surname} {given_name}"), QStringLiteral("--map"),
               QStringLiteral("birth_date={date_of_birth}"), QStringLiteral("--map"),
               QStringLiteral("personal_id={soc_sec_id}"), QStringLiteral("--map"),
               QStringLiteral("permanent_address={street_number} {address_1} {address_2} {suburb} "
                              "{postcode} {state}"),
               test::testData(QStringLiteral("linkage/febrl/dataset1.csv"))});
    return run.exitCode == 0 ? QString() : run.err;
}
} // namespace

class TestDuplicatesCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvListsClustersOfProbableDuplicates()
    {
        test::TempWard temp;
        const QString failed = importFebrl(temp);
        QVERIFY2(failed.isEmpty(), qPrintable(failed));
        const Run run = cli({QStringLiteral("duplicates"), QStringLiteral("--db"), temp.path()});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 900);
        const QStringList header = lines.front().split(QLatin1Char(','));
        QCOMPARE(header.mid(0, 4),
                 (QStringList{QStringLiteral("cluster"), QStringLiteral("level"),
                              QStringLiteral("source_ref"), QStringLiteral("score")}));
        // rec-N-org and rec-N-dup-0 share a cluster; clusters have two or more rows.
        QHash<QString, QString> clusterOf;
        QHash<QString, int> sizes;
        for (const QString& line : lines.mid(1)) {
            const QStringList f = line.split(QLatin1Char(','));
            QCOMPARE(f.size(), header.size());
            QCOMPARE(f[1], QStringLiteral("probable"));
            QVERIFY(f[3].toDouble() >= 0);
            clusterOf.insert(f[2], f[0]);
            ++sizes[f[0]];
        }
        for (int size : std::as_const(sizes))
            QVERIFY(size >= 2);
        int together = 0;
        for (auto it = clusterOf.cbegin(); it != clusterOf.cend(); ++it) {
            if (!it.key().endsWith(u"-org"))
                continue;
            const QString dup = it.key().chopped(3) + QStringLiteral("dup-0");
            together += clusterOf.value(dup) == it.value() ? 1 : 0;
        }
        QVERIFY(together >= 490); // of 500 true pairs
    }

    void jsonAndPossibleOnes()
    {
        test::TempWard temp;
        QVERIFY(importFebrl(temp).isEmpty());
        const Run json
            = cli({QStringLiteral("duplicates"), QStringLiteral("--db"), temp.path(),
                   QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--include-possible")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject root = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(root.value(u"residents").toInt(), 1000);
        const QJsonArray clusters = root.value(u"clusters").toArray();
        QVERIFY(clusters.size() > 450);
        const QJsonObject first = clusters.first().toObject();
        QCOMPARE(first.value(u"level").toString(), QStringLiteral("probable"));
        QVERIFY(first.value(u"records").toArray().size() >= 2);
        const QJsonObject pair = first.value(u"pairs").toArray().first().toObject();
        QVERIFY(!pair.value(u"message").toString().isEmpty());
        QVERIFY(!pair.value(u"why").toObject().value(u"fields").toArray().isEmpty());
        QSet<QString> levels;
        for (const QJsonValue& c : clusters)
            levels.insert(c.toObject().value(u"level").toString());
        QVERIFY(levels.contains(QStringLiteral("probable")));
        QVERIFY(levels.size() <= 2);

        const Run csv = cli({QStringLiteral("duplicates"), QStringLiteral("--db"), temp.path(),
                             QStringLiteral("--include-possible")});
        QCOMPARE(csv.exitCode, 0);
        for (const QString& line : csv.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(1)) {
            const QString level = line.section(QLatin1Char(','), 1, 1);
            QVERIFY(level == u"probable" || level == u"possible");
        }
    }

    void badUsage()
    {
        test::TempWard temp;
        QCOMPARE(cli({QStringLiteral("init"), QStringLiteral("--db"), temp.path()}).exitCode, 0);
        QCOMPARE(cli({QStringLiteral("duplicates"), QStringLiteral("--db"), temp.path(),
                      QStringLiteral("--format"), QStringLiteral("xml")})
                     .exitCode,
                 2);
        QCOMPARE(cli({QStringLiteral("duplicates")}).exitCode, 2);
        const Run empty = cli({QStringLiteral("duplicates"), QStringLiteral("--db"), temp.path()});
        QCOMPARE(empty.exitCode, 0);
        QCOMPARE(empty.out.trimmed(), QStringLiteral("cluster,level,source_ref,score,resident_id"));
        QCOMPARE(cli({QStringLiteral("merge"), QStringLiteral("--db"), temp.path()}).exitCode, 2);
    }

    void mergeAndUnmerge()
    {
        test::TempWard temp;
        model::WardStore store(temp.ward());
        for (const QString& ref : {QStringLiteral("A"), QStringLiteral("B")}) {
            model::Resident r;
            r.sourceRef = ref;
            r.fullName = QStringLiteral("Lê Văn An");
            r.email = ref == u"B" ? QStringLiteral("an@example.vn") : QString();
            QVERIFY(store.insertResident(r).ok());
        }
        temp.close();
        const Run merged = cli({QStringLiteral("merge"), QStringLiteral("--db"), temp.path(),
                                QStringLiteral("--survivor"), QStringLiteral("A"), QStringLiteral("--other"),
                                QStringLiteral("B"), QStringLiteral("--take"), QStringLiteral("email=B"),
                                QStringLiteral("--officer"), QStringLiteral("cb-12")});
        QCOMPARE(merged.exitCode, 0);
        const QString mergeId = merged.out.trimmed();
        QVERIFY(!mergeId.isEmpty());
        {
            model::WardStore reopened(temp.ward());
            QCOMPARE(reopened.countResidents().value(), 1);
            const auto a = reopened.findResident(QStringLiteral("A")).value();
            QCOMPARE(a->email, QStringLiteral("an@example.vn"));
            QCOMPARE(a->updatedBy, QStringLiteral("cb-12"));
            temp.close();
        }
        QCOMPARE(cli({QStringLiteral("merge"), QStringLiteral("--db"), temp.path(),
                      QStringLiteral("--survivor"), QStringLiteral("A"), QStringLiteral("--other"),
                      QStringLiteral("B"), QStringLiteral("--take"), QStringLiteral("shoe=B")})
                     .exitCode,
                 2);
        const Run undone = cli({QStringLiteral("unmerge"), QStringLiteral("--db"), temp.path(),
                                QStringLiteral("--merge"), mergeId});
        QCOMPARE(undone.exitCode, 0);
        model::WardStore reopened(temp.ward());
        QCOMPARE(reopened.countResidents().value(), 2);
        QCOMPARE(cli({QStringLiteral("unmerge"), QStringLiteral("--db"), temp.path(),
                      QStringLiteral("--merge"), mergeId})
                     .exitCode,
                 1);
    }
};

QTEST_GUILESS_MAIN(TestDuplicatesCli)
#include "TestDuplicatesCli.moc"
