#pragma once

#include <optional>
#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace wardroll::model {

// A date as Vietnamese records hold it: often only a year ("00/00/1950"), sometimes year and
// month. Parts are kept separately with the text as written; nothing is ever invented (a
// year-only date never becomes 01/01). A date may be readable yet impossible (31/02/1990):
// it is kept so that cleaning can flag it.
class PartialDate
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::PartialDate)
public:
    enum class Precision { None, Year, Month, Day };

    PartialDate() = default;
    [[nodiscard]] static PartialDate fromParts(std::optional<int> year, std::optional<int> month = {},
                                               std::optional<int> day = {}, QString raw = {});
    [[nodiscard]] static PartialDate fromDate(QDate date);

    // Accepts "dd/mm/yyyy", "d/m/yyyy", "dd-mm-yyyy", "dd.mm.yyyy", "yyyy-mm-dd", "yyyymmdd",
    // "mm/yyyy", "00/00/yyyy", "0/0/yyyy", "../../yyyy", "yyyy" (surrounding spaces ignored).
    // Also: "00/mm/yyyy" (month only), "yyyy-mm", "yyyy/mm/dd", spaces around or as separators,
    // "??"/"xx" placeholders, "ddmmyyyy" (chip-card QR) when "yyyymmdd" cannot be meant, full-width
    // digits, and a trailing time of day after a full date ("15/06/1985 00:00:00"). 0 or a
    // placeholder means unknown; a day without a month is dropped (the year is kept). Two-digit
    // years are not read (no century is guessed). Readable but impossible dates keep their parts
    // ("31/02/1990", "13/13/2000": isValid() false). Text that cannot be read leaves every part
    // empty and keeps `raw` (trimmed).
    [[nodiscard]] static PartialDate parse(QStringView text);

    [[nodiscard]] std::optional<int> year() const { return m_year; }
    [[nodiscard]] std::optional<int> month() const { return m_month; }
    [[nodiscard]] std::optional<int> day() const { return m_day; }
    [[nodiscard]] const QString& raw() const { return m_raw; }
    [[nodiscard]] Precision precision() const;

    // Nothing written at all.
    [[nodiscard]] bool isEmpty() const { return !m_year && !m_month && !m_day && m_raw.trimmed().isEmpty(); }
    // Something written but no part could be read from it.
    [[nodiscard]] bool isUnreadable() const { return !m_year && !m_raw.trimmed().isEmpty(); }
    // Readable and a real calendar date at its precision (29/02 only in leap years, month 1..12).
    [[nodiscard]] bool isValid() const;
    // "01/01/yyyy" is often a placeholder for an unknown day and month (only that date).
    [[nodiscard]] bool isPossiblyImputed() const;
    // The first real day the date can denote (for age arithmetic); nullopt when not valid.
    [[nodiscard]] std::optional<QDate> earliest() const;
    [[nodiscard]] std::optional<QDate> latest() const;

    // "15/06/1985", "06/1985", "1985"; the raw text when unreadable.
    [[nodiscard]] QString toDisplayString() const;
    // "1985-06-15", "1985-06", "1985"; empty when unreadable.
    [[nodiscard]] QString toIsoString() const;

    friend bool operator==(const PartialDate& a, const PartialDate& b)
    {
        return a.m_year == b.m_year && a.m_month == b.m_month && a.m_day == b.m_day;
    }

private:
    std::optional<int> m_year;
    std::optional<int> m_month;
    std::optional<int> m_day;
    QString m_raw;
};

} // namespace wardroll::model
