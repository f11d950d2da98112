#pragma once

#include "DemoRandom.h"
#include "Sex.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// Realistic Vietnamese names for demo wards (DOMAIN.md §6): family names by their real
// frequency (Nguyễn ≈ 38 %, Trần 11 %, Lê 9.5 %, ...; Huỳnh/Võ more common in the south),
// sex-consistent middle names (Văn/Thị often, other middles, sometimes none), given names from
// the shipped lists (cleaned of their "Ð"), and the naming customs of some minorities (HMông
// "Giàng A Páo", Ê-đê "Y Bhin Niê" / "H'Hen Niê"). Every name it returns is normalized
// (VietnameseText::normalizeName), except the variations made on purpose. Part of
// DemoWardGenerator.
class DemoNamePicker
{
public:
    enum class Style {
        Kinh, // family + middle(s) + given; children take the father's family name
        Hmong, // family + A/Thị + given
        Highland // Y/H' + given + family; children take the mother's family name (Ê-đê)
    };

    explicit DemoNamePicker(bool southern);

    [[nodiscard]] static Style styleOf(const QString& ethnicity);
    [[nodiscard]] QString familyName(DemoRandom& rng, const QString& ethnicity) const;
    [[nodiscard]] QString fullName(DemoRandom& rng, const QString& family, Sex sex, Style style) const;
    // A name for a twin of `sibling`: same family (and often middle) name, another given name.
    [[nodiscard]] QString twinName(DemoRandom& rng, const QString& sibling, const QString& family, Sex sex,
                                   Style style) const;

    // Variations a second record of the same person shows.
    // "Nguyễn Văn Hùng" -> "Nguyen Van Hung".
    [[nodiscard]] static QString withoutAccents(const QString& name);
    // Old-style tone placement ("Hoà" -> "Hòa", "Thuỷ" -> "Thủy"); empty when no syllable has a
    // tone on oa/oe/uy (nothing to move).
    [[nodiscard]] static QString withOtherTonePlacement(const QString& name);
    // A dialect slip or typing error (l/n, s/x, ch/tr, d/gi, final n/ng and t/c, hỏi/ngã,
    // "Văn"/"Thị" dropped, Huỳnh/Hoàng, Vũ/Võ); normalized, different from `name`, or empty.
    [[nodiscard]] static QString withTypo(DemoRandom& rng, const QString& name);

private:
    QStringList m_family;
    QList<double> m_familyWeights;
    QStringList m_maleEntries; // middle + given, as listed
    QStringList m_femaleEntries;
    QStringList m_maleGiven; // last syllables, with the lists' repetition as frequency
    QStringList m_femaleGiven;
};

} // namespace wardroll::model
