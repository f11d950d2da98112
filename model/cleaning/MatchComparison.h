#pragma once

#include <array>
#include <QCoreApplication>
#include <QHashFunctions>
#include <QString>

namespace wardroll::model {

// The comparisons the duplicate detector makes between two records and their levels, from the
// strongest agreement (level 0) to disagreement (the last level); -1 = nothing to compare
// (a value missing on either side), which contributes no evidence.
class MatchComparison
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::MatchComparison)
public:
    enum Id {
        GivenName, // exact, accent, dialect, similar, different
        FamilyName, // exact, variant, similar, different
        MiddleName, // exact, gender_word, partial, different
        BirthDate, // exact, day_month_swapped, one_digit, partial, same_year, near_year, different, far
        Sex, // same, different
        PersonalId, // exact, one_digit, same_birth_digits (another ID, same sex/century/year digits),
                    // different
        OldId, // exact, one_digit, different
        Father, // exact, similar, different (name or ID)
        Mother,
        Spouse,
        Hometown, // exact, similar, different
        BirthRegistration,
        BirthPlace,
        Address, // exact, similar, partial, different (best of permanent/current/temporary)
        Household, // same, different
        Village, // same, different
        Phone, // exact, one_digit, different
        Email, // exact, similar, different
        Ethnicity, // same, different
        Count
    };
    static constexpr int count = Count;
    static constexpr int maxLevels = 8;
    static constexpr qint8 null = -1;

    // The levels of one pair as a hashable value, 4 bits per comparison (15 = null), for
    // counting comparison patterns.
    struct Pattern
    {
        quint64 low = 0;
        quint64 high = 0;
        friend bool operator==(const Pattern&, const Pattern&) = default;
        [[nodiscard]] int levelOf(int k) const
        {
            const quint64 word = k < 16 ? low : high;
            const int v = static_cast<int>((word >> (4 * (k % 16))) & 15);
            return v == 15 ? -1 : v;
        }
    };

    struct Vector
    {
        std::array<qint8, Count> level{};
        bool swappedNames = false; // family and given name written the other way round
        bool twins = false; // same parents or household and birth date, different given name
        bool givenConflict = false; // see NameComparator::Levels

        [[nodiscard]] Pattern pattern() const
        {
            Pattern p;
            for (int k = 0; k < Count; ++k) {
                const auto bits = static_cast<quint64>(level[k] < 0 ? 15 : level[k]) << (4 * (k % 16));
                (k < 16 ? p.low : p.high) |= bits;
            }
            return p;
        }
    };

    [[nodiscard]] static int levelCount(int id);
    // Stable codes for JSON: "given_name", "birth_date", ...
    [[nodiscard]] static QString fieldCode(int id);
    // The canonical resident field a comparison reads ("full_name" for the name parts).
    [[nodiscard]] static QString canonicalField(int id);
    // Stable level codes: "exact", "accent", "dialect", ...
    [[nodiscard]] static QString levelCode(int id, int level);
    // Translated, for messages: "given name", "birth date".
    [[nodiscard]] static QString fieldTitle(int id);
    // Translated description of an agreement level: "same", "differs only in accents".
    [[nodiscard]] static QString levelTitle(int id, int level);
    // Identity fields say who a person is; the others (family, residence, contact) say where
    // and with whom they live, which siblings share: they may support an identity match but
    // never outweigh identity evidence against it.
    [[nodiscard]] static bool isIdentity(int id);
};

inline size_t qHash(const MatchComparison::Pattern& p, size_t seed = 0) noexcept
{
    return qHashMulti(seed, p.low, p.high);
}

} // namespace wardroll::model
