#include "Sex.h"

#include "VietnameseText.h"

namespace wardroll::model {

QString sexCode(Sex sex)
{
    switch (sex) {
    case Sex::Male:
        return QStringLiteral("M");
    case Sex::Female:
        return QStringLiteral("F");
    case Sex::Unknown:
        break;
    }
    return {};
}

Sex sexFromCode(QStringView code)
{
    if (code == u"M")
        return Sex::Male;
    if (code == u"F")
        return Sex::Female;
    return Sex::Unknown;
}

Sex parseSex(QStringView text)
{
    // Folded, so "Nữ", "NỮ", "nu" and a mis-decoded "Nư" all read alike; a bare "nu"/"nam" is
    // common in spreadsheets typed without diacritics.
    // The codes WardRoll writes first, without folding.
    if (text == u"M")
        return Sex::Male;
    if (text == u"F")
        return Sex::Female;
    const QString key = VietnameseText::foldKey(text);
    if (key == u"nam" || key == u"nam gioi" || key == u"trai" || key == u"m" || key == u"male"
        || key == u"man")
        return Sex::Male;
    if (key == u"nu" || key == u"nu gioi" || key == u"gai" || key == u"f" || key == u"female"
        || key == u"woman")
        return Sex::Female;
    return Sex::Unknown;
}

} // namespace wardroll::model
