#pragma once

#include "Address.h"
#include "PartialDate.h"
#include "Sex.h"

#include <QString>

namespace wardroll::model {

enum class ResidentStatus { Living, Deceased, Missing, MovedOut };

[[nodiscard]] QString statusCode(ResidentStatus status); // "living", "deceased", "missing", "moved_out"
[[nodiscard]] ResidentStatus statusFromCode(QStringView code);
// Reads codes and Vietnamese words ("Còn sống", "Đã chết", "Đã mất", "Mất tích", "Chuyển đi").
[[nodiscard]] std::optional<ResidentStatus> parseStatus(QStringView text);

// One person's record (Law on Identification 2023, art. 9; DOMAIN.md §2). Text fields hold what
// was written (only surrounding spaces trimmed) so that cleaning can flag what is wrong; the
// form normalizes on entry.
struct Resident
{
    QString id; // UUIDv7, assigned on insert
    QString sourceRef;
    QString householdId;
    QString relationToHead;

    QString fullName;
    QString otherNames;
    QString personalId;
    QString oldId;
    PartialDate birthDate;
    Sex sex = Sex::Unknown;
    QString birthPlace;
    QString birthRegistrationPlace;
    QString hometown;
    QString ethnicity;
    QString religion;
    QString nationality;
    QString maritalStatus;
    QString phone;
    QString email;
    QString village;

    Address permanentAddress;
    Address temporaryAddress;
    Address currentAddress;

    QString fatherName;
    QString fatherId;
    QString motherName;
    QString motherId;
    QString spouseName;
    QString spouseId;

    ResidentStatus status = ResidentStatus::Living;
    PartialDate deathDate;

    QString importRaw; // what the record cannot give back of its source row, as JSON (CsvImporter)

    // Bookkeeping, set by the store.
    QString mergedInto;
    qint64 createdAt = 0;
    QString createdBy;
    qint64 updatedAt = 0;
    QString updatedBy;
    qint64 deletedAt = 0;

    [[nodiscard]] bool isLive() const { return deletedAt == 0 && mergedInto.isEmpty(); }
};

} // namespace wardroll::model
