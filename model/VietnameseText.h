#pragma once

#include <QString>
#include <QStringList>

namespace wardroll::model {

// Vietnamese text rules for names and places (DOMAIN.md §6).
//
// Canonical tone placement for stored names is the "new style" of the orthography rules, the
// one the statistics office's unit catalogue uses: in the syllables oa, oe, uy with no final
// consonant the tone sits on the second vowel ("Hoà", "Khoẻ", "Thuỷ", "Thuý"); with a final
// consonant or in other diphthongs it sits on the main vowel as everywhere ("Hoàng", "Thuyền",
// "Hùng"). i/y are never swapped (Vy, Mỹ, Lý stay as written).
class VietnameseText
{
public:
    // NFC; U+00D0/U+00F0 (eth, a mis-decoded Đ/đ) -> Đ/đ; every run of whitespace (incl. NBSP,
    // tabs, zero-width) -> one space; trimmed. Case and tone placement unchanged.
    [[nodiscard]] static QString clean(QStringView text);
    // Unicode-aware Title Case per syllable ("NGUYỄN thị ánh" -> "Nguyễn Thị Ánh"), keeping
    // particles after an apostrophe or hyphen as written below the first letter (H'Hen, Ksor).
    [[nodiscard]] static QString titleCase(QStringView text);
    // Moves tone marks to the canonical position described above (input should be clean()).
    [[nodiscard]] static QString canonicalTones(QStringView text);
    // clean + canonicalTones + titleCase: the stored form of a personal name.
    [[nodiscard]] static QString normalizeName(QStringView text);
    // true when normalizeName(text) == text.
    [[nodiscard]] static bool isNormalizedName(QStringView text);

    // Matching key: lowercase, no tone marks and no vowel marks, đ -> d, single spaces.
    // "Nguyễn Văn Hùng" -> "nguyen van hung". Also folds non-Vietnamese Latin accents.
    [[nodiscard]] static QString foldKey(QStringView text);
    // Matching key that keeps the letters' identity and the tone but not its placement:
    // "Hòa" and "Hoà" give the same key, "Hoa" and "Hóa" differ. Lowercase.
    [[nodiscard]] static QString toneKey(QStringView text);
    // Syllables of a clean()ed name.
    [[nodiscard]] static QStringList syllables(QStringView text);
    // Anything that is not a letter, space, apostrophe, hyphen or dot (digits, symbols).
    [[nodiscard]] static bool hasNonNameCharacters(QStringView text);
};

} // namespace wardroll::model
