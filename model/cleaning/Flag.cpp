#include "Flag.h"

#include <QCoreApplication>

namespace wardroll::model {

namespace {
// lupdate files the strings of Text::tr() under this context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::Flag)
};
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
        return Text::tr("open");
    case FlagState::InVerification:
        return Text::tr("in verification");
    case FlagState::Resolved:
        return Text::tr("resolved");
    case FlagState::Dismissed:
        return Text::tr("dismissed");
    case FlagState::Closed:
        return Text::tr("closed");
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
        return Text::tr("corrected");
    case Resolution::Merged:
        return Text::tr("merged");
    case Resolution::Escalated:
        return Text::tr("escalated");
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
        return Text::tr("error");
    case Severity::Warning:
        return Text::tr("warning");
    case Severity::Info:
        break;
    }
    return Text::tr("info");
}

} // namespace wardroll::model
