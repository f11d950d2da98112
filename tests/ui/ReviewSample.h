#pragma once

#include <QString>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::test {

// A ward ready for review: the sample residents (SampleWard.h) plus two pairs recorded twice
// (one person with a phone number on one record only; twins), and flags raised through FlagStore
// as a cleaning run would: an ID that contradicts the birth year, a few name warnings, and a
// duplicate flag per pair with its field-by-field "why".
struct ReviewSample
{
    QString birthYearFlagId; // error, open
    QString duplicateFlagId; // dup.probable: firstId | secondId
    QString firstId; // no phone
    QString secondId; // phone 0912345678, same person
    QString twinFlagId; // dup.possible between twins
    int flags = 0; // raised in all
};

[[nodiscard]] ReviewSample fillReviewSample(model::WardDatabase& ward);

} // namespace wardroll::test
