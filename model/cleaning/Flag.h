#pragma once

#include "Finding.h"

#include <optional>
#include <QString>

namespace wardroll::model {

// A flag's place in its review (DOMAIN.md §1: detected → verified → corrected or escalated →
// closed; nothing is silently fixed). Officers move a flag open → in verification → resolved
// (corrected, merged or escalated), or dismiss it with a reason. Cleaning runs add the rest:
// they raise flags (open), reopen them when the record changed, and close open ones whose
// cause is gone.
enum class FlagState { Open, InVerification, Resolved, Dismissed, Closed };
enum class Resolution { None, Corrected, Merged, Escalated };

[[nodiscard]] QString flagStateCode(FlagState state); // "open", "in_verification", ...
[[nodiscard]] std::optional<FlagState> flagStateFromCode(QStringView code);
[[nodiscard]] QString flagStateLabel(FlagState state); // translated
[[nodiscard]] QString resolutionCode(Resolution resolution); // "", "corrected", "merged", "escalated"
[[nodiscard]] std::optional<Resolution> resolutionFromCode(QStringView code);
[[nodiscard]] QString resolutionLabel(Resolution resolution); // translated
[[nodiscard]] std::optional<Severity> severityFromCode(QStringView code);
[[nodiscard]] QString severityLabel(Severity severity); // translated

// The persistent, reviewable counterpart of a Finding (FlagStore).
struct Flag
{
    QString id; // UUIDv7
    Finding finding;
    FlagState state = FlagState::Open;
    Resolution resolution = Resolution::None;
    QString reason; // why it was dismissed (required), or the note of the last resolution
    QString village; // of the record or household when the flag was raised
    qint64 createdAt = 0;
    QString createdBy;
    qint64 updatedAt = 0;
    QString updatedBy;

    // Filled by FlagStore's queries: how people name the subjects. A record's source_ref, or
    // its id when it has none; a household's number.
    QString residentRef;
    QString otherResidentRef;
    QString householdRef;

    [[nodiscard]] bool isActive() const
    {
        return state == FlagState::Open || state == FlagState::InVerification;
    }
};

// One step of a flag's history.
struct FlagEvent
{
    QString id;
    QString flagId;
    std::optional<FlagState> from; // none when the flag was raised
    FlagState to = FlagState::Open;
    Resolution resolution = Resolution::None;
    QString note;
    QString officer;
    qint64 at = 0;
};

} // namespace wardroll::model
