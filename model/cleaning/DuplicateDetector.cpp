#include "DuplicateDetector.h"

#include "CandidateBlocker.h"
#include "DuplicateClusterer.h"
#include "DuplicateExplanation.h"
#include "MatchFeatures.h"
#include "MatchModel.h"
#include "PairComparator.h"
#include "SqlConnection.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <limits>
#include <QElapsedTimer>
#include <QFuture>
#include <QRandomGenerator>
#include <QSet>
#include <QtConcurrent/QtConcurrentMap>
#include <QThread>
#include <QThreadPool>
#include <sys/resource.h>

// How a pair's score is made (see also MatchModel):
// 1. Features (MatchFeatures): each live resident's name tokens (tone key, folded, dialect key),
//    birth date parts, IDs, relatives, places, addresses, household, contacts, interned to
//    integers, read straight from SQL.
// 2. Blocking (CandidateBlocker): candidate pairs share at least one of 24 keys.
// 3. u: levels of `randomPairs` random record pairs (almost all different people), regularised
//    towards documented priors (which only matter in tiny wards).
// 4. m: EM, u held fixed, in training sessions on the pairs of single keys with the compared
//    fields those keys select on ignored (Splink's way): same given name and birth date, same
//    personal ID, same e-mail; same name words only as a fallback. Each session's duplicates
//    over the share of all duplicates its key can find (from the other sessions' m) estimates
//    the number of duplicate pairs in the ward, and so the prior odds for any pair (median).
// 5. Score = log2 prior odds + Σ log2(m/u) over compared fields, term-frequency adjusted for
//    exact agreement; within a family (same father, mother or household) the family and middle
//    names count for nothing; context fields (relatives, places, addresses, household, contacts)
//    cannot outweigh identity fields (names, birth date, IDs, e-mail) that speak against a
//    match; twins (same parents or household and birth date, two real given names, different
//    IDs) get -40.
// 6. Thresholds on that posterior log2 odds: probable >= 0 (more likely one person than two),
//    possible >= -5 (odds at least 1:32). Measured on FEBRL, Splink fake_1000 and demo wards
//    (tests/model/TestDuplicateQuality.cpp, wardroll-bench-dups): raising the probable
//    threshold to 3 costs Splink 3 points of recall and buys no precision on any of them.
namespace wardroll::model {

namespace {

struct ScoredPair
{
    quint32 a = 0;
    quint32 b = 0;
    float score = 0;
    bool twins = false;
};

// EM training sessions (see MatchModel::Session): the blocks of some keys, with the comparisons
// those keys select on ignored. `recall` lists the levels a duplicate must have to share the
// key: with m estimated by the other sessions, it turns the duplicates a session found into an
// estimate of all duplicates, and so the prior.
struct TrainingRule
{
    int firstKey;
    int lastKey;
    QList<int> ignored;
    QList<std::pair<int, QList<int>>> recall;
    // Only pairs with the same personal ID: the masked-ID keys also select on the ID's sex,
    // century and birth-year digits, which would bias EM towards "same year, same sex".
    bool samePersonalId = false;
    // Comparisons the session estimates as a fallback only: its estimate counts when the other
    // sessions saw fewer than 50 duplicates with the comparison made (see where they are
    // combined). All of them when `fallback`.
    QList<int> weak = {};
    bool fallback = false;
};

const QList<TrainingRule>& trainingRules()
{
    using C = MatchComparison;
    using K = CandidateBlocker;
    static const QList<TrainingRule> rules = {
        {K::GivenDate,
         K::GivenDate,
         {C::GivenName, C::BirthDate},
         {{C::GivenName, {0, 1}}, {C::BirthDate, {0, 1}}}},
        {K::PersonalId0, K::PersonalId2, {C::PersonalId}, {{C::PersonalId, {0}}}, true},
        // An e-mail address is often made of the name and birth year ("hoa.nguyen90@..."):
        // sharing one selects on those too, namesakes included.
        {K::Email,
         K::Email,
         {C::Email},
         {{C::Email, {0}}},
         false,
         {C::GivenName, C::FamilyName, C::MiddleName, C::BirthDate}},
        {K::SortedName,
         K::SortedName,
         {C::GivenName, C::FamilyName, C::MiddleName},
         {{C::GivenName, {0, 1}}, {C::FamilyName, {0, 1}}},
         false,
         {},
         true},
    };
    return rules;
}

int trainingRuleOf(int key)
{
    const auto& rules = trainingRules();
    for (qsizetype i = 0; i < rules.size(); ++i) {
        if (key >= rules[i].firstKey && key <= rules[i].lastKey)
            return static_cast<int>(i);
    }
    return -1;
}

constexpr int kTrainingRules = 4;

struct Chunk
{
    size_t firstBlock = 0;
    size_t endBlock = 0;
    // Pass 1
    qint64 compared = 0;
    std::array<qint64, kTrainingRules> rulePairs{};
    std::array<qint64, CandidateBlocker::KeyCount> keyPairs{}; // new pairs each key brings
    std::array<QHash<MatchComparison::Pattern, qint64>, kTrainingRules> patterns;
    // Pass 2
    std::vector<ScoredPair> kept;
};

// Processor time of the whole process (all threads), for the phase figures.
qint64 cpuMs()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000
        + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000;
}

quint64 mixPair(quint32 a, quint32 b, quint32 seed)
{
    quint64 x = (static_cast<quint64>(a) << 32 | b) ^ (static_cast<quint64>(seed) * 0x9E3779B97F4A7C15ULL);
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

// Maps a stage's own progress onto one overall scale of 1000.
class Progress
{
public:
    explicit Progress(const std::function<bool(qint64, qint64)>& callback)
        : m_callback(callback)
    {
    }
    void stage(int from, int to)
    {
        m_from = from;
        m_to = to;
    }
    bool operator()(qint64 done, qint64 total) const
    {
        if (!m_callback)
            return true;
        const qint64 part = total > 0 ? (m_to - m_from) * std::min(done, total) / total : 0;
        return m_callback(m_from + part, 1000);
    }
    [[nodiscard]] bool enabled() const { return static_cast<bool>(m_callback); }

private:
    const std::function<bool(qint64, qint64)>& m_callback;
    int m_from = 0;
    int m_to = 0;
};

// Runs `fn` over `sequence` on the pool; reports `done` now and then. False when cancelled.
template <typename Sequence, typename Fn>
bool runParallel(QThreadPool& pool, Sequence& sequence, Fn fn, const std::atomic<qint64>& done, qint64 total,
                 const Progress& progress)
{
    QFuture<void> future = QtConcurrent::map(&pool, sequence, fn);
    if (!progress.enabled()) {
        future.waitForFinished();
        return true;
    }
    while (!future.isFinished()) {
        QThread::msleep(20);
        if (!progress(done.load(std::memory_order_relaxed), total)) {
            future.cancel();
            future.waitForFinished();
            return false;
        }
    }
    future.waitForFinished();
    return true;
}

Error cancelled()
{
    return Error{Error::Kind::Cancelled, DuplicateDetector::tr("Duplicate detection was cancelled."), {}};
}

} // namespace

DuplicateDetector::DuplicateDetector(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<DuplicateDetector::Report> DuplicateDetector::run(const Options& options)
{
    QElapsedTimer clock;
    clock.start();
    QStringList phases;
    qint64 phaseStart = 0;
    qint64 cpuStart = cpuMs();
    const auto phase = [&](const char* name) {
        const qint64 now = clock.elapsed();
        const qint64 cpu = cpuMs();
        phases << QStringLiteral("%1 %2 ms (cpu %3 ms)")
                      .arg(QLatin1String(name))
                      .arg(now - phaseStart)
                      .arg(cpu - cpuStart);
        phaseStart = now;
        cpuStart = cpu;
    };
    Report report;
    Progress progress(options.progress);
    QThreadPool pool;
    pool.setMaxThreadCount(options.threads > 0 ? options.threads : QThread::idealThreadCount());

    progress.stage(0, 300);
    auto loaded
        = MatchFeatures::load(m_ward, [&](qint64 done, qint64 total) { return progress(done, total); });
    if (!loaded.ok())
        return loaded.error();
    const MatchFeatures& f = loaded.value();
    report.loadMs = clock.elapsed();
    const auto n = static_cast<quint32>(f.size());
    report.residents = n;
    if (n < 2) {
        report.elapsedMs = clock.elapsed();
        return report;
    }

    phase("load");
    progress.stage(300, 350);
    if (!progress(0, 1))
        return cancelled();
    CandidateBlocker::Options blockerOptions;
    blockerOptions.maxBlock = options.maxBlock;
    CandidateBlocker blocker(f, blockerOptions);
    blocker.build(pool);
    report.skippedBlocks = blocker.skippedBlocks();
    const auto& blocks = blocker.blocks();

    PairComparator comparator(f);
    MatchModel model(f);

    phase("blocking");
    // u from random pairs.
    progress.stage(350, 380);
    const double allPairs = static_cast<double>(n) * (n - 1) / 2.0;
    const qint64 randomPairs = std::min<qint64>(options.randomPairs, static_cast<qint64>(allPairs) * 2);
    {
        constexpr int kParts = 32;
        struct Part
        {
            int index = 0;
            MatchModel::Counts counts{};
        };
        QList<Part> parts(kParts);
        for (int i = 0; i < kParts; ++i)
            parts[i].index = i;
        std::atomic<qint64> done{0};
        const bool finished = runParallel(
            pool, parts,
            [&](Part& part) {
                QRandomGenerator random(options.seed + static_cast<quint32>(part.index));
                const qint64 count = randomPairs / kParts + (part.index < randomPairs % kParts ? 1 : 0);
                for (qint64 i = 0; i < count; ++i) {
                    const quint32 a = random.bounded(n);
                    quint32 b = random.bounded(n - 1);
                    if (b >= a)
                        ++b;
                    const auto v = comparator.compare(f.records()[a], f.records()[b]);
                    for (int k = 0; k < MatchComparison::Count; ++k) {
                        if (v.level[k] >= 0)
                            ++part.counts[k][v.level[k]];
                    }
                }
                done.fetch_add(count, std::memory_order_relaxed);
            },
            done, randomPairs, progress);
        if (!finished)
            return cancelled();
        MatchModel::Counts counts{};
        for (const Part& part : parts) {
            for (int k = 0; k < MatchComparison::Count; ++k) {
                for (int l = 0; l < MatchComparison::maxLevels; ++l)
                    counts[k][l] += part.counts[k][l];
            }
        }
        model.estimateU(counts, randomPairs);
        report.comparisons += randomPairs;
    }

    phase("random pairs");
    // Chunks of blocks of about equal work.
    QList<Chunk> chunks;
    {
        constexpr qint64 kChunkPairs = 20000;
        Chunk current;
        qint64 pairs = 0;
        for (size_t i = 0; i < blocks.size(); ++i) {
            pairs += blocks[i].pairs();
            if (pairs >= kChunkPairs) {
                current.endBlock = i + 1;
                chunks.append(current);
                current = Chunk{};
                current.firstBlock = i + 1;
                pairs = 0;
            }
        }
        current.endBlock = blocks.size();
        if (current.endBlock > current.firstBlock)
            chunks.append(current);
    }
    const qint64 pairsWithRepeats = std::max<qint64>(blocker.pairsWithRepeats(), 1);

    // Pass 1: count distinct candidate pairs; comparison patterns of samples of the training
    // rules' pairs for EM.
    progress.stage(380, 550);
    std::array<qint64, kTrainingRules> rulePairsBound{};
    for (const auto& block : blocks) {
        const int rule = trainingRuleOf(block.key);
        if (rule >= 0)
            rulePairsBound[rule] += block.pairs();
    }
    {
        std::array<quint64, kTrainingRules> cut{};
        for (int r = 0; r < kTrainingRules; ++r) {
            const double rate = std::min(1.0,
                                         static_cast<double>(options.emPairs)
                                             / static_cast<double>(std::max<qint64>(rulePairsBound[r], 1)));
            cut[r] = rate >= 1.0 ? ~quint64(0) : static_cast<quint64>(rate * 18446744073709551615.0);
        }
        std::atomic<qint64> done{0};
        const bool finished = runParallel(
            pool, chunks,
            [&](Chunk& chunk) {
                qint64 pairs = 0;
                for (size_t bi = chunk.firstBlock; bi < chunk.endBlock; ++bi) {
                    const CandidateBlocker::Block& block = blocks[bi];
                    const quint32* m = blocker.members(block);
                    const int rule = trainingRuleOf(block.key);
                    const int ruleFirstKey = rule >= 0 ? trainingRules()[rule].firstKey : 0;
                    const bool samePersonalId = rule >= 0 && trainingRules()[rule].samePersonalId;
                    for (quint32 i = 0; i + 1 < block.size; ++i) {
                        for (quint32 j = i + 1; j < block.size; ++j) {
                            const quint32 a = m[i];
                            const quint32 b = m[j];
                            if (!blocker.seenEarlier(a, b, block.key))
                                ++chunk.keyPairs[block.key];
                            if (rule < 0 || blocker.seenEarlier(a, b, block.key, ruleFirstKey))
                                continue;
                            if (samePersonalId && f.records()[a].personalId != f.records()[b].personalId)
                                continue;
                            ++chunk.rulePairs[rule];
                            if (mixPair(a, b, options.seed) > cut[rule])
                                continue;
                            ++chunk.patterns[rule]
                                            [comparator.compare(f.records()[a], f.records()[b]).pattern()];
                            ++chunk.compared;
                        }
                    }
                    pairs += block.pairs();
                }
                done.fetch_add(pairs, std::memory_order_relaxed);
            },
            done, pairsWithRepeats, progress);
        if (!finished)
            return cancelled();
    }
    std::array<QHash<MatchComparison::Pattern, qint64>, kTrainingRules> patterns;
    std::array<qint64, kTrainingRules> rulePairs{};
    std::array<qint64, CandidateBlocker::KeyCount> keyPairs{};
    for (Chunk& chunk : chunks) {
        for (int k = 0; k < CandidateBlocker::KeyCount; ++k) {
            keyPairs[k] += chunk.keyPairs[k];
            report.candidatePairs += chunk.keyPairs[k];
        }
        report.comparisons += chunk.compared;
        for (int r = 0; r < kTrainingRules; ++r) {
            rulePairs[r] += chunk.rulePairs[r];
            for (auto it = chunk.patterns[r].cbegin(); it != chunk.patterns[r].cend(); ++it)
                patterns[r][it.key()] += it.value();
            chunk.patterns[r] = {};
        }
    }
    {
        std::array<qint64, CandidateBlocker::KeyCount> blockCount{};
        std::array<qint64, CandidateBlocker::KeyCount> withRepeats{};
        for (const auto& block : blocks) {
            ++blockCount[block.key];
            withRepeats[block.key] += block.pairs();
        }
        for (int k = 0; k < CandidateBlocker::KeyCount; ++k) {
            report.blocking << QStringLiteral("%1: blocks %2, pairs %3, new pairs %4")
                                   .arg(QLatin1String(CandidateBlocker::keyName(k)))
                                   .arg(blockCount[k])
                                   .arg(withRepeats[k])
                                   .arg(keyPairs[k]);
        }
    }
    QList<MatchModel::Session> sessions;
    for (int r = 0; r < kTrainingRules; ++r) {
        std::array<bool, MatchComparison::Count> ignore{};
        for (int k : trainingRules()[r].ignored)
            ignore[k] = true;
        sessions.append(model.estimateSession(patterns[r], ignore));
        report.emIterations = std::max(report.emIterations, sessions.back().iterations);
    }
    // Fallback estimates: the name-only session's (among namesakes with any birth date, EM
    // tends to take "same name, same year" for one person, which a large ward has plenty of) and
    // the e-mail session's of names and birth dates. They count for a comparison only when the
    // other sessions saw few duplicates with it.
    QList<MatchModel::Session> used = sessions;
    for (int r = 0; r < kTrainingRules; ++r) {
        const TrainingRule& rule = trainingRules()[r];
        for (int k = 0; k < MatchComparison::Count; ++k) {
            if (!rule.fallback && !rule.weak.contains(k))
                continue;
            double others = 0;
            for (int o = 0; o < kTrainingRules; ++o) {
                const TrainingRule& other = trainingRules()[o];
                if (o != r && !other.fallback && !other.weak.contains(k))
                    others += sessions[o].weight[k];
            }
            if (others >= 50)
                used[r].weight[k] = 0;
        }
    }
    model.combine(used);
    // The number of duplicate pairs in the ward, from each session that saw enough of them: the
    // duplicates among its pairs over the share of all duplicates its key can find.
    QList<double> expected;
    QStringList expectedText;
    for (int r = 0; r < kTrainingRules; ++r) {
        const MatchModel::Session& s = sessions[r];
        const double found = s.lambda * static_cast<double>(rulePairs[r]);
        double recall = 1;
        for (const auto& [k, levels] : trainingRules()[r].recall) {
            double share = 0;
            for (int l : levels)
                share += model.m(k, l);
            recall *= share;
        }
        report.parameters << QStringLiteral("session %1: pairs %2, sample %3, λ %4, iterations %5, recall %6")
                                 .arg(QLatin1String(CandidateBlocker::keyName(trainingRules()[r].firstKey)))
                                 .arg(rulePairs[r])
                                 .arg(s.sample)
                                 .arg(s.lambda, 0, 'g', 3)
                                 .arg(s.iterations)
                                 .arg(recall, 0, 'f', 3);
        if (s.iterations > 0 && found >= 10 && recall >= 0.05) {
            expected.append(found / recall);
            expectedText << QStringLiteral("%1:%2/%3")
                                .arg(QLatin1String(CandidateBlocker::keyName(trainingRules()[r].firstKey)))
                                .arg(found, 0, 'f', 0)
                                .arg(recall, 0, 'f', 2);
        }
    }
    std::sort(expected.begin(), expected.end());
    // Without enough pairs to estimate from, assume one in ten candidate pairs is a duplicate.
    const double matches = expected.isEmpty() ? 0.1 * static_cast<double>(report.candidatePairs)
                                              : expected[expected.size() / 2];
    report.candidateMatchShare = matches / std::max<double>(static_cast<double>(report.candidatePairs), 1);
    model.setPrior(std::max(matches, 1.0), allPairs);
    report.log2PriorOdds = model.log2PriorOdds();
    for (int k = 0; k < MatchComparison::Count; ++k) {
        QStringList m;
        QStringList u;
        for (int l = 0; l < MatchComparison::levelCount(k); ++l) {
            m << QString::number(model.m(k, l), 'g', 3);
            u << QString::number(model.u(k, l), 'g', 3);
        }
        report.parameters << QStringLiteral("%1 m=%2 u=%3")
                                 .arg(MatchComparison::fieldCode(k), m.join(QLatin1Char(',')),
                                      u.join(QLatin1Char(',')));
    }
    report.parameters << QStringLiteral("expected duplicate pairs %1 (%2)")
                             .arg(matches, 0, 'f', 0)
                             .arg(expectedText.join(QLatin1Char(' ')));
    phase("pass 1 + EM");
    // Pass 2: score every candidate pair; keep what is at least possible, and twins.
    progress.stage(550, 950);
    QElapsedTimer compareClock;
    compareClock.start();
    {
        const auto keep = static_cast<float>(options.possibleThreshold);
        std::atomic<qint64> done{0};
        const bool finished = runParallel(
            pool, chunks,
            [&](Chunk& chunk) {
                qint64 pairs = 0;
                for (size_t bi = chunk.firstBlock; bi < chunk.endBlock; ++bi) {
                    const CandidateBlocker::Block& block = blocks[bi];
                    const quint32* m = blocker.members(block);
                    for (quint32 i = 0; i + 1 < block.size; ++i) {
                        const MatchFeatures::Record& ra = f.records()[m[i]];
                        for (quint32 j = i + 1; j < block.size; ++j) {
                            const quint32 a = m[i];
                            const quint32 b = m[j];
                            if (blocker.seenEarlier(a, b, block.key))
                                continue;
                            const MatchFeatures::Record& rb = f.records()[b];
                            MatchComparison::Vector v;
                            comparator.compareIdentity(ra, rb, v);
                            if (model.scoreBound(v, ra, rb) < keep)
                                continue;
                            comparator.compareContext(ra, rb, v);
                            const auto score = static_cast<float>(model.score(v, ra, rb));
                            const bool keptTwins
                                = v.twins && score - static_cast<float>(MatchModel::twinPenalty) >= keep;
                            if (score >= keep || keptTwins)
                                chunk.kept.push_back({a, b, score, v.twins});
                        }
                    }
                    pairs += block.pairs();
                }
                done.fetch_add(pairs, std::memory_order_relaxed);
            },
            done, pairsWithRepeats, progress);
        if (!finished)
            return cancelled();
    }
    report.compareMs = compareClock.elapsed();
    report.comparisons += report.candidatePairs;

    std::vector<ScoredPair> kept;
    for (Chunk& chunk : chunks) {
        kept.insert(kept.end(), chunk.kept.begin(), chunk.kept.end());
        chunk.kept = {};
    }
    std::sort(kept.begin(), kept.end(), [](const ScoredPair& x, const ScoredPair& y) {
        return x.score != y.score ? x.score > y.score : std::pair(x.a, x.b) < std::pair(y.a, y.b);
    });

    phase("pass 2");
    // Clusters.
    progress.stage(950, 1000);
    if (!progress(0, 1))
        return cancelled();
    std::vector<DuplicateClusterer::Link> probableLinks;
    std::vector<DuplicateClusterer::Link> possibleLinks;
    QHash<quint64, float> support;
    QHash<quint64, bool> cannotLink;
    for (const ScoredPair& p : kept) {
        if (p.twins) {
            cannotLink.insert(DuplicateClusterer::pairKey(p.a, p.b), true);
            ++report.twinPairs;
            continue;
        }
        support.insert(DuplicateClusterer::pairKey(p.a, p.b), p.score);
        (p.score >= options.probableThreshold ? probableLinks : possibleLinks).push_back({p.a, p.b, p.score});
    }
    DuplicateClusterer::Options clusterOptions;
    const DuplicateClusterer::Evidence evidence = [&](quint32 a, quint32 b) {
        const quint64 key = DuplicateClusterer::pairKey(a, b);
        if (cannotLink.contains(key))
            return -std::numeric_limits<double>::infinity();
        const auto known = support.constFind(key);
        if (known != support.constEnd())
            return static_cast<double>(*known) - model.log2PriorOdds();
        const auto v = comparator.compare(f.records()[a], f.records()[b]);
        if (v.twins)
            return -std::numeric_limits<double>::infinity();
        return model.score(v, f.records()[a], f.records()[b]) - model.log2PriorOdds();
    };
    const auto probable = DuplicateClusterer::cluster(probableLinks, evidence, clusterOptions);
    std::vector<std::vector<quint32>> possible;
    if (options.includePossible) {
        QSet<QList<quint32>> units;
        for (const auto& c : probable)
            units.insert(QList<quint32>(c.begin(), c.end()));
        for (auto& c : DuplicateClusterer::cluster(possibleLinks, evidence, clusterOptions, probable)) {
            if (!units.contains(QList<quint32>(c.begin(), c.end())))
                possible.push_back(std::move(c));
        }
    }

    // The records behind the findings and clusters, read in full for the explanations.
    QList<const ScoredPair*> flagged;
    for (const ScoredPair& p : kept) {
        if (p.twins)
            continue;
        if (p.score >= options.probableThreshold || options.includePossible)
            flagged.append(&p);
    }
    // The records behind the findings and clusters, read in full for the explanations.
    struct Subject
    {
        Resident resident;
        DuplicateExplanation::Values values;
    };
    QHash<quint32, Subject> subjects;
    {
        QSet<quint32> wanted;
        for (const ScoredPair* p : flagged) {
            wanted.insert(p->a);
            wanted.insert(p->b);
        }
        for (const auto* list :
             std::array<const std::vector<std::vector<quint32>>*, 2>{&probable, &possible}) {
            for (const auto& c : *list) {
                for (quint32 x : c)
                    wanted.insert(x);
            }
        }
        auto stmt = m_ward.connection().prepare(
            QStringLiteral("SELECT %1 FROM residents WHERE rowid = ?").arg(WardStore::residentColumns()));
        if (!stmt.ok())
            return stmt.error();
        QList<quint32> ordered(wanted.begin(), wanted.end());
        std::sort(ordered.begin(), ordered.end());
        subjects.reserve(ordered.size());
        for (quint32 index : ordered) {
            stmt->reset();
            stmt->bind(1, f.records()[index].rowid);
            auto row = stmt->step();
            if (!row.ok())
                return row.error();
            if (row.value())
                subjects.insert(index, Subject{WardStore::readResident(*stmt), {}});
        }
        QList<Subject*> all;
        all.reserve(subjects.size());
        for (Subject& subject : subjects)
            all.append(&subject);
        QtConcurrent::blockingMap(&pool, all,
                                  [](Subject* s) { s->values = DuplicateExplanation::values(s->resident); });
    }
    auto idsOf = [&](const std::vector<quint32>& cluster) {
        QStringList ids;
        for (quint32 x : cluster) {
            const Resident& r = subjects[x].resident;
            ids << r.id;
            report.references.insert(r.id, DuplicateExplanation::reference(r));
        }
        return ids;
    };
    for (const auto& c : probable)
        report.probableClusters.append(idsOf(c));
    for (const auto& c : possible)
        report.possibleClusters.append(idsOf(c));

    phase("clusters + reading records");
    const DuplicateExplanation::Titles titles = DuplicateExplanation::Titles::current();
    report.findings = QtConcurrent::blockingMapped(&pool, flagged, [&](const ScoredPair* p) {
        const Subject& a = subjects.constFind(p->a).value();
        const Subject& b = subjects.constFind(p->b).value();
        const MatchFeatures::Record& ra = f.records()[p->a];
        const MatchFeatures::Record& rb = f.records()[p->b];
        DuplicateExplanation::Input in;
        in.titles = &titles;
        in.a = &a.resident;
        in.b = &b.resident;
        in.valuesA = &a.values;
        in.valuesB = &b.values;
        in.levels = comparator.compare(ra, rb);
        in.score = model.score(in.levels, ra, rb, &in.weights);
        in.prior = model.log2PriorOdds();
        in.probable = in.score >= options.probableThreshold;
        Finding finding;
        finding.rule = in.probable ? QStringLiteral("dup.probable") : QStringLiteral("dup.possible");
        finding.severity = in.probable ? Severity::Warning : Severity::Info;
        finding.residentId = a.resident.id;
        finding.otherResidentId = b.resident.id;
        for (int k = 0; k < MatchComparison::Count; ++k) {
            const QString field = MatchComparison::canonicalField(k);
            if (in.levels.level[k] >= 0 && !finding.fields.contains(field))
                finding.fields << field;
        }
        finding.score = in.score;
        finding.details = DuplicateExplanation::detailsJson(in);
        finding.message = DuplicateExplanation::message(in);
        finding.fingerprint = DuplicateExplanation::fingerprint(a.resident, a.values, b.resident, b.values);
        return finding;
    });
    for (const ScoredPair* p : flagged) {
        for (quint32 x : {p->a, p->b}) {
            const Resident& r = subjects[x].resident;
            report.references.insert(r.id, DuplicateExplanation::reference(r));
        }
    }
    phase("explanations");
    progress(1, 1);
    report.elapsedMs = clock.elapsed();
    report.parameters << QStringLiteral("phases: ") + phases.join(QStringLiteral(", "));
    return report;
}

} // namespace wardroll::model
