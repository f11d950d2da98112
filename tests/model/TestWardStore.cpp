#include "Clock.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "Uuid7.h"
#include "WardStore.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {
Resident sampleResident()
{
    Resident r;
    r.sourceRef = QStringLiteral("SRC-1");
    r.fullName = QStringLiteral("Nguyễn Văn Hùng");
    r.otherNames = QStringLiteral("Tí");
    r.personalId = QStringLiteral("001085012345");
    r.oldId = QStringLiteral("012345678");
    r.birthDate = PartialDate::fromParts(1985, 6, 15, QStringLiteral("15/06/1985"));
    r.sex = Sex::Male;
    r.birthPlace = QStringLiteral("Hà Nội");
    r.birthRegistrationPlace = QStringLiteral("Phường Ba Đình, Thành phố Hà Nội");
    r.hometown = QStringLiteral("Nam Định");
    r.ethnicity = QStringLiteral("Kinh");
    r.religion = QStringLiteral("Không");
    r.nationality = QStringLiteral("Việt Nam");
    r.maritalStatus = QStringLiteral("Đã kết hôn");
    r.phone = QStringLiteral("0912345678");
    r.email = QStringLiteral("hung@example.vn");
    r.village = QStringLiteral("Tổ dân phố 3");
    r.permanentAddress = Address{QStringLiteral("00004"), unitScheme2025, QStringLiteral("Tổ dân phố 3"),
                                 QStringLiteral("12 Phố Đội Cấn")};
    r.currentAddress = r.permanentAddress;
    r.fatherName = QStringLiteral("Nguyễn Văn Nam");
    r.motherName = QStringLiteral("Trần Thị Lan");
    r.spouseName = QStringLiteral("Lê Thị Hoa");
    r.spouseId = QStringLiteral("001187054321");
    return r;
}
} // namespace

class TestWardStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { Clock::setSource({}); }

    void insertAssignsIdAndAttribution()
    {
        test::TempWard temp;
        temp.ward().setOfficer(QStringLiteral("officer-7"));
        Clock::setSource([] { return qint64(1'763'000'000'000); });
        WardStore store(temp.ward());
        Resident r = sampleResident();
        QVERIFY(store.insertResident(r).ok());
        QVERIFY(Uuid7::isValid(r.id));
        QCOMPARE(r.createdAt, qint64(1'763'000'000'000));
        QCOMPARE(r.createdBy, QStringLiteral("officer-7"));
    }

    void roundTripsEveryField()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Household h;
        h.number = QStringLiteral("HK-001");
        h.village = QStringLiteral("Tổ dân phố 3");
        QVERIFY(store.insertHousehold(h).ok());
        Resident r = sampleResident();
        r.householdId = h.id;
        r.relationToHead = QStringLiteral("Chủ hộ");
        r.status = ResidentStatus::Deceased;
        r.deathDate = PartialDate::fromParts(2020, std::nullopt, std::nullopt, QStringLiteral("2020"));
        r.temporaryAddress
            = Address{QStringLiteral("10001"), unitSchemeLegacy, QString(), QStringLiteral("Xóm 2")};
        r.importRaw = QStringLiteral("{\"a\":1}");
        QVERIFY(store.insertResident(r).ok());

        auto back = store.resident(r.id);
        QVERIFY(back.ok());
        const Resident& b = back.value();
        QCOMPARE(b.fullName, r.fullName);
        QCOMPARE(b.otherNames, r.otherNames);
        QCOMPARE(b.personalId, r.personalId);
        QCOMPARE(b.oldId, r.oldId);
        QCOMPARE(b.birthDate, r.birthDate);
        QCOMPARE(b.birthDate.raw(), QStringLiteral("15/06/1985"));
        QCOMPARE(b.sex, Sex::Male);
        QCOMPARE(b.birthRegistrationPlace, r.birthRegistrationPlace);
        QCOMPARE(b.hometown, r.hometown);
        QCOMPARE(b.ethnicity, r.ethnicity);
        QCOMPARE(b.religion, r.religion);
        QCOMPARE(b.nationality, r.nationality);
        QCOMPARE(b.maritalStatus, r.maritalStatus);
        QCOMPARE(b.phone, r.phone);
        QCOMPARE(b.email, r.email);
        QCOMPARE(b.village, r.village);
        QCOMPARE(b.permanentAddress, r.permanentAddress);
        QCOMPARE(b.temporaryAddress, r.temporaryAddress);
        QCOMPARE(b.currentAddress, r.currentAddress);
        QCOMPARE(b.fatherName, r.fatherName);
        QCOMPARE(b.motherName, r.motherName);
        QCOMPARE(b.spouseName, r.spouseName);
        QCOMPARE(b.spouseId, r.spouseId);
        QCOMPARE(b.status, ResidentStatus::Deceased);
        QCOMPARE(b.deathDate.year(), std::optional<int>(2020));
        QCOMPARE(b.deathDate.precision(), PartialDate::Precision::Year);
        QCOMPARE(b.householdId, h.id);
        QCOMPARE(b.relationToHead, QStringLiteral("Chủ hộ"));
        QCOMPARE(b.importRaw, r.importRaw);
        QCOMPARE(b.deletedAt, 0);

        auto members = store.householdMembers(h.id);
        QVERIFY(members.ok());
        QCOMPARE(members->size(), 1);
        QCOMPARE(members->first().id, r.id);
    }

    void yearOnlyDateStaysYearOnly()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r = sampleResident();
        r.birthDate = PartialDate::parse(u"00/00/1950");
        QVERIFY(store.insertResident(r).ok());
        const Resident b = store.resident(r.id).value();
        QCOMPARE(b.birthDate.precision(), PartialDate::Precision::Year);
        QCOMPARE(b.birthDate.year(), std::optional<int>(1950));
        QCOMPARE(b.birthDate.month(), std::nullopt);
        QCOMPARE(b.birthDate.day(), std::nullopt);
    }

    void updateStampsAndSoftDeleteHides()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r = sampleResident();
        Clock::setSource([] { return qint64(1000); });
        QVERIFY(store.insertResident(r).ok());
        temp.ward().setOfficer(QStringLiteral("chief"));
        Clock::setSource([] { return qint64(2000); });
        r.fullName = QStringLiteral("Nguyễn Văn Hưng");
        QVERIFY(store.updateResident(r).ok());
        const Resident b = store.resident(r.id).value();
        QCOMPARE(b.fullName, QStringLiteral("Nguyễn Văn Hưng"));
        QCOMPARE(b.createdAt, qint64(1000));
        QCOMPARE(b.updatedAt, qint64(2000));
        QCOMPARE(b.updatedBy, QStringLiteral("chief"));

        QCOMPARE(store.countResidents().value(), 1);
        QVERIFY(store.softDeleteResident(r.id).ok());
        QCOMPARE(store.countResidents().value(), 0);
        // Soft deletion keeps the record.
        QVERIFY(store.resident(r.id).value().deletedAt > 0);
    }

    void recordWithNothingSearchableIsStored()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r; // an import row with nothing but a sex: kept, so that cleaning can flag it
        r.sex = Sex::Female;
        QVERIFY(store.insertResident(r).ok());
        QCOMPARE(store.countResidents().value(), 1);
        QVERIFY(store.resident(r.id).value().fullName.isEmpty());
    }

    void updateOfMissingRecordIsNotFound()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r = sampleResident();
        r.id = Uuid7::generate();
        const Status status = store.updateResident(r);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, Error::Kind::NotFound);
    }

    void findsBySourceRefOrId()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident r = sampleResident();
        QVERIFY(store.insertResident(r).ok());
        QCOMPARE(store.findResident(QStringLiteral("SRC-1")).value()->id, r.id);
        QCOMPARE(store.findResident(r.id).value()->sourceRef, QStringLiteral("SRC-1"));
        QVERIFY(!store.findResident(QStringLiteral("nope")).value().has_value());
    }

    void countsHouseholdsAndIgnoresMergedResidents()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Household h;
        h.number = QStringLiteral("1");
        QVERIFY(store.insertHousehold(h).ok());
        Resident a = sampleResident();
        Resident b = sampleResident();
        b.sourceRef = QStringLiteral("SRC-2");
        QVERIFY(store.insertResident(a).ok());
        b.mergedInto = a.id;
        QVERIFY(store.insertResident(b).ok());
        QCOMPARE(store.countHouseholds().value(), 1);
        QCOMPARE(store.countResidents().value(), 1);
        QCOMPARE(store.householdByNumber(QStringLiteral("1")).value()->id, h.id);
    }

    void bulkInsertInOneTransactionIsAtomic()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        {
            SqlTransaction tx(temp.ward().connection());
            for (int i = 0; i < 100; ++i) {
                Resident r = sampleResident();
                r.sourceRef = QString::number(i);
                QVERIFY(store.insertResident(r).ok());
            }
            // no commit: rolled back
        }
        QCOMPARE(store.countResidents().value(), 0);
    }

    void reopeningKeepsDataAndDeviceId()
    {
        test::TempWard temp;
        QString deviceId;
        {
            WardStore store(temp.ward());
            Resident r = sampleResident();
            QVERIFY(store.insertResident(r).ok());
            deviceId = temp.ward().deviceId();
            QVERIFY(Uuid7::isValid(deviceId));
            temp.close();
        }
        WardStore store(temp.ward());
        QCOMPARE(store.countResidents().value(), 1);
        QCOMPARE(temp.ward().deviceId(), deviceId);
        QCOMPARE(temp.ward().connection().queryText(u"PRAGMA journal_mode").value(), QStringLiteral("wal"));
        QCOMPARE(temp.ward().connection().queryInt(u"PRAGMA foreign_keys").value(), 1);
    }

    void openWithoutCreateRefusesMissingFile()
    {
        test::TempWard temp;
        WardDatabase::Options options;
        options.create = false;
        auto ward = WardDatabase::open(temp.filePath(QStringLiteral("missing.db")), options);
        QVERIFY(!ward.ok());
        QCOMPARE(ward.error().kind, Error::Kind::NotFound);
    }
};

QTEST_GUILESS_MAIN(TestWardStore)
#include "TestWardStore.moc"
