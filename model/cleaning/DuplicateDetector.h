#pragma once

#include "Finding.h"
#include "Result.h"

#include <functional>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QStringList>

namespace wardroll::model {

class WardDatabase;

// Finds residents recorded more than once (DOMAIN.md §3, §6, §9): blocking on several keys
// (never on the family name alone), field-by-field comparison levels that know Vietnamese
// names, dates and IDs, Fellegi–Sunter weights estimated from the ward itself with
// term-frequency adjustment, and clusters over probable links. Twins are kept apart.
//
// A pair's score is its match weight: the log2 odds that the two records are one person, prior
// odds of the ward included (so the thresholds mean the same in a ward of 1,000 and of
// 1,000,000). Probable: score >= 0 (more likely one person than two); possible: score >= -5
// (odds of at least 1:32). See DuplicateDetector.cpp for how the parts are estimated.
class DuplicateDetector
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::DuplicateDetector)
public:
    static constexpr double defaultProbableThreshold = 0.0;
    static constexpr double defaultPossibleThreshold = -5.0;

    struct Options
    {
        // Called now and then from the calling thread; return false to cancel.
        std::function<bool(qint64 done, qint64 total)> progress;
        bool includePossible = true;
        // 0 = as many threads as cores.
        int threads = 0;
        double probableThreshold = defaultProbableThreshold;
        double possibleThreshold = defaultPossibleThreshold;
        // Blocks larger than this are skipped (see CandidateBlocker).
        int maxBlock = 500;
        // Random pairs for u, candidate pairs for EM: bounds on the samples.
        qint64 randomPairs = 150000;
        qint64 emPairs = 600000;
        quint32 seed = 20240601;
    };

    struct Report
    {
        // rule "dup.probable" / "dup.possible", residentId + otherResidentId, score = match
        // weight (log2 odds), details = JSON "why flagged", fingerprint, translated message.
        // Ranked by score, highest first.
        QList<Finding> findings;
        // Resident ids per cluster (two or more), clusters ordered by their best link. A possible
        // cluster joins records (or probable clusters) by possible links only.
        QList<QStringList> probableClusters;
        QList<QStringList> possibleClusters;
        // Resident id -> source_ref (or the id when that is empty), for every id above.
        QHash<QString, QString> references;
        qint64 residents = 0;
        qint64 candidatePairs = 0; // distinct pairs the blocks propose
        qint64 comparisons = 0; // pairs compared, random and EM samples included
        qint64 skippedBlocks = 0;
        qint64 twinPairs = 0; // candidate pairs kept apart as twins
        double log2PriorOdds = 0;
        double candidateMatchShare = 0;
        int emIterations = 0;
        // The estimated model, one line per comparison: "given_name m=0.81,0.05,... u=...".
        QStringList parameters;
        // Per blocking key: blocks, pairs, pairs no earlier key proposed.
        QStringList blocking;
        qint64 elapsedMs = 0; // whole run, loading included
        qint64 loadMs = 0;
        qint64 compareMs = 0; // comparing and scoring the candidate pairs

        // A page of the ranked review list.
        [[nodiscard]] QList<Finding> page(qsizetype offset, qsizetype count) const
        {
            return findings.mid(offset, count);
        }
    };

    explicit DuplicateDetector(WardDatabase& ward);
    [[nodiscard]] Result<Report> run(const Options& options);

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
