#pragma once

namespace wardroll::model {

// Compares two birth dates of possibly partial precision (0 = unknown part; DOMAIN.md §7) and
// gives a MatchComparison::BirthDate level.
class DateComparator
{
public:
    enum Level { Exact, DayMonthSwapped, OneDigit, Partial, SameYear, NearYear, Different, Far };
    // Years further apart than this (and not a slip of one digit) are Far.
    static constexpr int farYears = 5;
    // -1 when either year is unknown.
    [[nodiscard]] static int level(int y1, int m1, int d1, int y2, int m2, int d2);
};

} // namespace wardroll::model
