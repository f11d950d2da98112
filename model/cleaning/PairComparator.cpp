#include "PairComparator.h"

#include "DateComparator.h"
#include "PackedId.h"
#include "StringSimilarity.h"

#include <algorithm>

namespace wardroll::model {

namespace {

using Field = MatchFeatures::Field;

// Same / different for values interned in one dictionary; -1 when either is missing.
int sameLevel(quint32 a, quint32 b)
{
    if (a == 0 || b == 0)
        return -1;
    return a == b ? 0 : 1;
}

} // namespace

int PairComparator::idLevel(QStringView a, QStringView b)
{
    return std::max(
        idLevel(PackedId::pack(MatchFeatures::normalizeId(a)), PackedId::pack(MatchFeatures::normalizeId(b))),
        0);
}

int PairComparator::idLevel(quint64 a, quint64 b)
{
    if (a == 0 || b == 0)
        return -1;
    switch (PackedId::slip(a, b)) {
    case PackedId::Slip::Equal:
        return 0;
    case PackedId::Slip::OneDigit:
        return 1;
    case PackedId::Slip::Different:
        break;
    }
    return 2;
}

double PairComparator::dice(const quint32* a, quint32 na, const quint32* b, quint32 nb)
{
    if (na == 0 || nb == 0)
        return 0;
    // Both sorted (MatchFeatures keeps word spans sorted): a merge.
    quint32 common = 0;
    quint32 i = 0;
    quint32 j = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            ++common;
            ++i;
            ++j;
        } else if (a[i] < b[j]) {
            ++i;
        } else {
            ++j;
        }
    }
    return 2.0 * common / (na + nb);
}

int PairComparator::relativeLevel(const MatchFeatures::Relative& a, const MatchFeatures::Relative& b,
                                  quint64 idA, quint64 idB) const
{
    int level = idLevel(idA, idB);
    if (level == 0 || a.fold == 0 || b.fold == 0)
        return level;
    int nameLevel = 0;
    if (a.fold != b.fold) {
        nameLevel = m_names.personLevel(a.name, b.name);
        if (nameLevel < 0)
            return level;
    }
    return level < 0 ? nameLevel : std::min(level, nameLevel);
}

int PairComparator::placeLevel(Field field, quint32 a, quint32 b) const
{
    if (a == 0 || b == 0)
        return -1;
    if (a == b)
        return 0;
    const MatchDictionary& dict = m_f.dictionary(field);
    const auto sa = dict.span(a);
    const auto sb = dict.span(b);
    return dice(m_f.words(sa), sa.count, m_f.words(sb), sb.count) >= 0.8 ? 1 : 2;
}

int PairComparator::addressLevel(const MatchFeatures::Record& a, const MatchFeatures::Record& b) const
{
    const quint32 as[3] = {a.permanent, a.current, a.temporary};
    const quint32 bs[3] = {b.permanent, b.current, b.temporary};
    const MatchDictionary& dict = m_f.dictionary(Field::Address);
    double best = -1;
    for (quint32 x : as) {
        if (x == 0)
            continue;
        for (quint32 y : bs) {
            if (y == 0)
                continue;
            if (x == y)
                return 0;
            const auto sx = dict.span(x);
            const auto sy = dict.span(y);
            best = std::max(best, dice(m_f.words(sx), sx.count, m_f.words(sy), sy.count));
        }
    }
    if (best < 0)
        return -1;
    return best >= 0.8 ? 1 : (best >= 0.5 ? 2 : 3);
}

MatchComparison::Vector PairComparator::compare(const MatchFeatures::Record& a,
                                                const MatchFeatures::Record& b) const
{
    MatchComparison::Vector v;
    compareIdentity(a, b, v);
    compareContext(a, b, v);
    return v;
}

void PairComparator::compareIdentity(const MatchFeatures::Record& a, const MatchFeatures::Record& b,
                                     MatchComparison::Vector& v) const
{
    const NameComparator::Levels names = m_names.compare(a.name, b.name);
    v.givenConflict = names.givenConflict;
    v.level[MatchComparison::GivenName] = static_cast<qint8>(names.given);
    v.level[MatchComparison::FamilyName] = static_cast<qint8>(names.family);
    v.level[MatchComparison::MiddleName] = static_cast<qint8>(names.middle);
    v.swappedNames = names.swapped;
    v.level[MatchComparison::BirthDate]
        = static_cast<qint8>(DateComparator::level(a.year, a.month, a.day, b.year, b.month, b.day));
    v.level[MatchComparison::Sex]
        = static_cast<qint8>(a.sex == 0 || b.sex == 0 ? -1 : (a.sex == b.sex ? 0 : 1));
    int personalId = idLevel(a.personalId, b.personalId);
    if (personalId == 2) {
        // Two 12-digit IDs agreeing on digits 4-6 (sex and century, birth year): a second ID of
        // the same person is possible; disagreeing there, the IDs name two people.
        const bool sameDigits = PackedId::length(a.personalId) == 12 && PackedId::length(b.personalId) == 12
            && PackedId::digit(a.personalId, 3) == PackedId::digit(b.personalId, 3)
            && PackedId::digit(a.personalId, 4) == PackedId::digit(b.personalId, 4)
            && PackedId::digit(a.personalId, 5) == PackedId::digit(b.personalId, 5);
        personalId = sameDigits ? 2 : 3;
    }
    v.level[MatchComparison::PersonalId] = static_cast<qint8>(personalId);
    v.level[MatchComparison::OldId] = static_cast<qint8>(idLevel(a.oldId, b.oldId));
    int email = -1;
    if (a.email != 0 && b.email != 0) {
        if (a.email == b.email) {
            email = 0;
        } else {
            const QString& ea = m_f.dictionary(Field::Email).value(a.email);
            const QString& eb = m_f.dictionary(Field::Email).value(b.email);
            const qsizetype at = ea.indexOf(QLatin1Char('@'));
            const bool sameLocal = at > 0 && eb.startsWith(QStringView(ea).first(at + 1));
            email = sameLocal || StringSimilarity::jaroWinkler(ea, eb) >= 0.9 ? 1 : 2;
        }
    }
    v.level[MatchComparison::Email] = static_cast<qint8>(email);
}

void PairComparator::compareContext(const MatchFeatures::Record& a, const MatchFeatures::Record& b,
                                    MatchComparison::Vector& v) const
{
    v.level[MatchComparison::Father]
        = static_cast<qint8>(relativeLevel(a.father, b.father, a.fatherId, b.fatherId));
    v.level[MatchComparison::Mother]
        = static_cast<qint8>(relativeLevel(a.mother, b.mother, a.motherId, b.motherId));
    v.level[MatchComparison::Spouse]
        = static_cast<qint8>(relativeLevel(a.spouse, b.spouse, a.spouseId, b.spouseId));
    v.level[MatchComparison::Hometown]
        = static_cast<qint8>(placeLevel(Field::Hometown, a.hometown, b.hometown));
    v.level[MatchComparison::BirthRegistration]
        = static_cast<qint8>(placeLevel(Field::BirthRegistration, a.birthRegistration, b.birthRegistration));
    v.level[MatchComparison::BirthPlace]
        = static_cast<qint8>(placeLevel(Field::BirthPlace, a.birthPlace, b.birthPlace));
    v.level[MatchComparison::Address] = static_cast<qint8>(addressLevel(a, b));
    v.level[MatchComparison::Household] = static_cast<qint8>(sameLevel(a.household, b.household));
    v.level[MatchComparison::Village] = static_cast<qint8>(sameLevel(a.village, b.village));
    v.level[MatchComparison::Phone] = static_cast<qint8>(idLevel(a.phone, b.phone));
    v.level[MatchComparison::Ethnicity] = static_cast<qint8>(sameLevel(a.ethnicity, b.ethnicity));

    // Twins and triplets: the same parents (or household) and birth date but another given
    // name. They look like one person recorded twice and must never be merged (DOMAIN.md §3).
    const bool siblings = v.level[MatchComparison::Father] == 0 || v.level[MatchComparison::Mother] == 0
        || v.level[MatchComparison::Household] == 0;
    const int birth = v.level[MatchComparison::BirthDate];
    // Twins never share a personal or old ID: the same ID (or one digit off) is one person.
    const auto sameId = [&](int k) {
        return v.level[k] == 0 || v.level[k] == 1;
    };
    v.twins = siblings && (birth == DateComparator::Exact || birth == DateComparator::DayMonthSwapped)
        && v.givenConflict && !v.swappedNames && !sameId(MatchComparison::PersonalId)
        && !sameId(MatchComparison::OldId);
}

} // namespace wardroll::model
