#pragma once

#include "PartialDate.h"

#include <QLineEdit>

namespace wardroll::ui {

// A date as records hold it: dd/mm/yyyy, mm/yyyy or just yyyy (and whatever else
// PartialDate::parse reads, e.g. "00/00/1950", "1/6/1985", "15061985"). Nothing is invented: a
// year stays a year. When the officer leaves the field a readable, real date is rewritten in the
// standard form ("1/6/1985" -> "01/06/1985"); anything else is kept as typed, for the rules to
// report. The tooltip says how the text was read.
class PartialDateEdit : public QLineEdit
{
    Q_OBJECT
public:
    explicit PartialDateEdit(QWidget* parent = nullptr);

    [[nodiscard]] model::PartialDate date() const { return model::PartialDate::parse(text()); }
    void setDate(const model::PartialDate& date);
    // The standard form of a text when it reads as a real date; the text itself otherwise.
    [[nodiscard]] static QString standardText(const QString& text);
    void retranslate();

private:
    void describeReading();
};

} // namespace wardroll::ui
