#include "MatchModel.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace wardroll::model {

namespace {

using Field = MatchFeatures::Field;

// Priors for m, per comparison and level: what share of one person's two records agree at each
// level. They start EM and regularise it (as pseudo-counts), and stand alone when a ward has
// too few candidate pairs to estimate from. Rough figures from record-linkage practice and
// from what the domain says about slips (DOMAIN.md §6, §7, §9).
const std::array<std::array<double, MatchComparison::maxLevels>, MatchComparison::Count> kPriorM{{
    {0.80, 0.07, 0.04, 0.05, 0.04}, // given: exact, accent, dialect, similar, different
    {0.86, 0.06, 0.03, 0.05}, // family: exact, variant, similar, different
    {0.80, 0.10, 0.05, 0.05}, // middle: exact, gender word, partial, different
    {0.72, 0.03, 0.06, 0.07, 0.04, 0.04, 0.03, 0.01}, // birth date
    {0.97, 0.03}, // sex
    {0.85, 0.03, 0.09, 0.03}, // personal ID
    {0.80, 0.05, 0.15}, // old ID
    {0.80, 0.10, 0.10}, // father
    {0.80, 0.10, 0.10}, // mother
    {0.70, 0.10, 0.20}, // spouse
    {0.75, 0.10, 0.15}, // hometown
    {0.75, 0.10, 0.15}, // birth registration place
    {0.75, 0.10, 0.15}, // birth place
    {0.50, 0.15, 0.10, 0.25}, // address
    {0.40, 0.60}, // household
    {0.50, 0.50}, // village
    {0.70, 0.05, 0.25}, // phone
    {0.70, 0.15, 0.15}, // e-mail
    {0.97, 0.03}, // ethnicity
}};

constexpr double kPseudoCount = 20.0;

// Priors for u: how often two different people of a ward agree at each level, as estimated on
// a demo ward of a million (wardroll-bench-dups). They regularise u as `kUPseudoPairs` random
// pairs would: negligible against the ward's own random pairs, except in a ward so small that
// its random pairs are mostly its duplicates.
const std::array<std::array<double, MatchComparison::maxLevels>, MatchComparison::Count> kPriorU{{
    {0.0064, 0.0017, 0.00086, 0.022, 0.969},
    {0.148, 0.0036, 0.0079, 0.841},
    {0.071, 0.098, 0.489, 0.342},
    {4e-05, 1.3e-05, 0.0012, 0.0005, 0.012, 0.167, 0.038, 0.781},
    {0.5, 0.5},
    {1e-06, 1e-06, 0.0066, 0.993},
    {6e-06, 6e-06, 0.99999},
    {0.00034, 0.0008, 0.999},
    {0.00031, 0.0011, 0.999},
    {0.00018, 0.00093, 0.999},
    {0.142, 0.0009, 0.857},
    {0.135, 0.00055, 0.864},
    {0.73, 1e-06, 0.27},
    {9e-06, 5e-06, 0.0216, 0.978},
    {0.001, 0.999},
    {0.05, 0.95},
    {3e-06, 3e-06, 0.99999},
    {0.00077, 0.0123, 0.987},
    {0.78, 0.22},
}};

constexpr double kUPseudoPairs = 2000.0;

void count(std::vector<quint32>& counts, quint32 id)
{
    if (counts.size() <= id)
        counts.resize(static_cast<size_t>(id) + 1, 0);
    ++counts[id];
}

MatchDictionary::Frequency frequency(const std::vector<quint32>& counts, quint32 id, double total)
{
    return {id < counts.size() ? std::max<double>(counts[id], 1) : 1.0, total};
}

// Term frequencies of a small ward say little: they lean towards the level's u as this many
// records would.
constexpr double kTfPseudoRecords = 50.0;

} // namespace

MatchModel::MatchModel(const MatchFeatures& features)
    : m_f(features)
{
    for (int k = 0; k < MatchComparison::Count; ++k) {
        for (int l = 0; l < MatchComparison::levelCount(k); ++l) {
            m_m[k][l] = kPriorM[k][l];
            m_u[k][l] = kPriorU[k][l];
        }
    }
    // Term frequencies of name parts and birth dates.
    qint64 given = 0;
    qint64 family = 0;
    qint64 dates = 0;
    for (const MatchFeatures::Record& r : features.records()) {
        if (r.name.count > 0) {
            const quint32* tokens = features.nameTokens(r.name);
            const MatchFeatures::NameParts parts = features.nameParts(r.name);
            const MatchFeatures::Token& g = features.token(tokens[parts.given]);
            count(m_givenTone, tokens[parts.given]);
            count(m_givenFold, g.fold);
            count(m_givenDialect, g.dialect);
            ++given;
            if (parts.family >= 0) {
                count(m_family, features.token(tokens[parts.family]).family);
                ++family;
            }
        }
        if (r.year > 0 && r.month > 0 && r.day > 0) {
            ++m_dates[dateKey(r)];
            ++dates;
        }
    }
    m_givenTotal = std::max<qint64>(given, 1);
    m_familyTotal = std::max<qint64>(family, 1);
    m_datesTotal = std::max<qint64>(dates, 1);
    for (int k = 0; k < MatchComparison::Count; ++k) {
        for (int l = 0; l < MatchComparison::levelCount(k); ++l)
            m_weight[k][l] = std::log2(m_m[k][l] / m_u[k][l]);
    }
}

void MatchModel::estimateU(const Counts& levels, qint64 randomPairs)
{
    Q_UNUSED(randomPairs);
    for (int k = 0; k < MatchComparison::Count; ++k) {
        const int n = MatchComparison::levelCount(k);
        qint64 total = 0;
        for (int l = 0; l < n; ++l)
            total += levels[k][l];
        for (int l = 0; l < n; ++l) {
            m_u[k][l] = (static_cast<double>(levels[k][l]) + kUPseudoPairs * kPriorU[k][l])
                / (static_cast<double>(total) + kUPseudoPairs);
            m_weight[k][l] = std::log2(m_m[k][l] / m_u[k][l]);
        }
    }
    updateContextBound();
}

MatchModel::Session MatchModel::estimateSession(const QHash<MatchComparison::Pattern, qint64>& patterns,
                                                const std::array<bool, MatchComparison::Count>& ignore) const
{
    Session session;
    session.m = m_m;
    qint64 total = 0;
    struct Pattern
    {
        std::array<qint8, MatchComparison::Count> level;
        double count;
    };
    std::vector<Pattern> list;
    list.reserve(static_cast<size_t>(patterns.size()));
    for (auto it = patterns.cbegin(); it != patterns.cend(); ++it) {
        Pattern p;
        for (int k = 0; k < MatchComparison::Count; ++k)
            p.level[k] = ignore[k] ? qint8(-1) : static_cast<qint8>(it.key().levelOf(k));
        p.count = static_cast<double>(it.value());
        total += it.value();
        list.push_back(p);
    }
    session.sample = total;
    if (total < 30)
        return session;
    double lambda = 0.3;
    Table& m = session.m;
    for (int iteration = 1; iteration <= 200; ++iteration) {
        Table logRatio{};
        for (int k = 0; k < MatchComparison::Count; ++k) {
            for (int l = 0; l < MatchComparison::levelCount(k); ++l)
                logRatio[k][l] = std::log(m[k][l] / m_u[k][l]);
        }
        Table sums{};
        std::array<double, MatchComparison::Count> observed{};
        double matches = 0;
        const double logPrior = std::log(lambda / (1 - lambda));
        for (const Pattern& p : list) {
            // As score() does: inherited name parts say nothing within a family, and context
            // cannot outweigh identity evidence against a match. Else siblings (same parents,
            // household, hometown) would teach EM that one person's records may differ in
            // birth date by years.
            const bool family = sameFamily(p.level);
            double identity = 0;
            double context = 0;
            for (int k = 0; k < MatchComparison::Count; ++k) {
                if (p.level[k] < 0)
                    continue;
                double w = logRatio[k][p.level[k]];
                if (family && inherited(k))
                    w = std::min(w, 0.0);
                if (repeatsBirthDate(k, p.level[k], p.level))
                    w = std::log(m[k][p.level[k]]);
                (MatchComparison::isIdentity(k) ? identity : context) += w;
            }
            if (identity < identityMargin * std::numbers::ln2) // natural log here
                context = std::min(context, 0.0);
            const double logit = logPrior + identity + context;
            const double posterior = logit > 40 ? 1.0 : (logit < -40 ? 0.0 : 1.0 / (1.0 + std::exp(-logit)));
            const double weight = posterior * p.count;
            matches += weight;
            for (int k = 0; k < MatchComparison::Count; ++k) {
                if (p.level[k] >= 0) {
                    sums[k][p.level[k]] += weight;
                    observed[k] += weight;
                }
            }
        }
        double change = 0;
        for (int k = 0; k < MatchComparison::Count; ++k) {
            if (ignore[k])
                continue;
            for (int l = 0; l < MatchComparison::levelCount(k); ++l) {
                const double value = std::max(
                    (sums[k][l] + kPseudoCount * kPriorM[k][l]) / (observed[k] + kPseudoCount), 1e-6);
                change = std::max(change, std::abs(value - m[k][l]));
                m[k][l] = value;
            }
        }
        session.weight = observed;
        const double newLambda = std::clamp(matches / static_cast<double>(total), 1e-7, 0.999);
        change = std::max(change, std::abs(newLambda - lambda));
        lambda = newLambda;
        session.iterations = iteration;
        if (change < 1e-6) {
            session.converged = true;
            break;
        }
    }
    for (int k = 0; k < MatchComparison::Count; ++k) {
        if (ignore[k])
            session.weight[k] = 0;
    }
    session.lambda = lambda;
    return session;
}

void MatchModel::combine(const QList<Session>& sessions)
{
    for (int k = 0; k < MatchComparison::Count; ++k) {
        double total = kPseudoCount;
        std::array<double, MatchComparison::maxLevels> sum{};
        for (int l = 0; l < MatchComparison::levelCount(k); ++l)
            sum[l] = kPseudoCount * kPriorM[k][l];
        for (const Session& s : sessions) {
            if (s.iterations == 0 || s.weight[k] <= 0)
                continue;
            total += s.weight[k];
            for (int l = 0; l < MatchComparison::levelCount(k); ++l)
                sum[l] += s.weight[k] * s.m[k][l];
        }
        for (int l = 0; l < MatchComparison::levelCount(k); ++l) {
            m_m[k][l] = std::max(sum[l] / total, 1e-6);
            m_weight[k][l] = std::log2(m_m[k][l] / m_u[k][l]);
        }
    }
    updateContextBound();
}

void MatchModel::updateContextBound()
{
    // Term-frequency weights of exact agreement reach log2(m / (1 / records)) for a value
    // only one other record shares.
    const double rarest = std::log2(std::max<double>(static_cast<double>(m_f.size()), 2.0));
    m_contextBound = 0;
    for (int k = 0; k < MatchComparison::Count; ++k) {
        if (MatchComparison::isIdentity(k))
            continue;
        double best = 0;
        for (int l = 0; l < MatchComparison::levelCount(k); ++l)
            best = std::max(best, m_weight[k][l]);
        best = std::max(best, std::log2(m_m[k][0]) + rarest);
        m_contextBound += best;
    }
}

void MatchModel::setPrior(double expectedMatches, double allPairs)
{
    const double p = std::clamp(expectedMatches / std::max(allPairs, 1.0), 1e-12, 0.5);
    m_log2Prior = std::log2(p / (1 - p));
}

double MatchModel::scoreBound(const MatchComparison::Vector& v, const MatchFeatures::Record& a,
                              const MatchFeatures::Record& b) const
{
    double identity = 0;
    for (int k = 0; k < MatchComparison::Count; ++k) {
        if (MatchComparison::isIdentity(k) && v.level[k] >= 0)
            identity += comparisonWeight(k, v.level[k], a, b);
    }
    return m_log2Prior + identity + (identity < identityMargin ? 0.0 : m_contextBound);
}

double MatchModel::tfWeight(int k, int level, MatchDictionary::Frequency frequency) const
{
    const double u
        = (frequency.count + kTfPseudoRecords * m_u[k][level]) / (frequency.total + kTfPseudoRecords);
    return std::log2(m_m[k][level] / std::max(u, 1e-12));
}

double MatchModel::comparisonWeight(int k, int level, const MatchFeatures::Record& a,
                                    const MatchFeatures::Record& b) const
{
    auto dictionaryFrequency = [this](Field field, quint64 value) {
        return m_f.frequency(field, value);
    };
    auto relativeFrequency = [&](Field nameField, const MatchFeatures::Relative& ra,
                                 const MatchFeatures::Relative& rb, Field idField, quint64 ia, quint64 ib) {
        if (ra.fold != 0 && ra.fold == rb.fold)
            return dictionaryFrequency(nameField, ra.fold);
        return ia != 0 && ia == ib ? dictionaryFrequency(idField, ia) : MatchDictionary::Frequency{};
    };
    switch (static_cast<MatchComparison::Id>(k)) {
    case MatchComparison::GivenName:
        if (level <= 2 && a.name.count > 0) {
            const quint32 token = m_f.nameTokens(a.name)[m_f.nameParts(a.name).given];
            const MatchFeatures::Token& t = m_f.token(token);
            const MatchDictionary::Frequency f = level == 0
                ? frequency(m_givenTone, token, m_givenTotal)
                : (level == 1 ? frequency(m_givenFold, t.fold, m_givenTotal)
                              : frequency(m_givenDialect, t.dialect, m_givenTotal));
            return tfWeight(k, level, f);
        }
        break;
    case MatchComparison::FamilyName:
        if (level <= 1 && a.name.count > 0) {
            const MatchFeatures::NameParts parts = m_f.nameParts(a.name);
            const quint32 token = m_f.nameTokens(a.name)[parts.family >= 0 ? parts.family : parts.given];
            return tfWeight(k, level, frequency(m_family, m_f.token(token).family, m_familyTotal));
        }
        break;
    case MatchComparison::BirthDate:
        if (level == 0 && a.month > 0 && a.day > 0)
            return tfWeight(k, level, {static_cast<double>(m_dates.value(dateKey(a), 1)), m_datesTotal});
        break;
    case MatchComparison::Father:
        if (level == 0)
            return tfWeight(k, level,
                            relativeFrequency(Field::Father, a.father, b.father, Field::FatherId, a.fatherId,
                                              b.fatherId));
        break;
    case MatchComparison::Mother:
        if (level == 0)
            return tfWeight(k, level,
                            relativeFrequency(Field::Mother, a.mother, b.mother, Field::MotherId, a.motherId,
                                              b.motherId));
        break;
    case MatchComparison::Spouse:
        if (level == 0)
            return tfWeight(k, level,
                            relativeFrequency(Field::Spouse, a.spouse, b.spouse, Field::SpouseId, a.spouseId,
                                              b.spouseId));
        break;
    case MatchComparison::Hometown:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::Hometown, a.hometown));
        break;
    case MatchComparison::BirthRegistration:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::BirthRegistration, a.birthRegistration));
        break;
    case MatchComparison::BirthPlace:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::BirthPlace, a.birthPlace));
        break;
    case MatchComparison::Address:
        if (level == 0) {
            MatchDictionary::Frequency f{1e300, 1};
            for (quint32 x : {a.permanent, a.current, a.temporary}) {
                if (x != 0 && (x == b.permanent || x == b.current || x == b.temporary)) {
                    const auto candidate = dictionaryFrequency(Field::Address, x);
                    if (candidate.count < f.count)
                        f = candidate;
                }
            }
            return f.count < 1e300 ? tfWeight(k, level, f) : m_weight[k][level];
        }
        break;
    case MatchComparison::PersonalId:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::PersonalId, a.personalId));
        break;
    case MatchComparison::OldId:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::OldId, a.oldId));
        break;
    case MatchComparison::Household:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::Household, a.household));
        break;
    case MatchComparison::Village:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::Village, a.village));
        break;
    case MatchComparison::Phone:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::Phone, a.phone));
        break;
    case MatchComparison::Email:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::Email, a.email));
        break;
    case MatchComparison::Ethnicity:
        if (level == 0)
            return tfWeight(k, level, dictionaryFrequency(Field::Ethnicity, a.ethnicity));
        break;
    case MatchComparison::MiddleName:
    case MatchComparison::Sex:
    case MatchComparison::Count:
        break;
    }
    return m_weight[k][level];
}

double MatchModel::score(const MatchComparison::Vector& v, const MatchFeatures::Record& a,
                         const MatchFeatures::Record& b,
                         std::array<double, MatchComparison::Count>* weights) const
{
    const bool family = sameFamily(v.level);
    double identity = 0;
    double context = 0;
    for (int k = 0; k < MatchComparison::Count; ++k) {
        const int level = v.level[k];
        double w = level < 0 ? 0.0 : comparisonWeight(k, level, a, b);
        if (family && inherited(k))
            w = std::min(w, 0.0);
        if (repeatsBirthDate(k, level, v.level))
            w = std::log2(m_m[k][level]);
        if (weights)
            (*weights)[k] = w;
        (MatchComparison::isIdentity(k) ? identity : context) += w;
    }
    // Siblings share parents, household, address and hometown: that must not make two people
    // one unless who they are (names, birth date, IDs) says so on its own.
    if (identity < identityMargin)
        context = std::min(context, 0.0);
    return m_log2Prior + identity + context + (v.twins ? twinPenalty : 0.0);
}

} // namespace wardroll::model
