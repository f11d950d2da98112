#pragma once

#include "Finding.h"
#include "Household.h"
#include "Resident.h"
#include "RuleContext.h"

#include <QCoreApplication>
#include <QList>

namespace wardroll::model {

// The consistency rules about a household and its members (DOMAIN.md §8). Members are the live
// records linked to the household, whatever their status (a deceased head still counts: a
// second head added after a death is a finding). Relations are read with
// HouseholdRelations::find; an unknown relation, an unknown sex or an empty or unreadable date
// never raises a household rule (the record's own rules report those).
//
//   household.no_head (error)       no member is "Chủ hộ"
//   household.many_heads (error)    two or more are
//   household.spouse_count (error)  more than one member is the head's spouse (Vợ/Chồng)
//   household.relation_sex (error, per member)  the relation implies the other sex (Vợ, Mẹ,
//                                   Con dâu: female; Chồng, Cha, Con rể: male)
//   household.relation_age (warning, per member)  with exactly one head whose birth year is
//                                   known: a relation of generation g ≠ 0 born less than 12·|g|
//                                   years before (g > 0: parents, grandparents) or after
//                                   (g < 0: children, grandchildren) the head, in birth years
//   household.marriage_age (warning, per member)  a spouse of the head, or the head of a
//                                   household with a spouse, younger today than the legal
//                                   marriage age (men 20, women 18), counting full years from
//                                   the latest day the birth date can denote
//
// Household findings carry householdId; per-member findings carry both residentId and
// householdId (their subject is the member).
class HouseholdRules
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::HouseholdRules)
public:
    [[nodiscard]] static QList<Finding> check(const Household& household, const QList<Resident>& members,
                                              const RuleContext& context);
    static void check(const Household& household, const QList<Resident>& members, const RuleContext& context,
                      QList<Finding>& out);

    // Every code this class raises, with its severity.
    [[nodiscard]] static const QList<std::pair<QString, Severity>>& rules();

    static constexpr int minimumGenerationGap = 12; // years per generation
    static constexpr int legalMarriageAgeMen = 20;
    static constexpr int legalMarriageAgeWomen = 18;
};

} // namespace wardroll::model
