#include "DuplicateExplanation.h"

#include "MatchFeatures.h"
#include "VietnameseText.h"

#include <cmath>
#include <QCryptographicHash>

namespace wardroll::model {

namespace {

QString withId(const QString& name, const QString& id)
{
    if (id.isEmpty())
        return name;
    if (name.isEmpty())
        return id;
    return name + QStringLiteral(" (") + id + QLatin1Char(')');
}

QString address(const Address& address)
{
    QStringList parts;
    if (!address.text.isEmpty())
        parts << address.text;
    if (!address.village.isEmpty())
        parts << address.village;
    return parts.join(QStringLiteral(", "));
}

// A JSON number with at most two decimals: "23.1", "-4", "0.25".
QString number(double x)
{
    QString text = QString::number(std::round(x * 100.0) / 100.0, 'f', 2);
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text == u"-0" ? QStringLiteral("0") : text;
}

void appendString(QString& out, QStringView text)
{
    out += u'"';
    for (QChar c : text) {
        switch (c.unicode()) {
        case u'"':
            out += u"\\\"";
            break;
        case u'\\':
            out += u"\\\\";
            break;
        case u'\n':
            out += u"\\n";
            break;
        case u'\r':
            out += u"\\r";
            break;
        case u'\t':
            out += u"\\t";
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += u'"';
}

} // namespace

DuplicateExplanation::Values DuplicateExplanation::values(const Resident& r)
{
    Values v;
    const QStringList words = VietnameseText::syllables(r.fullName);
    for (int k = 0; k < MatchComparison::Count; ++k)
        v[k] = value(r, words, k);
    return v;
}

QString DuplicateExplanation::value(const Resident& r, const QStringList& words, int comparison)
{
    switch (static_cast<MatchComparison::Id>(comparison)) {
    case MatchComparison::GivenName:
    case MatchComparison::FamilyName:
    case MatchComparison::MiddleName: {
        if (words.isEmpty())
            return {};
        const QString first = VietnameseText::foldKey(words.first());
        const MatchFeatures::NameParts parts = MatchFeatures::nameLayout(
            static_cast<quint32>(words.size()), MatchFeatures::isMaleParticle(first),
            MatchFeatures::isFemaleParticle(first));
        if (comparison == MatchComparison::GivenName)
            return parts.given >= 0 ? words[parts.given] : QString();
        if (comparison == MatchComparison::FamilyName)
            return parts.family >= 0 ? words[parts.family] : QString();
        return words.mid(parts.middleBegin, parts.middleEnd - parts.middleBegin).join(QLatin1Char(' '));
    }
    case MatchComparison::BirthDate:
        return r.birthDate.toDisplayString();
    case MatchComparison::Sex:
        return sexCode(r.sex);
    case MatchComparison::PersonalId:
        return r.personalId;
    case MatchComparison::OldId:
        return r.oldId;
    case MatchComparison::Father:
        return withId(r.fatherName, r.fatherId);
    case MatchComparison::Mother:
        return withId(r.motherName, r.motherId);
    case MatchComparison::Spouse:
        return withId(r.spouseName, r.spouseId);
    case MatchComparison::Hometown:
        return r.hometown;
    case MatchComparison::BirthRegistration:
        return r.birthRegistrationPlace;
    case MatchComparison::BirthPlace:
        return r.birthPlace;
    case MatchComparison::Address: {
        QStringList all;
        for (const Address* a : {&r.permanentAddress, &r.currentAddress, &r.temporaryAddress}) {
            const QString text = address(*a);
            if (!text.isEmpty() && !all.contains(text))
                all << text;
        }
        return all.join(QStringLiteral(" | "));
    }
    case MatchComparison::Household:
        return r.householdId;
    case MatchComparison::Village:
        return r.village;
    case MatchComparison::Phone:
        return r.phone;
    case MatchComparison::Email:
        return r.email;
    case MatchComparison::Ethnicity:
        return r.ethnicity;
    case MatchComparison::Count:
        break;
    }
    return {};
}

QString DuplicateExplanation::detailsJson(const Input& in)
{
    // Written by hand: QJsonObject costs more than the whole comparison of the pair.
    QString out;
    out.reserve(1024);
    out += u"{\"level\":";
    appendString(out, in.probable ? u"probable" : u"possible");
    out += u",\"score\":";
    out += number(in.score);
    out += u",\"prior\":";
    out += number(in.prior);
    out += u",\"swapped_names\":";
    out += in.levels.swappedNames ? u"true" : u"false";
    out += u",\"fields\":[";
    bool first = true;
    for (int k = 0; k < MatchComparison::Count; ++k) {
        const int level = in.levels.level[k];
        if (level < 0)
            continue;
        if (!first)
            out += u',';
        first = false;
        out += u"{\"field\":";
        appendString(out, MatchComparison::fieldCode(k));
        out += u",\"a\":";
        appendString(out, (*in.valuesA)[k]);
        out += u",\"b\":";
        appendString(out, (*in.valuesB)[k]);
        out += u",\"level\":";
        appendString(out, MatchComparison::levelCode(k, level));
        out += u",\"weight\":";
        out += number(in.weights[k]);
        out += u'}';
    }
    out += u"]}";
    return out;
}

DuplicateExplanation::Titles DuplicateExplanation::Titles::current()
{
    Titles t;
    for (int k = 0; k < MatchComparison::Count; ++k) {
        for (int l = 0; l < MatchComparison::levelCount(k); ++l)
            t.fieldLevel[k][l]
                = tr("%1: %2").arg(MatchComparison::fieldTitle(k), MatchComparison::levelTitle(k, l));
    }
    t.pair = tr("%1 (%2) and %3 (%4)");
    t.probable = tr("%1 are probably the same person (match weight %2): %3.");
    t.possible = tr("%1 may be the same person (match weight %2): %3.");
    t.against = tr("Against: %1.");
    t.swapped = tr("The family and given names are written the other way round.");
    return t;
}

QString DuplicateExplanation::message(const Input& in)
{
    const Titles local = in.titles ? Titles{} : Titles::current();
    const Titles& t = in.titles ? *in.titles : local;
    // Strongest evidence first, both ways.
    QList<std::pair<double, const QString*>> agree;
    QList<std::pair<double, const QString*>> disagree;
    for (int k = 0; k < MatchComparison::Count; ++k) {
        const int level = in.levels.level[k];
        if (level < 0)
            continue;
        (in.weights[k] >= 0 ? agree : disagree).append({std::abs(in.weights[k]), &t.fieldLevel[k][level]});
    }
    auto byWeight = [](const auto& x, const auto& y) {
        return x.first > y.first;
    };
    std::stable_sort(agree.begin(), agree.end(), byWeight);
    std::stable_sort(disagree.begin(), disagree.end(), byWeight);
    QStringList agreeText;
    for (qsizetype i = 0; i < agree.size() && i < 5; ++i)
        agreeText << *agree[i].second;
    QStringList disagreeText;
    for (qsizetype i = 0; i < disagree.size() && i < 3; ++i)
        disagreeText << *disagree[i].second;
    const QString who = t.pair.arg(in.a->fullName, reference(*in.a), in.b->fullName, reference(*in.b));
    const QString score = QString::number(in.score, 'f', 1);
    QString text
        = (in.probable ? t.probable : t.possible).arg(who, score, agreeText.join(QStringLiteral("; ")));
    if (!disagreeText.isEmpty())
        text += QLatin1Char(' ') + t.against.arg(disagreeText.join(QStringLiteral("; ")));
    if (in.levels.swappedNames)
        text += QLatin1Char(' ') + t.swapped;
    return text;
}

QString DuplicateExplanation::fingerprint(const Resident& a, const Values& valuesA, const Resident& b,
                                          const Values& valuesB)
{
    const bool aFirst = a.id < b.id;
    QCryptographicHash hash(QCryptographicHash::Sha1);
    for (int i = 0; i < 2; ++i) {
        const bool useA = (i == 0) == aFirst;
        const Resident& r = useA ? a : b;
        const Values& v = useA ? valuesA : valuesB;
        hash.addData(r.id.toUtf8());
        hash.addData(QByteArrayView("\x1f", 1));
        hash.addData(r.fullName.toUtf8());
        for (int k = MatchComparison::BirthDate; k < MatchComparison::Count; ++k) {
            hash.addData(QByteArrayView("\x1f", 1));
            hash.addData(v[k].toUtf8());
        }
        hash.addData(QByteArrayView("\x1e", 1));
    }
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace wardroll::model
