#include "MatchComparison.h"

#include <QStringList>

namespace wardroll::model {

namespace {

struct Meta
{
    const char* code;
    const char* canonical;
    bool identity;
    QStringList levels;
};

const std::array<Meta, MatchComparison::Count>& meta()
{
    static const std::array<Meta, MatchComparison::Count> table{{
        {"given_name",
         "full_name",
         true,
         {QStringLiteral("exact"), QStringLiteral("accent"), QStringLiteral("dialect"),
          QStringLiteral("similar"), QStringLiteral("different")}},
        {"family_name",
         "full_name",
         true,
         {QStringLiteral("exact"), QStringLiteral("variant"), QStringLiteral("similar"),
          QStringLiteral("different")}},
        {"middle_name",
         "full_name",
         true,
         {QStringLiteral("exact"), QStringLiteral("gender_word"), QStringLiteral("partial"),
          QStringLiteral("different")}},
        {"birth_date",
         "birth_date",
         true,
         {QStringLiteral("exact"), QStringLiteral("day_month_swapped"), QStringLiteral("one_digit"),
          QStringLiteral("partial"), QStringLiteral("same_year"), QStringLiteral("near_year"),
          QStringLiteral("different"), QStringLiteral("far")}},
        {"sex", "sex", true, {QStringLiteral("same"), QStringLiteral("different")}},
        {"personal_id",
         "personal_id",
         true,
         {QStringLiteral("exact"), QStringLiteral("one_digit"), QStringLiteral("same_birth_digits"),
          QStringLiteral("different")}},
        {"old_id",
         "old_id",
         true,
         {QStringLiteral("exact"), QStringLiteral("one_digit"), QStringLiteral("different")}},
        {"father",
         "father_name",
         false,
         {QStringLiteral("exact"), QStringLiteral("similar"), QStringLiteral("different")}},
        {"mother",
         "mother_name",
         false,
         {QStringLiteral("exact"), QStringLiteral("similar"), QStringLiteral("different")}},
        {"spouse",
         "spouse_name",
         false,
         {QStringLiteral("exact"), QStringLiteral("similar"), QStringLiteral("different")}},
        {"hometown",
         "hometown",
         false,
         {QStringLiteral("exact"), QStringLiteral("similar"), QStringLiteral("different")}},
        {"birth_registration_place",
         "birth_registration_place",
         false,
         {QStringLiteral("exact"), QStringLiteral("similar"), QStringLiteral("different")}},
        {"birth_place",
         "birth_place",
         false,
         {QStringLiteral("exact"), QStringLiteral("similar"), QStringLiteral("different")}},
        {"address",
         "permanent_address",
         false,
         {QStringLiteral("exact"), QStringLiteral("similar"), QStringLiteral("partial"),
          QStringLiteral("different")}},
        {"household", "household_ref", false, {QStringLiteral("same"), QStringLiteral("different")}},
        {"village", "village", false, {QStringLiteral("same"), QStringLiteral("different")}},
        {"phone",
         "phone",
         false,
         {QStringLiteral("exact"), QStringLiteral("one_digit"), QStringLiteral("different")}},
        {"email",
         "email",
         true,
         {QStringLiteral("exact"), QStringLiteral("similar"), QStringLiteral("different")}},
        {"ethnicity", "ethnicity", false, {QStringLiteral("same"), QStringLiteral("different")}},
    }};
    return table;
}

} // namespace

int MatchComparison::levelCount(int id)
{
    return static_cast<int>(meta()[static_cast<size_t>(id)].levels.size());
}

QString MatchComparison::fieldCode(int id)
{
    return QString::fromLatin1(meta()[static_cast<size_t>(id)].code);
}

QString MatchComparison::canonicalField(int id)
{
    return QString::fromLatin1(meta()[static_cast<size_t>(id)].canonical);
}

QString MatchComparison::levelCode(int id, int level)
{
    if (level < 0)
        return QStringLiteral("missing");
    return meta()[static_cast<size_t>(id)].levels.value(level);
}

bool MatchComparison::isIdentity(int id)
{
    return meta()[static_cast<size_t>(id)].identity;
}

QString MatchComparison::fieldTitle(int id)
{
    switch (static_cast<Id>(id)) {
    case GivenName:
        return tr("given name");
    case FamilyName:
        return tr("family name");
    case MiddleName:
        return tr("middle name");
    case BirthDate:
        return tr("birth date");
    case Sex:
        return tr("sex");
    case PersonalId:
        return tr("personal ID");
    case OldId:
        return tr("old ID card number");
    case Father:
        return tr("father");
    case Mother:
        return tr("mother");
    case Spouse:
        return tr("spouse");
    case Hometown:
        return tr("hometown");
    case BirthRegistration:
        return tr("birth registration place");
    case BirthPlace:
        return tr("birth place");
    case Address:
        return tr("address");
    case Household:
        return tr("household");
    case Village:
        return tr("village");
    case Phone:
        return tr("phone");
    case Email:
        return tr("e-mail");
    case Ethnicity:
        return tr("ethnicity");
    case Count:
        break;
    }
    return {};
}

QString MatchComparison::levelTitle(int id, int level)
{
    const QString code = levelCode(id, level);
    if (code == u"exact" || code == u"same")
        return tr("same");
    if (code == u"different")
        return tr("different");
    if (code == u"missing")
        return tr("missing on one side");
    if (code == u"accent")
        return tr("differs only in accents or tone marks");
    if (code == u"dialect")
        return tr("differs by a regional spelling (l/n, s/x, ch/tr, d/gi/r, n/ng, t/c)");
    if (code == u"similar")
        return tr("similar spelling");
    if (code == u"variant")
        return tr("a variant of the same name (accents, Huỳnh/Hoàng, Vũ/Võ)");
    if (code == u"gender_word")
        return tr("same once \"Văn\"/\"Thị\" is ignored");
    if (code == u"partial" && id == BirthDate)
        return tr("the same as far as both are known (a partial date, or 01/01 written for an unknown day)");
    if (code == u"partial")
        return tr("partly the same");
    if (code == u"day_month_swapped")
        return tr("day and month swapped");
    if (code == u"one_digit")
        return tr("one digit apart");
    if (code == u"same_year")
        return tr("same year only");
    if (code == u"near_year")
        return tr("a year or a year digit apart");
    if (code == u"same_birth_digits")
        return tr("another ID with the same sex, century and birth-year digits");
    if (code == u"far")
        return tr("more than five years apart");
    return code;
}

} // namespace wardroll::model
