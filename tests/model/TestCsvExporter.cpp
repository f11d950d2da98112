#include "CsvExporter.h"
#include "CsvFieldMap.h"
#include "CsvImporter.h"
#include "CsvReader.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

QByteArray contents(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

QList<QStringList> records(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", qPrintable(path));
    CsvReader reader(file);
    QList<QStringList> out;
    while (reader.readNext().valueOr(false))
        out.append(reader.fields());
    return out;
}

} // namespace

class TestCsvExporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void writesCanonicalColumnsWithQuoting()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Household h;
        h.number = QStringLiteral("HK-7");
        QVERIFY(store.insertHousehold(h).ok());
        Resident r;
        r.sourceRef = QStringLiteral("X-1");
        r.fullName = QStringLiteral("Đặng Thị \"Út\"");
        r.birthDate = PartialDate::parse(u"31/02/1990");
        r.sex = Sex::Female;
        r.permanentAddress.text = QStringLiteral("Số 5, ngõ 3\nPhường Láng");
        r.village = QStringLiteral("Tổ 4");
        r.householdId = h.id;
        r.relationToHead = QStringLiteral("Chủ hộ");
        r.status = ResidentStatus::Deceased;
        r.deathDate = PartialDate::parse(u"2021");
        QVERIFY(store.insertResident(r).ok());
        Resident deleted;
        deleted.sourceRef = QStringLiteral("X-2");
        QVERIFY(store.insertResident(deleted).ok());
        QVERIFY(store.softDeleteResident(deleted.id).ok());

        const QString out = temp.filePath(QStringLiteral("out.csv"));
        auto rows = CsvExporter(temp.ward()).exportFile(out);
        QVERIFY(rows.ok());
        QCOMPARE(rows.value(), qint64(1)); // the deleted record is not exported

        const QByteArray bytes = contents(out);
        QVERIFY(bytes.startsWith("source_ref,full_name,other_names,birth_date,sex,"));
        QVERIFY(bytes.contains("\r\n"));
        QVERIFY(bytes.contains(QStringLiteral("\"Đặng Thị \"\"Út\"\"\"").toUtf8()));
        QVERIFY(bytes.contains(QStringLiteral("\"Số 5, ngõ 3\nPhường Láng\"").toUtf8()));

        const auto table = records(out);
        QCOMPARE(table.size(), 2);
        QCOMPARE(table[0], CsvFieldMap::canonicalNames());
        const QStringList& row = table[1];
        const auto at = [&](CsvFieldMap::Field f) {
            return row.value(static_cast<int>(f));
        };
        QCOMPARE(row.size(), CsvFieldMap::fieldCount);
        QCOMPARE(at(CsvFieldMap::Field::FullName), u"Đặng Thị \"Út\""_qs);
        QCOMPARE(at(CsvFieldMap::Field::BirthDate), u"31/02/1990"_qs);
        QCOMPARE(at(CsvFieldMap::Field::Sex), u"F"_qs);
        QCOMPARE(at(CsvFieldMap::Field::HouseholdRef), u"HK-7"_qs);
        QCOMPARE(at(CsvFieldMap::Field::Village), u"Tổ 4"_qs);
        QCOMPARE(at(CsvFieldMap::Field::Status), u"deceased"_qs);
        QCOMPARE(at(CsvFieldMap::Field::DeathDate), u"2021"_qs);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("fixture");
        QTest::addColumn<QStringList>("maps");
        QTest::newRow("canonical") << test::testData(u"csv/canonical.csv"_qs) << QStringList();
        QTest::newRow("vietnamese labels")
            << test::testData(u"csv/vietnamese-labels.csv"_qs) << QStringList();
        QTest::newRow("febrl") << test::testData(u"linkage/febrl/dataset1.csv"_qs)
                               << QStringList{u"full_name={given_name} {surname}"_qs,
                                              u"source_ref={rec_id}"_qs, u"birth_date={date_of_birth}"_qs,
                                              u"current_address={street_number} {address_1}, {suburb}"_qs};
    }
    void roundTrip()
    {
        QFETCH(QString, fixture);
        QFETCH(QStringList, maps);
        test::TempWard first;
        CsvImporter::Options options;
        options.maps = maps;
        auto imported = CsvImporter(first.ward()).importFile(fixture, options);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().toString()));
        const QString a = first.filePath(QStringLiteral("a.csv"));
        auto exportedA = CsvExporter(first.ward()).exportFile(a);
        QVERIFY(exportedA.ok());
        QCOMPARE(exportedA.value(), imported->imported);

        test::TempWard second;
        auto again = CsvImporter(second.ward()).importFile(a);
        QVERIFY(again.ok());
        QVERIFY(again->rejected.isEmpty());
        QVERIFY(again->ignoredColumns.isEmpty());
        QCOMPARE(again->imported, imported->imported);
        QCOMPARE(again->householdsCreated, imported->householdsCreated);
        const QString b = second.filePath(QStringLiteral("b.csv"));
        QVERIFY(CsvExporter(second.ward()).exportFile(b).ok());

        const QByteArray bytesA = contents(a);
        QVERIFY(!bytesA.isEmpty());
        QCOMPARE(contents(b), bytesA);
    }

    void failedExportLeavesNoFile()
    {
        test::TempWard temp;
        QVERIFY(CsvImporter(temp.ward()).importFile(test::testData(u"csv/canonical.csv"_qs)).ok());
        const QString missingDir = temp.filePath(QStringLiteral("no/such/dir/out.csv"));
        auto rows = CsvExporter(temp.ward()).exportFile(missingDir);
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().kind, Error::Kind::Io);
        QVERIFY(!QFile::exists(missingDir));
    }

    void cancelledExportKeepsTheOldFile()
    {
        test::TempWard temp;
        QVERIFY(CsvImporter(temp.ward())
                    .importFile(test::testData(u"linkage/febrl/dataset1.csv"_qs),
                                {QStringList{u"full_name={given_name} {surname}"_qs}, {}})
                    .ok());
        const QString out = temp.filePath(QStringLiteral("out.csv"));
        {
            QFile old(out);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous export\n");
        }
        qint64 seenTotal = 0;
        auto rows = CsvExporter(temp.ward()).exportFile(out, [&](qint64 done, qint64 total) {
            seenTotal = total;
            return done < 500;
        });
        QCOMPARE(seenTotal, qint64(1000));
        QVERIFY(!rows.ok());
        QCOMPARE(rows.error().kind, Error::Kind::Cancelled);
        QCOMPARE(contents(out), QByteArray("previous export\n"));
        // No temporary file is left beside it either.
        QCOMPARE(QDir(temp.dir()).entryList({QStringLiteral("out*")}, QDir::Files),
                 QStringList{u"out.csv"_qs});
    }
};

QTEST_GUILESS_MAIN(TestCsvExporter)
#include "TestCsvExporter.moc"
