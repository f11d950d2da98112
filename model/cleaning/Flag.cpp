#include "Flag.h"

#include <QCoreApplication>

namespace wardroll::model {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("wardroll::model::Flag", text);
}
} // namespace

QString flagStateCode(FlagState state)
{
    switch (state) {
    case FlagState::Open:
        return QStringLiteral("open");
    case FlagState::InVerification:
        return QStringLiteral("in_verification");
    case FlagState::Resolved:
        return QStringLiteral("resolved");
    case FlagState::Dismissed:
        return QStringLiteral("dismissed");
    case FlagState::Closed:
        return QStringLiteral("closed");
    }
    return QStringLiteral("open");
}

std::optional<FlagState> flagStateFromCode(QStringView code)
{
    for (FlagState state : {FlagState::Open, FlagState::InVerification, FlagState::Resolved,
                            FlagState::Dismissed, FlagState::Closed})
        if (code == flagStateCode(state))
            return state;
    return std::nullopt;
}

QString flagStateLabel(FlagState state)
{
    switch (state) {
    case FlagState::Open:
        return tr("open");
    case FlagState::InVerification:
        return tr("in verification");
    case FlagState::Resolved:
        return tr("resolved");
    case FlagState::Dismissed:
        return tr("dismissed");
    case FlagState::Closed:
        return tr("closed");
    }
    return {};
}

QString resolutionCode(Resolution resolution)
{
    switch (resolution) {
    case Resolution::None:
        break;
    case Resolution::Corrected:
        return QStringLiteral("corrected");
    case Resolution::Merged:
        return QStringLiteral("merged");
    case Resolution::Escalated:
        return QStringLiteral("escalated");
    }
    return QStringLiteral("");
}

std::optional<Resolution> resolutionFromCode(QStringView code)
{
    for (Resolution r : {Resolution::None, Resolution::Corrected, Resolution::Merged, Resolution::Escalated})
        if (code == resolutionCode(r))
            return r;
    return std::nullopt;
}

QString resolutionLabel(Resolution resolution)
{
    switch (resolution) {
    case Resolution::None:
        break;
    case Resolution::Corrected:
        return tr("corrected");
    case Resolution::Merged:
        return tr("merged");
    case Resolution::Escalated:
        return tr("escalated");
    }
    return {};
}

std::optional<Severity> severityFromCode(QStringView code)
{
    for (Severity s : {Severity::Error, Severity::Warning, Severity::Info})
        if (code == severityCode(s))
            return s;
    return std::nullopt;
}

QString severityLabel(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return tr("error");
    case Severity::Warning:
        return tr("warning");
    case Severity::Info:
        break;
    }
    return tr("info");
}

} // namespace wardroll::model
