#include "HouseholdRules.h"

#include "Fingerprint.h"
#include "HouseholdRelations.h"

#include <algorithm>

namespace wardroll::model {

namespace {

using Group = HouseholdRelations::Group;

QString nameOf(const Resident& r)
{
    if (!r.fullName.trimmed().isEmpty())
        return r.fullName;
    return r.sourceRef.isEmpty() ? r.id : r.sourceRef;
}

QString householdName(const Household& h)
{
    return h.number.isEmpty() ? h.id : h.number;
}

int fullYears(QDate birth, QDate at)
{
    int years = at.year() - birth.year();
    if (at.month() < birth.month() || (at.month() == birth.month() && at.day() < birth.day()))
        --years;
    return years;
}

// What the household-level rules looked at: who the members are and how they are related.
QString membershipFingerprint(const QString& rule, const QList<Resident>& members)
{
    QList<std::pair<QString, QString>> rows;
    rows.reserve(members.size());
    for (const Resident& r : members)
        rows.append({r.id, r.relationToHead});
    std::sort(rows.begin(), rows.end());
    Fingerprint fp(rule);
    for (const auto& [id, relation] : std::as_const(rows))
        fp.add(id).add(relation);
    return fp.hex();
}

} // namespace

const QList<std::pair<QString, Severity>>& HouseholdRules::rules()
{
    static const QList<std::pair<QString, Severity>> codes = {
        {QStringLiteral("household.no_head"), Severity::Error},
        {QStringLiteral("household.many_heads"), Severity::Error},
        {QStringLiteral("household.spouse_count"), Severity::Error},
        {QStringLiteral("household.relation_sex"), Severity::Error},
        {QStringLiteral("household.relation_age"), Severity::Warning},
        {QStringLiteral("household.marriage_age"), Severity::Warning},
    };
    return codes;
}

QList<Finding> HouseholdRules::check(const Household& household, const QList<Resident>& members,
                                     const RuleContext& context)
{
    QList<Finding> out;
    check(household, members, context, out);
    return out;
}

void HouseholdRules::check(const Household& household, const QList<Resident>& members,
                           const RuleContext& context, QList<Finding>& out)
{
    if (members.isEmpty())
        return;
    const QDate today = context.today.isValid() ? context.today : QDate::currentDate();
    const HouseholdRelations& catalogue = HouseholdRelations::instance();
    const QString relationField = QStringLiteral("relation_to_head");

    QList<const HouseholdRelations::Relation*> relations(members.size(), nullptr);
    QList<qsizetype> heads;
    QList<qsizetype> spouses;
    for (qsizetype i = 0; i < members.size(); ++i) {
        relations[i] = catalogue.find(members[i].relationToHead);
        if (!relations[i])
            continue;
        if (relations[i]->group == Group::Head)
            heads << i;
        else if (relations[i]->group == Group::Spouse)
            spouses << i;
    }

    auto householdFinding = [&](const QString& rule, QString message) {
        Finding f;
        f.rule = rule;
        f.severity = Severity::Error;
        f.householdId = household.id;
        f.fields = {relationField};
        f.message = std::move(message);
        f.fingerprint = membershipFingerprint(rule, members);
        out << f;
    };
    auto listed = [&](QList<qsizetype> indexes) {
        // In record order, whatever order the members came in: the same household gives the
        // same message.
        std::sort(indexes.begin(), indexes.end(),
                  [&members](qsizetype a, qsizetype b) { return members[a].id < members[b].id; });
        QStringList names;
        for (qsizetype i : indexes)
            names << tr("%1 (%2)").arg(nameOf(members[i]), members[i].relationToHead);
        return names.join(QStringLiteral("; "));
    };
    if (heads.isEmpty())
        householdFinding(
            QStringLiteral("household.no_head"),
            tr("Household %1 has no head (“%2”) among its %n member(s).", nullptr, int(members.size()))
                .arg(householdName(household), HouseholdRelations::headValue()));
    if (heads.size() > 1)
        householdFinding(QStringLiteral("household.many_heads"),
                         tr("Household %1 has %2 heads: %3. A household has exactly one head.")
                             .arg(householdName(household))
                             .arg(heads.size())
                             .arg(listed(heads)));
    if (spouses.size() > 1)
        householdFinding(QStringLiteral("household.spouse_count"),
                         tr("Household %1 has %2 members recorded as the head's spouse: %3.")
                             .arg(householdName(household))
                             .arg(spouses.size())
                             .arg(listed(spouses)));

    auto memberFinding = [&](const Resident& r, const QString& rule, Severity severity, QStringList fields,
                             QString message, const Fingerprint& fp) {
        Finding f;
        f.rule = rule;
        f.severity = severity;
        f.residentId = r.id;
        f.householdId = household.id;
        f.fields = std::move(fields);
        f.message = std::move(message);
        f.fingerprint = fp.hex();
        out << f;
    };

    const Resident* head = heads.size() == 1 ? &members[heads.first()] : nullptr;
    const std::optional<int> headYear = head ? head->birthDate.year() : std::nullopt;
    for (qsizetype i = 0; i < members.size(); ++i) {
        const Resident& r = members[i];
        const HouseholdRelations::Relation* relation = relations[i];
        if (!relation)
            continue;

        if (relation->expectedSex != Sex::Unknown && r.sex != Sex::Unknown
            && r.sex != relation->expectedSex) {
            Fingerprint fp(u"household.relation_sex");
            fp.add(r.relationToHead).add(sexCode(r.sex));
            memberFinding(r, QStringLiteral("household.relation_sex"), Severity::Error,
                          {relationField, QStringLiteral("sex")},
                          (relation->expectedSex == Sex::Female
                               ? tr("%1 is recorded as “%2” of the household head, which is a woman, but "
                                    "the sex is male.")
                               : tr("%1 is recorded as “%2” of the household head, which is a man, but the "
                                    "sex is female."))
                              .arg(nameOf(r), r.relationToHead),
                          fp);
        }

        const std::optional<int> year = r.birthDate.year();
        const int g = relation->generationOffset.value_or(0);
        if (headYear && year && &r != head && g != 0) {
            const int gap = g > 0 ? *headYear - *year : *year - *headYear;
            const int needed = minimumGenerationGap * std::abs(g);
            if (gap < needed) {
                Fingerprint fp(u"household.relation_age");
                fp.add(r.relationToHead).add(year).add(head->id).add(headYear);
                memberFinding(r, QStringLiteral("household.relation_age"), Severity::Warning,
                              {relationField, QStringLiteral("birth_date")},
                              (g > 0 ? tr("%1 (“%2”, born %3) should be born at least %4 years before the "
                                          "household head (born %5).")
                                     : tr("%1 (“%2”, born %3) should be born at least %4 years after the "
                                          "household head (born %5)."))
                                  .arg(nameOf(r), r.relationToHead)
                                  .arg(*year)
                                  .arg(needed)
                                  .arg(*headYear),
                              fp);
            }
        }

        const bool married = relation->group == Group::Spouse || (&r == head && !spouses.isEmpty());
        if (married && r.sex != Sex::Unknown && r.birthDate.isValid()) {
            const int age = fullYears(*r.birthDate.latest(), today);
            const bool man = r.sex == Sex::Male;
            const int legal = man ? legalMarriageAgeMen : legalMarriageAgeWomen;
            if (age < legal) {
                Fingerprint fp(u"household.marriage_age");
                fp.add(r.relationToHead).add(sexCode(r.sex)).add(r.birthDate.raw());
                fp.add(r.birthDate.year()).add(r.birthDate.month()).add(r.birthDate.day());
                const QString who = &r == head
                    ? tr("%1 is the household head and has a spouse").arg(nameOf(r))
                    : tr("%1 is the head's spouse (“%2”)").arg(nameOf(r), r.relationToHead);
                memberFinding(
                    r, QStringLiteral("household.marriage_age"), Severity::Warning,
                    {relationField, QStringLiteral("birth_date"), QStringLiteral("sex")},
                    (man ? tr("%1, but is %2 years old: under the legal marriage age for men (%3).")
                         : tr("%1, but is %2 years old: under the legal marriage age for women (%3)."))
                        .arg(who)
                        .arg(age)
                        .arg(legal),
                    fp);
            }
        }
    }
}

} // namespace wardroll::model
