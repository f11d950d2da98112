#include "DateComparator.h"

#include <array>
#include <cstdlib>

namespace wardroll::model {

namespace {

// Writes `value` as `width` decimal digits into `out`.
void digits(int value, int width, char* out)
{
    for (int i = width - 1; i >= 0; --i) {
        out[i] = static_cast<char>('0' + value % 10);
        value /= 10;
    }
}

// One substitution or one swap of adjacent digits (cf. StringSimilarity::digitSlip), without
// building strings: this runs for most candidate pairs.
bool oneSlip(const char* a, const char* b, int size)
{
    int first = -1;
    int second = -1;
    int differences = 0;
    for (int i = 0; i < size; ++i) {
        if (a[i] == b[i])
            continue;
        if (++differences > 2)
            return false;
        (first < 0 ? first : second) = i;
    }
    if (differences == 1)
        return true;
    return differences == 2 && second == first + 1 && a[first] == b[second] && a[second] == b[first];
}

// Year typos: off by one, or one digit mistyped or two adjacent digits swapped (1985/1958).
bool nearYear(int y1, int y2)
{
    if (std::abs(y1 - y2) <= 1)
        return true;
    std::array<char, 4> a{};
    std::array<char, 4> b{};
    digits(y1 % 10000, 4, a.data());
    digits(y2 % 10000, 4, b.data());
    return oneSlip(a.data(), b.data(), 4);
}

DateComparator::Level yearsApart(int y1, int y2)
{
    if (nearYear(y1, y2))
        return DateComparator::NearYear;
    return std::abs(y1 - y2) > DateComparator::farYears ? DateComparator::Far : DateComparator::Different;
}

} // namespace

int DateComparator::level(int y1, int m1, int d1, int y2, int m2, int d2)
{
    if (y1 <= 0 || y2 <= 0)
        return -1;
    const bool full1 = m1 > 0 && d1 > 0;
    const bool full2 = m2 > 0 && d2 > 0;
    if (full1 && full2) {
        if (y1 == y2 && m1 == m2 && d1 == d2)
            return Exact;
        if (y1 == y2 && m1 == d2 && d1 == m2)
            return DayMonthSwapped;
        // One slip of the keyboard in "yyyymmdd".
        std::array<char, 8> a{};
        std::array<char, 8> b{};
        digits(y1 % 10000, 4, a.data());
        digits(m1 % 100, 2, a.data() + 4);
        digits(d1 % 100, 2, a.data() + 6);
        digits(y2 % 10000, 4, b.data());
        digits(m2 % 100, 2, b.data() + 4);
        digits(d2 % 100, 2, b.data() + 6);
        if (oneSlip(a.data(), b.data(), 8))
            return OneDigit;
        // 01/01 is often written for an unknown day and month.
        if (y1 == y2 && ((m1 == 1 && d1 == 1) || (m2 == 1 && d2 == 1)))
            return Partial;
        if (y1 == y2)
            return SameYear;
        return yearsApart(y1, y2);
    }
    if (y1 != y2)
        return yearsApart(y1, y2);
    if (m1 > 0 && m2 > 0 && m1 != m2)
        return SameYear;
    return Partial;
}

} // namespace wardroll::model
