#pragma once

#include "MatchFeatures.h"

#include <vector>

class QThreadPool;

namespace wardroll::model {

// Chooses which pairs of records the duplicate detector compares: records sharing a blocking
// key. Several keys, each tolerant of other slips, so that one person recorded twice shares at
// least one of them; never the family name alone (38 % of Vietnamese are Nguyễn). A pair is
// compared once, in the block of the first key it shares. A block larger than its key's
// bound is skipped (its pairs are too weak a lead to be worth the comparisons);
// skippedBlocks() reports how many.
class CandidateBlocker
{
public:
    enum Key {
        GivenDate, // given name + full birth date (day and month in either order)
        FamilyDate, // family name (Huỳnh=Hoàng, Vũ=Võ) + sex + full birth date, either order
        NameYear, // family name + given name up to dialect + sex + birth year (+ month in big blocks)
        MiddleGivenDay, // middle names without Văn/Thị + given name up to dialect + sex + day and month
        SortedNameYear, // every name word, in any order + birth year
        NameParents, // every name word + the given names of father and mother
        SortedName, // every name word (weak: rare names with a wrong or no date)
        FamilyYearMonth, // family name + birth year and month (weak)
        GivenYearMonth, // given name up to dialect + birth year and month (weak)
        PersonalId0, // the personal ID with a part masked, three ways: one mistyped digit leaves
        PersonalId1, // one of them intact (the last two with the given name's initial)
        PersonalId2,
        OldId0,
        OldId1,
        OldId2,
        Email,
        PhoneGiven, // phone + given name (a household shares a phone)
        FamilyMonthDay, // family name + day and month: a wrong year and given name (weak)
        InitialsDate, // first letters of given and family names + full birth date, either order
        // Broad keys (weak), so in practice for small wards and rare values: a given name up to
        // dialect, a full birth date, a family name + birth year.
        GivenOnly,
        DateOnly,
        FamilyYear,
        KeyCount
    };

    struct Options
    {
        int maxBlock = 500;
        // NameYear blocks larger than this are split by birth month: in a large ward a common
        // name and a birth year are shared by hundreds.
        int refineAbove = 40;
        // Weak keys (isWeak): blocks up to this size, smallest first, while their pairs stay
        // within weakPairsPerRecord × records.
        int maxWeakBlock = 50;
        double weakPairsPerRecord = 0.5;
    };
    struct Block
    {
        quint32 offset = 0; // into members()
        quint32 size = 0;
        int key = 0;
        [[nodiscard]] qint64 pairs() const { return static_cast<qint64>(size) * (size - 1) / 2; }
    };

    CandidateBlocker(const MatchFeatures& features, const Options& options);

    // Computes the keys and the blocks, in parallel on `pool`.
    void build(QThreadPool& pool);

    [[nodiscard]] const std::vector<Block>& blocks() const { return m_blocks; }
    [[nodiscard]] const quint32* members(const Block& block) const { return m_members.data() + block.offset; }
    // The pair shares a key in [from, key): it was compared in that key's block.
    [[nodiscard]] bool seenEarlier(quint32 a, quint32 b, int key, int from = 0) const
    {
        const quint32* ka = m_keys.data() + static_cast<size_t>(a) * KeyCount;
        const quint32* kb = m_keys.data() + static_cast<size_t>(b) * KeyCount;
        for (int k = from; k < key; ++k) {
            if (ka[k] != 0 && ka[k] == kb[k])
                return true;
        }
        return false;
    }
    // Pairs in all blocks, counting a pair once per key it shares.
    [[nodiscard]] qint64 pairsWithRepeats() const { return m_pairsWithRepeats; }
    [[nodiscard]] qint64 skippedBlocks() const { return m_skippedBlocks; }
    [[nodiscard]] qint64 skippedRecords() const { return m_skippedRecords; }
    [[nodiscard]] static const char* keyName(int key);
    // Keys that alone are weak evidence (a name, a date, a family name and a year...).
    [[nodiscard]] static bool isWeak(int key);

private:
    void computeKeys(quint32 from, quint32 to);
    void blockKey(int key, std::vector<quint32>& members, std::vector<Block>& blocks, qint64& skippedBlocks,
                  qint64& skippedRecords);

    const MatchFeatures& m_f;
    Options m_options;
    std::vector<quint32> m_keys; // KeyCount per record, 0 = none
    std::vector<quint32> m_refined; // NameYear's refinement, while building
    std::vector<quint32> m_members;
    std::vector<Block> m_blocks;
    qint64 m_pairsWithRepeats = 0;
    qint64 m_skippedBlocks = 0;
    qint64 m_skippedRecords = 0;
};

} // namespace wardroll::model
