#pragma once

#include "PartialDate.h"
#include "Result.h"
#include "Sex.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// The QR code on the back of a chip ID card (CCCD), as a scanner types it (DOMAIN.md §3):
//
//   ID12|CMND9|Full Name|ddMMyyyy|Sex|Permanent address|issue date ddMMyyyy
//
// The old ID (CMND) may be empty. Read defensively, since card generations and scanners differ:
//   - 7 fields: the layout above;
//   - 6 fields: either the old ID is left out (the second field holds letters: a name), or the
//     issue date is (the last field is not a date);
//   - more than 7: the first 7 are read, the rest kept in `extra`;
//   - surrounding spaces, a trailing CR/LF and a BOM are dropped; text is NFC'd (scanners
//     emulating a keyboard may send decomposed accents).
// Anything else is an error with a message naming what is wrong. Pure parsing: no widgets.
struct ChipCardQr
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::ChipCardQr)
public:
    QString personalId; // 12 digits
    QString oldId; // 9 or 12 digits, or empty
    QString fullName; // as printed (UPPERCASE on older cards); cleaned, not re-cased
    PartialDate birthDate;
    Sex sex = Sex::Unknown;
    QString permanentAddress;
    PartialDate issueDate; // empty when the code has none
    QStringList extra; // fields after the 7th

    [[nodiscard]] static Result<ChipCardQr> parse(QStringView text);
    // Cheap test for "this was typed by a scanner": 12 digits and a '|' at once. Lets a form
    // route a scanned line to parse() from a field meant for something else.
    [[nodiscard]] static bool looksLikeQr(QStringView text);
};

} // namespace wardroll::model
