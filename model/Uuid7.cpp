#include "Uuid7.h"

#include "Clock.h"

#include <array>
#include <QMutex>

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

QString Uuid7::next(qint64 unixMs)
{
    QRandomGenerator& rng = m_seeded ? *m_seeded : *QRandomGenerator::system();
    if (unixMs <= m_lastMs) {
        // Same (or earlier: clock stepped back) millisecond: keep ordering with the counter.
        unixMs = m_lastMs;
        if (++m_counter > 0x0fff) {
            ++unixMs;
            m_counter = static_cast<quint16>(rng.bounded(0x0800));
        }
    } else {
        m_counter = static_cast<quint16>(rng.bounded(0x0800));
    }
    m_lastMs = unixMs;

    std::array<quint8, 16> bytes{};
    const auto ms = static_cast<quint64>(unixMs);
    for (int i = 0; i < 6; ++i)
        bytes[i] = static_cast<quint8>(ms >> (40 - 8 * i));
    bytes[6] = static_cast<quint8>(0x70 | ((m_counter >> 8) & 0x0f));
    bytes[7] = static_cast<quint8>(m_counter & 0xff);
    const quint64 tail = rng.generate64();
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
