#pragma once

#include <QStringView>

namespace wardroll::model {

// Similarity measures for the duplicate detector's comparators, on already folded keys.
class StringSimilarity
{
public:
    // Jaro–Winkler similarity in [0, 1] (prefix scale 0.1, up to 4 characters).
    [[nodiscard]] static double jaroWinkler(QStringView a, QStringView b);
    // Optimal string alignment distance (Damerau–Levenshtein without repeated edits of one
    // substring): insertions, deletions, substitutions and adjacent transpositions cost 1.
    // Returns `limit + 1` as soon as the distance is known to exceed `limit`.
    [[nodiscard]] static int editDistance(QStringView a, QStringView b, int limit = 3);

    enum class DigitSlip { Equal, OneSubstitution, AdjacentTransposition, Other };
    // How two identifiers of the same length differ: the slips of keying a number by hand.
    // Different lengths are Other.
    [[nodiscard]] static DigitSlip digitSlip(QStringView a, QStringView b);
};

} // namespace wardroll::model
