#include "PersonalId.h"

namespace wardroll::model {

// First version: structure only. The prefix table and messages are completed separately.

PersonalId::Check PersonalId::check(QStringView id, Sex sex, std::optional<int> birthYear)
{
    Check c;
    for (QChar ch : id)
        if (!ch.isSpace() && ch != QLatin1Char('.') && ch != QLatin1Char('-'))
            c.normalized.append(ch);
    if (c.normalized.isEmpty()) {
        c.problems << Problem::Empty;
        return c;
    }
    if (c.normalized.size() != 12)
        c.problems << Problem::WrongLength;
    for (QChar ch : c.normalized)
        if (!ch.isDigit()) {
            c.problems << Problem::NotDigits;
            break;
        }
    if (!c.ok())
        return c;
    c.prefix = c.normalized.left(3);
    const int g = c.normalized[3].digitValue();
    c.sex = g % 2 == 0 ? Sex::Male : Sex::Female;
    c.century = 1900 + (g / 2) * 100;
    c.yearDigits = c.normalized.mid(4, 2).toInt();
    if (sex != Sex::Unknown && sex != *c.sex)
        c.problems << Problem::SexMismatch;
    if (birthYear) {
        if (*birthYear / 100 * 100 != *c.century)
            c.problems << Problem::CenturyMismatch;
        if (*birthYear % 100 != *c.yearDigits)
            c.problems << Problem::BirthYearMismatch;
    }
    return c;
}

QString PersonalId::describe(Problem, const Check&)
{
    return tr("The personal ID is not consistent.");
}

bool PersonalId::isKnownPrefix(QStringView)
{
    return true;
}

QString PersonalId::provinceOfPrefix(QStringView)
{
    return {};
}

int PersonalId::centurySexDigit(Sex sex, int birthYear)
{
    return (birthYear / 100 - 19) * 2 + (sex == Sex::Female ? 1 : 0);
}

} // namespace wardroll::model
