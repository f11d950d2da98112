#include "DemoDefectInjector.h"

#include "AdminUnits.h"
#include "DemoIdIssuer.h"
#include "DemoNamePicker.h"
#include "DemoRandom.h"
#include "DemoRuleAudit.h"
#include "DemoWardProfile.h"
#include "HouseholdRelations.h"

namespace wardroll::model {

namespace {

QString twoDigits(int value)
{
    return QStringLiteral("%1").arg(value, 2, 10, QLatin1Char('0'));
}

QString dateText(int year, int month, int day)
{
    return twoDigits(day) + QLatin1Char('/') + twoDigits(month) + QLatin1Char('/') + QString::number(year);
}

int ageOf(const Resident& r, int referenceYear)
{
    return r.birthDate.year() ? referenceYear - *r.birthDate.year() : -1;
}

int sexYearKey(Sex sex, int year)
{
    return year * 2 + (sex == Sex::Female ? 1 : 0);
}

} // namespace

DemoDefectInjector::DemoDefectInjector(const DemoWardProfile& ward, DemoRandom& rng, DemoIdIssuer& ids,
                                       const DemoRuleAudit& audit, int referenceYear)
    : m_ward(ward)
    , m_rng(rng)
    , m_ids(ids)
    , m_audit(audit)
    , m_refYear(referenceYear)
{
}

void DemoDefectInjector::remember(const DemoMember& member)
{
    const Resident& r = member.resident;
    if (r.birthDate.year() && r.sex != Sex::Unknown && !r.personalId.isEmpty())
        m_idsBySexAndYear.insert(sexYearKey(r.sex, *r.birthDate.year()), r.personalId);
}

QList<int> DemoDefectInjector::candidates(const DemoHousehold& household) const
{
    QList<int> out;
    for (int i = 0; i < household.members.size(); ++i)
        if (!household.members[i].keepClean && household.members[i].cluster < 0)
            out.append(i);
    for (qsizetype i = out.size() - 1; i > 0; --i)
        out.swapItemsAt(i, m_rng.below(static_cast<int>(i + 1)));
    return out;
}

bool DemoDefectInjector::raised(const QString& rule, const DemoHousehold& household, int member) const
{
    if (rule == u"id.shared") // ward-wide: the ID was copied from another record
        return true;
    const auto findings = m_audit.check(household.members);
    return std::any_of(findings.cbegin(), findings.cend(), [&](const DemoRuleAudit::Finding& f) {
        return f.rule == rule && (f.member == member || f.member < 0);
    });
}

void DemoDefectInjector::reissue(Resident& r, QString id)
{
    // A changed ID must stay unique, or it would also be "shared".
    while (!m_ids.claim(id))
        id = id.left(6) + QStringLiteral("%1").arg(m_rng.below(1000000), 6, 10, QLatin1Char('0'));
    r.personalId = id;
}

bool DemoDefectInjector::inject(const QString& rule, DemoHousehold& household)
{
    if (rule.startsWith(u"household."))
        return injectHousehold(rule, household);
    const QList<DemoMember> backup = household.members;
    const QList<int> order = candidates(household);
    int attempts = 0;
    for (int i : order) {
        if (attempts >= 4)
            break;
        Resident& r = household.members[i].resident;
        if (!injectRecord(rule, r)) {
            household.members[i] = backup[i];
            continue;
        }
        ++attempts;
        if (raised(rule, household, i)) {
            // Several members of a household often share an old address.
            if (rule == u"address.legacy_unit" && m_rng.chance(0.3)) {
                for (int j : order)
                    if (j != i)
                        household.members[j].resident.permanentAddress = r.permanentAddress;
            }
            return true;
        }
        household.members[i] = backup[i];
    }
    household.members = backup;
    return false;
}

bool DemoDefectInjector::injectRecord(const QString& rule, Resident& r)
{
    const std::optional<int> year = r.birthDate.year();
    const int age = year ? m_refYear - *year : -1;
    const QString id = r.personalId;
    if (rule == u"id.format") {
        if (id.size() != 12)
            return false;
        QString bad = id;
        const int at = m_rng.below(12);
        switch (m_rng.below(4)) {
        case 0: // a digit left out
            bad.remove(at, 1);
            break;
        case 1: // one typed twice
            bad.insert(at, bad[at]);
            break;
        case 2: // letter O for zero, l for one
            bad[at] = bad[at] == u'1' ? QLatin1Char('l') : QLatin1Char('O');
            break;
        default: // the 9-digit old card number in the new field
            bad = r.oldId.isEmpty() ? id.left(9) : r.oldId;
            break;
        }
        r.personalId = bad;
        return true;
    }
    if (rule == u"id.prefix") {
        if (!year || *year < 1900)
            return false;
        r.personalId = m_ids.issue(m_rng.pick(m_ward.unknownPrefixes()), r.sex, *year);
        return true;
    }
    if (rule == u"id.sex_century" || rule == u"id.birth_year") {
        if (id.size() != 12)
            return false;
        QString bad = id;
        if (rule == u"id.sex_century") {
            const int g = id[3].digitValue();
            const int wrong = m_rng.chance(0.6) ? (g ^ 1) : (g >= 2 ? g - 2 : g + 2);
            bad[3] = QChar(u'0' + wrong);
        } else {
            const int yy = id.mid(4, 2).toInt();
            const int wrong = (yy % 10 != yy / 10 && m_rng.chance(0.4)) ? (yy % 10) * 10 + yy / 10
                                                                        : (yy + m_rng.between(1, 9)) % 100;
            bad.replace(4, 2, twoDigits(wrong));
        }
        reissue(r, bad);
        return true;
    }
    if (rule == u"id.shared") {
        if (!year)
            return false;
        const QString other = m_idsBySexAndYear.value(sexYearKey(r.sex, *year));
        if (other.isEmpty() || other == id)
            return false;
        r.personalId = other; // a relative's or neighbour's number written on the wrong record
        return true;
    }
    if (rule == u"id.missing") {
        r.personalId.clear();
        return true;
    }
    if (rule == u"date.invalid") {
        if (!year)
            return false;
        const int day = r.birthDate.day().value_or(0);
        switch (m_rng.below(3)) {
        case 0: {
            const int bad = m_rng.between(30, 31);
            r.birthDate = PartialDate::fromParts(*year, 2, bad, dateText(*year, 2, bad));
            break;
        }
        case 1: {
            const int d = day ? day : m_rng.between(1, 28);
            r.birthDate = PartialDate::fromParts(*year, 13, d, dateText(*year, 13, d));
            break;
        }
        default: { // digits typed as letters: nothing readable
            QString raw = r.birthDate.toDisplayString();
            raw.replace(QLatin1Char('0'), QLatin1Char('O'));
            raw.replace(QLatin1Char('1'), QLatin1Char('l'));
            if (!raw.contains(u'O') && !raw.contains(u'l'))
                raw.prepend(QStringLiteral("ngày "));
            r.birthDate = PartialDate::fromParts(std::nullopt, std::nullopt, std::nullopt, raw);
            break;
        }
        }
        return true;
    }
    if (rule == u"date.future") {
        if (!year || r.relationToHead == HouseholdRelations::headValue())
            return false;
        int future = *year < 2000 ? *year + 100 : *year + m_rng.between(10, 30); // 1985 typed 2085
        if (future <= m_refYear)
            future = m_refYear + m_rng.between(1, 30);
        const auto month = r.birthDate.month();
        auto day = r.birthDate.day();
        if (month == 2 && day == 29)
            day = 28;
        QString raw = r.birthDate.raw();
        raw.replace(QString::number(*year), QString::number(future));
        r.birthDate = PartialDate::fromParts(future, month, day, raw);
        return true;
    }
    if (rule == u"date.age") {
        if (age < 65 || r.status != ResidentStatus::Living)
            return false;
        // Still listed as living, born before 1904; the ID matches the recorded year.
        const int old = m_rng.between(1900, 1903);
        const QString prefix = id.size() == 12 ? id.left(3) : QStringLiteral("001");
        r.birthDate = PartialDate::fromParts(old, std::nullopt, std::nullopt, QString::number(old));
        r.personalId = m_ids.issue(prefix, r.sex, old);
        return true;
    }
    if (rule == u"date.death_before_birth") {
        if (age < 50 || r.relationToHead == HouseholdRelations::headValue())
            return false;
        const int deathYear = *year - m_rng.between(1, 20);
        const int month = m_rng.between(1, 12);
        const int day = m_rng.between(1, 28);
        r.status = ResidentStatus::Deceased;
        r.deathDate = PartialDate::fromParts(deathYear, month, day, dateText(deathYear, month, day));
        return true;
    }
    if (rule == u"status.deceased_listed") {
        if (age < 60 || r.status != ResidentStatus::Living)
            return false;
        const int deathYear
            = m_rng.between(std::min(std::max(*year + 50, 2005), m_refYear - 1), m_refYear - 1);
        const int month = m_rng.between(1, 12);
        const int day = m_rng.between(1, 28);
        r.deathDate = PartialDate::fromParts(deathYear, month, day, dateText(deathYear, month, day));
        return true;
    }
    if (rule == u"name.format") {
        const QString name = r.fullName;
        QString bad;
        switch (m_rng.below(6)) {
        case 0: // forms are written in capitals
            bad = name.toUpper();
            break;
        case 1:
            bad = name.toLower();
            break;
        case 2:
            bad = name;
            bad.replace(bad.indexOf(u' '), 1, QStringLiteral("  "));
            break;
        case 3: // the Windows keyboard types combining marks
            bad = name.normalized(QString::NormalizationForm_D);
            break;
        case 4: // "Đ" mis-decoded as "Ð"
            bad = name;
            bad.replace(QChar(0x0110), QChar(0x00D0)).replace(QChar(0x0111), QChar(0x00F0));
            break;
        default:
            bad = DemoNamePicker::withOtherTonePlacement(name);
            break;
        }
        if (bad.isEmpty() || bad == name)
            return false;
        r.fullName = bad;
        return true;
    }
    if (rule == u"name.chars") {
        QString bad = r.fullName;
        switch (m_rng.below(3)) {
        case 0: { // a letter typed as a digit in the given name
            static const QHash<QChar, QChar> digits
                = {{u'o', u'0'}, {u'i', u'1'}, {u'l', u'1'}, {u'a', u'4'},
                   {u'e', u'3'}, {u'g', u'9'}, {u's', u'5'}, {u't', u'7'}};
            const qsizetype start = bad.lastIndexOf(u' ') + 1;
            for (qsizetype k = start; k < bad.size(); ++k) {
                const auto it = digits.constFind(bad[k]);
                if (it != digits.cend()) {
                    bad[k] = *it;
                    break;
                }
            }
            break;
        }
        case 1: // a number to tell two namesakes apart
            bad += QStringLiteral(" %1").arg(m_rng.between(1, 3));
            break;
        default:
            bad += m_rng.chance(0.5) ? QStringLiteral("*") : QStringLiteral(" (?)");
            break;
        }
        if (bad == r.fullName)
            return false;
        r.fullName = bad;
        return true;
    }
    if (rule == u"required.missing") {
        static const std::array<double, 8> weights{25, 20, 12, 15, 6, 6, 8, 3};
        const int fields = m_rng.chance(0.85) ? 1 : 2;
        for (int k = 0; k < fields; ++k) {
            switch (m_rng.weighted(weights)) {
            case 0:
                r.birthRegistrationPlace.clear();
                break;
            case 1:
                r.hometown.clear();
                break;
            case 2:
                r.ethnicity.clear();
                break;
            case 3:
                r.religion.clear();
                break;
            case 4:
                r.nationality.clear();
                break;
            case 5:
                r.sex = Sex::Unknown;
                break;
            case 6:
                r.birthDate = PartialDate();
                break;
            default:
                r.fullName.clear();
                break;
            }
        }
        return true;
    }
    if (rule == u"address.legacy_unit") {
        const QString code = m_rng.pick(m_ward.abolishedPredecessors());
        const auto* unit = AdminUnits::instance().unit(code, unitSchemeLegacy);
        r.permanentAddress.unitCode = code;
        r.permanentAddress.unitScheme = unitSchemeLegacy;
        if (unit)
            r.permanentAddress.text
                += QStringLiteral(", ") + unit->name + QStringLiteral(", ") + unit->districtName;
        if (m_rng.chance(0.3))
            r.currentAddress = r.permanentAddress;
        return true;
    }
    if (rule == u"address.unknown_unit") {
        QString code;
        do
            code = QStringLiteral("%1").arg(m_rng.below(100000), 5, 10, QLatin1Char('0'));
        while (AdminUnits::instance().unit(code, unitScheme2025));
        r.permanentAddress.unitCode = code;
        return true;
    }
    return false;
}

bool DemoDefectInjector::injectHousehold(const QString& rule, DemoHousehold& household)
{
    static const QHash<QString, QString> counterpart = {
        {QStringLiteral("Vợ"), QStringLiteral("Chồng")},
        {QStringLiteral("Chồng"), QStringLiteral("Vợ")},
        {QStringLiteral("Con dâu"), QStringLiteral("Con rể")},
        {QStringLiteral("Con rể"), QStringLiteral("Con dâu")},
        {QStringLiteral("Cha đẻ (Bố)"), QStringLiteral("Mẹ đẻ")},
        {QStringLiteral("Mẹ đẻ"), QStringLiteral("Cha đẻ (Bố)")},
        {QStringLiteral("Bố vợ/Bố chồng"), QStringLiteral("Mẹ vợ/Mẹ chồng")},
        {QStringLiteral("Mẹ vợ/Mẹ chồng"), QStringLiteral("Bố vợ/Bố chồng")},
    };
    const QString head = HouseholdRelations::headValue();
    const QList<DemoMember> backup = household.members;
    const QList<int> order = candidates(household);
    QString spouseRelation;
    for (const DemoMember& m : household.members)
        if (m.resident.relationToHead == u"Vợ" || m.resident.relationToHead == u"Chồng")
            spouseRelation = m.resident.relationToHead;
    for (int i : order) {
        Resident& r = household.members[i].resident;
        const QString relation = r.relationToHead;
        const int age = ageOf(r, m_refYear);
        if (rule == u"household.no_head") {
            if (relation != head)
                continue;
            r.relationToHead = m_rng.chance(0.6) ? QString() : QStringLiteral("Khác (ghi rõ)");
        } else if (rule == u"household.many_heads") {
            if (relation == head || age < 18)
                continue;
            r.relationToHead = head;
        } else if (rule == u"household.relation_sex") {
            if (!counterpart.contains(relation))
                continue;
            r.relationToHead = counterpart.value(relation);
        } else if (rule == u"household.relation_age") {
            if (relation == u"Cha đẻ (Bố)" || relation == u"Mẹ đẻ" || relation == u"Bố vợ/Bố chồng"
                || relation == u"Mẹ vợ/Mẹ chồng")
                r.relationToHead = QStringLiteral("Con đẻ"); // a parent entered as a child
            else if (relation == u"Con đẻ" || relation == u"Cháu nội" || relation == u"Cháu ngoại")
                r.relationToHead
                    = r.sex == Sex::Male ? QStringLiteral("Cha đẻ (Bố)") : QStringLiteral("Mẹ đẻ");
            else
                continue;
        } else if (rule == u"household.spouse_count") {
            if (spouseRelation.isEmpty() || relation == head || relation == spouseRelation || age < 25)
                continue;
            const Sex expected = spouseRelation == u"Vợ" ? Sex::Female : Sex::Male;
            if (r.sex != expected)
                continue;
            r.relationToHead = spouseRelation; // a daughter-in-law entered as a second wife
        } else {
            return false;
        }
        if (raised(rule, household, i))
            return true;
        household.members = backup;
    }
    household.members = backup;
    return false;
}

bool DemoDefectInjector::canVary(const Resident& r, const QString& variation)
{
    if (variation == u"tone_placement")
        return !DemoNamePicker::withOtherTonePlacement(r.fullName).isEmpty();
    if (variation == u"day_month_swap") {
        const auto day = r.birthDate.day();
        const auto month = r.birthDate.month();
        return day && month && *day <= 12 && *day != *month;
    }
    if (variation == u"missing_id" || variation == u"other_id")
        return !r.personalId.isEmpty() && r.birthDate.year();
    return true;
}

DemoMember DemoDefectInjector::copyOf(const DemoMember& original, const QString& preferred, bool exact)
{
    DemoMember copy = original;
    copy.keepClean = true;
    copy.twinGroup = -1;
    Resident& r = copy.resident;
    r.id.clear();
    r.sourceRef.clear();
    r.householdId.clear();
    r.createdAt = 0;

    static const QStringList pool
        = {QStringLiteral("accents_dropped"), QStringLiteral("tone_placement"), QStringLiteral("name_typo"),
           QStringLiteral("day_month_swap"),  QStringLiteral("missing_id"),     QStringLiteral("other_id")};
    static const std::array<double, 6> weights{20, 10, 25, 12, 14, 6};
    static const std::array<double, 3> counts{65, 28, 7};
    copy.variation.clear();
    QStringList wanted;
    if (exact)
        return copy;
    if (pool.contains(preferred))
        wanted << preferred;
    const int count = m_rng.weighted(counts) + 1;
    for (int k = 0; k < 8 && wanted.size() < count; ++k) {
        const QString& v = pool[m_rng.weighted(weights)];
        if (!wanted.contains(v))
            wanted << v;
    }
    QStringList applied;
    bool nameChanged = false;
    bool idChanged = false;
    for (const QString& v : std::as_const(wanted)) {
        if (v == u"accents_dropped" || v == u"tone_placement" || v == u"name_typo") {
            if (nameChanged)
                continue;
            const QString name = v == u"accents_dropped" ? DemoNamePicker::withoutAccents(r.fullName)
                : v == u"tone_placement"                 ? DemoNamePicker::withOtherTonePlacement(r.fullName)
                                                         : DemoNamePicker::withTypo(m_rng, r.fullName);
            if (name.isEmpty() || name == r.fullName)
                continue;
            r.fullName = name;
            nameChanged = true;
        } else if (v == u"day_month_swap") {
            if (!canVary(r, v))
                continue;
            const int year = *r.birthDate.year();
            const int day = *r.birthDate.day();
            const int month = *r.birthDate.month();
            r.birthDate = PartialDate::fromParts(year, day, month, dateText(year, day, month));
        } else {
            if (idChanged)
                continue;
            if (v == u"missing_id") {
                r.personalId.clear();
            } else {
                // A second ID: the person registered again elsewhere.
                const auto& codes = AdminUnits::instance().birthRegistrationCodes();
                r.personalId = m_ids.issue(m_rng.pick(codes).prefix, r.sex, *r.birthDate.year());
            }
            idChanged = true;
        }
        applied << v;
    }
    if (applied.isEmpty()) {
        r.personalId.clear();
        applied << QStringLiteral("missing_id");
    }
    copy.variation = applied.join(QLatin1Char(';'));
    return copy;
}

} // namespace wardroll::model
