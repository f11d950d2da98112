#include "AdminUnits.h"
#include "EthnicGroups.h"
#include "HouseholdRelations.h"
#include "Religions.h"

#include <QSet>
#include <QtConcurrent/QtConcurrentRun>
#include <QTest>

using namespace wardroll::model;

class TestCatalogues : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void adminUnitCounts()
    {
        const AdminUnits& units = AdminUnits::instance();
        QCOMPARE(units.provinces().size(), 34);
        QCOMPARE(units.communes().size(), 3321);
        QCOMPARE(units.legacyWards().size(), 10035);
        QCOMPARE(units.birthRegistrationCodes().size(), 63);
        QSet<QString> codes;
        for (const auto& unit : units.communes())
            codes.insert(unit.code);
        QCOMPARE(codes.size(), 3321);
    }

    void unitByCodeDependsOnScheme()
    {
        const AdminUnits& units = AdminUnits::instance();
        const auto* now = units.unit(u"00004", unitScheme2025);
        const auto* before = units.unit(u"00004", unitSchemeLegacy);
        QVERIFY(now && before);
        QCOMPARE(now->name, QStringLiteral("Phường Ba Đình"));
        QCOMPARE(now->provinceName, QStringLiteral("Thành phố Hà Nội"));
        QCOMPARE(before->name, QStringLiteral("Phường Trúc Bạch"));
        QCOMPARE(before->districtName, QStringLiteral("Quận Ba Đình"));
        QCOMPARE(before->fullName(), QStringLiteral("Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội"));
        QCOMPARE(units.unit(u"00001", unitScheme2025), nullptr); // Phúc Xá was merged
        QVERIFY(units.unit(u"00001", unitSchemeLegacy));
        QCOMPARE(units.unit(u"00004", u"1990"), nullptr);
        QCOMPARE(units.province(u"91")->name, QStringLiteral("Tỉnh An Giang"));
        QCOMPARE(units.province(u"89"), nullptr);
    }

    void findByNameIgnoresMarksAndType()
    {
        const AdminUnits& units = AdminUnits::instance();
        const auto found = units.findByName(u"ba dinh", unitScheme2025, u"01");
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.first()->code, QStringLiteral("00004"));
        // Several communes share a name across provinces; the Hà Nội one is among them.
        const auto everywhere = units.findByName(u"ba dinh");
        QVERIFY(everywhere.size() > 1);
        QVERIFY(everywhere.contains(found.first()));
        // With its type the name is exact: the only Phường Ba Đình.
        QCOMPARE(units.findByName(u"PHƯỜNG BA ĐÌNH"), QList<const AdminUnits::Unit*>{found.first()});
        // The catalogue writes "Hoà" (new style); an old-style query still finds it.
        QVERIFY(!units.findByName(u"Phường Yên Hòa", unitScheme2025, u"01").isEmpty());
        QVERIFY(units.findByName(u"Nowhere at all").isEmpty());
        const auto legacy = units.findByName(u"Phúc Xá", unitSchemeLegacy);
        QCOMPARE(legacy.size(), 1);
        QCOMPARE(legacy.first()->code, QStringLiteral("00001"));
    }

    void legacyMapping()
    {
        const AdminUnits& units = AdminUnits::instance();
        // Phúc Xá (Ba Đình) was merged into Phường Hồng Hà.
        QVERIFY(units.isAbolished(u"00001"));
        QVERIFY(!units.isDividedWard(u"00001"));
        const auto merged = units.newUnitsFor(u"00001");
        QCOMPARE(merged.size(), 1);
        QCOMPARE(merged.first().code, QStringLiteral("00097"));
        QCOMPARE(merged.first().name, QStringLiteral("Phường Hồng Hà"));
        // Cống Vị (00007) was split between Giảng Võ, Ngọc Hà, ...: every candidate is returned.
        QVERIFY(units.isDividedWard(u"00007"));
        const auto divided = units.newUnitsFor(u"00007");
        QVERIFY(divided.size() >= 2);
        QStringList codes;
        for (const auto& unit : divided)
            codes << unit.code;
        QVERIFY(codes.contains(QStringLiteral("00025")));
        QVERIFY(codes.contains(QStringLiteral("00008")));
        // Xã Ngọc Long kept its name and code: not abolished.
        QVERIFY(!units.isAbolished(u"00859"));
        QCOMPARE(units.newUnitsFor(u"00859").first().code, QStringLiteral("00859"));
        QVERIFY(units.newUnitsFor(u"99999").isEmpty());
        QVERIFY(units.legacyCodesOf(u"00097").contains(QStringLiteral("00001")));
        // The mapping's 06970 (Xã Ba Chẽ) is 06978 in the 2026 catalogue.
        const QStringList baChe = units.legacyCodesOf(u"06978");
        QVERIFY(!baChe.isEmpty());
        for (const QString& legacyCode : baChe) {
            QStringList successors;
            for (const auto& unit : units.newUnitsFor(legacyCode)) {
                QVERIFY(units.unit(unit.code, unitScheme2025));
                successors << unit.code;
            }
            QVERIFY(successors.contains(QStringLiteral("06978")));
            QVERIFY(!successors.contains(QStringLiteral("06970")));
        }

        int dividedCount = 0;
        for (const auto& ward : units.legacyWards())
            dividedCount += units.isDividedWard(ward.code) ? 1 : 0;
        QCOMPARE(dividedCount, 471);
    }

    void birthRegistrationCodes()
    {
        const AdminUnits& units = AdminUnits::instance();
        const auto* code = units.birthRegistrationCode(u"091");
        QVERIFY(code);
        QCOMPARE(code->oldProvince, QStringLiteral("Kiên Giang"));
        QCOMPARE(code->provinceCode, QStringLiteral("91"));
        QCOMPARE(units.birthRegistrationCode(u"089")->provinceCode, QStringLiteral("91"));
        QCOMPARE(units.birthRegistrationCode(u"003"), nullptr);
        for (const auto& c : units.birthRegistrationCodes())
            QVERIFY2(units.province(c.provinceCode), qPrintable(c.prefix));
    }

    void ethnicGroups()
    {
        const EthnicGroups& groups = EthnicGroups::instance();
        QCOMPARE(groups.groups().size(), 54);
        QCOMPARE(groups.canonicalName(u"Khmer"), QStringLiteral("Khơ-me"));
        QCOMPARE(groups.canonicalName(u"khơ me"), QStringLiteral("Khơ-me"));
        QCOMPARE(groups.canonicalName(u"Mèo"), QStringLiteral("HMông"));
        QCOMPARE(groups.canonicalName(u"H'Mông"), QStringLiteral("HMông"));
        QCOMPARE(groups.canonicalName(u"Mông"), QStringLiteral("HMông"));
        QCOMPARE(groups.canonicalName(u"K'Ho"), QStringLiteral("Cơ-ho"));
        QCOMPARE(groups.canonicalName(u"Việt"), QStringLiteral("Kinh"));
        QCOMPARE(groups.canonicalName(u"người Kinh"), QStringLiteral("Kinh"));
        QCOMPARE(groups.canonicalName(u"KINH"), QStringLiteral("Kinh"));
        QCOMPARE(groups.canonicalName(u"Martian"), QString());
        QCOMPARE(groups.canonicalName(u"Không rõ"), QString());
        // 04 means Hoa in 1979 and Mường in 2008.
        QCOMPARE(groups.byCode(u"04", EthnicGroups::Catalogue::Decision121of1979)->name,
                 QStringLiteral("Hoa"));
        QCOMPARE(groups.byCode(u"04", EthnicGroups::Catalogue::Decision1019of2008)->name,
                 QStringLiteral("Mường"));
        QCOMPARE(groups.byCode(u"54", EthnicGroups::Catalogue::Decision1019of2008), nullptr);
        // Every name and variant resolves to its own group.
        for (const auto& group : groups.groups()) {
            QCOMPARE(groups.canonicalName(group.name), group.name);
            for (const QString& variant : group.variants)
                QCOMPARE(groups.canonicalName(variant), group.name);
        }
    }

    void religions()
    {
        const Religions& religions = Religions::instance();
        QCOMPARE(religions.religions().size(), 17);
        int recognised = 0;
        for (const auto& religion : religions.religions())
            recognised += religion.recognised ? 1 : 0;
        QCOMPARE(recognised, 16);
        QCOMPARE(religions.canonicalName(u"Thiên Chúa giáo"), QStringLiteral("Công giáo"));
        QCOMPARE(religions.canonicalName(u"cong giao"), QStringLiteral("Công giáo"));
        QCOMPARE(religions.canonicalName(u"Lương"), QStringLiteral("Không"));
        QCOMPARE(religions.canonicalName(u"không theo tôn giáo"), Religions::none());
        QCOMPARE(religions.canonicalName(u"Minh Lý đạo - Tam Tông Miếu"), QStringLiteral("Minh Lý đạo"));
        QCOMPARE(religions.canonicalName(u"Phật giáo Hoà Hảo"), QStringLiteral("Phật giáo Hòa Hảo"));
        QCOMPARE(religions.find(u"Không")->code, QStringLiteral("00"));
        QCOMPARE(religions.canonicalName(u"Jedi"), QString());
        for (const auto& religion : religions.religions())
            QCOMPARE(religions.canonicalName(religion.name), religion.name);
    }

    void householdRelations()
    {
        const HouseholdRelations& relations = HouseholdRelations::instance();
        QCOMPARE(relations.relations().size(), 42);
        for (const auto& relation : relations.relations())
            QCOMPARE(relations.find(relation.value)->value, relation.value);
        const auto* wife = relations.find(u"vo");
        QVERIFY(wife);
        QCOMPARE(wife->value, QStringLiteral("Vợ"));
        QCOMPARE(wife->expectedSex, Sex::Female);
        QCOMPARE(wife->group, HouseholdRelations::Group::Spouse);
        QCOMPARE(*wife->generationOffset, 0);
        const auto* head = relations.find(u"CHỦ HỘ");
        QVERIFY(head);
        QCOMPARE(head->value, HouseholdRelations::headValue());
        QCOMPARE(head->group, HouseholdRelations::Group::Head);
        QCOMPARE(relations.find(u"Bố")->value, QStringLiteral("Cha đẻ (Bố)"));
        QCOMPARE(relations.find(u"Bố")->expectedSex, Sex::Male);
        QCOMPARE(*relations.find(u"Cháu nội")->generationOffset, -2);
        QCOMPARE(relations.find(u"Bố chồng")->group, HouseholdRelations::Group::ParentInLaw);
        QCOMPARE(relations.find(u"Con")->value, QStringLiteral("Con đẻ"));
        QCOMPARE(relations.find(u"Con dâu")->expectedSex, Sex::Female);
        QVERIFY(!relations.find(u"Người giám hộ")->generationOffset);
        QCOMPARE(relations.find(u""), nullptr);
        QCOMPARE(relations.find(u"Hàng xóm"), nullptr);
    }

    void loadsOnceFromSeveralThreads()
    {
        // The first use may come from any thread; every caller sees the same instance.
        auto a = QtConcurrent::run([] { return &HouseholdRelations::instance(); });
        auto b = QtConcurrent::run([] { return &HouseholdRelations::instance(); });
        QCOMPARE(a.result(), b.result());
        QCOMPARE(a.result(), &HouseholdRelations::instance());
    }
};

QTEST_GUILESS_MAIN(TestCatalogues)
#include "TestCatalogues.moc"
