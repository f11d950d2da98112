#include "DemoRuleAudit.h"

#include "AdminUnits.h"
#include "HouseholdRelations.h"
#include "VietnameseText.h"

namespace wardroll::model {

DemoRuleAudit::DemoRuleAudit(QDate referenceDate)
    : m_reference(referenceDate)
{
}

const QStringList& DemoRuleAudit::rules()
{
    static const QStringList codes = {
        QStringLiteral("id.format"),
        QStringLiteral("id.prefix"),
        QStringLiteral("id.sex_century"),
        QStringLiteral("id.birth_year"),
        QStringLiteral("id.shared"),
        QStringLiteral("id.missing"),
        QStringLiteral("date.invalid"),
        QStringLiteral("date.future"),
        QStringLiteral("date.age"),
        QStringLiteral("date.death_before_birth"),
        QStringLiteral("name.format"),
        QStringLiteral("name.chars"),
        QStringLiteral("required.missing"),
        QStringLiteral("status.deceased_listed"),
        QStringLiteral("household.no_head"),
        QStringLiteral("household.many_heads"),
        QStringLiteral("household.relation_sex"),
        QStringLiteral("household.relation_age"),
        QStringLiteral("household.spouse_count"),
        QStringLiteral("household.marriage_age"),
        QStringLiteral("address.legacy_unit"),
        QStringLiteral("address.unknown_unit"),
    };
    return codes;
}

QString DemoRuleAudit::normalizedId(QStringView id)
{
    QString out;
    out.reserve(id.size());
    for (QChar c : id)
        if (!c.isSpace() && c != u'.' && c != u'-')
            out.append(c);
    return out;
}

int DemoRuleAudit::ageAt(QDate birth) const
{
    int age = m_reference.year() - birth.year();
    if (m_reference.month() < birth.month()
        || (m_reference.month() == birth.month() && m_reference.day() < birth.day()))
        --age;
    return age;
}

QList<DemoRuleAudit::Finding> DemoRuleAudit::check(const QList<DemoMember>& members) const
{
    QList<Finding> out;
    for (int i = 0; i < members.size(); ++i)
        checkRecord(members[i].resident, i, out);
    checkHousehold(members, out);
    return out;
}

void DemoRuleAudit::checkRecord(const Resident& r, int member, QList<Finding>& out) const
{
    auto raise = [&](const QString& rule, const QString& detail) {
        out.append(Finding{rule, member, detail});
    };
    const std::optional<int> year = r.birthDate.year();

    // The personal ID.
    const QString id = normalizedId(r.personalId);
    if (id.isEmpty()) {
        raise(QStringLiteral("id.missing"), QString());
    } else {
        bool digits = id.size() == 12;
        for (QChar c : id)
            digits = digits && c >= u'0' && c <= u'9';
        if (!digits) {
            raise(QStringLiteral("id.format"), QStringLiteral("personal_id=") + r.personalId);
        } else {
            if (!AdminUnits::instance().birthRegistrationCode(QStringView(id).left(3)))
                raise(QStringLiteral("id.prefix"), QStringLiteral("prefix=") + id.left(3));
            const int g = id[3].digitValue();
            const Sex idSex = g % 2 == 0 ? Sex::Male : Sex::Female;
            const int century = 1900 + (g / 2) * 100;
            QStringList why;
            if (r.sex != Sex::Unknown && r.sex != idSex)
                why << QStringLiteral("digit 4=%1 says %2, sex=%3")
                           .arg(g)
                           .arg(sexCode(idSex), sexCode(r.sex));
            if (year && *year / 100 * 100 != century)
                why << QStringLiteral("digit 4=%1 says %2s, born %3").arg(g).arg(century).arg(*year);
            if (!why.isEmpty())
                raise(QStringLiteral("id.sex_century"), why.join(QStringLiteral("; ")));
            if (year && *year % 100 != id.mid(4, 2).toInt())
                raise(QStringLiteral("id.birth_year"),
                      QStringLiteral("digits 5-6=%1, born %2").arg(id.mid(4, 2)).arg(*year));
        }
    }

    // Dates.
    const std::pair<const PartialDate*, QString> dates[]
        = {{&r.birthDate, QStringLiteral("birth_date")}, {&r.deathDate, QStringLiteral("death_date")}};
    for (const auto& [date, field] : dates) {
        const QString written = date->raw().isEmpty() ? date->toDisplayString() : date->raw();
        if (!date->isEmpty() && !date->isValid())
            raise(QStringLiteral("date.invalid"), field + QLatin1Char('=') + written);
        else if (date->isValid() && *date->earliest() > m_reference)
            raise(QStringLiteral("date.future"), field + QLatin1Char('=') + written);
    }
    const bool living = r.status == ResidentStatus::Living;
    if (living && r.birthDate.isValid() && ageAt(*r.birthDate.latest()) > 120)
        raise(QStringLiteral("date.age"),
              QStringLiteral("born %1, living").arg(r.birthDate.toDisplayString()));
    if (r.birthDate.isValid() && r.deathDate.isValid() && *r.deathDate.latest() < *r.birthDate.earliest())
        raise(QStringLiteral("date.death_before_birth"),
              QStringLiteral("born %1, died %2")
                  .arg(r.birthDate.toDisplayString(), r.deathDate.toDisplayString()));
    if (living && !r.deathDate.isEmpty())
        raise(QStringLiteral("status.deceased_listed"),
              QStringLiteral("death_date=%1, status=living").arg(r.deathDate.toDisplayString()));

    // The name.
    if (!r.fullName.isEmpty()) {
        if (!VietnameseText::isNormalizedName(r.fullName))
            raise(QStringLiteral("name.format"), QStringLiteral("full_name=") + r.fullName);
        if (VietnameseText::hasNonNameCharacters(r.fullName))
            raise(QStringLiteral("name.chars"), QStringLiteral("full_name=") + r.fullName);
    }

    // Mandatory fields.
    QStringList missing;
    auto require = [&missing](const QString& value, const char* field) {
        if (value.trimmed().isEmpty())
            missing << QLatin1String(field);
    };
    require(r.fullName, "full_name");
    if (r.sex == Sex::Unknown)
        missing << QStringLiteral("sex");
    if (r.birthDate.isEmpty())
        missing << QStringLiteral("birth_date");
    require(r.birthRegistrationPlace, "birth_registration_place");
    require(r.hometown, "hometown");
    require(r.ethnicity, "ethnicity");
    require(r.religion, "religion");
    require(r.nationality, "nationality");
    if (!missing.isEmpty())
        raise(QStringLiteral("required.missing"),
              QStringLiteral("missing=") + missing.join(QLatin1Char(';')));

    // Addresses.
    const AdminUnits& units = AdminUnits::instance();
    const std::pair<const Address*, QString> addresses[]
        = {{&r.permanentAddress, QStringLiteral("permanent")},
           {&r.temporaryAddress, QStringLiteral("temporary")},
           {&r.currentAddress, QStringLiteral("current")}};
    QStringList legacy;
    QStringList unknown;
    for (const auto& [address, field] : addresses) {
        if (address->unitCode.isEmpty())
            continue;
        const QString what
            = field + QLatin1Char('=') + address->unitCode + QLatin1Char('/') + address->unitScheme;
        if (!units.unit(address->unitCode, address->unitScheme))
            unknown << what;
        else if (address->unitScheme == unitSchemeLegacy)
            legacy << what;
    }
    if (!legacy.isEmpty())
        raise(QStringLiteral("address.legacy_unit"), legacy.join(QLatin1Char(';')));
    if (!unknown.isEmpty())
        raise(QStringLiteral("address.unknown_unit"), unknown.join(QLatin1Char(';')));
}

void DemoRuleAudit::checkHousehold(const QList<DemoMember>& members, QList<Finding>& out) const
{
    const HouseholdRelations& relations = HouseholdRelations::instance();
    using Group = HouseholdRelations::Group;
    QList<const HouseholdRelations::Relation*> found(members.size(), nullptr);
    int heads = 0;
    int head = -1;
    int spouses = 0;
    for (int i = 0; i < members.size(); ++i) {
        found[i] = relations.find(members[i].resident.relationToHead);
        if (found[i] && found[i]->group == Group::Head) {
            ++heads;
            head = i;
        }
        if (found[i] && found[i]->group == Group::Spouse)
            ++spouses;
    }
    if (heads == 0)
        out.append(Finding{QStringLiteral("household.no_head"), -1, QStringLiteral("heads=0")});
    if (heads > 1)
        out.append(
            Finding{QStringLiteral("household.many_heads"), -1, QStringLiteral("heads=%1").arg(heads)});
    if (spouses > 1)
        out.append(
            Finding{QStringLiteral("household.spouse_count"), -1, QStringLiteral("spouses=%1").arg(spouses)});

    const std::optional<int> headYear = heads == 1 ? members[head].resident.birthDate.year() : std::nullopt;
    for (int i = 0; i < members.size(); ++i) {
        const Resident& r = members[i].resident;
        const auto* relation = found[i];
        if (!relation)
            continue;
        if (relation->expectedSex != Sex::Unknown && r.sex != Sex::Unknown && r.sex != relation->expectedSex)
            out.append(Finding{QStringLiteral("household.relation_sex"), i,
                               QStringLiteral("relation=%1, sex=%2").arg(r.relationToHead, sexCode(r.sex))});
        const std::optional<int> year = r.birthDate.year();
        if (headYear && year && i != head && relation->generationOffset && *relation->generationOffset != 0) {
            const int g = *relation->generationOffset;
            const int gap = g > 0 ? *headYear - *year : *year - *headYear;
            if (gap < 12 * std::abs(g))
                out.append(Finding{QStringLiteral("household.relation_age"), i,
                                   QStringLiteral("relation=%1, born %2, head born %3")
                                       .arg(r.relationToHead)
                                       .arg(*year)
                                       .arg(*headYear)});
        }
        const bool married = relation->group == Group::Spouse || (i == head && heads == 1 && spouses > 0);
        if (married && r.sex != Sex::Unknown && r.birthDate.isValid()) {
            const int age = ageAt(*r.birthDate.latest());
            const int legal = r.sex == Sex::Male ? 20 : 18;
            if (age < legal)
                out.append(Finding{QStringLiteral("household.marriage_age"), i,
                                   QStringLiteral("relation=%1, sex=%2, age %3")
                                       .arg(r.relationToHead, sexCode(r.sex))
                                       .arg(age)});
        }
    }
}

} // namespace wardroll::model
