#pragma once

#include <QString>

namespace wardroll::model {

// A residence as records hold it: the administrative unit (code + the scheme the code belongs
// to, since a 5-digit commune code means different units before and after the 2025 reform),
// the village (thôn / tổ dân phố, not an administrative level) and the address as written.
struct Address
{
    QString unitCode; // e.g. "00004"
    QString unitScheme; // "2025" (34 provinces / 3,321 communes) or "legacy" (63 / 10,035)
    QString village;
    QString text; // house number, street, and whatever else was written

    [[nodiscard]] bool isEmpty() const
    {
        return unitCode.isEmpty() && village.isEmpty() && text.trimmed().isEmpty();
    }
    friend bool operator==(const Address&, const Address&) = default;
};

inline const QString unitScheme2025 = QStringLiteral("2025");
inline const QString unitSchemeLegacy = QStringLiteral("legacy");

} // namespace wardroll::model
