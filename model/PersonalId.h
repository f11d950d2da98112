#pragma once

#include "Sex.h"

#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace wardroll::model {

// The 12-digit personal ID (số định danh cá nhân): PPP G YY RRRRRR. There is no check digit:
// validation is structural (DOMAIN.md §3). A contradiction between the ID and the person's sex or
// birth year is evidence of an error somewhere (ID, sex or date), never a reason to edit the ID.
class PersonalId
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::PersonalId)
public:
    enum class Problem {
        Empty,
        WrongLength, // not 12 characters once spaces are removed
        NotDigits, // contains a letter or symbol
        UnknownPrefix, // PPP not one of the 63 birth-registration codes: maybe a birth abroad
        SexMismatch, // G says male/female, the record says otherwise
        CenturyMismatch, // G's century is not the birth year's century (8/9 = 2300s: always)
        BirthYearMismatch // YY != birth year mod 100
    };

    struct Check
    {
        QString normalized; // spaces, dots and dashes removed
        QList<Problem> problems; // empty when the ID is consistent with what was given
        QString prefix; // PPP when 12 digits
        std::optional<Sex> sex; // from G
        std::optional<int> century; // 1900, 2000, 2100, ... from G
        std::optional<int> yearDigits; // YY
        QString province; // old (63) province of the prefix, when known
        std::optional<Sex> givenSex; // what check() was given (when known), for describe()
        std::optional<int> givenBirthYear;

        [[nodiscard]] bool ok() const { return problems.isEmpty(); }
        [[nodiscard]] bool has(Problem p) const { return problems.contains(p); }
        // The earliest-possible full birth year G and YY encode, e.g. 1985.
        [[nodiscard]] std::optional<int> birthYear() const
        {
            return century && yearDigits ? std::optional<int>(*century + *yearDigits) : std::nullopt;
        }
    };

    // Checks structure, and consistency with sex and birth year when they are known.
    [[nodiscard]] static Check check(QStringView id, Sex sex = Sex::Unknown,
                                     std::optional<int> birthYear = {});
    // A translated sentence for a problem naming what contradicts what, e.g. "The 4th digit of the ID
    // (1) means a woman born in the 1900s, but the record says male." Pass the Check the problem
    // came from; with a default Check the sentence is generic.
    [[nodiscard]] static QString describe(Problem problem, const Check& check = {});
    // Known birth-registration prefix ("001" Hà Nội ... "096" Cà Mau).
    [[nodiscard]] static bool isKnownPrefix(QStringView prefix);
    [[nodiscard]] static QString provinceOfPrefix(QStringView prefix);
    // Builds the G digit for a sex and a birth year (used by the demo generator): 0..9 for years
    // 1900..2399 (Sex::Unknown gives the even, male digit); -1 outside that range.
    [[nodiscard]] static int centurySexDigit(Sex sex, int birthYear);
};

} // namespace wardroll::model
