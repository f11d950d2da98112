#include "CandidateBlocker.h"

#include "PackedId.h"

#include <algorithm>
#include <QHash>
#include <QList>
#include <QtConcurrent/QtConcurrentMap>
#include <QThreadPool>

namespace wardroll::model {

namespace {

quint64 mix(quint64 x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

class KeyHash
{
public:
    explicit KeyHash(int key)
        : m_h(mix(0x9E3779B97F4A7C15ULL * static_cast<quint64>(key + 1)))
    {
    }
    KeyHash& add(quint64 v)
    {
        m_h = mix(m_h ^ (v + 0x9E3779B97F4A7C15ULL + (m_h << 6) + (m_h >> 2)));
        return *this;
    }
    // Never 0: 0 means "no key".
    [[nodiscard]] quint32 value() const
    {
        const auto v = static_cast<quint32>(m_h ^ (m_h >> 32));
        return v == 0 ? 1 : v;
    }

private:
    quint64 m_h;
};

} // namespace

const char* CandidateBlocker::keyName(int key)
{
    static const char* const names[KeyCount] = {
        "given_date",    "family_date",   "name_year",         "middle_given_day", "sorted_name_year",
        "name_parents",  "sorted_name",   "family_year_month", "given_year_month", "personal_id_0",
        "personal_id_1", "personal_id_2", "old_id_0",          "old_id_1",         "old_id_2",
        "email",         "phone_given",   "family_month_day",  "initials_date",    "given_only",
        "date_only",     "family_year",
    };
    return key >= 0 && key < KeyCount ? names[key] : "";
}

bool CandidateBlocker::isWeak(int key)
{
    switch (key) {
    case SortedName:
    case FamilyYearMonth:
    case GivenYearMonth:
    case FamilyMonthDay:
    case GivenOnly:
    case DateOnly:
    case FamilyYear:
        return true;
    default:
        return false;
    }
}

CandidateBlocker::CandidateBlocker(const MatchFeatures& features, const Options& options)
    : m_f(features)
    , m_options(options)
{
}

void CandidateBlocker::computeKeys(quint32 from, quint32 to)
{
    const auto& records = m_f.records();
    for (quint32 i = from; i < to; ++i) {
        const MatchFeatures::Record& r = records[i];
        quint32* keys = m_keys.data() + static_cast<size_t>(i) * KeyCount;
        std::fill(keys, keys + KeyCount, 0u);
        const quint32* name = m_f.nameTokens(r.name);
        const quint32 n = r.name.count;
        const bool hasDay = r.year > 0 && r.month > 0 && r.day > 0;
        const int lowMonthDay = std::min(r.month, r.day);
        const int highMonthDay = std::max(r.month, r.day);
        if (n > 0) {
            // A one-word name serves as both family and given name.
            const MatchFeatures::NameParts parts = m_f.nameParts(r.name);
            const MatchFeatures::Token& given = m_f.token(name[parts.given]);
            const MatchFeatures::Token& family
                = m_f.token(name[parts.family >= 0 ? parts.family : parts.given]);
            quint32 sorted[16];
            const quint32 sortedCount = std::min(n, 16u);
            for (quint32 k = 0; k < sortedCount; ++k)
                sorted[k] = m_f.token(name[k]).fold;
            std::sort(sorted, sorted + sortedCount);
            KeyHash all(SortedName);
            for (quint32 k = 0; k < sortedCount; ++k)
                all.add(sorted[k]);
            const quint32 allValue = all.value();
            if (hasDay) {
                keys[GivenDate] = KeyHash(GivenDate)
                                      .add(given.fold)
                                      .add(r.year)
                                      .add(lowMonthDay)
                                      .add(highMonthDay)
                                      .value();
                keys[FamilyDate] = KeyHash(FamilyDate)
                                       .add(family.family)
                                       .add(r.sex)
                                       .add(r.year)
                                       .add(lowMonthDay)
                                       .add(highMonthDay)
                                       .value();
            }
            if (r.year > 0) {
                keys[NameYear]
                    = KeyHash(NameYear).add(family.family).add(given.dialect).add(r.sex).add(r.year).value();
                // Common names make big blocks: those are split by birth month (see blockKey).
                m_refined[i] = KeyHash(NameYear).add(keys[NameYear]).add(r.month).value();
                keys[SortedNameYear] = KeyHash(SortedNameYear).add(allValue).add(r.year).value();
            }
            if (r.month > 0 && r.day > 0) {
                KeyHash middle(MiddleGivenDay);
                for (quint32 k = parts.middleBegin; k < parts.middleEnd; ++k) {
                    const MatchFeatures::Token& t = m_f.token(name[k]);
                    if (!t.genderWord)
                        middle.add(t.fold);
                }
                keys[MiddleGivenDay] = middle.add(given.dialect).add(r.sex).add(r.month).add(r.day).value();
            }
            if (r.father.fold != 0 || r.mother.fold != 0) {
                auto lastFold = [this](const MatchFeatures::Relative& relative) -> quint64 {
                    if (relative.name.count == 0)
                        return 0;
                    const MatchFeatures::NameParts relativeParts = m_f.nameParts(relative.name);
                    return m_f.token(m_f.nameTokens(relative.name)[relativeParts.given]).fold;
                };
                keys[NameParents] = KeyHash(NameParents)
                                        .add(allValue)
                                        .add(lastFold(r.father))
                                        .add(lastFold(r.mother))
                                        .value();
            }
            keys[SortedName] = allValue;
            if (r.year > 0 && r.month > 0) {
                keys[FamilyYearMonth]
                    = KeyHash(FamilyYearMonth).add(family.family).add(r.year).add(r.month).value();
                keys[GivenYearMonth]
                    = KeyHash(GivenYearMonth).add(given.dialect).add(r.year).add(r.month).value();
            }
            if (r.phone != 0)
                keys[PhoneGiven] = KeyHash(PhoneGiven).add(r.phone).add(given.dialect).value();
            keys[GivenOnly] = KeyHash(GivenOnly).add(given.dialect).value();
            if (r.month > 0 && r.day > 0)
                keys[FamilyMonthDay]
                    = KeyHash(FamilyMonthDay).add(family.family).add(r.month).add(r.day).value();
            if (hasDay) {
                const QString& g = m_f.folds().value(given.fold);
                const QString& fam = m_f.folds().value(family.fold);
                const char16_t gi = g.isEmpty() ? 0 : g.front().unicode();
                const char16_t fi = fam.isEmpty() ? 0 : fam.front().unicode();
                keys[InitialsDate] = KeyHash(InitialsDate)
                                         .add(std::min(gi, fi))
                                         .add(std::max(gi, fi))
                                         .add(r.year)
                                         .add(lowMonthDay)
                                         .add(highMonthDay)
                                         .value();
            }
            if (r.year > 0)
                keys[FamilyYear] = KeyHash(FamilyYear).add(family.family).add(r.year).value();
        }
        quint32 givenInitial = 0;
        if (n > 0) {
            const QString& g = m_f.folds().value(m_f.token(name[m_f.nameParts(r.name).given]).fold);
            givenInitial = g.isEmpty() ? 0 : g.front().unicode();
        }
        auto masked = [&](quint64 id, int firstKey) {
            if (id == 0)
                return;
            const int size = PackedId::length(id);
            if (size < 6) {
                // Short or not a number: the value itself.
                keys[firstKey] = KeyHash(firstKey).add(id).value();
                return;
            }
            // Masks the first half, the third quarter or the last quarter: a personal ID's first
            // half is its structure (province, sex and century, birth year), the second half
            // random digits, so every key keeps at least three random digits.
            const int cut[4] = {0, size / 2, 3 * size / 4, size};
            for (int s = 0; s < 3; ++s) {
                KeyHash key(firstKey + s);
                key.add(PackedId::masked(id, cut[s], cut[s + 1]));
                // With few random digits left, the given name's initial keeps blocks small.
                if (size >= 9 && !(s == 0 && size >= 12))
                    key.add(givenInitial);
                keys[firstKey + s] = key.value();
            }
        };
        masked(r.personalId, PersonalId0);
        masked(r.oldId, OldId0);
        if (r.email != 0)
            keys[Email] = KeyHash(Email).add(r.email).value();
        if (hasDay)
            keys[DateOnly] = KeyHash(DateOnly).add(r.year).add(r.month).add(r.day).value();
    }
}

void CandidateBlocker::blockKey(int key, std::vector<quint32>& members, std::vector<Block>& blocks,
                                qint64& skippedBlocks, qint64& skippedRecords)
{
    const auto count = static_cast<quint32>(m_f.size());
    std::vector<std::pair<quint32, quint32>> entries;
    entries.reserve(count);
    for (quint32 i = 0; i < count; ++i) {
        const quint32 k = m_keys[static_cast<size_t>(i) * KeyCount + key];
        if (k != 0)
            entries.emplace_back(k, i);
    }
    std::sort(entries.begin(), entries.end());
    if (key == NameYear) {
        // Blocks above refineAbove are re-keyed by the refined hash (name, year and month).
        bool refined = false;
        for (size_t at = 0; at < entries.size();) {
            size_t end = at + 1;
            while (end < entries.size() && entries[end].first == entries[at].first)
                ++end;
            if (end - at > static_cast<size_t>(m_options.refineAbove)) {
                for (size_t e = at; e < end; ++e) {
                    entries[e].first = m_refined[entries[e].second];
                    m_keys[static_cast<size_t>(entries[e].second) * KeyCount + key] = entries[e].first;
                }
                refined = true;
            }
            at = end;
        }
        if (refined)
            std::sort(entries.begin(), entries.end());
    }
    // Weak keys get a budget of pairs instead of a fixed bound: their smallest blocks first,
    // as many as `weakPairsPerRecord` × records pairs allow. In a small ward they reach far; in
    // a large one only rare values, where they still find what stronger keys miss.
    quint32 bound = static_cast<quint32>(m_options.maxBlock);
    if (isWeak(key)) {
        std::vector<quint32> sizes;
        size_t at = 0;
        while (at < entries.size()) {
            size_t end = at + 1;
            while (end < entries.size() && entries[end].first == entries[at].first)
                ++end;
            if (end - at >= 2)
                sizes.push_back(static_cast<quint32>(end - at));
            at = end;
        }
        std::sort(sizes.begin(), sizes.end());
        const double budget = m_options.weakPairsPerRecord * static_cast<double>(count);
        double used = 0;
        bound = 1;
        for (quint32 size : sizes) {
            used += static_cast<double>(size) * (size - 1) / 2;
            if (used > budget || size > static_cast<quint32>(m_options.maxWeakBlock))
                break;
            bound = size;
        }
    }
    size_t start = 0;
    while (start < entries.size()) {
        size_t end = start + 1;
        while (end < entries.size() && entries[end].first == entries[start].first)
            ++end;
        const auto size = static_cast<quint32>(end - start);
        if (size >= 2 && size <= bound) {
            blocks.push_back({static_cast<quint32>(members.size()), size, key});
            for (size_t e = start; e < end; ++e)
                members.push_back(entries[e].second);
        } else {
            if (size > bound) {
                ++skippedBlocks;
                skippedRecords += size;
            }
            // Not a block: later keys must not treat the pair as compared here.
            for (size_t e = start; e < end; ++e)
                m_keys[static_cast<size_t>(entries[e].second) * KeyCount + key] = 0;
        }
        start = end;
    }
}

void CandidateBlocker::build(QThreadPool& pool)
{
    const auto count = static_cast<quint32>(m_f.size());
    m_keys.assign(static_cast<size_t>(count) * KeyCount, 0);
    m_refined.assign(count, 0);
    QList<std::pair<quint32, quint32>> ranges;
    const quint32 step = 16384;
    for (quint32 from = 0; from < count; from += step)
        ranges.append({from, std::min(count, from + step)});
    QtConcurrent::blockingMap(&pool, ranges, [this](const std::pair<quint32, quint32>& range) {
        computeKeys(range.first, range.second);
    });

    struct PerKey
    {
        int key = 0;
        std::vector<quint32> members;
        std::vector<Block> blocks;
        qint64 skippedBlocks = 0;
        qint64 skippedRecords = 0;
    };
    QList<PerKey> perKey(KeyCount);
    for (int k = 0; k < KeyCount; ++k)
        perKey[k].key = k;
    // Each task writes only its own key's column of m_keys.
    QtConcurrent::blockingMap(&pool, perKey, [this](PerKey& p) {
        blockKey(p.key, p.members, p.blocks, p.skippedBlocks, p.skippedRecords);
    });
    m_members.clear();
    m_blocks.clear();
    m_pairsWithRepeats = 0;
    m_skippedBlocks = 0;
    m_skippedRecords = 0;
    m_refined = {};
    for (PerKey& p : perKey) {
        const auto offset = static_cast<quint32>(m_members.size());
        m_members.insert(m_members.end(), p.members.begin(), p.members.end());
        for (Block b : p.blocks) {
            b.offset += offset;
            m_pairsWithRepeats += b.pairs();
            m_blocks.push_back(b);
        }
        m_skippedBlocks += p.skippedBlocks;
        m_skippedRecords += p.skippedRecords;
    }
}

} // namespace wardroll::model
