#include "ChipCardQr.h"

#include "VietnameseText.h"

#include <algorithm>

namespace wardroll::model {

namespace {

bool allDigits(QStringView s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), [](QChar c) { return c.isDigit(); });
}

bool isAsciiDigits(QStringView s, qsizetype length)
{
    return s.size() == length
        && std::all_of(s.begin(), s.end(), [](QChar c) { return c >= u'0' && c <= u'9'; });
}

// A ddMMyyyy date as the card writes it, or dd/MM/yyyy from a scanner that adds separators.
bool looksLikeDate(QStringView s)
{
    return isAsciiDigits(s, 8) || PartialDate::parse(s).precision() == PartialDate::Precision::Day;
}

Error invalid(QString message, QStringView text)
{
    return Error{Error::Kind::InvalidInput, std::move(message), text.left(120).toString()};
}

} // namespace

bool ChipCardQr::looksLikeQr(QStringView text)
{
    const QStringView t = text.trimmed();
    return t.contains(u'|') && t.size() > 13 && isAsciiDigits(t.left(12), 12) && t.at(12) == u'|';
}

Result<ChipCardQr> ChipCardQr::parse(QStringView text)
{
    QString cleaned = text.toString();
    cleaned.remove(QChar(0xFEFF));
    cleaned = cleaned.normalized(QString::NormalizationForm_C).trimmed();
    if (cleaned.isEmpty())
        return invalid(tr("The scanned code is empty."), text);
    if (!cleaned.contains(u'|'))
        return invalid(tr("This is not the QR code of a chip ID card: its parts are not separated by “|”."),
                       text);

    QStringList fields = cleaned.split(u'|');
    for (QString& field : fields)
        field = field.trimmed();
    if (fields.size() < 6)
        return invalid(tr("The QR code has %1 parts, a chip ID card has 7 (at least 6): scan it again.")
                           .arg(fields.size()),
                       text);

    // Normalise to the 7-field layout.
    if (fields.size() == 6) {
        const bool secondIsName
            = std::any_of(fields[1].cbegin(), fields[1].cend(), [](QChar c) { return c.isLetter(); });
        if (secondIsName)
            fields.insert(1, QString()); // no old ID
        else
            fields.append(QString()); // no issue date
    }

    ChipCardQr qr;
    qr.personalId = fields[0];
    if (!isAsciiDigits(qr.personalId, 12))
        return invalid(tr("The first part of the QR code should be the 12-digit personal ID, but it is "
                          "“%1”.")
                           .arg(qr.personalId),
                       text);
    qr.oldId = fields[1];
    if (!qr.oldId.isEmpty() && (!allDigits(qr.oldId) || (qr.oldId.size() != 9 && qr.oldId.size() != 12)))
        return invalid(tr("The second part of the QR code should be the old 9-digit ID card number or "
                          "empty, but it is “%1”.")
                           .arg(qr.oldId),
                       text);
    qr.fullName = VietnameseText::clean(fields[2]);
    if (qr.fullName.isEmpty() || VietnameseText::hasNonNameCharacters(qr.fullName))
        return invalid(
            tr("The third part of the QR code should be the full name, but it is “%1”.").arg(fields[2]),
            text);
    if (!looksLikeDate(fields[3]))
        return invalid(
            tr("The date of birth in the QR code (“%1”) is not a date written as ddmmyyyy.").arg(fields[3]),
            text);
    qr.birthDate = PartialDate::parse(fields[3]);
    if (!qr.birthDate.isValid())
        return invalid(tr("The date of birth in the QR code (“%1”) is not a real date.").arg(fields[3]),
                       text);
    qr.sex = parseSex(fields[4]);
    if (qr.sex == Sex::Unknown)
        return invalid(tr("The sex in the QR code (“%1”) is neither “Nam” nor “Nữ”.").arg(fields[4]), text);
    qr.permanentAddress = VietnameseText::clean(fields[5]);
    if (!fields[6].isEmpty()) {
        if (!looksLikeDate(fields[6]) || !PartialDate::parse(fields[6]).isValid())
            return invalid(
                tr("The issue date in the QR code (“%1”) is not a date written as ddmmyyyy.").arg(fields[6]),
                text);
        qr.issueDate = PartialDate::parse(fields[6]);
    }
    qr.extra = fields.mid(7);
    return qr;
}

} // namespace wardroll::model
