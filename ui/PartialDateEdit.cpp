#include "PartialDateEdit.h"

namespace wardroll::ui {

using model::PartialDate;

PartialDateEdit::PartialDateEdit(QWidget* parent)
    : QLineEdit(parent)
{
    // No validator: an old record may hold text that is no date ("không rõ"), and the officer
    // must be able to edit it; the rules say what is wrong.
    setMaxLength(40);
    connect(this, &QLineEdit::textChanged, this, &PartialDateEdit::describeReading);
    connect(this, &QLineEdit::editingFinished, this, [this] {
        const QString standard = standardText(text());
        if (standard != text())
            setText(standard);
    });
    retranslate();
}

void PartialDateEdit::retranslate()
{
    setPlaceholderText(tr("dd/mm/yyyy, mm/yyyy or yyyy"));
    describeReading();
}

void PartialDateEdit::setDate(const PartialDate& date)
{
    const QString shown = date.raw().isEmpty() ? date.toDisplayString() : standardText(date.raw());
    if (text() != shown)
        setText(shown);
}

QString PartialDateEdit::standardText(const QString& text)
{
    const PartialDate date = PartialDate::parse(text);
    return date.isValid() ? date.toDisplayString() : text.trimmed();
}

void PartialDateEdit::describeReading()
{
    const PartialDate read = date();
    QString reading;
    if (read.isEmpty())
        reading = tr("Type the date as written: dd/mm/yyyy, mm/yyyy, or only the year.");
    else if (read.isUnreadable())
        reading = tr("This cannot be read as a date.");
    else if (!read.isValid())
        reading = tr("Read as %1, which is not a real date.").arg(read.toDisplayString());
    else if (read.precision() == PartialDate::Precision::Year)
        reading = tr("Read as the year %1 only (day and month unknown).").arg(read.toDisplayString());
    else if (read.precision() == PartialDate::Precision::Month)
        reading = tr("Read as month %1 (day unknown).").arg(read.toDisplayString());
    else
        reading = tr("Read as %1.").arg(read.toDisplayString());
    setToolTip(reading);
}

} // namespace wardroll::ui
