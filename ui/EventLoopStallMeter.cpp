#include "EventLoopStallMeter.h"

#include <algorithm>

namespace wardroll::ui {

namespace {
constexpr qint64 keptGapMs = 50;
}

EventLoopStallMeter::EventLoopStallMeter(QObject* parent, int intervalMs)
    : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &EventLoopStallMeter::tick);
}

void EventLoopStallMeter::start()
{
    m_longest = 0;
    m_gaps.clear();
    m_ticks = 0;
    m_clock.start();
    m_lastTick = 0;
    m_timer.start();
}

void EventLoopStallMeter::stop()
{
    if (!m_timer.isActive())
        return;
    tick(); // the time since the last tick counts too
    m_timer.stop();
}

void EventLoopStallMeter::tick()
{
    const qint64 now = m_clock.elapsed();
    const qint64 gap = now - m_lastTick;
    m_lastTick = now;
    ++m_ticks;
    m_longest = std::max(m_longest, gap);
    if (gap > keptGapMs)
        m_gaps << gap;
}

qint64 EventLoopStallMeter::longestGapMs() const
{
    if (m_timer.isActive() && m_clock.isValid())
        return std::max(m_longest, m_clock.elapsed() - m_lastTick);
    return m_longest;
}

int EventLoopStallMeter::stallsOver(qint64 thresholdMs) const
{
    const qint64 threshold = std::max(thresholdMs, keptGapMs);
    return static_cast<int>(
        std::count_if(m_gaps.cbegin(), m_gaps.cend(), [threshold](qint64 gap) { return gap > threshold; }));
}

} // namespace wardroll::ui
