#include "PartialDate.h"

#include <algorithm>
#include <QRegularExpression>

namespace wardroll::model {

namespace {

// A day or month as written: digits, or a placeholder for "unknown" (.., ?, xx). 0 / 00 and
// placeholders read as unknown.
const QString kPart = QStringLiteral("([0-9]{1,2}|\\.\\.?|\\?\\??|[xX][xX]?)");
// Separators: / . - with optional spaces around, or spaces alone ("15 06 1985").
const QString kSep = QStringLiteral("(?:\\s*[/.\\-]\\s*|\\s+)");
const QString kYear = QStringLiteral("([0-9]{4})");

QRegularExpression anchored(const QString& pattern)
{
    return QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'));
}

std::optional<int> readPart(QStringView s)
{
    bool ok = false;
    const int v = s.toInt(&ok);
    return ok && v != 0 ? std::optional<int>(v) : std::nullopt;
}

struct Parts
{
    std::optional<int> year, month, day;
};

// Day before month before year, as the parts are read: a day without a month and a month or day
// without a year say nothing we can keep.
Parts makeParts(QStringView year, QStringView month = {}, QStringView day = {})
{
    Parts p;
    p.year = readPart(year);
    if (!p.year)
        return {};
    p.month = readPart(month);
    if (p.month)
        p.day = readPart(day);
    return p;
}

bool plausibleCompact(int year, int month, int day)
{
    return year >= 1800 && year <= 2200 && month >= 0 && month <= 12 && day >= 0 && day <= 31;
}

// 8 digits: yyyymmdd, or ddmmyyyy (the chip-card QR code) when yyyymmdd cannot be meant. With
// years 1800..2200 the two readings never both fit (yyyymmdd would need month 18..22).
Parts readCompact(QStringView s)
{
    const QStringView y1 = s.left(4), m1 = s.mid(4, 2), d1 = s.mid(6, 2);
    const QStringView d2 = s.left(2), m2 = s.mid(2, 2), y2 = s.mid(4, 4);
    if (!plausibleCompact(y1.toInt(), m1.toInt(), d1.toInt())
        && plausibleCompact(y2.toInt(), m2.toInt(), d2.toInt()))
        return makeParts(y2, m2, d2);
    return makeParts(y1, m1, d1);
}

Parts readParts(const QString& text, bool& recognised)
{
    static const QRegularExpression yearOnly = anchored(kYear);
    static const QRegularExpression compact = anchored(QStringLiteral("([0-9]{8})"));
    static const QRegularExpression dmy = anchored(kPart + kSep + kPart + kSep + kYear);
    static const QRegularExpression ymd = anchored(kYear + kSep + kPart + kSep + kPart);
    static const QRegularExpression my = anchored(kPart + kSep + kYear);
    static const QRegularExpression ym = anchored(kYear + kSep + QStringLiteral("([0-9]{1,2})"));
    recognised = true;
    QRegularExpressionMatch m;
    if ((m = yearOnly.match(text)).hasMatch())
        return makeParts(m.capturedView(1));
    if ((m = compact.match(text)).hasMatch())
        return readCompact(m.capturedView(1));
    if ((m = dmy.match(text)).hasMatch())
        return makeParts(m.capturedView(3), m.capturedView(2), m.capturedView(1));
    if ((m = ymd.match(text)).hasMatch())
        return makeParts(m.capturedView(1), m.capturedView(2), m.capturedView(3));
    if ((m = my.match(text)).hasMatch())
        return makeParts(m.capturedView(2), m.capturedView(1));
    if ((m = ym.match(text)).hasMatch())
        return makeParts(m.capturedView(1), m.capturedView(2));
    recognised = false;
    return {};
}

// The shapes nearly every file writes (dd/mm/yyyy and d/m/yyyy, yyyy, yyyy-mm-dd), read with
// the meaning readParts() gives them but without its regular expressions: those cost ~9,000
// instructions a date, a quarter of the work of reading a large import's rows. Anything else
// (other separators, placeholders, a time of day, full-width digits) is left to readParts().
std::optional<Parts> readCommonShape(QStringView t)
{
    const auto digitsFrom = [t](qsizetype from) {
        qsizetype n = 0;
        while (from + n < t.size() && t[from + n] >= u'0' && t[from + n] <= u'9')
            ++n;
        return n;
    };
    const qsizetype first = digitsFrom(0);
    if (first == 4 && t.size() == 4)
        return makeParts(t);
    const QChar separator = first < t.size() ? t[first] : QChar();
    if ((first == 1 || first == 2) && separator == u'/') {
        const qsizetype second = digitsFrom(first + 1);
        const qsizetype yearAt = first + 1 + second + 1;
        if ((second == 1 || second == 2) && yearAt - 1 < t.size() && t[yearAt - 1] == u'/'
            && digitsFrom(yearAt) == 4 && yearAt + 4 == t.size())
            return makeParts(t.mid(yearAt, 4), t.mid(first + 1, second), t.left(first));
    } else if (first == 4 && separator == u'-') {
        const qsizetype second = digitsFrom(5);
        const qsizetype dayAt = 5 + second + 1;
        if ((second == 1 || second == 2) && dayAt - 1 < t.size() && t[dayAt - 1] == u'-') {
            const qsizetype third = digitsFrom(dayAt);
            if ((third == 1 || third == 2) && dayAt + third == t.size())
                return makeParts(t.left(4), t.mid(5, second), t.mid(dayAt, third));
        }
    }
    return std::nullopt;
}

} // namespace

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
    if (!date.isValid())
        return {};
    return fromParts(date.year(), date.month(), date.day(), date.toString(QStringLiteral("dd/MM/yyyy")));
}

PartialDate PartialDate::parse(QStringView text)
{
    PartialDate d;
    d.m_raw = text.trimmed().toString();
    if (d.m_raw.isEmpty())
        return d;
    if (const auto common = readCommonShape(d.m_raw)) {
        d.m_year = common->year;
        d.m_month = common->month;
        d.m_day = common->day;
        return d;
    }
    QString t = d.m_raw;
    // Full-width digits and slashes (some input methods) read as ASCII.
    if (std::any_of(t.cbegin(), t.cend(), [](QChar c) { return c.unicode() >= 0x80; }))
        t = t.normalized(QString::NormalizationForm_KC).trimmed();

    // Spreadsheet exports add a time of day ("15/06/1985 00:00:00", "1985-06-15T00:00"): ignored,
    // but only after a full date.
    static const QRegularExpression time(
        QStringLiteral("^(.*\\S)(?:\\s+|T)[0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:\\.[0-9]+)?)?(?:\\s*[AaPp][Mm])?("
                       "?:Z|[+-][0-9]{2}:?[0-9]{2})?$"));
    bool timed = false;
    if (const auto m = time.match(t); m.hasMatch()) {
        t = m.captured(1);
        timed = true;
    }

    bool recognised = false;
    const Parts p = readParts(t, recognised);
    if (!recognised || (timed && !p.day))
        return d;
    d.m_year = p.year;
    d.m_month = p.month;
    d.m_day = p.day;
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
    if (!m_year || *m_year < 1 || *m_year > 9999)
        return false;
    if (m_month && (*m_month < 1 || *m_month > 12))
        return false;
    if (m_day)
        return m_month && QDate::isValid(*m_year, *m_month, *m_day);
    return true;
}

bool PartialDate::isPossiblyImputed() const
{
    return m_year && m_month == 1 && m_day == 1;
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
