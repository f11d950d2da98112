#pragma once

#include "Finding.h"
#include "Resident.h"
#include "RuleContext.h"

#include <QCoreApplication>
#include <QList>

namespace wardroll::model {

// The consistency rules about one record, for the whole ward in batch (RuleBatch) and for one
// record while it is edited. At most one finding per rule; a clean, correct record gives none
// of severity error or warning. The rules, their severities and exact meaning:
//
//   id.format (error)      a personal ID written, but not 12 digits once spaces, dots and dashes
//                          are removed
//   id.prefix (warning)    12 digits whose first three are not one of the 63 birth-registration
//                          codes: maybe a birth registered abroad, to verify
//   id.sex_century (error) the 4th digit contradicts the sex (even = male) or the century of the
//                          birth year
//   id.birth_year (error)  digits 5-6 differ from the birth year's last two digits
//   id.shared (error)      the same normalized ID on another live (not deleted, not merged)
//                          record, whatever its status: a deceased person's ID on someone else is
//                          as wrong as a living one's. Needs RuleContext::idHolders.
//   id.missing (warning)   no personal ID
//   date.invalid (error)   a birth or death date written but not a real date (31/02, month 13,
//                          unreadable text)
//   date.future (error)    a real birth or death date that starts after today
//   date.age (warning)     status living and older than 120 today, even from the latest day the
//                          birth date can denote (full years)
//   date.death_before_birth (error)  a real death date that ends before the birth date starts
//   name.format (warning)  the full name is not in its stored form (VietnameseText::
//                          normalizeName: spaces, case, decomposed Unicode, "Ð", tone
//                          placement); suggested fix: that form
//   name.chars (error)     the full name contains digits or symbols
//   required.missing (warning)  empty full name, date of birth, sex, place of birth
//                          registration, hometown, ethnicity, religion or nationality; one
//                          finding listing them
//   status.deceased_listed (error)  a date of death on a record whose status is living. A
//                          deceased person keeps the link to the household (the household's
//                          history); the household rules count them as members, so a second
//                          head or spouse added after a death is flagged there.
//   address.legacy_unit (warning)  a permanent, temporary or current address coded with a
//                          commune of the legacy (pre-2025) scheme. Suggested fix: the 2025
//                          commune when the mapping gives exactly one; a ward that was split
//                          gets no suggestion (the officer asks the resident).
//   address.unknown_unit (error)  an address code that is not a unit of its scheme, or that has
//                          no known scheme
class RecordRules
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::RecordRules)
public:
    [[nodiscard]] static QList<Finding> check(const Resident& resident, const RuleContext& context);
    // Appends to `out` (the batch path: no list per record).
    static void check(const Resident& resident, const RuleContext& context, QList<Finding>& out);

    // The personal ID as the ID rules read it: spaces, dots and dashes removed.
    [[nodiscard]] static QString normalizedId(QStringView id);
    // Every code this class raises, with its severity.
    [[nodiscard]] static const QList<std::pair<QString, Severity>>& rules();

private:
    static void checkId(const Resident& r, const RuleContext& context, QList<Finding>& out);
    static void checkSharedId(const Resident& r, const QString& id, const RuleContext& context,
                              QList<Finding>& out);
    static void checkDates(const Resident& r, const RuleContext& context, QList<Finding>& out);
    static void checkName(const Resident& r, QList<Finding>& out);
    static void checkRequired(const Resident& r, QList<Finding>& out);
    static void checkStatus(const Resident& r, QList<Finding>& out);
    static void checkAddresses(const Resident& r, QList<Finding>& out);
};

} // namespace wardroll::model
