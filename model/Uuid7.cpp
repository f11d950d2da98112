#include "Uuid7.h"

#include "Clock.h"

#include <QMutex>
#include <sodium.h>

namespace wardroll::model {

Uuid7::Uuid7() = default;

Uuid7::Uuid7(quint64 seed)
    : m_seeded(QRandomGenerator(static_cast<quint32>(seed ^ (seed >> 32))))
{
}

QString Uuid7::next()
{
    return next(Clock::nowMs());
}

quint64 Uuid7::randomBits()
{
    if (m_seeded)
        return m_seeded->generate64();
    // QRandomGenerator::system() takes each 64 bits from the CPU's RDRAND where there is one:
    // 550 ns a call on this project's AMD EPYC test machine, two calls per id, and a bulk load
    // makes ~1.3 ids per row (1M rows: ~1 s of its writer). libsodium's randombytes_buf() asks
    // the kernel's generator (getrandom) for the whole pool at once: 40 ns an id.
    if (m_poolNext == m_pool.size()) {
        static const bool sodiumReady = sodium_init() >= 0;
        if (sodiumReady)
            randombytes_buf(m_pool.data(), sizeof(m_pool));
        else
            QRandomGenerator::system()->fillRange(m_pool.data(), m_pool.size());
        m_poolNext = 0;
    }
    return m_pool[m_poolNext++];
}

QString Uuid7::next(qint64 unixMs)
{
    // The counter starts in the lower half of its 12 bits, leaving room to count up.
    const auto counterStart = [this] {
        return static_cast<quint16>(m_seeded ? m_seeded->bounded(0x0800) : randomBits() & 0x07ff);
    };
    if (unixMs <= m_lastMs) {
        // Same (or earlier: clock stepped back) millisecond: keep ordering with the counter.
        unixMs = m_lastMs;
        if (++m_counter > 0x0fff) {
            ++unixMs;
            m_counter = counterStart();
        }
    } else {
        m_counter = counterStart();
    }
    m_lastMs = unixMs;

    std::array<quint8, 16> bytes{};
    const auto ms = static_cast<quint64>(unixMs);
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<quint8>(ms >> (40 - 8 * i));
    bytes[6] = static_cast<quint8>(0x70 | ((m_counter >> 8) & 0x0f));
    bytes[7] = static_cast<quint8>(m_counter & 0xff);
    const quint64 tail = randomBits();
    for (int i = 8; i < 16; ++i)
        bytes[i] = static_cast<quint8>(tail >> (8 * (i - 8)));
    bytes[8] = static_cast<quint8>(0x80 | (bytes[8] & 0x3f)); // RFC 9562 variant

    // Written into a buffer and made a QString once: 36 appends were most of the cost of a new id,
    // and a bulk load makes one per row.
    static constexpr char16_t hex[] = u"0123456789abcdef";
    std::array<char16_t, 36> text{};
    qsizetype at = 0;
    for (int i = 0; i < 16; ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text[at++] = u'-';
        text[at++] = hex[bytes[i] >> 4];
        text[at++] = hex[bytes[i] & 0x0f];
    }
    return QString(reinterpret_cast<const QChar*>(text.data()), at);
}

QString Uuid7::generate()
{
    static QMutex mutex;
    static Uuid7 generator;
    QMutexLocker lock(&mutex);
    return generator.next();
}

bool Uuid7::isValid(QStringView text)
{
    if (text.size() != 36)
        return false;
    for (qsizetype i = 0; i < 36; ++i) {
        const QChar c = text[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != QLatin1Char('-'))
                return false;
        } else if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9'))
                     || (c >= QLatin1Char('a') && c <= QLatin1Char('f')))) {
            return false;
        }
    }
    return text[14] == QLatin1Char('7');
}

qint64 Uuid7::timestampMs(QStringView text)
{
    if (!isValid(text))
        return -1;
    const QString hex = text.left(8).toString() + text.mid(9, 4).toString();
    return hex.toLongLong(nullptr, 16);
}

} // namespace wardroll::model
