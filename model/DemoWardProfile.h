#pragma once

#include "AdminUnits.h"
#include "DemoRandom.h"
#include "PartialDate.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// The commune a demo ward is generated for, with what follows from where it is: villages,
// streets, which birth-registration codes (ID prefixes) its people mostly carry, the old
// communes it was merged from (hometowns, birth registration places, old addresses), and its
// region's ethnic groups and religions. Part of DemoWardGenerator.
class DemoWardProfile
{
public:
    // A commune of the 2026 catalogue drawn with `rng`.
    [[nodiscard]] static DemoWardProfile choose(DemoRandom& rng, int residents);

    [[nodiscard]] const AdminUnits::Unit& unit() const { return m_unit; }
    [[nodiscard]] bool isUrban() const { return m_urban; } // phường: "Tổ dân phố N", streets
    [[nodiscard]] const QStringList& villages() const { return m_villages; }
    [[nodiscard]] const QString& street(DemoRandom& rng) const { return rng.pick(m_streets); }

    struct BirthRegistration
    {
        QString prefix; // 3 digits
        QString place; // "Xã Giao Thủy, Huyện Giao Thủy, Tỉnh Nam Định"
        QString birthPlace; // "Tỉnh Nam Định"
    };
    // Where a person born on `birth` had the birth registered, and so the ID prefix: mostly this
    // ward's province (its old provinces; after July 2025 the new one), sometimes elsewhere.
    [[nodiscard]] BirthRegistration birthRegistration(DemoRandom& rng, const PartialDate& birth) const;
    // A hometown (quê quán) as records write it: an old commune, district and province.
    [[nodiscard]] const QString& hometown(DemoRandom& rng) const;
    [[nodiscard]] QString ethnicity(DemoRandom& rng) const; // canonical name
    [[nodiscard]] QString religion(DemoRandom& rng, const QString& ethnicity) const;
    // Another commune of the province (a current residence elsewhere).
    [[nodiscard]] const AdminUnits::Unit& nearbyUnit(DemoRandom& rng) const;
    // Old communes merged into this one and abolished; never empty (falls back to the province).
    [[nodiscard]] const QStringList& abolishedPredecessors() const { return m_abolished; }
    // Prefixes that are not birth-registration codes ("003", "099", ...).
    [[nodiscard]] const QStringList& unknownPrefixes() const { return m_unknownPrefixes; }
    [[nodiscard]] bool isSouthern() const { return m_southern; }

private:
    DemoWardProfile() = default;
    void setUpPlaces(DemoRandom& rng);
    void setUpVillages(DemoRandom& rng, int residents);
    void setUpPeople();

    AdminUnits::Unit m_unit;
    bool m_urban = false;
    bool m_southern = false;
    QStringList m_villages;
    QStringList m_streets;
    QStringList m_localPrefixes; // prefixes of this province's old provinces
    QList<double> m_localPrefixWeights;
    QStringList m_allPrefixes;
    QStringList m_unknownPrefixes;
    QString m_newPrefix; // "0" + province code: births registered after the merger
    QStringList m_placeText; // per legacy ward index: "Xã A, Huyện B, Tỉnh C"
    QList<qsizetype> m_predecessors; // legacy ward indexes merged into this commune
    QList<qsizetype> m_provinceWards; // legacy ward indexes of this province's old provinces
    QHash<QString, QList<qsizetype>> m_wardsByOldProvince; // "36" -> legacy ward indexes
    QStringList m_abolished;
    QList<AdminUnits::Unit> m_nearby;
    QStringList m_ethnicNames;
    QList<double> m_ethnicWeights;
    QStringList m_religionNames;
    QList<double> m_religionWeights;
};

} // namespace wardroll::model
