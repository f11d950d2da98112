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
    // tabs, ideographic space, zero-width space, BOM) -> one space; trimmed. Also: soft hyphen and
    // zero-width joiners removed; typographic apostrophes (’ ʼ) -> ', dashes (‐ – —) -> -;
    // vowel marks typed after the tone mark in decomposed text are composed too. Case and tone
    // placement unchanged.
    [[nodiscard]] static QString clean(QStringView text);
    // Unicode-aware Title Case per syllable ("NGUYỄN thị ánh" -> "Nguyễn Thị Ánh"). A letter after
    // a space, apostrophe, hyphen or dot starts a new part and is capitalised, every other letter
    // is lowercased: "H'HEN NIÊ" -> "H'Hen Niê", "KSOR Y BLÔ" -> "Ksor Y Blô", "y-moan" -> "Y-Moan".
    [[nodiscard]] static QString titleCase(QStringView text);
    // Moves tone marks to the canonical position described above; the exact rules are in
    // VietnameseText.cpp. Case is kept; decomposed input is composed first.
    [[nodiscard]] static QString canonicalTones(QStringView text);
    // clean + canonicalTones + titleCase: the stored form of a personal name.
    [[nodiscard]] static QString normalizeName(QStringView text);
    // true when normalizeName(text) == text.
    [[nodiscard]] static bool isNormalizedName(QStringView text);

    // Matching key: lowercase, no tone marks and no vowel marks, đ/Ð/ð -> d, single spaces,
    // trimmed. "Nguyễn Văn Hùng" -> "nguyen van hung". Also folds other Latin accents (é ü ø ł).
    // ASCII punctuation is kept, other punctuation and symbols become a space, control and
    // invisible characters are dropped. Fast: a table lookup per character (no normalization).
    [[nodiscard]] static QString foldKey(QStringView text);
    // Matching key that keeps the letters' identity and the tone but not its placement:
    // "Hòa" and "Hoà" give the same key, "Hoa" and "Hóa" differ. Lowercase, clean()ed; each
    // syllable is its toneless letters (ă â ê ô ơ ư đ kept) followed by its tone as a VNI digit
    // (1 sắc, 2 huyền, 3 hỏi, 4 ngã, 5 nặng; none for the level tone): "Hoà" -> "hoa2",
    // "Nguyễn Thị Thuỷ" -> "nguyên4 thi5 thuy3".
    [[nodiscard]] static QString toneKey(QStringView text);
    // Syllables of a clean()ed name: its space-separated parts ("H'Hen" is one part).
    [[nodiscard]] static QStringList syllables(QStringView text);
    // Anything that is not a letter, space, apostrophe, hyphen or dot (digits, symbols, control
    // characters). Variants clean() fixes (NBSP, ’, –) do not count.
    [[nodiscard]] static bool hasNonNameCharacters(QStringView text);
};

} // namespace wardroll::model
