#pragma once

#include "Resident.h"

#include <QJsonObject>

namespace wardroll::model {

// A resident's record as a JSON object with every field, bookkeeping included: the
// before-image a merge keeps so that it can be undone exactly.
class ResidentJson
{
public:
    [[nodiscard]] static QJsonObject toJson(const Resident& r);
    [[nodiscard]] static Resident fromJson(const QJsonObject& json);
};

} // namespace wardroll::model
