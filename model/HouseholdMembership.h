#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

namespace wardroll::model {

class WardDatabase;

// Changes to who belongs to a household and how (DOMAIN.md §8), each in one SqlTransaction of
// its own so that change capture records it as one change-set. Refuses what would make a record
// inconsistent on purpose (a second head, a head that is not a member); relations that become
// implausible after a change are left to HouseholdRules to report.
class HouseholdMembership
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::HouseholdMembership)
public:
    explicit HouseholdMembership(WardDatabase& ward);

    // Makes a live member the head ("Chủ hộ"); every other member recorded as head gets
    // `formerHeadRelation` (their relation to the new head, e.g. "Chồng"; required when there is a
    // former head, ignored when there is none). The other members' relations are left as they
    // are: they were relative to the former head, the officer reviews them.
    [[nodiscard]] Status changeHead(const QString& householdId, const QString& newHeadId,
                                    const QString& formerHeadRelation);
    // Moves a live resident to another live household, with their relation to its head. A person
    // cannot become a second head: choose another relation and change the head afterwards.
    [[nodiscard]] Status moveResident(const QString& residentId, const QString& toHouseholdId,
                                      const QString& relation);
    // Sets one member's relation to the head. Neither to nor from "Chủ hộ": use changeHead.
    [[nodiscard]] Status setRelation(const QString& residentId, const QString& relation);

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
