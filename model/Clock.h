#pragma once

#include <functional>
#include <QDateTime>

namespace wardroll::model {

// The one source of "now" for the model, so that tests (flag ages, sync ordering) can fix it.
class Clock
{
public:
    // Milliseconds since the Unix epoch, UTC.
    [[nodiscard]] static qint64 nowMs();
    [[nodiscard]] static QDateTime nowUtc() { return QDateTime::fromMSecsSinceEpoch(nowMs(), Qt::UTC); }
    [[nodiscard]] static QDate today() { return nowUtc().date(); }

    // Replaces the time source; pass an empty function to restore the system clock.
    static void setSource(std::function<qint64()> source);
};

} // namespace wardroll::model
