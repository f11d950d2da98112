#pragma once

#include "DemoHousehold.h"

#include <QDate>
#include <QHash>
#include <QString>
#include <QStringList>

namespace wardroll::model {

class DemoIdIssuer;
class DemoRandom;
class DemoRuleAudit;
class DemoWardProfile;

// Makes a clean demo household dirty the ways real records are (DOMAIN.md §9), one rule of
// DemoRuleAudit at a time, and makes second records of people (duplicates). Members marked
// keepClean (twins, duplicated people) are never touched. Part of DemoWardGenerator.
class DemoDefectInjector
{
public:
    DemoDefectInjector(const DemoWardProfile& ward, DemoRandom& rng, DemoIdIssuer& ids,
                       const DemoRuleAudit& audit, int referenceYear);

    // Changes one or more members so that `rule` is raised in the household; false when no
    // member lends itself to it (the household is then unchanged). household.marriage_age is
    // not injected: DemoHouseholdBuilder builds such households (Shape::UnderageSpouse).
    bool inject(const QString& rule, DemoHousehold& household);
    // Remembers the IDs of clean records, which id.shared copies onto other people.
    void remember(const DemoMember& cleanMember);

    // A second record of `original`'s person with variations (the vocabulary of duplicates.csv:
    // accents_dropped, tone_placement, name_typo, day_month_swap, missing_id, other_id),
    // `preferred` first when it applies; at least one unless `exact`. Placing the copy in
    // another household ("moved_household") is the caller's business.
    [[nodiscard]] DemoMember copyOf(const DemoMember& original, const QString& preferred, bool exact);
    // Whether a copy of `r` can show `variation` (a name with a tone to move, a day <= 12, ...).
    [[nodiscard]] static bool canVary(const Resident& r, const QString& variation);

private:
    bool injectRecord(const QString& rule, Resident& r);
    bool injectHousehold(const QString& rule, DemoHousehold& household);
    [[nodiscard]] QList<int> candidates(const DemoHousehold& household) const;
    [[nodiscard]] bool raised(const QString& rule, const DemoHousehold& household, int member) const;
    void reissue(Resident& r, QString id);

    const DemoWardProfile& m_ward;
    DemoRandom& m_rng;
    DemoIdIssuer& m_ids;
    const DemoRuleAudit& m_audit;
    int m_refYear;
    QHash<int, QString> m_idsBySexAndYear;
};

} // namespace wardroll::model
