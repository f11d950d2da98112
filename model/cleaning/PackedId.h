#pragma once

#include <bit>
#include <QStringView>
#include <QtGlobal>

namespace wardroll::model {

// An identifier (personal ID, old ID card number, phone) packed into 64 bits for the duplicate
// detector: up to 14 decimal digits as 4-bit nibbles with the length in the top nibble, so that
// equality, one mistyped digit and two swapped digits are a few bit operations. Anything else
// (letters, longer numbers) is kept as a hash, good for equality only. 0 = empty.
class PackedId
{
public:
    static constexpr int maxDigits = 14;

    [[nodiscard]] static quint64 pack(QStringView normalized);
    [[nodiscard]] static bool isDigits(quint64 v) { return v != 0 && (v >> 60) <= maxDigits; }
    [[nodiscard]] static int length(quint64 v) { return isDigits(v) ? static_cast<int>(v >> 60) : 0; }
    // Digit `i` counted from the left (0-based).
    [[nodiscard]] static int digit(quint64 v, int i)
    {
        return static_cast<int>((v >> (4 * (length(v) - 1 - i))) & 0xF);
    }
    // The value with digits [from, to) (from the left) replaced by 0xF: a blocking key.
    [[nodiscard]] static quint64 masked(quint64 v, int from, int to)
    {
        const int n = length(v);
        for (int i = from; i < to && i < n; ++i)
            v |= quint64(0xF) << (4 * (n - 1 - i));
        return v;
    }

    enum class Slip { Equal, OneDigit, Different };
    // One substituted digit or two adjacent digits swapped count as OneDigit.
    [[nodiscard]] static Slip slip(quint64 a, quint64 b)
    {
        if (a == b)
            return Slip::Equal;
        if (!isDigits(a) || !isDigits(b) || (a >> 60) != (b >> 60))
            return Slip::Different;
        const quint64 diff = (a ^ b) & ((quint64(1) << 60) - 1);
        const quint64 nibbles = (diff | diff >> 1 | diff >> 2 | diff >> 3) & 0x0111111111111111ULL;
        const int count = std::popcount(nibbles);
        if (count == 1)
            return Slip::OneDigit;
        if (count != 2)
            return Slip::Different;
        const int low = std::countr_zero(nibbles);
        if (!(nibbles & (quint64(1) << (low + 4))))
            return Slip::Different;
        const auto nib = [](quint64 v, int bit) {
            return (v >> bit) & 0xF;
        };
        return nib(a, low) == nib(b, low + 4) && nib(a, low + 4) == nib(b, low) ? Slip::OneDigit
                                                                                : Slip::Different;
    }
};

} // namespace wardroll::model
