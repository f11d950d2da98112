#pragma once

#include "Address.h"

#include <QString>

namespace wardroll::model {

// A household (hộ): its number and address. Members are the residents whose householdId
// points here, each with a relation to the head ("Chủ hộ" for the head).
struct Household
{
    QString id; // UUIDv7
    QString number; // household number / the import's household_ref
    Address address;
    QString village;

    qint64 createdAt = 0;
    QString createdBy;
    qint64 updatedAt = 0;
    QString updatedBy;
    qint64 deletedAt = 0;
};

} // namespace wardroll::model
