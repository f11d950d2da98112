#include "CsvImporter.h"
#include "CsvReader.h"
#include "DemoWardGenerator.h"
#include "DuplicateDetector.h"
#include "TempWard.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

// Pairwise precision and recall of the probable clusters against known truth: the public
// linkage sets (FEBRL, Splink's fake_1000, imported with --map templates) and demo wards.
// Clusters count, not findings: every pair within a cluster is a predicted pair, as the
// `duplicates` verb reports them.
namespace {

using Groups = QHash<QString, QString>; // source_ref -> truth group

QList<QHash<QString, QString>> readCsv(const QString& path)
{
    QList<QHash<QString, QString>> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    CsvReader reader(file);
    QStringList header;
    while (true) {
        auto more = reader.readNext();
        if (!more.ok() || !more.value())
            break;
        QStringList fields = reader.fields();
        for (QString& f : fields)
            f = f.trimmed();
        if (header.isEmpty()) {
            header = fields;
            continue;
        }
        QHash<QString, QString> row;
        for (qsizetype i = 0; i < header.size(); ++i)
            row.insert(header[i], fields.value(i));
        rows.append(row);
    }
    return rows;
}

QSet<QString> pairsOf(const QList<QStringList>& groups)
{
    QSet<QString> pairs;
    for (QStringList list : groups) {
        list.sort();
        for (qsizetype i = 0; i < list.size(); ++i) {
            for (qsizetype j = i + 1; j < list.size(); ++j)
                pairs.insert(list[i] + QLatin1Char('|') + list[j]);
        }
    }
    return pairs;
}

QSet<QString> truthPairs(const Groups& groups)
{
    QHash<QString, QStringList> members;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        members[it.value()].append(it.key());
    return pairsOf(members.values());
}

QSet<QString> predictedPairs(const DuplicateDetector::Report& report)
{
    QList<QStringList> clusters;
    for (const QStringList& ids : report.probableClusters) {
        QStringList refs;
        for (const QString& id : ids)
            refs << report.references.value(id);
        clusters << refs;
    }
    return pairsOf(clusters);
}

struct Quality
{
    double precision = 0;
    double recall = 0;
    double f1 = 0;
};

Quality quality(const QSet<QString>& predicted, const QSet<QString>& truth)
{
    qint64 hits = 0;
    for (const QString& p : predicted)
        hits += truth.contains(p) ? 1 : 0;
    Quality q;
    q.precision = predicted.isEmpty() ? 1.0 : double(hits) / predicted.size();
    q.recall = truth.isEmpty() ? 1.0 : double(hits) / truth.size();
    q.f1 = q.precision + q.recall > 0 ? 2 * q.precision * q.recall / (q.precision + q.recall) : 0;
    return q;
}

const QStringList febrlMaps = {
    QStringLiteral("source_ref={rec_id}"),
    // Family name first, as Vietnamese names are written and as the name comparator reads them.
    QStringLiteral("full_name={surname} {given_name}"),
    QStringLiteral("birth_date={date_of_birth}"),
    QStringLiteral("personal_id={soc_sec_id}"),
    QStringLiteral("permanent_address={street_number} {address_1} {address_2} {suburb} {postcode} {state}"),
};

const QStringList splinkMaps = {
    QStringLiteral("source_ref={unique_id}"), QStringLiteral("full_name={surname} {first_name}"),
    QStringLiteral("birth_date={dob}"),       QStringLiteral("email={email}"),
    QStringLiteral("current_address={city}"),
};

DuplicateDetector::Report detect(WardDatabase& ward)
{
    DuplicateDetector::Options options;
    options.includePossible = false;
    auto report = DuplicateDetector(ward).run(options);
    if (!report.ok())
        qFatal("%s", qPrintable(report.error().toString()));
    return std::move(report.value());
}

Quality importAndMeasure(const QStringList& files, bool splink)
{
    test::TempWard temp;
    Groups truth;
    for (const QString& file : files) {
        const QString path = test::testData(QStringLiteral("linkage/") + file);
        CsvImporter::Options options;
        options.maps = splink ? splinkMaps : febrlMaps;
        auto imported = CsvImporter(temp.ward()).importFile(path, options);
        if (!imported.ok() || !imported->rejected.isEmpty())
            qFatal("import of %s failed", qPrintable(path));
        for (const auto& row : readCsv(path)) {
            if (splink) {
                truth.insert(row.value(QStringLiteral("unique_id")), row.value(QStringLiteral("cluster")));
            } else {
                const QString id = row.value(QStringLiteral("rec_id"));
                truth.insert(id, id.section(QLatin1Char('-'), 1, 1)); // rec-N-org, rec-N-dup-k: person N
            }
        }
    }
    const Quality q = quality(predictedPairs(detect(temp.ward())), truthPairs(truth));
    qInfo("%s: precision %.4f recall %.4f F1 %.4f", qPrintable(files.join(QLatin1Char('+'))), q.precision,
          q.recall, q.f1);
    return q;
}

} // namespace

class TestDuplicateQuality : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void febrl_data()
    {
        QTest::addColumn<QStringList>("files");
        QTest::newRow("dataset1") << QStringList{QStringLiteral("febrl/dataset1.csv")};
        QTest::newRow("dataset2") << QStringList{QStringLiteral("febrl/dataset2.csv")};
        QTest::newRow("dataset3") << QStringList{QStringLiteral("febrl/dataset3.csv")};
        QTest::newRow("dataset4a+4b")
            << QStringList{QStringLiteral("febrl/dataset4a.csv"), QStringLiteral("febrl/dataset4b.csv")};
    }
    void febrl()
    {
        QFETCH(QStringList, files);
        const Quality q = importAndMeasure(files, false);
        QVERIFY2(q.f1 >= 0.99, qPrintable(QStringLiteral("F1 %1").arg(q.f1)));
    }

    void splinkFake1000()
    {
        // Heavily corrupted records in clusters of up to 8; a simple baseline reaches F1 0.87.
        const Quality q = importAndMeasure({QStringLiteral("splink/fake_1000.csv")}, true);
        QVERIFY2(q.f1 >= 0.90, qPrintable(QStringLiteral("F1 %1").arg(q.f1)));
    }

    void demoWards_data()
    {
        QTest::addColumn<int>("residents");
        QTest::addColumn<int>("seed");
        QTest::newRow("3000 residents, seed 11") << 3000 << 11;
        QTest::newRow("8000 residents, seed 12") << 8000 << 12;
    }
    void demoWards()
    {
        QFETCH(int, residents);
        QFETCH(int, seed);
        test::TempWard temp;
        DemoWardGenerator::Options options;
        options.residents = residents;
        options.seed = static_cast<quint64>(seed);
        options.truthDir = temp.dir();
        QVERIFY(DemoWardGenerator(options).generate(temp.ward()).ok());
        Groups clusters;
        for (const auto& row : readCsv(temp.filePath(QStringLiteral("duplicates.csv"))))
            clusters.insert(row.value(QStringLiteral("source_ref")), row.value(QStringLiteral("cluster")));
        Groups twinGroups;
        for (const auto& row : readCsv(temp.filePath(QStringLiteral("twins.csv"))))
            twinGroups.insert(row.value(QStringLiteral("source_ref")), row.value(QStringLiteral("group")));
        QVERIFY(!clusters.isEmpty());
        QVERIFY(!twinGroups.isEmpty());

        const auto report = detect(temp.ward());
        const QSet<QString> predicted = predictedPairs(report);
        const Quality q = quality(predicted, truthPairs(clusters));
        qInfo("demo %d: precision %.4f recall %.4f F1 %.4f", residents, q.precision, q.recall, q.f1);
        QVERIFY2(q.precision >= 0.98, qPrintable(QStringLiteral("precision %1").arg(q.precision)));
        QVERIFY2(q.recall >= 0.95, qPrintable(QStringLiteral("recall %1").arg(q.recall)));
        for (const QString& twins : truthPairs(twinGroups))
            QVERIFY2(!predicted.contains(twins), qPrintable(QStringLiteral("twins merged: %1").arg(twins)));
    }
};

QTEST_GUILESS_MAIN(TestDuplicateQuality)
#include "TestDuplicateQuality.moc"
