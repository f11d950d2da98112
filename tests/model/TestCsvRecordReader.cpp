#include "CsvFieldMap.h"
#include "CsvReader.h"
#include "CsvRecordReader.h"
#include "FailingDevice.h"

#include <cstring>
#include <QBuffer>
#include <QTest>

using namespace wardroll::model;
using wardroll::test::FailingDevice;

namespace {

using Kind = CsvRecordReader::Record::Kind;

// Every kind of row, over several batches: readable, not UTF-8, a column short, a source_ref
// used before, blank lines (skipped), an unknown sex and a column no field uses (raw JSON).
QByteArray mixedFile(int rows)
{
    QByteArray csv = "source_ref,full_name,birth_date,sex,household_ref,note\n";
    for (int i = 0; i < rows; ++i) {
        switch (i % 7) {
        case 1:
            csv += "R" + QByteArray::number(i) + ",Tr\xff\xfe,01/01/1990,F,H1,\n";
            break;
        case 2:
            csv += "R" + QByteArray::number(i) + ",Short\n";
            break;
        case 3:
            csv += "R" + QByteArray::number(i - 3) + ",Again,1990,M,H1,\n";
            break;
        case 4:
            csv += ",,,,,\n\n";
            break;
        default:
            csv += "R" + QByteArray::number(i) + ",Nguyễn Văn " + QByteArray::number(i) + ",31/02/1990,"
                + (i % 2 ? "nam" : "?") + ",H" + QByteArray::number(i / 5) + ",ghi chú "
                + QByteArray::number(i) + "\n";
        }
    }
    return csv;
}

QStringList describe(CsvRecordReader& records, QString* error = nullptr)
{
    QStringList out;
    for (;;) {
        auto batch = records.next();
        if (!batch.ok()) {
            if (error)
                *error = batch.error().message;
            return out;
        }
        if (batch.value()->empty())
            return out;
        for (const auto& r : *batch.value())
            out << QStringLiteral("%1|%2|%3|%4|%5|%6|%7|%8|%9")
                       .arg(int(r.kind))
                       .arg(r.line)
                       .arg(r.bytesDone)
                       .arg(r.problem)
                       .arg(r.columns)
                       .arg(r.firstLine)
                       .arg(r.resident.sourceRef + u'/' + r.resident.fullName + u'/'
                            + r.resident.birthDate.raw())
                       .arg(r.householdRef)
                       .arg(r.resident.importRaw);
    }
}

// Opens the records of an open `device` (header read) and hands them to `use`; false when the
// header cannot be read or mapped.
template <typename Use> bool withRecords(QIODevice& device, bool ahead, Use use)
{
    CsvReader reader(device);
    if (!reader.readNext().valueOr(false))
        return false;
    const QStringList header = reader.fields();
    auto map = CsvFieldMap::build(header, {});
    if (!map.ok())
        return false;
    CsvRecordReader records(reader, map.value(), header, ahead);
    use(records);
    return true;
}

QStringList readAll(QIODevice& device, bool ahead, QString* error = nullptr)
{
    QStringList out{u"no header"_qs};
    device.open(QIODevice::ReadOnly);
    withRecords(device, ahead, [&](CsvRecordReader& records) { out = describe(records, error); });
    return out;
}

QStringList readAll(const QByteArray& csv, bool ahead)
{
    QBuffer device;
    device.setData(csv);
    return readAll(device, ahead);
}

} // namespace

class TestCsvRecordReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readingAheadGivesTheSameRecordsInOrder()
    {
        const QByteArray csv = mixedFile(3000);
        const QStringList here = readAll(csv, false);
        const QStringList ahead = readAll(csv, true);
        QCOMPARE(ahead, here);
        // 3000 rows, one in seven blank.
        QCOMPARE(here.size(), 3000 - 3000 / 7 - (3000 % 7 > 4 ? 1 : 0));
        QVERIFY(here.first().startsWith(u"0|2|"_qs));
        int kinds[4] = {};
        for (const QString& r : here)
            ++kinds[r.section(u'|', 0, 0).toInt()];
        QVERIFY(kinds[int(Kind::Resident)] > 0);
        QVERIFY(kinds[int(Kind::Unreadable)] > 0);
        QVERIFY(kinds[int(Kind::WrongColumnCount)] > 0);
        QVERIFY(kinds[int(Kind::RepeatedRef)] > 0);
        // The unused column and the unreadable sex are kept as written.
        QVERIFY(here.first().endsWith(u"{\"sex\":\"?\",\"note\":\"ghi chú 0\"}"_qs));
    }

    void aReadErrorComesAfterTheRowsBeforeIt()
    {
        // The medium fails halfway through: the rows read before come first, then the error.
        const QByteArray csv = mixedFile(3000);
        QStringList got[2];
        QString errors[2];
        for (const bool ahead : {false, true}) {
            FailingDevice device(csv, csv.size() / 2);
            got[ahead] = readAll(device, ahead, &errors[ahead]);
        }
        QVERIFY(!errors[0].isEmpty());
        QCOMPARE(errors[1], errors[0]);
        QCOMPARE(got[1], got[0]);
        QVERIFY(got[0].size() > 100);
        QVERIFY(got[0].size() < readAll(csv, false).size());
    }

    void stoppingEarlyNeitherHangsNorLeaks()
    {
        const QByteArray csv = mixedFile(20000);
        QBuffer device;
        device.setData(csv);
        device.open(QIODevice::ReadOnly);
        QVERIFY(withRecords(device, true, [](CsvRecordReader& records) {
            auto first = records.next();
            QVERIFY(first.ok());
            QVERIFY(!first.value()->empty());
        }));
    }
};

QTEST_GUILESS_MAIN(TestCsvRecordReader)
#include "TestCsvRecordReader.moc"
