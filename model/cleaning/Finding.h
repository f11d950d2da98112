#pragma once

#include <QString>
#include <QStringList>

namespace wardroll::model {

enum class Severity { Error, Warning, Info };

[[nodiscard]] inline QString severityCode(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return QStringLiteral("error");
    case Severity::Warning:
        return QStringLiteral("warning");
    case Severity::Info:
        break;
    }
    return QStringLiteral("info");
}

// What one rule found about one subject (a resident, a household, or a pair / cluster of
// residents) in one cleaning run. Findings are facts of a run; Flags (FlagStore) are their
// persistent, reviewable counterpart with a lifecycle.
struct Finding
{
    QString rule; // stable code: "id.format", "household.no_head", "dup.probable", ...
    Severity severity = Severity::Warning;
    QString residentId; // record rules, and the first record of a duplicate pair
    QString householdId; // household rules
    QString otherResidentId; // duplicate pairs: the second record
    QStringList fields; // canonical field names involved ("personal_id", "sex", ...)
    QString message; // translated, names the fields and the values in conflict
    QString suggestedField; // a one-step fix, when it is unambiguous (e.g. a name's formatting)
    QString suggestedValue; // for "*_unit_code" fields the 2025 code: the scheme becomes "2025" too
    double score = 0; // duplicates: match weight (log2 odds)
    QString details; // JSON: e.g. the field-by-field "why flagged" of a duplicate pair
    // Hash of the inputs the rule looked at. A dismissed flag stays dismissed while it is
    // unchanged, and reopens when the record changes.
    QString fingerprint;

    // One flag per (rule, subject): re-running cleaning finds the same flag again.
    [[nodiscard]] QString subject() const
    {
        if (!otherResidentId.isEmpty())
            return residentId < otherResidentId ? residentId + QLatin1Char('|') + otherResidentId
                                                : otherResidentId + QLatin1Char('|') + residentId;
        return residentId.isEmpty() ? householdId : residentId;
    }
};

} // namespace wardroll::model
