#include "PartialDate.h"

#include <QRegularExpression>

namespace wardroll::model {

// First version: the common formats. Completed separately.

PartialDate PartialDate::fromParts(std::optional<int> year, std::optional<int> month, std::optional<int> day,
                                   QString raw)
{
    PartialDate d;
    d.m_year = year;
    d.m_month = month;
    d.m_day = day;
    d.m_raw = std::move(raw);
    return d;
}

PartialDate PartialDate::fromDate(QDate date)
{
    return fromParts(date.year(), date.month(), date.day(), date.toString(QStringLiteral("dd/MM/yyyy")));
}

PartialDate PartialDate::parse(QStringView text)
{
    const QString t = text.trimmed().toString();
    PartialDate d;
    d.m_raw = t;
    static const QRegularExpression dmy(
        QStringLiteral("^(\\d{1,2}|\\.\\.)[/.-](\\d{1,2}|\\.\\.)[/.-](\\d{4})$"));
    static const QRegularExpression ymd(QStringLiteral("^(\\d{4})-(\\d{1,2})-(\\d{1,2})$"));
    static const QRegularExpression compact(QStringLiteral("^(\\d{4})(\\d{2})(\\d{2})$"));
    static const QRegularExpression yearOnly(QStringLiteral("^(\\d{4})$"));
    auto part = [](const QString& s) -> std::optional<int> {
        bool ok = false;
        const int v = s.toInt(&ok);
        return ok && v != 0 ? std::optional<int>(v) : std::nullopt;
    };
    if (auto m = dmy.match(t); m.hasMatch()) {
        d.m_year = part(m.captured(3));
        d.m_month = part(m.captured(2));
        d.m_day = d.m_month ? part(m.captured(1)) : std::nullopt;
    } else if (auto m = ymd.match(t); m.hasMatch()) {
        d.m_year = part(m.captured(1));
        d.m_month = part(m.captured(2));
        d.m_day = part(m.captured(3));
    } else if (auto m = compact.match(t); m.hasMatch()) {
        d.m_year = part(m.captured(1));
        d.m_month = part(m.captured(2));
        d.m_day = part(m.captured(3));
    } else if (auto m = yearOnly.match(t); m.hasMatch()) {
        d.m_year = part(m.captured(1));
    }
    return d;
}

PartialDate::Precision PartialDate::precision() const
{
    if (!m_year)
        return Precision::None;
    if (!m_month)
        return Precision::Year;
    return m_day ? Precision::Day : Precision::Month;
}

bool PartialDate::isValid() const
{
    if (!m_year)
        return false;
    if (m_month && (*m_month < 1 || *m_month > 12))
        return false;
    if (m_day)
        return m_month && QDate::isValid(*m_year, *m_month, *m_day);
    return true;
}

bool PartialDate::isPossiblyImputed() const
{
    return m_day == 1 && m_month == 1;
}

std::optional<QDate> PartialDate::earliest() const
{
    if (!isValid())
        return std::nullopt;
    return QDate(*m_year, m_month.value_or(1), m_day.value_or(1));
}

std::optional<QDate> PartialDate::latest() const
{
    if (!isValid())
        return std::nullopt;
    if (m_day)
        return QDate(*m_year, *m_month, *m_day);
    const int month = m_month.value_or(12);
    return QDate(*m_year, month, QDate(*m_year, month, 1).daysInMonth());
}

QString PartialDate::toDisplayString() const
{
    if (!m_year)
        return m_raw;
    if (!m_month)
        return QString::number(*m_year);
    const QString my = QStringLiteral("%1/%2").arg(*m_month, 2, 10, QLatin1Char('0')).arg(*m_year);
    return m_day ? QStringLiteral("%1/").arg(*m_day, 2, 10, QLatin1Char('0')) + my : my;
}

QString PartialDate::toIsoString() const
{
    if (!m_year)
        return {};
    QString out = QStringLiteral("%1").arg(*m_year, 4, 10, QLatin1Char('0'));
    if (m_month)
        out += QStringLiteral("-%1").arg(*m_month, 2, 10, QLatin1Char('0'));
    if (m_month && m_day)
        out += QStringLiteral("-%1").arg(*m_day, 2, 10, QLatin1Char('0'));
    return out;
}

} // namespace wardroll::model
