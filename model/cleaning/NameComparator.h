#pragma once

#include "MatchFeatures.h"

namespace wardroll::model {

// Compares two Vietnamese names token by token (DOMAIN.md §6): family name first, given name
// last, middle names between (0..n). Knows accents and tone placement, dialect slips, Huỳnh/Hoàng
// and Vũ/Võ, dropped "Văn"/"Thị", names written given-name first, and one-word names.
class NameComparator
{
public:
    // MatchComparison::GivenName levels.
    enum TokenLevel { Exact, Accent, Dialect, Similar, Different };
    struct Levels
    {
        int given = -1; // TokenLevel, -1 = nothing to compare
        int family = -1; // MatchComparison::FamilyName level: exact, variant, similar, different
        int middle = -1; // MatchComparison::MiddleName level: exact, gender_word, partial, different
        bool swapped = false;
        // The given names are two names rather than one name with a slip: both names other
        // records of the ward have too, and differing in more than a dialect letter, hỏi/ngã
        // or missing marks. What tells twins from a duplicate with a typo.
        bool givenConflict = false;
    };

    explicit NameComparator(const MatchFeatures& features)
        : m_f(features)
    {
    }

    [[nodiscard]] int tokenLevel(quint32 a, quint32 b) const;
    [[nodiscard]] int familyLevel(quint32 a, quint32 b) const;
    [[nodiscard]] Levels compare(MatchFeatures::Span a, MatchFeatures::Span b) const;
    // A relative's name: 0 same (folded), 1 similar (same given name up to dialect, family name
    // a variant, middle names compatible), 2 different.
    [[nodiscard]] int personLevel(MatchFeatures::Span a, MatchFeatures::Span b) const;

private:
    [[nodiscard]] bool conflict(quint32 a, quint32 b, int level) const;
    [[nodiscard]] int middleLevel(const quint32* a, quint32 na, const quint32* b, quint32 nb) const;
    const MatchFeatures& m_f;
};

} // namespace wardroll::model
