#pragma once

#include "DemoRandom.h"
#include "Sex.h"

#include <QString>
#include <unordered_set>

namespace wardroll::model {

// Issues the demo ward's 12-digit personal IDs (PPP G YY RRRRRR, DOMAIN.md §3): consistent
// with sex and birth year through PersonalId::centurySexDigit, and unique: every ID it hands
// out, or is told about, is remembered. Part of DemoWardGenerator.
class DemoIdIssuer
{
public:
    explicit DemoIdIssuer(DemoRandom& rng)
        : m_rng(rng)
    {
    }

    // A new ID for a person born in `birthYear` (1900..2299) whose birth was registered under
    // `prefix` (3 digits, known or not).
    [[nodiscard]] QString issue(QStringView prefix, Sex sex, int birthYear);
    // Marks a 12-digit ID as taken; false when it already was.
    bool claim(QStringView id);
    [[nodiscard]] bool isTaken(QStringView id) const;
    // A 9-digit old ID card (CMND) number; these are not unique in real data either.
    [[nodiscard]] QString oldCardNumber();

private:
    DemoRandom& m_rng;
    std::unordered_set<quint64> m_taken;
};

} // namespace wardroll::model
