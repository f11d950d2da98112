#include "VietnamesePhonetics.h"

namespace wardroll::model {

QString VietnamesePhonetics::dialectKey(QStringView s)
{
    QString key;
    key.reserve(s.size());
    QStringView rest = s;
    if (rest.startsWith(u"tr")) {
        key += u"ch";
        rest = rest.mid(2);
    } else if (rest.startsWith(u"gi") && rest.size() > 2) {
        key += u'd';
        rest = rest.mid(2);
    } else if (rest.startsWith(u'r') || rest.startsWith(u'd')) {
        key += u'd';
        rest = rest.mid(1);
    } else if (rest.startsWith(u'l')) {
        key += u'n';
        rest = rest.mid(1);
    } else if (rest.startsWith(u's')) {
        key += u'x';
        rest = rest.mid(1);
    }
    if (rest.endsWith(u"ng")) {
        key += rest.chopped(2);
        key += u'n';
    } else if (rest.endsWith(u'c') && !rest.endsWith(u"ch")) {
        key += rest.chopped(1);
        key += u't';
    } else {
        key += rest;
    }
    return key;
}

QString VietnamesePhonetics::familyKey(QStringView s)
{
    if (s == u"huynh")
        return QStringLiteral("hoang");
    if (s == u"vo")
        return QStringLiteral("vu");
    return s.toString();
}

bool VietnamesePhonetics::isGenderWord(QStringView s)
{
    return s == u"van" || s == u"thi";
}

} // namespace wardroll::model
