#include "HouseholdRules.h"
#include "RecordRules.h"

#include <functional>
#include <QTest>

using namespace wardroll::model;

namespace {

const QDate today(2026, 7, 1);

RuleContext context()
{
    RuleContext c;
    c.today = today;
    return c;
}

Resident person(int n, const QString& name, Sex sex, const QString& birth, const QString& id,
                const QString& relation)
{
    Resident r;
    r.id = QStringLiteral("0190a000-0000-7000-8000-%1").arg(n, 12, 10, QLatin1Char('0'));
    r.sourceRef = QStringLiteral("R-%1").arg(n);
    r.householdId = QStringLiteral("hh-1");
    r.relationToHead = relation;
    r.fullName = name;
    r.sex = sex;
    r.birthDate = PartialDate::parse(birth);
    r.personalId = id;
    r.birthPlace = QStringLiteral("Tỉnh Nam Định");
    r.birthRegistrationPlace = QStringLiteral("Xã Giao Thủy, Huyện Giao Thủy, Tỉnh Nam Định");
    r.hometown = QStringLiteral("Xã Giao Thủy, Huyện Giao Thủy, Tỉnh Nam Định");
    r.ethnicity = QStringLiteral("Kinh");
    r.religion = QStringLiteral("Công giáo");
    r.nationality = QStringLiteral("Việt Nam");
    r.village = QStringLiteral("Xóm 4");
    r.permanentAddress = Address{QStringLiteral("13927"), unitScheme2025, QStringLiteral("Xóm 4"), QString()};
    r.currentAddress = r.permanentAddress;
    return r;
}

Household household()
{
    Household h;
    h.id = QStringLiteral("hh-1");
    h.number = QStringLiteral("HK-00042");
    h.address = Address{QStringLiteral("13927"), unitScheme2025, QStringLiteral("Xóm 4"), QString()};
    h.village = QStringLiteral("Xóm 4");
    return h;
}

// Three generations, all consistent: the head, his wife, two children, his widowed mother
// (year-only date of birth) and his late father, still linked to the household.
QList<Resident> family()
{
    QList<Resident> members{
        person(1, QStringLiteral("Trần Văn Hùng"), Sex::Male, QStringLiteral("12/03/1980"),
               QStringLiteral("036080001234"), QStringLiteral("Chủ hộ")),
        person(2, QStringLiteral("Phạm Thị Hoà"), Sex::Female, QStringLiteral("04/11/1983"),
               QStringLiteral("036183004321"), QStringLiteral("Vợ")),
        person(3, QStringLiteral("Trần Minh Khoa"), Sex::Male, QStringLiteral("20/08/2008"),
               QStringLiteral("036208005555"), QStringLiteral("Con đẻ")),
        person(4, QStringLiteral("Trần Thị Thuỷ"), Sex::Female, QStringLiteral("01/02/2015"),
               QStringLiteral("036315006666"), QStringLiteral("Con đẻ")),
        person(5, QStringLiteral("Nguyễn Thị Lan"), Sex::Female, QStringLiteral("1955"),
               QStringLiteral("036155007777"), QStringLiteral("Mẹ đẻ")),
        person(6, QStringLiteral("Trần Văn Tư"), Sex::Male, QStringLiteral("1950"),
               QStringLiteral("036050008888"), QStringLiteral("Cha đẻ (Bố)")),
    };
    members[5].status = ResidentStatus::Deceased;
    members[5].deathDate = PartialDate::parse(u"15/10/2020");
    return members;
}

QList<Finding> withRule(const QList<Finding>& findings, const QString& rule)
{
    QList<Finding> out;
    for (const Finding& f : findings)
        if (f.rule == rule)
            out << f;
    return out;
}

struct Case
{
    const char* name;
    std::function<void(QList<Resident>&)> spoil;
    QString rule;
    int member; // index of the member at fault after spoil; -1: the household
    QStringList mentions;
};

const QList<Case>& cases()
{
    static const QList<Case> all = {
        {"no head",
         [](QList<Resident>& m) { m.removeFirst(); },
         QStringLiteral("household.no_head"),
         -1,
         {QStringLiteral("HK-00042"), QStringLiteral("Chủ hộ")}},
        {"two heads",
         [](QList<Resident>& m) { m[1].relationToHead = QStringLiteral("Chủ hộ"); },
         QStringLiteral("household.many_heads"),
         -1,
         {QStringLiteral("HK-00042"), QStringLiteral("Trần Văn Hùng"), QStringLiteral("Phạm Thị Hoà")}},
        {"two wives",
         [](QList<Resident>& m) {
             m << person(7, QStringLiteral("Lê Thị Mai"), Sex::Female, QStringLiteral("1985"),
                         QStringLiteral("036185009999"), QStringLiteral("Vợ"));
         },
         QStringLiteral("household.spouse_count"),
         -1,
         {QStringLiteral("Lê Thị Mai"), QStringLiteral("Phạm Thị Hoà")}},
        {"male wife",
         [](QList<Resident>& m) {
             m[1].sex = Sex::Male;
             m[1].personalId = QStringLiteral("036083004321");
         },
         QStringLiteral("household.relation_sex"),
         1,
         {QStringLiteral("Vợ"), QStringLiteral("male")}},
        {"female son-in-law",
         [](QList<Resident>& m) {
             m << person(7, QStringLiteral("Đỗ Thị Hương"), Sex::Female, QStringLiteral("2004"),
                         QStringLiteral("036304001111"), QStringLiteral("Con rể"));
         },
         QStringLiteral("household.relation_sex"),
         6,
         {QStringLiteral("Con rể"), QStringLiteral("female")}},
        {"child older than head",
         [](QList<Resident>& m) {
             m[2].birthDate = PartialDate::parse(u"1975");
             m[2].personalId = QStringLiteral("036075005555");
         },
         QStringLiteral("household.relation_age"),
         2,
         {QStringLiteral("Con đẻ"), QStringLiteral("1975"), QStringLiteral("1980"), QStringLiteral("12")}},
        {"mother 8 years older",
         [](QList<Resident>& m) {
             m[4].birthDate = PartialDate::parse(u"1972");
             m[4].personalId = QStringLiteral("036172007777");
         },
         QStringLiteral("household.relation_age"),
         4,
         {QStringLiteral("Mẹ đẻ"), QStringLiteral("1972")}},
        {"grandchild 20 years younger",
         [](QList<Resident>& m) {
             m << person(7, QStringLiteral("Trần Văn Bảo"), Sex::Male, QStringLiteral("2000"),
                         QStringLiteral("036200001111"), QStringLiteral("Cháu nội"));
         },
         QStringLiteral("household.relation_age"),
         6,
         {QStringLiteral("24")}},
        {"wife of 16",
         [](QList<Resident>& m) {
             m[1].birthDate = PartialDate::parse(u"03/03/2010");
             m[1].personalId = QStringLiteral("036310004321");
             m.remove(2, 2); // no children older than their mother
         },
         QStringLiteral("household.marriage_age"),
         1,
         {QStringLiteral("16"), QStringLiteral("18")}},
    };
    return all;
}

} // namespace

class TestHouseholdRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A realistic correct household raises no error or warning, neither from the household
    // rules nor from its members' record rules.
    void cleanHouseholdRaisesNothing()
    {
        const QList<Resident> members = family();
        QList<Finding> findings = HouseholdRules::check(household(), members, context());
        for (const Resident& r : members)
            findings << RecordRules::check(r, context());
        for (const Finding& f : std::as_const(findings))
            qWarning() << f.rule << f.message;
        QVERIFY(findings.isEmpty());
    }

    void eachRuleFires_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < cases().size(); ++i)
            QTest::addRow("%s", cases()[i].name) << i;
    }

    void eachRuleFires()
    {
        QFETCH(int, index);
        const Case& c = cases()[index];
        QList<Resident> members = family();
        c.spoil(members);
        const QList<Finding> found = withRule(HouseholdRules::check(household(), members, context()), c.rule);
        QCOMPARE(found.size(), 1);
        const Finding& f = found.first();
        QCOMPARE(f.householdId, QStringLiteral("hh-1"));
        QCOMPARE(f.residentId, c.member < 0 ? QString() : members[c.member].id);
        QCOMPARE(f.subject(), c.member < 0 ? QStringLiteral("hh-1") : members[c.member].id);
        QVERIFY(f.fields.contains(QStringLiteral("relation_to_head")));
        QVERIFY(!f.fingerprint.isEmpty());
        for (const QString& word : c.mentions)
            QVERIFY2(f.message.contains(word), qPrintable(word + QStringLiteral(" in: ") + f.message));
    }

    void underageHeadWithASpouse()
    {
        QList<Resident> members{
            person(1, QStringLiteral("Trần Văn Hùng"), Sex::Male, QStringLiteral("05/05/2007"),
                   QStringLiteral("036207001234"), QStringLiteral("Chủ hộ")),
            person(2, QStringLiteral("Phạm Thị Hoà"), Sex::Female, QStringLiteral("04/11/2006"),
                   QStringLiteral("036306004321"), QStringLiteral("Vợ")),
        };
        QList<Finding> found = withRule(HouseholdRules::check(household(), members, context()),
                                        QStringLiteral("household.marriage_age"));
        QCOMPARE(found.size(), 1); // the husband is 19, the wife 19
        QCOMPARE(found.first().residentId, members[0].id);
        QVERIFY(found.first().message.contains(QStringLiteral("20")));
        // Alone, the same young head is not married.
        members.removeLast();
        QVERIFY(HouseholdRules::check(household(), members, context()).isEmpty());
    }

    void unknownValuesNeverRaise()
    {
        QList<Resident> members = family();
        members[1].sex = Sex::Unknown; // "Vợ" without a sex
        members[2].birthDate = PartialDate::parse(u"không rõ"); // unreadable
        members[3].relationToHead = QStringLiteral("Bạn cùng phòng"); // not in the catalogue
        QVERIFY(HouseholdRules::check(household(), members, context()).isEmpty());
    }

    void relationsAreReadLoosely()
    {
        QList<Resident> members = family();
        members[0].relationToHead = QStringLiteral("CHỦ HỘ");
        members[4].relationToHead = QStringLiteral("me de");
        QVERIFY(HouseholdRules::check(household(), members, context()).isEmpty());
    }

    void householdFingerprintFollowsMembership()
    {
        QList<Resident> members = family();
        members.removeFirst();
        const QString before = HouseholdRules::check(household(), members, context()).first().fingerprint;
        members[1].phone = QStringLiteral("0912345678");
        QCOMPARE(HouseholdRules::check(household(), members, context()).first().fingerprint, before);
        members.removeLast();
        QVERIFY(HouseholdRules::check(household(), members, context()).first().fingerprint != before);
    }
};

QTEST_GUILESS_MAIN(TestHouseholdRules)
#include "TestHouseholdRules.moc"
