#include "CsvImporter.h"
#include "FailingDevice.h"
#include "ResidentSearch.h"
#include "SqlConnection.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;
using wardroll::test::FailingDevice;

namespace {

QString csv(const char* name)
{
    return test::testData(QStringLiteral("csv/") + QLatin1String(name));
}

Resident byRef(WardStore& store, const QString& ref)
{
    auto found = store.findResident(ref);
    if (!found.ok() || !found.value())
        qFatal("no resident %s", qPrintable(ref));
    return *found.value();
}

qint64 residents(WardDatabase& ward)
{
    return WardStore(ward).countResidents().value();
}

qint64 households(WardDatabase& ward)
{
    return WardStore(ward).countHouseholds().value();
}

// A ward that already holds one resident and one household, so that "unchanged" is tested on
// a ward that is not empty.
void seed(WardDatabase& ward)
{
    WardStore store(ward);
    Household h;
    h.number = QStringLiteral("HK-02");
    h.village = QStringLiteral("Thôn Nà Hang");
    QVERIFY(store.insertHousehold(h).ok());
    Resident r;
    r.sourceRef = QStringLiteral("OLD-1");
    r.fullName = QStringLiteral("Hà Văn Cũ");
    r.householdId = h.id;
    QVERIFY(store.insertResident(r).ok());
}

// The schema as SQLite stores it, to show that a bulk load leaves it as it found it.
QStringList schema(WardDatabase& ward)
{
    auto stmt = ward.connection().prepare(
        u"SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name");
    QStringList out;
    while (stmt.ok() && stmt->step().valueOr(false))
        out.append(stmt->text(0));
    return out;
}

// Rows known to the search index. The index itself is contentless (it cannot list its rows), so
// this counts its keys; the searches in the tests show that the index holds their words.
qint64 searchRows(WardDatabase& ward)
{
    return ward.connection().queryInt(u"SELECT count(*) FROM resident_search_keys").valueOr(-1);
}

QByteArray manyRows(int count)
{
    QByteArray data = "source_ref,full_name,birth_date,household_ref\n";
    for (int i = 0; i < count; ++i) {
        data += "M-" + QByteArray::number(i) + ",Nguy\xE1\xBB\x85n V\xC4\x83n " + QByteArray::number(i)
            + ",01/02/1990,HH-" + QByteArray::number(i / 3) + "\n";
    }
    return data;
}

} // namespace

class TestCsvImporter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vietnameseLabelsWithBomAndPadding()
    {
        test::TempWard temp;
        auto report = CsvImporter(temp.ward()).importFile(csv("vietnamese-labels.csv"));
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QCOMPARE(report->rowsRead, qint64(6));
        QCOMPARE(report->imported, qint64(6));
        QVERIFY(report->rejected.isEmpty());
        QVERIFY2(report->ignoredColumns.isEmpty(), qPrintable(report->ignoredColumns.join(u',')));
        QCOMPARE(residents(temp.ward()), qint64(6));

        WardStore store(temp.ward());
        const Resident hung = byRef(store, QStringLiteral("VN-001"));
        QCOMPARE(hung.fullName, u"Nguyễn Văn Hùng"_qs);
        QCOMPARE(hung.otherNames, u"Tí"_qs);
        QCOMPARE(hung.birthDate, PartialDate::fromParts(1985, 6, 15));
        QCOMPARE(hung.sex, Sex::Male);
        QCOMPARE(hung.personalId, u"001085012345"_qs);
        QCOMPARE(hung.oldId, u"012345678"_qs);
        QCOMPARE(hung.birthRegistrationPlace, u"Phường Ba Đình, Thành phố Hà Nội"_qs);
        QCOMPARE(hung.hometown, u"Nam Định"_qs);
        QCOMPARE(hung.maritalStatus, u"Đã kết hôn"_qs);
        QCOMPARE(hung.permanentAddress.text, u"12 Phố Đội Cấn, Tổ dân phố 3"_qs);
        QCOMPARE(hung.currentAddress.text, u"12 Phố Đội Cấn, Tổ dân phố 3"_qs);
        QCOMPARE(hung.village, u"Tổ dân phố 3"_qs);
        QCOMPARE(hung.currentAddress.village, u"Tổ dân phố 3"_qs);
        QCOMPARE(hung.relationToHead, u"Chủ hộ"_qs);
        QCOMPARE(hung.fatherName, u"Nguyễn Văn Nam"_qs);
        QCOMPARE(hung.spouseName, u"Lê Thị Hoa"_qs);
        QCOMPARE(hung.spouseId, u"001187054321"_qs);
        QCOMPARE(hung.phone, u"0912345678"_qs);
        QCOMPARE(hung.email, u"hung@example.vn"_qs);
        QCOMPARE(hung.status, ResidentStatus::Living);

        // The record gives back every cell of this row as written (the sex and status were
        // understood): nothing else of the source row needs keeping.
        QVERIFY2(hung.importRaw.isEmpty(), qPrintable(hung.importRaw));

        const Resident hoa = byRef(store, QStringLiteral("VN-002"));
        QCOMPARE(hoa.birthDate.precision(), PartialDate::Precision::Year);
        QCOMPARE(hoa.birthDate.raw(), u"00/00/1987"_qs);
        QCOMPARE(hoa.sex, Sex::Female);

        // A quoted value with quotes and a line break inside.
        const Resident ba = byRef(store, QStringLiteral("VN-006"));
        QCOMPARE(ba.fullName, u"Hoàng Thị \"Bé\" Ba"_qs);
        QCOMPARE(ba.temporaryAddress.text, u"Xóm 2\r\nThôn 5"_qs);
        QCOMPARE(ba.status, ResidentStatus::MovedOut);
        QVERIFY(ba.householdId.isEmpty());
    }

    void valuesThatBreakRulesAreKeptAsWritten()
    {
        test::TempWard temp;
        auto report = CsvImporter(temp.ward()).importFile(csv("vietnamese-labels.csv"));
        QVERIFY(report.ok());
        WardStore store(temp.ward());

        const Resident mai = byRef(store, QStringLiteral("VN-003"));
        QCOMPARE(mai.fullName, u"Nguyễn Thị Mai"_qs); // padded, trimmed
        QCOMPARE(mai.birthDate.raw(), u"31/02/2010"_qs);
        QCOMPARE(mai.birthDate.year(), std::optional<int>(2010));
        QVERIFY(!mai.birthDate.isValid());
        QCOMPARE(mai.personalId, u"00131001234A"_qs);
        QCOMPARE(mai.sex, Sex::Female); // "nu"

        const Resident binh = byRef(store, QStringLiteral("VN-004"));
        QCOMPARE(binh.fullName, u"Trần Văn 2 Bình"_qs);
        QCOMPARE(binh.sex, Sex::Unknown); // "không rõ"
        QCOMPARE(QJsonDocument::fromJson(binh.importRaw.toUtf8()).object().value(u"Giới tính"_qs).toString(),
                 u"không rõ"_qs);
        QCOMPARE(binh.status, ResidentStatus::Deceased);
        QCOMPARE(binh.deathDate.year(), std::optional<int>(2020));
        QCOMPARE(binh.deathDate.raw(), u"../../2020"_qs);

        const Resident noName = byRef(store, QStringLiteral("VN-005"));
        QVERIFY(noName.fullName.isEmpty());
        QCOMPARE(noName.status, ResidentStatus::Living); // "???"
        QCOMPARE(
            QJsonDocument::fromJson(noName.importRaw.toUtf8()).object().value(u"Trạng thái"_qs).toString(),
            u"???"_qs);
        QCOMPARE(noName.birthDate, PartialDate::fromParts(1985, 6, 1));
    }

    void householdsFormedByRef()
    {
        test::TempWard temp;
        seed(temp.ward());
        auto report = CsvImporter(temp.ward()).importFile(csv("vietnamese-labels.csv"));
        QVERIFY(report.ok());
        // HK-01 is new; HK-02 already lives in the ward and is reused.
        QCOMPARE(report->householdsCreated, qint64(1));
        QCOMPARE(households(temp.ward()), qint64(2));
        WardStore store(temp.ward());
        const Resident hung = byRef(store, QStringLiteral("VN-001"));
        auto members = store.householdMembers(hung.householdId);
        QVERIFY(members.ok());
        QCOMPARE(members->size(), 3);
        auto household = store.household(hung.householdId);
        QVERIFY(household.ok());
        QCOMPARE(household->number, u"HK-01"_qs);
        QCOMPARE(household->village, u"Tổ dân phố 3"_qs);

        const Resident old = byRef(store, QStringLiteral("OLD-1"));
        const Resident binh = byRef(store, QStringLiteral("VN-004"));
        QCOMPARE(binh.householdId, old.householdId);
        QCOMPARE(store.householdMembers(old.householdId)->size(), 3);
    }

    void canonicalHeaders()
    {
        test::TempWard temp;
        auto report = CsvImporter(temp.ward()).importFile(csv("canonical.csv"));
        QVERIFY(report.ok());
        QCOMPARE(report->imported, qint64(6));
        QCOMPARE(report->householdsCreated, qint64(2));
        WardStore store(temp.ward());
        const Resident binh = byRef(store, QStringLiteral("C-2"));
        QCOMPARE(binh.otherNames, u"Bình \"nhỏ\""_qs);
        QCOMPARE(binh.sex, Sex::Female);
        QCOMPARE(binh.oldId, u"162000002"_qs);
        QCOMPARE(binh.fatherId, u"036045000001"_qs);
        const Resident y = byRef(store, QStringLiteral("C-3"));
        QCOMPARE(y.temporaryAddress.text, u"Phòng 3, ký túc xá\nĐại học Tây Nguyên"_qs);
        QCOMPARE(byRef(store, QStringLiteral("C-4")).status, ResidentStatus::Missing);
        QCOMPARE(byRef(store, QStringLiteral("C-5")).status, ResidentStatus::Deceased);
    }

    void febrlWithTemplates()
    {
        test::TempWard temp;
        CsvImporter::Options options;
        options.maps
            = QStringList{QStringLiteral("full_name={surname} {given_name}"),
                          QStringLiteral("source_ref={rec_id}"), QStringLiteral("birth_date={date_of_birth}"),
                          QStringLiteral("permanent_address={street_number} {address_1}, {suburb}")};
        auto report
            = CsvImporter(temp.ward()).importFile(test::testData(u"linkage/febrl/dataset1.csv"_qs), options);
        QVERIFY2(report.ok(), qPrintable(report.ok() ? QString() : report.error().toString()));
        QCOMPARE(report->imported, qint64(1000));
        QVERIFY(report->rejected.isEmpty());
        QCOMPARE(report->ignoredColumns,
                 (QStringList{u"address_2"_qs, u"postcode"_qs, u"state"_qs, u"soc_sec_id"_qs}));

        WardStore store(temp.ward());
        const Resident berry = byRef(store, QStringLiteral("rec-122-org"));
        QCOMPARE(berry.fullName, u"berry lachlan"_qs);
        QCOMPARE(berry.birthDate, PartialDate::fromParts(1999, 2, 19));
        QCOMPARE(berry.permanentAddress.text, u"69 giblin street, bittern"_qs);
        // given_name is empty: no trailing or double space is left.
        const Resident waller = byRef(store, QStringLiteral("rec-223-org"));
        QCOMPARE(waller.fullName, u"waller"_qs);
        // rec-10-dup-0 has no street number.
        QCOMPARE(byRef(store, QStringLiteral("rec-10-dup-0")).permanentAddress.text,
                 u"maltby circuit, coolaroo"_qs);
        // The raw row keeps the cells behind templates and the unused columns, not those the
        // record holds as written (rec_id alone is source_ref; the date's text is kept with it).
        const QJsonObject raw = QJsonDocument::fromJson(berry.importRaw.toUtf8()).object();
        QCOMPARE(raw.value(u"surname"_qs).toString(), u"berry"_qs);
        QCOMPARE(raw.value(u"given_name"_qs).toString(), u"lachlan"_qs);
        QVERIFY(raw.contains(u"postcode"_qs));
        QVERIFY(!raw.contains(u"rec_id"_qs));
        QVERIFY(!raw.contains(u"date_of_birth"_qs));
        QCOMPARE(berry.birthDate.raw(), u"19990219"_qs);
    }

    void templateErrorsAreReportedAndChangeNothing_data()
    {
        QTest::addColumn<QString>("map");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("unknown column") << u"full_name={surname} {nickname}"_qs << u"nickname"_qs;
        QTest::newRow("unknown field") << u"shoe_size={rec_id}"_qs << u"shoe_size"_qs;
        QTest::newRow("no equals") << u"full_name"_qs << u"full_name"_qs;
        QTest::newRow("unclosed brace") << u"full_name={surname"_qs << u"full_name"_qs;
    }
    void templateErrorsAreReportedAndChangeNothing()
    {
        QFETCH(QString, map);
        QFETCH(QString, mentions);
        test::TempWard temp;
        seed(temp.ward());
        CsvImporter::Options options;
        options.maps = QStringList{map};
        auto report
            = CsvImporter(temp.ward()).importFile(test::testData(u"linkage/febrl/dataset1.csv"_qs), options);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, Error::Kind::InvalidInput);
        QVERIFY2(report.error().message.contains(mentions), qPrintable(report.error().message));
        QCOMPARE(residents(temp.ward()), qint64(1));
    }

    void badEncodingRejectsOnlyThatRow()
    {
        test::TempWard temp;
        auto report = CsvImporter(temp.ward()).importFile(csv("bad-encoding.csv"));
        QVERIFY(report.ok());
        QCOMPARE(report->rowsRead, qint64(3));
        QCOMPARE(report->imported, qint64(2));
        QCOMPARE(report->rejected.size(), 1);
        QCOMPARE(report->rejected[0].line, qint64(3));
        QVERIFY2(report->rejected[0].reason.contains(u"UTF-8"), qPrintable(report->rejected[0].reason));
        WardStore store(temp.ward());
        QVERIFY(store.findResident(u"E-1"_qs)->has_value());
        QVERIFY(!store.findResident(u"E-2"_qs)->has_value());
        QVERIFY(store.findResident(u"E-3"_qs)->has_value());
    }

    void unknownHeaderIgnoredAndReported()
    {
        test::TempWard temp;
        auto report = CsvImporter(temp.ward()).importFile(csv("unknown-header.csv"));
        QVERIFY(report.ok());
        QCOMPARE(report->imported, qint64(2));
        QCOMPARE(report->ignoredColumns, QStringList{u"Ghi chú"_qs});
        WardStore store(temp.ward());
        const Resident tu = byRef(store, QStringLiteral("U-1"));
        QCOMPARE(tu.personalId, u"001090000004"_qs); // "Số CCCD"
        // The ignored column still travels in the raw row.
        QCOMPARE(QJsonDocument::fromJson(tu.importRaw.toUtf8()).object().value(u"Ghi chú"_qs).toString(),
                 u"đã xác minh"_qs);
    }

    void duplicateSourceRefInFile()
    {
        test::TempWard temp;
        auto report = CsvImporter(temp.ward()).importFile(csv("duplicate-ref.csv"));
        QVERIFY(report.ok());
        QCOMPARE(report->rowsRead, qint64(5));
        QCOMPARE(report->imported, qint64(4)); // rows without a source_ref are never duplicates
        QCOMPARE(report->rejected.size(), 1);
        QCOMPARE(report->rejected[0].line, qint64(4));
        QVERIFY2(report->rejected[0].reason.contains(u"D-1")
                     && report->rejected[0].reason.contains(u"line 2"),
                 qPrintable(report->rejected[0].reason));
    }

    void duplicateSourceRefInWard()
    {
        test::TempWard temp;
        QVERIFY(CsvImporter(temp.ward()).importFile(csv("canonical.csv")).ok());
        WardStore store(temp.ward());
        const Resident first = byRef(store, QStringLiteral("C-1"));
        // Importing the same file again adds nothing and says why, row by row.
        auto again = CsvImporter(temp.ward()).importFile(csv("canonical.csv"));
        QVERIFY(again.ok());
        QCOMPARE(again->imported, qint64(0));
        QCOMPARE(again->rejected.size(), 6);
        QCOMPARE(again->rejected[0].line, qint64(2));
        QVERIFY2(again->rejected[0].reason.contains(first.id), qPrintable(again->rejected[0].reason));
        QCOMPARE(residents(temp.ward()), qint64(6));
        QCOMPARE(households(temp.ward()), qint64(2));
    }

    void wrongColumnCountRejected()
    {
        test::TempWard temp;
        auto report = CsvImporter(temp.ward()).importFile(csv("wrong-columns.csv"));
        QVERIFY(report.ok());
        QCOMPARE(report->imported, qint64(2));
        QCOMPARE(report->rejected.size(), 2);
        QCOMPARE(report->rejected[0].line, qint64(3));
        QCOMPARE(report->rejected[1].line, qint64(4));
        QVERIFY2(report->rejected[0].reason.contains(u"3") && report->rejected[0].reason.contains(u"2"),
                 qPrintable(report->rejected[0].reason));
    }

    void dryRunReportsRejectionsAndChangesNothing()
    {
        test::TempWard temp;
        CsvImporter::Options options;
        options.dryRun = true;
        auto report = CsvImporter(temp.ward()).importFile(csv("wrong-columns.csv"), options);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, qint64(2));
        QCOMPARE(report->rejected.size(), 2);
        QCOMPARE(report->rejected[0].line, qint64(3));
        QCOMPARE(temp.ward().connection().queryInt(u"SELECT count(*) FROM residents").value(), 0);
        QCOMPARE(temp.ward().connection().queryInt(u"SELECT count(*) FROM outbox").value(), 0);
    }

    void unmappedFieldIsLeftOut()
    {
        test::TempWard temp;
        CsvImporter::Options options;
        options.unmapped = {CsvFieldMap::Field::BirthDate};
        auto report = CsvImporter(temp.ward()).importFile(csv("wrong-columns.csv"), options);
        QVERIFY(report.ok());
        QCOMPARE(report->imported, qint64(2));
        QCOMPARE(temp.ward()
                     .connection()
                     .queryInt(u"SELECT count(*) FROM residents WHERE birth_year IS NOT NULL")
                     .value(),
                 0);
    }

    void fileThatCannotBeImported_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << csv("empty.csv") << int(Error::Kind::InvalidInput);
        QTest::newRow("header only") << csv("header-only.csv") << int(Error::Kind::InvalidInput);
        QTest::newRow("no known column") << csv("no-known-columns.csv") << int(Error::Kind::InvalidInput);
        QTest::newRow("missing") << csv("does-not-exist.csv") << int(Error::Kind::NotFound);
    }
    void fileThatCannotBeImported()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        test::TempWard temp;
        seed(temp.ward());
        auto report = CsvImporter(temp.ward()).importFile(file);
        QVERIFY(!report.ok());
        QCOMPARE(int(report.error().kind), kind);
        QVERIFY(!report.error().message.isEmpty());
        QCOMPARE(residents(temp.ward()), qint64(1));
        QCOMPARE(households(temp.ward()), qint64(1));
    }

    void emptyAndHeaderOnlyMessagesDiffer()
    {
        test::TempWard temp;
        auto empty = CsvImporter(temp.ward()).importFile(csv("empty.csv"));
        auto headerOnly = CsvImporter(temp.ward()).importFile(csv("header-only.csv"));
        QVERIFY(!empty.ok() && !headerOnly.ok());
        QVERIFY(empty.error().message.contains(u"empty"));
        QVERIFY(headerOnly.error().message.contains(u"no rows"));
    }

    void deviceFailingMidReadLeavesWardUnchanged()
    {
        test::TempWard temp;
        seed(temp.ward());
        const QByteArray data = manyRows(40000);
        FailingDevice device(data, data.size() * 2 / 3);
        QVERIFY(device.open(QIODevice::ReadOnly));
        auto report = CsvImporter(temp.ward()).importDevice(device);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, Error::Kind::Io);
        QCOMPARE(residents(temp.ward()), qint64(1));
        QCOMPARE(households(temp.ward()), qint64(1));
    }

    void fileTruncatedDuringImportLeavesWardUnchanged()
    {
        test::TempWard temp;
        seed(temp.ward());
        const QString path = temp.filePath(QStringLiteral("big.csv"));
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(manyRows(40000));
        }
        QVERIFY(QFileInfo(path).size() > 3 * 1024 * 1024 / 2);
        CsvImporter::Options options;
        bool truncated = false;
        options.progress = [&](qint64, qint64) {
            // The file is cut (another program, a sync client) after the first chunk was read.
            if (!truncated)
                truncated = QFile::resize(path, 1024 * 1024 + 10);
            return true;
        };
        auto report = CsvImporter(temp.ward()).importFile(path, options);
        QVERIFY(truncated);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, Error::Kind::Io);
        QCOMPARE(residents(temp.ward()), qint64(1));
        QCOMPARE(households(temp.ward()), qint64(1));
    }

    void fileRemovedDuringImportIsReadToTheEnd()
    {
        // On Linux an open file stays readable after it is removed: the import completes with
        // every row, which is the honest outcome (the data was there when the import began).
        test::TempWard temp;
        const QString path = temp.filePath(QStringLiteral("gone.csv"));
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(manyRows(5000));
        }
        CsvImporter::Options options;
        options.progress = [&](qint64, qint64) {
            QFile::remove(path);
            return true;
        };
        auto report = CsvImporter(temp.ward()).importFile(path, options);
        QVERIFY(report.ok());
        QVERIFY(!QFile::exists(path));
        QCOMPARE(report->imported, qint64(5000));
    }

    void cancelLeavesWardUnchanged()
    {
        test::TempWard temp;
        seed(temp.ward());
        const QByteArray data = manyRows(20000);
        QBuffer buffer;
        buffer.setData(data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvImporter::Options options;
        int calls = 0;
        qint64 lastDone = -1;
        bool monotonic = true;
        qint64 seenTotal = 0;
        options.progress = [&](qint64 done, qint64 total) {
            seenTotal = total;
            monotonic = monotonic && done >= lastDone;
            lastDone = done;
            return ++calls < 5;
        };
        auto report = CsvImporter(temp.ward()).importDevice(buffer, options);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, Error::Kind::Cancelled);
        QVERIFY(monotonic);
        QCOMPARE(seenTotal, qint64(data.size()));
        QCOMPARE(calls, 5);
        QCOMPARE(residents(temp.ward()), qint64(1));
        QCOMPARE(households(temp.ward()), qint64(1));
    }

    void progressReachesTheEnd()
    {
        test::TempWard temp;
        const QByteArray data = manyRows(3000);
        QBuffer buffer;
        buffer.setData(data);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        CsvImporter::Options options;
        qint64 last = 0;
        options.progress = [&](qint64 done, qint64) {
            last = done;
            return true;
        };
        auto report = CsvImporter(temp.ward()).importDevice(buffer, options);
        QVERIFY(report.ok());
        QCOMPARE(last, qint64(data.size()));
        QCOMPARE(report->imported, qint64(3000));
        QCOMPARE(report->householdsCreated, qint64(1000));
    }

    void bulkLoadGivesTheSameWardAsRowByRow()
    {
        test::TempWard rowByRow;
        test::TempWard bulk;
        seed(rowByRow.ward());
        seed(bulk.ward());
        const QString path = bulk.filePath(QStringLiteral("rows.csv"));
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(manyRows(3000));
        }
        const QStringList schemaBefore = schema(bulk.ward());
        CsvImporter::Options options;
        options.bulkThresholdBytes = -1;
        auto slow = CsvImporter(rowByRow.ward()).importFile(path, options);
        options.bulkThresholdBytes = 0;
        auto fast = CsvImporter(bulk.ward()).importFile(path, options);
        QVERIFY(slow.ok() && fast.ok());
        QVERIFY(!slow->bulkLoaded);
        QVERIFY(fast->bulkLoaded);
        QCOMPARE(fast->imported, slow->imported);
        QCOMPARE(fast->householdsCreated, slow->householdsCreated);

        QCOMPARE(schema(bulk.ward()), schemaBefore);
        QCOMPARE(schema(bulk.ward()), schema(rowByRow.ward()));
        QCOMPARE(searchRows(bulk.ward()), qint64(3001));
        QCOMPARE(bulk.ward().connection().queryText(u"PRAGMA integrity_check").valueOr(QString()), u"ok"_qs);
        // The seeded record and the imported ones are found, as after a row-by-row import.
        for (const QString& query : {u"ha van cu"_qs, u"Nguyễn Văn 2999"_qs, u"nguyen van 17"_qs}) {
            auto a = ResidentSearch(rowByRow.ward()).search(query, 100);
            auto b = ResidentSearch(bulk.ward()).search(query, 100);
            QVERIFY(a.ok() && b.ok());
            QVERIFY2(!b->isEmpty(), qPrintable(query));
            QCOMPARE(b->size(), a->size());
        }
        // New rows are indexed as usual after the bulk load.
        WardStore store(bulk.ward());
        Resident later;
        later.fullName = QStringLiteral("Lý Thị Sau");
        QVERIFY(store.insertResident(later).ok());
        QCOMPARE(ResidentSearch(bulk.ward()).search(u"ly thi sau"_qs)->size(), 1);
    }

    // In a ward without source references, a bulk load rebuilds that index at the end like the
    // others; in one that has them it keeps the index, and finds every reference already there.
    void bulkLoadsFindReferencesAlreadyInTheWard()
    {
        test::TempWard temp;
        const QStringList schemaBefore = schema(temp.ward());
        const QString path = temp.filePath(QStringLiteral("rows.csv"));
        const QString morePath = temp.filePath(QStringLiteral("more.csv"));
        for (const auto& [file, rows] : {std::pair(path, 300), std::pair(morePath, 3000)}) {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(manyRows(rows));
        }
        CsvImporter::Options options;
        options.bulkThresholdBytes = 0;
        auto first = CsvImporter(temp.ward()).importFile(path, options);
        QVERIFY(first.ok());
        QVERIFY(first->bulkLoaded);
        QCOMPARE(first->imported, qint64(300));
        QCOMPARE(schema(temp.ward()), schemaBefore);
        auto plan = temp.ward().connection().prepare(
            u"EXPLAIN QUERY PLAN SELECT id FROM residents WHERE source_ref = 'M-7' AND deleted_at IS NULL");
        QVERIFY(plan.ok());
        QVERIFY(plan->step().valueOr(false));
        QVERIFY2(plan->text(3).contains(u"residents_source_ref"), qPrintable(plan->text(3)));
        plan->reset();

        // A file that brings many more rows than the ward holds is bulk loaded too.
        auto again = CsvImporter(temp.ward()).importFile(morePath, options);
        QVERIFY(again.ok());
        QVERIFY(again->bulkLoaded);
        QCOMPARE(again->imported, qint64(2700));
        QCOMPARE(again->rejected.size(), 300);
        QVERIFY2(again->rejected.last().reason.contains(u"M-299"), qPrintable(again->rejected.last().reason));
        QCOMPARE(residents(temp.ward()), qint64(3000));
        QCOMPARE(schema(temp.ward()), schemaBefore);
    }

    void bulkLoadFailureRestoresSchema()
    {
        test::TempWard temp;
        seed(temp.ward());
        const QStringList before = schema(temp.ward());
        const QString path = temp.filePath(QStringLiteral("big.csv"));
        {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(manyRows(40000));
        }
        CsvImporter::Options options;
        options.bulkThresholdBytes = 0;
        options.progress = [&](qint64, qint64) {
            (void)QFile::resize(path, 1024 * 1024 + 10);
            return true;
        };
        auto report = CsvImporter(temp.ward()).importFile(path, options);
        QVERIFY(!report.ok());
        QCOMPARE(schema(temp.ward()), before);
        QCOMPARE(residents(temp.ward()), qint64(1));
        QCOMPARE(searchRows(temp.ward()), qint64(1));
    }
};

QTEST_GUILESS_MAIN(TestCsvImporter)
#include "TestCsvImporter.moc"
