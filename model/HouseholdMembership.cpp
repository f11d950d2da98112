#include "HouseholdMembership.h"

#include "HouseholdRelations.h"
#include "SqlTransaction.h"
#include "VietnameseText.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <algorithm>

namespace wardroll::model {

namespace {

bool isHead(const Resident& r)
{
    const HouseholdRelations::Relation* relation = HouseholdRelations::instance().find(r.relationToHead);
    return relation && relation->group == HouseholdRelations::Group::Head;
}

bool isHeadValue(const QString& relation)
{
    const HouseholdRelations::Relation* found = HouseholdRelations::instance().find(relation);
    return found && found->group == HouseholdRelations::Group::Head;
}

Error invalidInput(QString message)
{
    return Error{Error::Kind::InvalidInput, std::move(message), {}};
}

} // namespace

HouseholdMembership::HouseholdMembership(WardDatabase& ward)
    : m_ward(ward)
{
}

Status HouseholdMembership::changeHead(const QString& householdId, const QString& newHeadId,
                                       const QString& formerHeadRelation)
{
    const QString former = VietnameseText::clean(formerHeadRelation);
    if (isHeadValue(former))
        return invalidInput(tr("The former head cannot stay “%1”: choose their relationship to the new head.")
                                .arg(HouseholdRelations::headValue()));
    SqlTransaction transaction(m_ward.connection());
    if (!transaction.begun().ok())
        return transaction.begun();
    WardStore store(m_ward);
    auto household = store.household(householdId);
    if (!household.ok())
        return household.error();
    if (household->deletedAt)
        return Error{Error::Kind::NotFound, tr("The household no longer exists."), householdId};
    auto members = store.householdMembers(householdId);
    if (!members.ok())
        return members.error();
    auto newHead = std::find_if(members->begin(), members->end(),
                                [&newHeadId](const Resident& r) { return r.id == newHeadId; });
    if (newHead == members->end())
        return invalidInput(tr("The new head must be a member of the household."));
    const bool formerHeads = std::any_of(members->cbegin(), members->cend(), [&newHeadId](const Resident& r) {
        return r.id != newHeadId && isHead(r);
    });
    if (formerHeads && former.isEmpty())
        return invalidInput(tr("Choose the former head's relationship to the new head (for example "
                               "“Vợ” or “Chồng”)."));
    for (Resident& member : *members) {
        if (member.id == newHeadId || !isHead(member))
            continue;
        member.relationToHead = former;
        if (auto status = store.updateResident(member); !status.ok())
            return status;
    }
    if (!isHead(*newHead) || newHead->relationToHead != HouseholdRelations::headValue()) {
        newHead->relationToHead = HouseholdRelations::headValue();
        if (auto status = store.updateResident(*newHead); !status.ok())
            return status;
    }
    return transaction.commit();
}

Status HouseholdMembership::moveResident(const QString& residentId, const QString& toHouseholdId,
                                         const QString& relation)
{
    const QString cleaned = VietnameseText::clean(relation);
    if (cleaned.isEmpty())
        return invalidInput(tr("Choose the person's relationship to the head of the new household."));
    SqlTransaction transaction(m_ward.connection());
    if (!transaction.begun().ok())
        return transaction.begun();
    WardStore store(m_ward);
    auto resident = store.resident(residentId);
    if (!resident.ok())
        return resident.error();
    if (!resident->isLive())
        return invalidInput(tr("This record was deleted or merged into another one: it cannot be moved."));
    if (resident->householdId == toHouseholdId)
        return invalidInput(tr("The person already belongs to this household."));
    auto target = store.household(toHouseholdId);
    if (!target.ok())
        return target.error();
    if (target->deletedAt)
        return Error{Error::Kind::NotFound, tr("The household no longer exists."), toHouseholdId};
    if (isHeadValue(cleaned)) {
        auto members = store.householdMembers(toHouseholdId);
        if (!members.ok())
            return members.error();
        if (std::any_of(members->cbegin(), members->cend(), isHead))
            return invalidInput(tr("Household %1 already has a head. Move the person with another "
                                   "relationship, then change the head.")
                                    .arg(target->number));
    }
    resident->householdId = toHouseholdId;
    resident->relationToHead = cleaned;
    if (auto status = store.updateResident(resident.value()); !status.ok())
        return status;
    return transaction.commit();
}

Status HouseholdMembership::setRelation(const QString& residentId, const QString& relation)
{
    const QString cleaned = VietnameseText::clean(relation);
    if (isHeadValue(cleaned))
        return invalidInput(tr("To make someone the household head, use “Make head” in the household view."));
    SqlTransaction transaction(m_ward.connection());
    if (!transaction.begun().ok())
        return transaction.begun();
    WardStore store(m_ward);
    auto resident = store.resident(residentId);
    if (!resident.ok())
        return resident.error();
    if (isHead(resident.value()))
        return invalidInput(
            tr("%1 is the household head: make another member the head instead.").arg(resident->fullName));
    resident->relationToHead = cleaned;
    if (auto status = store.updateResident(resident.value()); !status.ok())
        return status;
    return transaction.commit();
}

} // namespace wardroll::model
