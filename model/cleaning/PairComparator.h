#pragma once

#include "MatchComparison.h"
#include "MatchFeatures.h"
#include "NameComparator.h"

namespace wardroll::model {

// Compares two records field by field into a MatchComparison::Vector. Thread-safe (reads the
// shared features only).
class PairComparator
{
public:
    explicit PairComparator(const MatchFeatures& features)
        : m_f(features)
        , m_names(features)
    {
    }

    [[nodiscard]] MatchComparison::Vector compare(const MatchFeatures::Record& a,
                                                  const MatchFeatures::Record& b) const;
    // The two halves of compare(): identity fields (MatchComparison::isIdentity), then the
    // others and the twins flag, which needs both. Scoring can stop after the first half when
    // no context could make the pair worth keeping.
    void compareIdentity(const MatchFeatures::Record& a, const MatchFeatures::Record& b,
                         MatchComparison::Vector& v) const;
    void compareContext(const MatchFeatures::Record& a, const MatchFeatures::Record& b,
                        MatchComparison::Vector& v) const;
    [[nodiscard]] const NameComparator& names() const { return m_names; }

    // MatchComparison::PersonalId levels for two normalized identifiers.
    [[nodiscard]] static int idLevel(QStringView a, QStringView b);
    // Dice coefficient of two word multisets, each sorted.
    [[nodiscard]] static double dice(const quint32* a, quint32 na, const quint32* b, quint32 nb);

    // The same for PackedId values; -1 when either is empty.
    [[nodiscard]] static int idLevel(quint64 a, quint64 b);

private:
    [[nodiscard]] int relativeLevel(const MatchFeatures::Relative& a, const MatchFeatures::Relative& b,
                                    quint64 idA, quint64 idB) const;
    [[nodiscard]] int placeLevel(MatchFeatures::Field field, quint32 a, quint32 b) const;
    [[nodiscard]] int addressLevel(const MatchFeatures::Record& a, const MatchFeatures::Record& b) const;

    const MatchFeatures& m_f;
    NameComparator m_names;
};

} // namespace wardroll::model
