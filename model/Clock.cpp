#include "Clock.h"

#include <atomic>
#include <mutex>

namespace wardroll::model {

namespace {
std::mutex sourceMutex;
std::function<qint64()>& source()
{
    static std::function<qint64()> fn;
    return fn;
}
std::atomic_bool overridden{false};
} // namespace

qint64 Clock::nowMs()
{
    if (overridden.load(std::memory_order_acquire)) {
        std::lock_guard lock(sourceMutex);
        if (source())
            return source()();
    }
    return QDateTime::currentMSecsSinceEpoch();
}

void Clock::setSource(std::function<qint64()> fn)
{
    std::lock_guard lock(sourceMutex);
    overridden.store(static_cast<bool>(fn), std::memory_order_release);
    source() = std::move(fn);
}

} // namespace wardroll::model
