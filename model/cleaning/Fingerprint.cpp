#include "Fingerprint.h"

namespace wardroll::model {

void Fingerprint::mix(char16_t unit)
{
    constexpr quint64 prime = 1099511628211ULL;
    m_hash = (m_hash ^ (unit & 0xFFu)) * prime;
    m_hash = (m_hash ^ (unit >> 8)) * prime;
}

Fingerprint& Fingerprint::add(QStringView text)
{
    for (QChar c : text)
        mix(c.unicode());
    mix(0x1F); // a separator, so that ("ab", "c") and ("a", "bc") differ
    return *this;
}

Fingerprint& Fingerprint::add(qint64 number)
{
    return add(QString::number(number));
}

QString Fingerprint::hex() const
{
    return QStringLiteral("%1").arg(m_hash, 16, 16, QLatin1Char('0'));
}

} // namespace wardroll::model
