#pragma once

#include "Household.h"
#include "Resident.h"

#include <QList>
#include <QString>

namespace wardroll::model {

// A demo ward's household while it is being generated: the records and what the generator
// knows about them. Part of DemoWardGenerator.
struct DemoMember
{
    Resident resident;
    int twinGroup = -1; // members of one household with the same value are twins
    bool keepClean = false; // twins and duplicated people: no defect is injected into them
    int cluster = -1; // duplicate cluster (ward-wide index), -1 when not duplicated
    QString variation; // "original", or the copy's variations joined by ';'
};

struct DemoHousehold
{
    Household household;
    QList<DemoMember> members;
};

} // namespace wardroll::model
