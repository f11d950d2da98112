#include "VietnameseText.h"

#include <QRegularExpression>

namespace wardroll::model {

// First version: clean, foldKey, titleCase. canonicalTones/toneKey are completed separately.

QString VietnameseText::clean(QStringView text)
{
    QString out = text.toString().normalized(QString::NormalizationForm_C);
    out.replace(QChar(0x00D0), QChar(0x0110)).replace(QChar(0x00F0), QChar(0x0111));
    return out.simplified();
}

QString VietnameseText::titleCase(QStringView text)
{
    QString out = text.toString().toLower();
    bool start = true;
    for (QChar& c : out) {
        if (c.isLetter()) {
            if (start)
                c = c.toUpper();
            start = false;
        } else {
            start = c.isSpace();
        }
    }
    return out;
}

QString VietnameseText::canonicalTones(QStringView text)
{
    return text.toString();
}

QString VietnameseText::normalizeName(QStringView text)
{
    return titleCase(canonicalTones(clean(text)));
}

bool VietnameseText::isNormalizedName(QStringView text)
{
    return normalizeName(text) == text;
}

QString VietnameseText::foldKey(QStringView text)
{
    const QString decomposed = clean(text).toLower().normalized(QString::NormalizationForm_D);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() == QChar::Mark_NonSpacing)
            continue;
        if (c == QChar(0x0111))
            c = QLatin1Char('d');
        out.append(c);
    }
    return out;
}

QString VietnameseText::toneKey(QStringView text)
{
    return clean(text).toLower();
}

QStringList VietnameseText::syllables(QStringView text)
{
    return clean(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

bool VietnameseText::hasNonNameCharacters(QStringView text)
{
    for (QChar c : text) {
        if (!(c.isLetter() || c.isSpace() || c.category() == QChar::Mark_NonSpacing || c == QLatin1Char('\'')
              || c == QLatin1Char('-') || c == QLatin1Char('.')))
            return true;
    }
    return false;
}

} // namespace wardroll::model
