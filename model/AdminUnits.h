#pragma once

#include "Address.h"

#include <QHash>
#include <QList>
#include <QString>

namespace wardroll::model {

// Vietnam's administrative units (DOMAIN.md §4), from the catalogues compiled into the app:
// the 2-level scheme "2025" (34 provinces, 3,321 communes; codes as of 2026), the 3-level
// "legacy" scheme (63 provinces, 10,035 communes with their district), the official mapping
// from legacy communes to 2025 ones, and the 63 birth-registration codes (personal ID prefixes).
// A 5-digit code means nothing without its scheme: "00004" is Phường Trúc Bạch (legacy) and
// Phường Ba Đình (2025).
//
// Loaded once, on first use of instance(), thread-safely; read-only afterwards.
class AdminUnits
{
public:
    struct Province
    {
        QString code; // "01"
        QString name; // "Thành phố Hà Nội"
    };

    struct Unit
    {
        QString code; // 5 digits
        QString scheme; // unitScheme2025 or unitSchemeLegacy
        QString name; // "Phường Ba Đình"
        QString provinceCode; // 2 digits, of the unit's own scheme
        QString provinceName;
        QString districtCode; // legacy only
        QString districtName; // legacy only
        // "Phường Ba Đình, Thành phố Hà Nội"; legacy units include the district.
        [[nodiscard]] QString fullName() const;
    };

    // The first 3 digits of a 12-digit personal ID: where the birth was registered (63 codes,
    // pre-2025 provinces). Codes did not change with the merger.
    struct BirthRegistrationCode
    {
        QString prefix; // "036"
        QString oldProvince; // "Nam Định"
        QString oldProvinceCode; // "36" (legacy scheme)
        QString provinceCode; // the 2025 province it now belongs to, "37"
    };

    [[nodiscard]] static const AdminUnits& instance();

    [[nodiscard]] const QList<Province>& provinces() const { return m_provinces; } // 34
    [[nodiscard]] const Province* province(QStringView code) const;
    [[nodiscard]] const QList<Unit>& communes() const { return m_communes; } // 3,321, scheme 2025
    [[nodiscard]] const QList<Unit>& legacyWards() const { return m_legacy; } // 10,035
    // nullptr when the code is not a unit of that scheme.
    [[nodiscard]] const Unit* unit(QStringView code, QStringView scheme) const;
    // Units whose name matches, ignoring case, tone and vowel marks and the type word ("Xã",
    // "Phường", "Thị trấn", "Đặc khu"): "ba dinh" finds Phường Ba Đình. Several units may share
    // a name; give a province code to narrow the search. Catalogue order.
    [[nodiscard]] QList<const Unit*> findByName(QStringView name, QStringView scheme = unitScheme2025,
                                                QStringView provinceCode = {}) const;

    // A legacy commune that no longer exists as such: merged into another or split.
    [[nodiscard]] bool isAbolished(QStringView legacyCode) const;
    // Split between several 2025 communes: the officer must choose (never guess).
    [[nodiscard]] bool isDividedWard(QStringView legacyCode) const;
    // The 2025 commune(s) a legacy commune became: one, or every candidate when divided.
    // Empty for an unknown code.
    [[nodiscard]] QList<Unit> newUnitsFor(QStringView legacyCode) const;
    // The legacy communes merged (wholly or in part) into a 2025 commune.
    [[nodiscard]] QStringList legacyCodesOf(QStringView code2025) const;

    [[nodiscard]] const QList<BirthRegistrationCode>& birthRegistrationCodes() const { return m_birthCodes; }
    [[nodiscard]] const BirthRegistrationCode* birthRegistrationCode(QStringView prefix) const;

    AdminUnits(const AdminUnits&) = delete;
    AdminUnits& operator=(const AdminUnits&) = delete;

private:
    AdminUnits();
    void loadCommunes();
    void loadLegacy();
    void loadMapping();
    void loadBirthCodes();
    void indexNames(const QList<Unit>& units, QHash<QString, QList<qsizetype>>& index);

    struct Successor
    {
        QString code;
        QString name; // as the mapping writes it (used when the code changed in 2026)
        QString provinceCode;
        QString provinceName;
    };
    struct Mapping
    {
        bool merged = false;
        bool divided = false;
        QList<Successor> successors;
    };

    QList<Province> m_provinces;
    QList<Unit> m_communes;
    QList<Unit> m_legacy;
    QHash<QString, qsizetype> m_provinceByCode;
    QHash<QString, qsizetype> m_communeByCode;
    QHash<QString, qsizetype> m_legacyByCode;
    QHash<QString, QList<qsizetype>> m_communeByName;
    QHash<QString, QList<qsizetype>> m_legacyByName;
    QHash<QString, Mapping> m_mapping;
    QHash<QString, QStringList> m_predecessors;
    QList<BirthRegistrationCode> m_birthCodes;
    QHash<QString, qsizetype> m_birthCodeByPrefix;
};

} // namespace wardroll::model
