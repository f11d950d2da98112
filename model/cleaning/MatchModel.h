#pragma once

#include "MatchComparison.h"
#include "MatchFeatures.h"

#include <array>
#include <QHash>
#include <vector>

namespace wardroll::model {

// Fellegi–Sunter weights for the duplicate detector, estimated from the ward itself:
// u (how often two different people agree at a level) from random pairs of records, m (how
// often one person recorded twice does) by expectation–maximisation over the candidate pairs'
// comparison patterns, starting from and regularised towards documented priors. Exact
// agreement is weighted by how common the value is (term frequency): two "Nguyễn" agree weakly,
// two rare given names strongly. A comparison with no data in the ward keeps its priors and,
// having no levels to observe, contributes nothing.
class MatchModel
{
public:
    using Counts = std::array<std::array<qint64, MatchComparison::maxLevels>, MatchComparison::Count>;

    explicit MatchModel(const MatchFeatures& features);

    // From the levels of random record pairs.
    void estimateU(const Counts& randomPairLevels, qint64 randomPairs);
    using Table = std::array<std::array<double, MatchComparison::maxLevels>, MatchComparison::Count>;
    // One EM training session: the comparison patterns of the candidate pairs of one blocking
    // rule, with the comparisons that rule selects on ignored (they agree by construction, so
    // they say nothing about m and would bias the estimate), as Splink does.
    struct Session
    {
        Table m{};
        std::array<double, MatchComparison::Count> weight{}; // expected matched pairs observed per comparison
        double lambda = 0; // share of duplicates among the session's pairs
        int iterations = 0;
        bool converged = false;
        qint64 sample = 0; // pairs in the patterns
    };
    [[nodiscard]] Session estimateSession(const QHash<MatchComparison::Pattern, qint64>& patterns,
                                          const std::array<bool, MatchComparison::Count>& ignore) const;
    // m of each comparison: the average of the sessions that estimated it, weighted by how
    // many duplicates each saw; the prior where none did.
    void combine(const QList<Session>& sessions);
    // The prior odds of a match for a random pair of the ward: the estimated number of
    // duplicate pairs over all pairs.
    void setPrior(double expectedMatches, double allPairs);

    [[nodiscard]] double m(int k, int level) const { return m_m[k][level]; }
    [[nodiscard]] double u(int k, int level) const { return m_u[k][level]; }
    [[nodiscard]] double log2PriorOdds() const { return m_log2Prior; }
    // log2(m/u) without term frequency.
    [[nodiscard]] double weight(int k, int level) const { return m_weight[k][level]; }

    // Match weight of a pair: prior + the sum of its comparisons' weights (term-frequency
    // adjusted); context fields count only when identity evidence alone favours a match by
    // identityMargin; twins get a strong penalty. Fills `weights` (per comparison, 0 when not compared) when
    // given.
    [[nodiscard]] double score(const MatchComparison::Vector& v, const MatchFeatures::Record& a,
                               const MatchFeatures::Record& b,
                               std::array<double, MatchComparison::Count>* weights = nullptr) const;
    static constexpr double twinPenalty = -40.0;
    // Context fields count only when the identity fields alone favour one person by this much
    // (log2 odds, 8:1): siblings named alike (which happens) must not pass on the family's
    // shared parents, household and hometown.
    static constexpr double identityMargin = 3.0;
    // An upper bound of score() from the identity comparisons alone (PairComparator::
    // compareIdentity): the prior, their weights, and the most the context fields could add.
    [[nodiscard]] double scoreBound(const MatchComparison::Vector& v, const MatchFeatures::Record& a,
                                    const MatchFeatures::Record& b) const;

    // Same father, mother or household: a family, whose members share a family name and often a
    // middle name, so that agreement on those is no evidence of one person.
    template <typename Levels> [[nodiscard]] static bool sameFamily(const Levels& level)
    {
        return level[MatchComparison::Father] == 0 || level[MatchComparison::Mother] == 0
            || level[MatchComparison::Household] == 0;
    }
    [[nodiscard]] static bool inherited(int k)
    {
        return k == MatchComparison::FamilyName || k == MatchComparison::MiddleName;
    }
    // Two personal IDs that differ but agree on the sex, century and birth-year digits tell
    // nothing the birth date and sex do not already: once those are compared, the level's u is
    // taken as 1 (weight log2 m), not as for two random records.
    template <typename Levels>
    [[nodiscard]] static bool repeatsBirthDate(int k, int level, const Levels& levels)
    {
        return k == MatchComparison::PersonalId && level == 2 && levels[MatchComparison::BirthDate] >= 0;
    }

private:
    void updateContextBound();
    [[nodiscard]] double tfWeight(int k, int level, MatchDictionary::Frequency frequency) const;
    [[nodiscard]] double comparisonWeight(int k, int level, const MatchFeatures::Record& a,
                                          const MatchFeatures::Record& b) const;
    [[nodiscard]] static quint32 dateKey(const MatchFeatures::Record& r)
    {
        return (static_cast<quint32>(r.year) << 9) | (static_cast<quint32>(r.month) << 5)
            | static_cast<quint32>(r.day);
    }

    const MatchFeatures& m_f;
    std::array<std::array<double, MatchComparison::maxLevels>, MatchComparison::Count> m_m{};
    std::array<std::array<double, MatchComparison::maxLevels>, MatchComparison::Count> m_u{};
    std::array<std::array<double, MatchComparison::maxLevels>, MatchComparison::Count> m_weight{};
    double m_log2Prior = -20;
    double m_contextBound = 0; // the most the context comparisons can add, all agreeing
    // Term frequencies: counts of values in their position, over records that have one.
    std::vector<quint32> m_givenTone, m_givenFold, m_givenDialect, m_family;
    double m_givenTotal = 1;
    double m_familyTotal = 1;
    QHash<quint32, quint32> m_dates;
    double m_datesTotal = 1;
};

} // namespace wardroll::model
