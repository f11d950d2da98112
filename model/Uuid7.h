#pragma once

#include <array>
#include <optional>
#include <QRandomGenerator>
#include <QString>

namespace wardroll::model {

// RFC 9562 UUID version 7: 48-bit Unix milliseconds, then randomness. Ids sort by creation
// time, which keeps B-tree inserts local, and are unique across devices without coordination.
// Within one millisecond a 12-bit counter (rand_a) keeps ids from one generator increasing.
class Uuid7
{
public:
    // Draws from the operating system's secure generator and Clock::nowMs().
    Uuid7();
    // Deterministic: the same seed and the same timestamps give the same ids (demo wards, tests).
    explicit Uuid7(quint64 seed);

    [[nodiscard]] QString next();
    [[nodiscard]] QString next(qint64 unixMs);

    // A process-wide generator for ordinary records.
    [[nodiscard]] static QString generate();
    [[nodiscard]] static bool isValid(QStringView text);
    [[nodiscard]] static qint64 timestampMs(QStringView text);

private:
    [[nodiscard]] quint64 randomBits();

    std::optional<QRandomGenerator> m_seeded;
    // Unseeded generators draw from the operating system's generator a pool at a time (see
    // randomBits()).
    static constexpr size_t poolWords = 512; // 4 KiB
    std::array<quint64, poolWords> m_pool{};
    size_t m_poolNext = poolWords; // empty until the first draw
    qint64 m_lastMs = -1;
    quint16 m_counter = 0;
};

} // namespace wardroll::model
