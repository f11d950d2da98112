#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace wardroll::ui {

// Measures how long the event loop of its thread goes without turning: a timer ticks every few
// milliseconds, and the longest gap between two ticks is the worst stall the officer would have
// felt (a frozen window). For measurements and diagnostics, not for tests' assertions.
class EventLoopStallMeter : public QObject
{
    Q_OBJECT
public:
    explicit EventLoopStallMeter(QObject* parent = nullptr, int intervalMs = 10);

    void start(); // forgets earlier measurements
    void stop();
    [[nodiscard]] bool isRunning() const { return m_timer.isActive(); }
    // The longest time between two ticks (or since the last tick, while running), in ms.
    [[nodiscard]] qint64 longestGapMs() const;
    // Gaps longer than `thresholdMs` seen so far.
    [[nodiscard]] int stallsOver(qint64 thresholdMs) const;
    [[nodiscard]] int ticks() const { return m_ticks; }
    [[nodiscard]] int intervalMs() const { return m_timer.interval(); }

private:
    void tick();

    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTick = 0;
    qint64 m_longest = 0;
    QList<qint64> m_gaps; // only the long ones (over 50 ms): a handful
    int m_ticks = 0;
};

} // namespace wardroll::ui
