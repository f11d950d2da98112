#pragma once

#include <QList>
#include <QtGlobal>
#include <random>

namespace wardroll::model {

// The demo generator's only source of randomness: a std::mt19937_64 (its output is fixed by
// the C++ standard) with helpers that use no implementation-defined distribution, so that a
// seed gives the same ward on every platform and compiler.
class DemoRandom
{
public:
    explicit DemoRandom(quint64 seed)
        : m_engine(seed)
    {
    }

    [[nodiscard]] quint64 next() { return m_engine(); }
    // Uniform in [0, bound); 0 when bound <= 0. The modulo bias (< 2^-40 here) does not matter.
    [[nodiscard]] int below(int bound)
    {
        Q_ASSERT(bound > 0);
        return bound > 0 ? static_cast<int>(m_engine() % static_cast<quint64>(bound)) : 0;
    }
    // Uniform in [low, high]; low when the range is empty.
    [[nodiscard]] int between(int low, int high) { return high < low ? low : low + below(high - low + 1); }
    // Uniform in [0, 1).
    [[nodiscard]] double unit() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }
    [[nodiscard]] bool chance(double probability) { return unit() < probability; }
    // An index drawn with the given relative weights (not all zero).
    template <typename Weights> [[nodiscard]] int weighted(const Weights& weights)
    {
        double total = 0;
        for (const auto w : weights)
            total += w;
        double x = unit() * total;
        int i = 0;
        for (const auto w : weights) {
            if (x < w)
                return i;
            x -= w;
            ++i;
        }
        return i - 1;
    }
    template <typename T> [[nodiscard]] const T& pick(const QList<T>& items)
    {
        return items[below(static_cast<int>(items.size()))];
    }

private:
    std::mt19937_64 m_engine;
};

} // namespace wardroll::model
