#pragma once

#include "MatchDictionary.h"
#include "Result.h"

#include <array>
#include <functional>
#include <QCoreApplication>
#include <QHash>
#include <vector>

namespace wardroll::model {

class WardDatabase;

// What the duplicate detector knows about each live resident: compact, precomputed features
// read straight from SQL (never full Resident objects), so that a million records fit in a few
// hundred megabytes and comparing two records is mostly comparing integers. Names are spans of
// interned syllable tokens; identifiers and phones are PackedId values; places and addresses
// are ids in dictionaries. Read-only once loaded: the comparing threads share it.
class MatchFeatures
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::MatchFeatures)
public:
    using Span = MatchDictionary::Span;

    // One syllable of a name, interned by its tone key ("hoa2"): the same syllable written
    // with another tone placement or in another case is the same token.
    struct Token
    {
        quint32 fold = 0; // in folds(): "hoa"
        quint32 dialect = 0; // in dialects(): VietnamesePhonetics::dialectKey
        quint32 family = 0; // in families(): VietnamesePhonetics::familyKey
        quint32 hoiNga = 0; // the tone key with hỏi and ngã made one
        quint32 letters = 0; // bit per letter a-z of the folded syllable, for a quick "different"
        bool marked = false; // has any diacritic: "hung" has none, "hùng" and "hưng" have
        bool genderWord = false; // "Văn", "Thị"
        bool maleParticle = false; // "Y" opening an Ê Đê or Jarai man's name: "Y Blô Ksor"
        bool femaleParticle = false; // "H'…" opening a woman's: "H'Hen Niê"
    };

    // Which words of a name are which. Kinh names: family name first, given name last
    // ("Nguyễn Thị Ánh"). Names opened by "Y" or "H'" (Ê Đê, Jarai, ...): given name first,
    // after the particle "Y", family name last ("Y Blô Ksor", "H'Hen Niê"). A one-word name has
    // only a given name.
    struct NameParts
    {
        int given = -1; // index, -1 = none
        int family = -1;
        quint32 middleBegin = 0; // [middleBegin, middleEnd): the words between
        quint32 middleEnd = 0;
    };
    [[nodiscard]] static NameParts nameLayout(quint32 count, bool maleParticleFirst,
                                              bool femaleParticleFirst);
    // Whether a folded word is "Y" / starts with "h'".
    [[nodiscard]] static bool isMaleParticle(QStringView folded) { return folded == u"y"; }
    [[nodiscard]] static bool isFemaleParticle(QStringView folded)
    {
        return folded.size() > 2 && folded.startsWith(u"h'");
    }
    [[nodiscard]] NameParts nameParts(Span name) const
    {
        if (name.count == 0)
            return {};
        const Token& first = m_tokens[m_nameTokens[name.offset]];
        return nameLayout(name.count, first.maleParticle, first.femaleParticle);
    }

    // A relative (father, mother, spouse) by name.
    struct Relative
    {
        Span name; // tokens
        quint32 fold = 0; // hash of the folded name, 0 = none: equal names, equal hashes
    };

    // Fields whose values have a frequency (for term-frequency weights).
    enum class Field {
        PersonalId, // PackedId values
        OldId,
        FatherId,
        MotherId,
        SpouseId,
        Phone,
        Father, // Relative::fold values
        Mother,
        Spouse,
        Hometown, // dictionary ids from here on; places: folded words without unit words
        BirthRegistration,
        BirthPlace,
        Address, // permanent, current and temporary addresses share one dictionary
        Household,
        Village,
        Email,
        Ethnicity,
    };
    static constexpr int fieldCount = static_cast<int>(Field::Ethnicity) + 1;
    static constexpr int firstDictionaryField = static_cast<int>(Field::Hometown);

    struct Record
    {
        qint64 rowid = 0;
        Span name; // token ids in written order: family first, given name last
        qint16 year = 0; // 0 = unknown
        qint8 month = 0;
        qint8 day = 0;
        quint8 sex = 0; // 0 unknown, 1 male, 2 female
        quint64 personalId = 0;
        quint64 oldId = 0;
        quint64 phone = 0;
        quint64 fatherId = 0;
        quint64 motherId = 0;
        quint64 spouseId = 0;
        Relative father;
        Relative mother;
        Relative spouse;
        quint32 hometown = 0;
        quint32 birthRegistration = 0;
        quint32 birthPlace = 0;
        quint32 permanent = 0;
        quint32 current = 0;
        quint32 temporary = 0;
        quint32 household = 0;
        quint32 village = 0;
        quint32 email = 0;
        quint32 ethnicity = 0;
    };

    // Reads every live resident (not deleted, not merged away) in rowid order. `progress`
    // (rows done, rows total) may return false to cancel.
    [[nodiscard]] static Result<MatchFeatures> load(WardDatabase& ward,
                                                    const std::function<bool(qint64, qint64)>& progress = {});

    [[nodiscard]] const std::vector<Record>& records() const { return m_records; }
    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(m_records.size()); }
    [[nodiscard]] const Token& token(quint32 id) const { return m_tokens[id]; }
    // Ids of a record's name tokens, or of a relative's.
    [[nodiscard]] const quint32* nameTokens(Span span) const { return m_nameTokens.data() + span.offset; }
    // Word ids of a place or address value.
    [[nodiscard]] const quint32* words(Span span) const { return m_words.data() + span.offset; }
    [[nodiscard]] const MatchDictionary& folds() const { return m_folds; }
    [[nodiscard]] const MatchDictionary& dictionary(Field field) const
    {
        return m_dictionaries[static_cast<size_t>(field) - firstDictionaryField];
    }
    // How many records hold `value` (a PackedId, a Relative::fold or a dictionary id) among
    // those holding any value of `field`.
    [[nodiscard]] MatchDictionary::Frequency frequency(Field field, quint64 value) const;
    // How often the token (folded) is written as a given or middle name in the ward: a real
    // name has company, a typo ("Ttú") rarely does.
    [[nodiscard]] quint32 nameCount(quint32 token) const
    {
        const quint32 fold = m_tokens[token].fold;
        return fold < m_nameCounts.size() ? m_nameCounts[fold] : 0;
    }

    // Normalizations, public for tests.
    [[nodiscard]] static QString normalizeId(QStringView text);
    [[nodiscard]] static QString normalizePhone(QStringView text);
    // Folded words of a place or address without the words naming a unit's type ("xã",
    // "huyện", "tỉnh", "thành phố", "thôn", ...): "Xã Giao Thủy, Huyện Giao Thủy" ->
    // {"giao", "thuy", "giao", "thuy"}.
    [[nodiscard]] static QStringList placeWords(QStringView text);

private:
    MatchFeatures() = default;
    class Loader;
    friend class Loader;

    // Counts of values held by two records or more, and how many records hold any value.
    struct Counts
    {
        QHash<quint64, quint32> repeated;
        quint64 total = 0;
    };

    std::vector<Record> m_records;
    std::vector<Token> m_tokens;
    std::vector<quint32> m_nameTokens;
    std::vector<quint32> m_words;
    MatchDictionary m_folds;
    std::vector<quint32> m_nameCounts; // by fold id
    std::array<Counts, firstDictionaryField> m_counts;
    std::array<MatchDictionary, fieldCount - firstDictionaryField> m_dictionaries;
};

} // namespace wardroll::model
