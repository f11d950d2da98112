#pragma once

#include "DemoHousehold.h"

#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// What a correct cleaning engine must raise on a demo ward: the meaning of the rule codes in
// the truth file defects.csv, checked on the records as generated. Rules see live records only,
// whatever their status, as of the reference date (DemoWardGenerator::referenceDate()).
//
// Record rules (one finding per record and rule):
//   id.format       personal ID written but not 12 digits once spaces, dots and dashes go
//   id.prefix       12 digits, first three not one of the 63 birth-registration codes
//   id.sex_century  12 digits, 4th digit contradicts the recorded sex (even = male) or the
//                   century of the birth year (0/1 = 1900s, 2/3 = 2000s, ...)
//   id.birth_year   12 digits, digits 5-6 differ from the birth year's last two digits
//   id.shared       the same (normalized) ID on two or more records (every one of them)
//   id.missing      no personal ID
//   date.invalid    birth or death date written but not a real date (31/02, month 13, text)
//   date.future     a real birth or death date after the reference date
//   date.age        status living and older than 120 at the reference date (from the latest
//                   day the birth date can denote)
//   date.death_before_birth  real death date ending before the birth date starts
//   name.format     full name not as VietnameseText::normalizeName writes it (case, spaces,
//                   decomposed Unicode, "Ð", tone placement)
//   name.chars      full name with digits or symbols (VietnameseText::hasNonNameCharacters)
//   required.missing  empty full name, sex, birth date, birth registration place, hometown,
//                   ethnicity, religion or nationality (one finding listing the fields)
//   status.deceased_listed  a death date on a record whose status is living
//   address.legacy_unit   an address (permanent, temporary, current) coded with a commune of
//                   the legacy scheme: to be converted to the 2025 scheme
//   address.unknown_unit  permanent, temporary or current address whose code is not a unit of
//                   its scheme (or has no known scheme)
// Household rules (relations read with HouseholdRelations::find):
//   household.no_head / household.many_heads  not exactly one "Chủ hộ"
//   household.spouse_count  more than one member related as spouse (Vợ/Chồng)
//   household.relation_sex  (per member) the relation implies the other sex than recorded
//   household.relation_age  (per member, when there is one head with a birth year) a relation
//                   of generation g != 0 whose birth year is not at least 12·|g| years before
//                   (g > 0) or after (g < 0) the head's
//   household.marriage_age  (per member) a spouse, or the single head when the household has
//                   a spouse, younger than 20 (men) / 18 (women) at the reference date
// Unknown sex, an empty or unreadable date, or an unknown relation never raise a household
// rule: the record's own rules report what is missing. Generated values keep a margin of
// several years from every threshold, so that an engine counting full years or year
// differences finds the same.
class DemoRuleAudit
{
public:
    struct Finding
    {
        QString rule;
        int member = -1; // index in the household; -1: the household itself
        QString detail;
    };

    explicit DemoRuleAudit(QDate referenceDate);

    [[nodiscard]] static const QStringList& rules(); // every code above
    // Spaces, dots and dashes removed: what id.shared compares.
    [[nodiscard]] static QString normalizedId(QStringView id);

    // Every rule but id.shared (which needs the whole ward).
    [[nodiscard]] QList<Finding> check(const QList<DemoMember>& members) const;
    void checkRecord(const Resident& resident, int member, QList<Finding>& out) const;
    void checkHousehold(const QList<DemoMember>& members, QList<Finding>& out) const;

private:
    [[nodiscard]] int ageAt(QDate birth) const;
    QDate m_reference;
};

} // namespace wardroll::model
