#include "DemoIdIssuer.h"

#include "PersonalId.h"

namespace wardroll::model {

namespace {

std::optional<quint64> asNumber(QStringView id)
{
    if (id.size() != 12)
        return std::nullopt;
    quint64 value = 0;
    for (QChar c : id) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + static_cast<quint64>(c.unicode() - u'0');
    }
    return value;
}

} // namespace

QString DemoIdIssuer::issue(QStringView prefix, Sex sex, int birthYear)
{
    const int g = PersonalId::centurySexDigit(sex, birthYear);
    const quint64 head = static_cast<quint64>(prefix.toInt()) * 1000 + static_cast<quint64>(g) * 100
        + static_cast<quint64>(birthYear % 100);
    for (;;) {
        const quint64 id = head * 1000000 + static_cast<quint64>(m_rng.below(1000000));
        if (m_taken.insert(id).second)
            return QStringLiteral("%1").arg(id, 12, 10, QLatin1Char('0'));
    }
}

bool DemoIdIssuer::claim(QStringView id)
{
    const auto number = asNumber(id);
    return number && m_taken.insert(*number).second;
}

bool DemoIdIssuer::isTaken(QStringView id) const
{
    const auto number = asNumber(id);
    return number && m_taken.count(*number) > 0;
}

QString DemoIdIssuer::oldCardNumber()
{
    // Issuing police codes start with 0..3.
    return QStringLiteral("%1").arg(m_rng.below(400000000), 9, 10, QLatin1Char('0'));
}

} // namespace wardroll::model
