#pragma once

#include <QString>

namespace wardroll::model {

// Spelling slips that make one Vietnamese name look like two (DOMAIN.md §6), as keys on
// syllables already folded by VietnameseText::foldKey ("nguyen", "thuy").
class VietnamesePhonetics
{
public:
    // Merges the letters regional accents confuse: initials l/n, s/x, ch/tr, d/gi/r and finals
    // n/ng, t/c ("Lan" ~ "Nan", "Sương" ~ "Xương", "Trung" ~ "Chun", "Giang" ~ "Dan" ~ "Rang",
    // "Phúc" ~ "Phút"). Tones (hỏi/ngã) are already gone from a folded syllable.
    [[nodiscard]] static QString dialectKey(QStringView foldedSyllable);
    // One key for regional variants of a family name: Huỳnh/Hoàng, Vũ/Võ; otherwise the input.
    [[nodiscard]] static QString familyKey(QStringView foldedSyllable);
    // "van" and "thi": the middle names that mark sex and are often left out.
    [[nodiscard]] static bool isGenderWord(QStringView foldedSyllable);
};

} // namespace wardroll::model
