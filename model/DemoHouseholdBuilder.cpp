#include "DemoHouseholdBuilder.h"

#include "DemoIdIssuer.h"
#include "DemoNamePicker.h"
#include "DemoRandom.h"
#include "DemoTruth.h"
#include "DemoWardProfile.h"
#include "HouseholdRelations.h"
#include "VietnameseText.h"

#include <functional>

namespace wardroll::model {

namespace {

const QString& rel(int which)
{
    // Values exactly as household-relations.csv writes them.
    static const QStringList values = {
        QStringLiteral("Chủ hộ"),         QStringLiteral("Vợ"),
        QStringLiteral("Chồng"),          QStringLiteral("Con đẻ"),
        QStringLiteral("Con nuôi"),       QStringLiteral("Con dâu"),
        QStringLiteral("Con rể"),         QStringLiteral("Cha đẻ (Bố)"),
        QStringLiteral("Mẹ đẻ"),          QStringLiteral("Bố vợ/Bố chồng"),
        QStringLiteral("Mẹ vợ/Mẹ chồng"), QStringLiteral("Cháu nội"),
        QStringLiteral("Cháu ngoại"),
    };
    return values[which];
}
enum Rel {
    Head,
    Wife,
    Husband,
    Child,
    Adopted,
    DaughterInLaw,
    SonInLaw,
    Father,
    Mother,
    FatherInLaw,
    MotherInLaw,
    GrandchildSon,
    GrandchildDaughter
};

Sex randomSex(DemoRandom& rng)
{
    return rng.chance(0.5) ? Sex::Male : Sex::Female;
}

Sex other(Sex sex)
{
    return sex == Sex::Male ? Sex::Female : Sex::Male;
}

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

} // namespace

struct DemoHouseholdBuilder::Plan
{
    Sex sex = Sex::Unknown;
    int year = 0;
    int month = 0; // 0: unknown
    int day = 0;
    QString relation;
    QString family;
    QString name;
    QString ethnicity;
    int father = -1;
    int mother = -1;
    int spouse = -1;
    QString absentFather; // a parent's name known from papers, not living here
    QString absentMother;
    QString maritalStatus;
    bool deceased = false;
    int twinGroup = -1;
};

DemoHouseholdBuilder::DemoHouseholdBuilder(const DemoWardProfile& ward, const DemoNamePicker& names,
                                           DemoRandom& rng, DemoIdIssuer& ids, QDate referenceDate)
    : m_ward(ward)
    , m_names(names)
    , m_rng(rng)
    , m_ids(ids)
    , m_reference(referenceDate)
    , m_refYear(referenceDate.year())
{
}

DemoHouseholdBuilder::~DemoHouseholdBuilder() = default;

bool DemoHouseholdBuilder::room() const
{
    return m_plans.size() < m_max;
}

int DemoHouseholdBuilder::add(Sex sex, int year, const QString& relation, const QString& family,
                              const QString& ethnicity)
{
    Plan p;
    p.sex = sex;
    p.year = year;
    // Nobody is born after the reference date.
    const int lastMonth = year == m_refYear ? m_reference.month() - 1 : 12;
    p.month = m_rng.between(1, std::max(1, lastMonth));
    p.day = m_rng.between(1, QDate(year, p.month, 1).daysInMonth());
    const int age = m_refYear - year;
    // Older people often have only a year ("00/00/1950"), some a month.
    const double partial = m_rng.unit();
    if ((age >= 70 && partial < 0.35) || (age >= 55 && partial < 0.08)) {
        p.month = 0;
        p.day = 0;
    } else if (age >= 70 && partial < 0.40) {
        p.day = 0;
    }
    p.relation = relation;
    p.family = family;
    p.ethnicity = ethnicity;
    p.name = m_names.fullName(m_rng, family, sex, DemoNamePicker::styleOf(ethnicity));
    p.maritalStatus = age >= 16 ? QStringLiteral("Chưa kết hôn") : QString();
    m_plans.append(p);
    return static_cast<int>(m_plans.size() - 1);
}

// Birth years for `count` children of these parents (-1: not known here), oldest first: fathers
// at least 21 and mothers at least 19 years older, mothers at most 43. Returns how many fit.
int DemoHouseholdBuilder::pickChildYears(int fatherYear, int motherYear, int count, QList<int>& years)
{
    int low = 0;
    int high = m_refYear;
    if (fatherYear > 0) {
        low = std::max(low, fatherYear + 21);
        high = std::min(high, fatherYear + 55);
    }
    if (motherYear > 0) {
        low = std::max(low, motherYear + 19);
        high = std::min(high, motherYear + 43);
    }
    years.clear();
    if (low > high)
        return 0;
    int year = m_rng.between(low, std::min(high, low + 8));
    while (static_cast<int>(years.size()) < count && year <= high) {
        years.append(year);
        year += m_rng.between(1, 5);
    }
    return static_cast<int>(years.size());
}

void DemoHouseholdBuilder::addChildren(int father, int mother, int count, const QString& relation,
                                       bool allowTwins)
{
    const Plan* f = father >= 0 ? &m_plans[father] : nullptr;
    const Plan* m = mother >= 0 ? &m_plans[mother] : nullptr;
    QList<int> years;
    pickChildYears(f ? f->year : -1, m ? m->year : -1, count, years);
    const Plan& lineParent = f ? *f : *m;
    const bool matrilineal = DemoNamePicker::styleOf(lineParent.ethnicity) == DemoNamePicker::Style::Highland;
    const Plan& nameParent = matrilineal && m ? *m : lineParent;
    const QString family = nameParent.family;
    const QString ethnicity = nameParent.ethnicity;
    const QString absentFather = f ? QString() : (m ? m->absentFather : QString());
    const QString absentMother = m ? QString() : (f ? f->absentMother : QString());
    // Twins: one in ~40 families with two or more children here (more than in life, so that a
    // small demo ward has some).
    const bool twins = allowTwins && years.size() >= 2 && (m_forceTwins || m_rng.chance(0.025));
    const int twinAt = twins ? m_rng.below(static_cast<int>(years.size()) - 1) : -1;
    for (int i = 0; i < years.size() && room(); ++i) {
        const Sex sex = randomSex(m_rng);
        const bool adopted = !twins && relation == rel(Child) && m_rng.chance(0.01);
        const QString childFamily = adopted ? m_names.familyName(m_rng, ethnicity) : family;
        const int c = add(sex, years[i], adopted ? rel(Adopted) : relation, childFamily, ethnicity);
        Plan& child = m_plans[c];
        if (!adopted) {
            child.father = father;
            child.mother = mother;
            child.absentFather = absentFather;
            child.absentMother = absentMother;
        }
        if (i == twinAt + 1 && twinAt >= 0 && !adopted && m_plans[c - 1].relation == relation) {
            // Same day as the older twin, another given name.
            const Plan& first = m_plans[c - 1];
            child.year = first.year;
            child.month = first.month;
            child.day = first.day;
            if (m_rng.chance(0.5))
                child.sex = first.sex;
            child.maritalStatus = first.maritalStatus;
            child.name
                = m_names.twinName(m_rng, first.name, family, child.sex, DemoNamePicker::styleOf(ethnicity));
            child.twinGroup = c - 1;
            m_plans[c - 1].twinGroup = c - 1;
            m_forceTwins = false;
        }
    }
}

void DemoHouseholdBuilder::addElderly(int head, int spouse)
{
    // The head's parents, or the spouse's (parents-in-law), living with the family.
    const bool inLaws = spouse >= 0 && m_rng.chance(0.25);
    const Plan& child = m_plans[inLaws ? spouse : head];
    const QString childFamily = child.family;
    const QString ethnicity = child.ethnicity;
    const bool matrilineal = DemoNamePicker::styleOf(ethnicity) == DemoNamePicker::Style::Highland;
    const int fatherYear = child.year - m_rng.between(22, 38);
    const int motherYear = child.year - m_rng.between(19, 34);
    const bool both = m_rng.chance(0.55);
    const bool fatherLives = both || m_rng.chance(0.3);
    int father = -1;
    int mother = -1;
    if (fatherLives && m_refYear - fatherYear <= 98 && room())
        father = add(Sex::Male, fatherYear, rel(inLaws ? FatherInLaw : Father),
                     matrilineal ? m_names.familyName(m_rng, ethnicity) : childFamily, ethnicity);
    if ((both || father < 0) && m_refYear - motherYear <= 98 && room())
        mother = add(Sex::Female, motherYear, rel(inLaws ? MotherInLaw : Mother),
                     matrilineal ? childFamily : m_names.familyName(m_rng, ethnicity), ethnicity);
    Plan& c = m_plans[inLaws ? spouse : head];
    c.father = father;
    c.mother = mother;
    if (father >= 0 && mother >= 0) {
        m_plans[father].spouse = mother;
        m_plans[mother].spouse = father;
        m_plans[father].maritalStatus = m_plans[mother].maritalStatus = QStringLiteral("Đã kết hôn");
    } else {
        for (int p : {father, mother})
            if (p >= 0)
                m_plans[p].maritalStatus = QStringLiteral("Goá");
    }
    // Rarely a parent's record stays with the household after death, correctly marked.
    for (int p : {father, mother})
        if (p >= 0 && m_refYear - m_plans[p].year >= 60 && m_rng.chance(0.03))
            m_plans[p].deceased = true;
}

void DemoHouseholdBuilder::singleOrCouple(bool couple)
{
    const QString ethnicity = m_ward.ethnicity(m_rng);
    const bool elderly = m_rng.chance(couple ? 0.45 : 0.5);
    const int age = elderly ? m_rng.between(58, 92) : m_rng.between(couple ? 22 : 20, couple ? 40 : 48);
    const Sex sex = couple ? (m_rng.chance(0.8) ? Sex::Male : Sex::Female) : randomSex(m_rng);
    const int head = add(sex, m_refYear - age, rel(Head), m_names.familyName(m_rng, ethnicity), ethnicity);
    if (!couple) {
        if (elderly)
            m_plans[head].maritalStatus
                = m_rng.chance(0.8) ? QStringLiteral("Goá") : QStringLiteral("Ly hôn");
        return;
    }
    if (!room())
        return;
    const Sex spouseSex = other(sex);
    int spouseAge = sex == Sex::Male ? age - m_rng.between(-2, 6) : age + m_rng.between(-2, 6);
    spouseAge = std::max(spouseAge, spouseSex == Sex::Male ? 22 : 20);
    const QString spouseEthnicity = m_rng.chance(0.9) ? ethnicity : m_ward.ethnicity(m_rng);
    const int spouse = add(spouseSex, m_refYear - spouseAge, rel(spouseSex == Sex::Female ? Wife : Husband),
                           m_names.familyName(m_rng, spouseEthnicity), spouseEthnicity);
    m_plans[head].spouse = spouse;
    m_plans[spouse].spouse = head;
    m_plans[head].maritalStatus = m_plans[spouse].maritalStatus = QStringLiteral("Đã kết hôn");
}

void DemoHouseholdBuilder::nuclear(bool singleParent, bool elderly, bool twins)
{
    const QString ethnicity = m_ward.ethnicity(m_rng);
    const Sex headSex = singleParent ? (m_rng.chance(0.75) ? Sex::Female : Sex::Male)
                                     : (m_rng.chance(0.8) ? Sex::Male : Sex::Female);
    const int headAge = m_rng.between(elderly ? 30 : 25, elderly ? 58 : 62);
    const int head
        = add(headSex, m_refYear - headAge, rel(Head), m_names.familyName(m_rng, ethnicity), ethnicity);
    int spouse = -1;
    if (!singleParent && room()) {
        const Sex spouseSex = other(headSex);
        int spouseAge
            = headSex == Sex::Male ? headAge - m_rng.between(-2, 6) : headAge + m_rng.between(-2, 6);
        spouseAge = std::max(spouseAge, spouseSex == Sex::Male ? 22 : 20);
        const QString spouseEthnicity = m_rng.chance(0.9) ? ethnicity : m_ward.ethnicity(m_rng);
        spouse = add(spouseSex, m_refYear - spouseAge, rel(spouseSex == Sex::Female ? Wife : Husband),
                     m_names.familyName(m_rng, spouseEthnicity), spouseEthnicity);
        m_plans[head].spouse = spouse;
        m_plans[spouse].spouse = head;
        m_plans[head].maritalStatus = m_plans[spouse].maritalStatus = QStringLiteral("Đã kết hôn");
    } else {
        m_plans[head].maritalStatus = m_rng.chance(0.6) ? QStringLiteral("Ly hôn") : QStringLiteral("Goá");
        // The other parent's name is on the children's birth certificates.
        if (m_rng.chance(0.6)) {
            const Sex absentSex = other(headSex);
            const QString family = m_names.familyName(m_rng, ethnicity);
            const QString name
                = m_names.fullName(m_rng, family, absentSex, DemoNamePicker::styleOf(ethnicity));
            (absentSex == Sex::Male ? m_plans[head].absentFather : m_plans[head].absentMother) = name;
        }
    }
    if (elderly)
        addElderly(head, spouse);
    static const std::array<double, 5> childWeights{6, 25, 42, 20, 7}; // 0..4 children
    int children = m_rng.weighted(childWeights);
    if (singleParent || twins)
        children = std::max(children, 2);
    const int father = headSex == Sex::Male ? head : spouse;
    const int mother = headSex == Sex::Female ? head : spouse;
    if (children > 0 && room()) {
        if (singleParent && headSex == Sex::Female && !m_plans[head].absentFather.isEmpty()
            && DemoNamePicker::styleOf(ethnicity) != DemoNamePicker::Style::Highland) {
            // Children take their (absent) father's family name.
            const QString fatherFamily = m_plans[head].absentFather.section(QLatin1Char(' '), 0, 0);
            const QString headFamily = m_plans[head].family;
            m_plans[head].family = fatherFamily;
            addChildren(father, mother, children, rel(Child), true);
            m_plans[head].family = headFamily;
        } else {
            addChildren(father, mother, children, rel(Child), true);
        }
    }
}

void DemoHouseholdBuilder::threeGenerationsDown()
{
    const QString ethnicity = m_ward.ethnicity(m_rng);
    const bool widow = m_rng.chance(0.3);
    const Sex headSex = widow ? Sex::Female : (m_rng.chance(0.85) ? Sex::Male : Sex::Female);
    const int headAge = m_rng.between(55, 82);
    const int head
        = add(headSex, m_refYear - headAge, rel(Head), m_names.familyName(m_rng, ethnicity), ethnicity);
    int spouse = -1;
    if (!widow && room()) {
        const Sex spouseSex = other(headSex);
        int spouseAge
            = headSex == Sex::Male ? headAge - m_rng.between(-2, 6) : headAge + m_rng.between(-2, 6);
        spouseAge = std::clamp(spouseAge, 50, 95);
        spouse = add(spouseSex, m_refYear - spouseAge, rel(spouseSex == Sex::Female ? Wife : Husband),
                     m_names.familyName(m_rng, ethnicity), ethnicity);
        m_plans[head].spouse = spouse;
        m_plans[spouse].spouse = head;
        m_plans[head].maritalStatus = m_plans[spouse].maritalStatus = QStringLiteral("Đã kết hôn");
    } else {
        m_plans[head].maritalStatus = QStringLiteral("Goá");
    }
    if (!room())
        return;
    const int father = headSex == Sex::Male ? head : spouse;
    const int mother = headSex == Sex::Female ? head : spouse;
    const int headYear = m_plans[head].year;
    const QString headFamily = m_plans[head].family;
    const int fatherYear = father >= 0 ? m_plans[father].year : -1;
    const int motherYear = mother >= 0 ? m_plans[mother].year : -1;
    // The married child: old enough to marry (year difference 23 for a man, 21 for a woman).
    const bool son = m_rng.chance(0.75);
    QList<int> years;
    if (pickChildYears(fatherYear, motherYear, 1, years) == 0)
        return;
    const int childYear = std::min(years.first(), m_refYear - (son ? 23 : 21));
    if (childYear < headYear + 21)
        return;
    const bool matrilineal = DemoNamePicker::styleOf(ethnicity) == DemoNamePicker::Style::Highland;
    const QString childFamily = matrilineal && mother >= 0 ? m_plans[mother].family
        : father >= 0                                      ? m_plans[father].family
                                                           : headFamily;
    const int child = add(son ? Sex::Male : Sex::Female, childYear, rel(Child), childFamily, ethnicity);
    m_plans[child].father = father;
    m_plans[child].mother = mother;
    m_plans[child].maritalStatus = QStringLiteral("Đã kết hôn");
    if (!room())
        return;
    const int inLawYear
        = std::clamp(childYear + m_rng.between(-4, 4), headYear + 18, m_refYear - (son ? 21 : 23));
    const QString inLawEthnicity = m_rng.chance(0.9) ? ethnicity : m_ward.ethnicity(m_rng);
    const int inLaw = add(son ? Sex::Female : Sex::Male, inLawYear, rel(son ? DaughterInLaw : SonInLaw),
                          m_names.familyName(m_rng, inLawEthnicity), inLawEthnicity);
    m_plans[inLaw].maritalStatus = QStringLiteral("Đã kết hôn");
    m_plans[child].spouse = inLaw;
    m_plans[inLaw].spouse = child;
    static const std::array<double, 4> grandchildWeights{10, 35, 40, 15};
    const int grandchildren = m_rng.weighted(grandchildWeights);
    if (grandchildren > 0 && room())
        addChildren(son ? child : inLaw, son ? inLaw : child, grandchildren,
                    rel(son ? GrandchildSon : GrandchildDaughter), false);
    // Sometimes a younger, unmarried child still lives at home.
    if (m_rng.chance(0.25) && room())
        addChildren(father, mother, 1, rel(Child), false);
}

void DemoHouseholdBuilder::underageCouple()
{
    // A husband of legal age and a wife of 14..16: a marriage below the legal age (18 for women).
    const QString ethnicity = m_ward.ethnicity(m_rng);
    const int head = add(Sex::Male, m_refYear - m_rng.between(21, 24), rel(Head),
                         m_names.familyName(m_rng, ethnicity), ethnicity);
    if (!room())
        return;
    const int wife = add(Sex::Female, m_refYear - m_rng.between(14, 16), rel(Wife),
                         m_names.familyName(m_rng, ethnicity), ethnicity);
    m_plans[head].spouse = wife;
    m_plans[wife].spouse = head;
    m_plans[head].maritalStatus = m_plans[wife].maritalStatus = QStringLiteral("Đã kết hôn");
}

DemoHousehold DemoHouseholdBuilder::build(int number, int maxMembers, Shape shape)
{
    m_plans.clear();
    m_plans.reserve(12);
    m_max = std::max(1, maxMembers);
    m_forceTwins = shape == Shape::WithTwins;
    if (shape == Shape::UnderageSpouse) {
        underageCouple();
    } else if (shape == Shape::WithTwins) {
        nuclear(false, m_rng.chance(0.2), true);
    } else {
        // single, couple, nuclear, single parent, with grandparents, three generations down
        static const std::array<double, 6> shapes{14, 12, 44, 8, 11, 11};
        switch (m_rng.weighted(shapes)) {
        case 0:
            singleOrCouple(false);
            break;
        case 1:
            singleOrCouple(true);
            break;
        case 2:
            nuclear(false, false, false);
            break;
        case 3:
            nuclear(true, false, false);
            break;
        case 4:
            nuclear(false, true, false);
            break;
        default:
            threeGenerationsDown();
            break;
        }
    }
    m_forceTwins = false;
    return finish(number);
}

void DemoHouseholdBuilder::setAddress(Household& household)
{
    household.village = m_rng.pick(m_ward.villages());
    household.address.unitCode = m_ward.unit().code;
    household.address.unitScheme = unitScheme2025;
    household.address.village = household.village;
    const int house = m_rng.between(1, 250);
    if (m_ward.isUrban()) {
        const QString& street = m_ward.street(m_rng);
        household.address.text = m_rng.chance(0.4)
            ? QStringLiteral("Số %1, ngõ %2, đường %3").arg(house).arg(m_rng.between(1, 120)).arg(street)
            : QStringLiteral("Số %1, đường %2").arg(house).arg(street);
    } else {
        household.address.text = m_rng.chance(0.5) ? QStringLiteral("Số nhà %1").arg(house)
                                                   : QStringLiteral("Xóm %1").arg(m_rng.between(1, 12));
    }
}

DemoHousehold DemoHouseholdBuilder::finish(int number)
{
    DemoHousehold out;
    out.household.number = DemoTruth::householdRef(number);
    setAddress(out.household);
    const QString religion = m_ward.religion(m_rng, m_plans.first().ethnicity);
    const QString& hometownOfLine = m_ward.hometown(m_rng);
    out.members.reserve(m_plans.size());
    QList<QString> hometowns(m_plans.size());
    for (qsizetype i = 0; i < m_plans.size(); ++i) {
        const Plan& p = m_plans[i];
        DemoMember member;
        Resident& r = member.resident;
        r.relationToHead = p.relation;
        r.fullName = p.name;
        r.sex = p.sex;
        QString raw;
        if (p.month == 0)
            raw = m_rng.chance(0.7) ? QString::number(p.year) : QStringLiteral("00/00/%1").arg(p.year);
        else if (p.day == 0)
            raw = twoDigits(p.month) + QLatin1Char('/') + QString::number(p.year);
        else
            raw = twoDigits(p.day) + QLatin1Char('/') + twoDigits(p.month) + QLatin1Char('/')
                + QString::number(p.year);
        r.birthDate = PartialDate::fromParts(p.year, p.month ? std::optional<int>(p.month) : std::nullopt,
                                             p.day ? std::optional<int>(p.day) : std::nullopt, raw);
        const auto registration = m_ward.birthRegistration(m_rng, r.birthDate);
        r.personalId = m_ids.issue(registration.prefix, p.sex, p.year);
        r.birthRegistrationPlace = registration.place;
        r.birthPlace = registration.birthPlace;
        const int age = m_refYear - p.year;
        // Old 9-digit cards were issued from 14 until chip cards replaced them (2016-2021).
        if (p.year <= 2005 && m_rng.chance(0.6))
            r.oldId = m_ids.oldCardNumber();
        hometowns[i] = p.relation == rel(Head) ? hometownOfLine : m_ward.hometown(m_rng);
        r.ethnicity = p.ethnicity;
        r.religion = m_rng.chance(0.95) ? religion : m_ward.religion(m_rng, p.ethnicity);
        r.nationality = QStringLiteral("Việt Nam");
        r.maritalStatus = p.maritalStatus;
        if (age >= 16 && !p.deceased && m_rng.chance(age >= 70 ? 0.4 : 0.85)) {
            static const char16_t networks[] = u"98375";
            r.phone = QStringLiteral("0%1%2")
                          .arg(QChar(networks[m_rng.below(5)]))
                          .arg(m_rng.below(100000000), 8, 10, QLatin1Char('0'));
        }
        if (age >= 18 && age <= 50 && m_rng.chance(0.08))
            r.email = VietnameseText::foldKey(p.name).remove(QLatin1Char(' ')).remove(QLatin1Char('\''))
                + QString::number(p.year % 100) + QStringLiteral("@gmail.com");
        r.village = out.household.village;
        r.permanentAddress = out.household.address;
        r.currentAddress = out.household.address;
        if (age >= 18 && age <= 40 && m_rng.chance(0.04)) {
            // Working or studying elsewhere in the province: temporary residence there.
            const auto& unit = m_ward.nearbyUnit(m_rng);
            r.currentAddress = Address{unit.code, unitScheme2025, QString(), QString()};
            r.temporaryAddress = r.currentAddress;
        }
        if (p.deceased) {
            r.status = ResidentStatus::Deceased;
            const int deathYear = m_rng.between(std::max(p.year + 45, 2000), m_refYear - 1);
            const int month = m_rng.between(1, 12);
            const int day = m_rng.between(1, 28);
            r.deathDate = PartialDate::fromParts(deathYear, month, day,
                                                 twoDigits(day) + QLatin1Char('/') + twoDigits(month)
                                                     + QLatin1Char('/') + QString::number(deathYear));
        }
        member.twinGroup = p.twinGroup;
        member.keepClean = p.twinGroup >= 0;
        out.members.append(member);
    }
    // Hometown (quê quán) follows the father's line (the mother's when he is not known here).
    std::function<QString(qsizetype)> hometownOf = [&](qsizetype i) -> QString {
        const int parent = m_plans[i].father >= 0 ? m_plans[i].father : m_plans[i].mother;
        return parent >= 0 ? hometownOf(parent) : hometowns[i];
    };
    // Parents and spouse, from the household where they live here.
    for (qsizetype i = 0; i < m_plans.size(); ++i) {
        const Plan& p = m_plans[i];
        Resident& r = out.members[i].resident;
        r.hometown = hometownOf(i);
        if (p.father >= 0) {
            r.fatherName = out.members[p.father].resident.fullName;
            r.fatherId = out.members[p.father].resident.personalId;
        } else {
            r.fatherName = p.absentFather;
        }
        if (p.mother >= 0) {
            r.motherName = out.members[p.mother].resident.fullName;
            r.motherId = out.members[p.mother].resident.personalId;
        } else {
            r.motherName = p.absentMother;
        }
        if (p.spouse >= 0) {
            r.spouseName = out.members[p.spouse].resident.fullName;
            r.spouseId = out.members[p.spouse].resident.personalId;
        }
    }
    return out;
}

DemoHousehold DemoHouseholdBuilder::buildFor(int number, DemoMember member)
{
    DemoHousehold out;
    out.household.number = DemoTruth::householdRef(number);
    setAddress(out.household);
    Resident& r = member.resident;
    r.relationToHead = HouseholdRelations::headValue();
    r.village = out.household.village;
    r.permanentAddress = out.household.address;
    r.currentAddress = out.household.address;
    r.temporaryAddress = Address{};
    out.members.append(member);
    return out;
}

} // namespace wardroll::model
