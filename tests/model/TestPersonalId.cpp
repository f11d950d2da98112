#include "PersonalId.h"

#include <QSet>
#include <QTest>

using namespace wardroll::model;
using Problem = PersonalId::Problem;

namespace {

QString problemName(Problem p)
{
    switch (p) {
    case Problem::Empty:
        return QStringLiteral("Empty");
    case Problem::WrongLength:
        return QStringLiteral("WrongLength");
    case Problem::NotDigits:
        return QStringLiteral("NotDigits");
    case Problem::UnknownPrefix:
        return QStringLiteral("UnknownPrefix");
    case Problem::SexMismatch:
        return QStringLiteral("SexMismatch");
    case Problem::CenturyMismatch:
        return QStringLiteral("CenturyMismatch");
    case Problem::BirthYearMismatch:
        return QStringLiteral("BirthYearMismatch");
    }
    return {};
}

QString problemNames(const PersonalId::Check& c)
{
    QStringList names;
    for (Problem p : c.problems)
        names << problemName(p);
    return names.join(QLatin1Char(','));
}

constexpr Problem kAllProblems[]
    = {Problem::Empty,       Problem::WrongLength,     Problem::NotDigits,        Problem::UnknownPrefix,
       Problem::SexMismatch, Problem::CenturyMismatch, Problem::BirthYearMismatch};

} // namespace

class TestPersonalId : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void check_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<Sex>("sex");
        QTest::addColumn<int>("birthYear"); // 0 = not known
        QTest::addColumn<QString>("problems");
        QTest::addColumn<QString>("normalized");
        QTest::addColumn<QString>("province");
        QTest::addColumn<Sex>("idSex"); // Unknown = not read
        QTest::addColumn<int>("idBirthYear"); // 0 = not read

        auto row = [](const char* name, const char16_t* id, Sex sex, int year, const char16_t* problems,
                      const char16_t* normalized, const char16_t* province, Sex idSex, int idYear) {
            QTest::newRow(name) << QString::fromUtf16(id) << sex << year << QString::fromUtf16(problems)
                                << QString::fromUtf16(normalized) << QString::fromUtf16(province) << idSex
                                << idYear;
        };
        const Sex M = Sex::Male, F = Sex::Female, U = Sex::Unknown;
        row("male 1985 ok", u"001085012345", M, 1985, u"", u"001085012345", u"Hà Nội", M, 1985);
        row("female 1985 ok", u"001185012345", F, 1985, u"", u"001185012345", u"Hà Nội", F, 1985);
        row("nothing known", u"001185012345", U, 0, u"", u"001185012345", u"Hà Nội", F, 1985);
        row("sex: id female, record male", u"001185012345", M, 1985, u"SexMismatch", u"001185012345",
            u"Hà Nội", F, 1985);
        row("sex: id male, record female", u"001085012345", F, 0, u"SexMismatch", u"001085012345", u"Hà Nội",
            M, 1985);
        row("year digits", u"001085012345", U, 1986, u"BirthYearMismatch", u"001085012345", u"Hà Nội", M,
            1985);
        row("century 2000s vs 1985", u"001285012345", M, 1985, u"CenturyMismatch", u"001285012345", u"Hà Nội",
            M, 2085);
        row("male 2005 ok", u"001205012345", M, 2005, u"", u"001205012345", u"Hà Nội", M, 2005);
        row("female 2005 Nam Định", u"036305000111", F, 2005, u"", u"036305000111", u"Nam Định", F, 2005);
        row("female 1900", u"001100012345", F, 1900, u"", u"001100012345", u"Hà Nội", F, 1900);
        row("male 1999", u"001099012345", M, 1999, u"", u"001099012345", u"Hà Nội", M, 1999);
        row("male 2000", u"001200012345", M, 2000, u"", u"001200012345", u"Hà Nội", M, 2000);
        row("1999 with 2000s digit", u"001299012345", M, 1999, u"CenturyMismatch", u"001299012345", u"Hà Nội",
            M, 2099);
        row("spaces", u" 001 085 012 345 ", M, 1985, u"", u"001085012345", u"Hà Nội", M, 1985);
        row("dots", u"001.085.012.345", M, 1985, u"", u"001085012345", u"Hà Nội", M, 1985);
        row("dashes and nbsp", u"001-085-012345\u00A0", M, 1985, u"", u"001085012345", u"Hà Nội", M, 1985);
        row("empty", u"", M, 1985, u"Empty", u"", u"", U, 0);
        row("blank", u"  . - ", U, 0, u"Empty", u"", u"", U, 0);
        row("11 digits", u"00108501234", M, 1985, u"WrongLength", u"00108501234", u"", U, 0);
        row("13 digits", u"0010850123456", M, 1985, u"WrongLength", u"0010850123456", u"", U, 0);
        row("9-digit CMND", u"012345678", U, 0, u"WrongLength", u"012345678", u"", U, 0);
        row("letter", u"00108501234A", M, 1985, u"NotDigits", u"00108501234A", u"", U, 0);
        row("short with letter", u"0010850123A", M, 1985, u"WrongLength,NotDigits", u"0010850123A", u"", U,
            0);
        row("full-width digits", u"００１０８５０１２３４５", M, 1985, u"NotDigits",
            u"００１０８５０１２３４５", u"", U, 0);
        row("arabic-indic digits", u"٠٠١٠٨٥٠١٢٣٤٥", M, 1985, u"NotDigits", u"٠٠١٠٨٥٠١٢٣٤٥", u"", U, 0);
        row("unknown prefix 003", u"003085012345", M, 1985, u"UnknownPrefix", u"003085012345", u"", M, 1985);
        row("unknown prefix 100", u"100085012345", M, 1985, u"UnknownPrefix", u"100085012345", u"", M, 1985);
        row("unknown prefix and sex", u"999185012345", M, 1985, u"UnknownPrefix,SexMismatch", u"999185012345",
            u"", F, 1985);
        row("Kiên Giang 091", u"091085012345", M, 1985, u"", u"091085012345", u"Kiên Giang", M, 1985);
        row("Cà Mau 096", u"096185012345", F, 1985, u"", u"096185012345", u"Cà Mau", F, 1985);
        row("Bà Rịa - Vũng Tàu 077", u"077085012345", M, 1985, u"", u"077085012345", u"Bà Rịa - Vũng Tàu", M,
            1985);
        row("Thừa Thiên Huế 046", u"046185012345", F, 1985, u"", u"046185012345", u"Thừa Thiên Huế", F, 1985);
        row("G=8 is the 2300s", u"001885012345", M, 1985, u"CenturyMismatch", u"001885012345", u"Hà Nội", M,
            2385);
        row("G=9 is the 2300s", u"001985012345", F, 1985, u"CenturyMismatch", u"001985012345", u"Hà Nội", F,
            2385);
        row("G=8 without a year", u"001885012345", M, 0, u"", u"001885012345", u"Hà Nội", M, 2385);
        row("century and year", u"001486012345", M, 1985, u"CenturyMismatch,BirthYearMismatch",
            u"001486012345", u"Hà Nội", M, 2186);
        row("sex and year", u"001185012345", M, 1986, u"SexMismatch,BirthYearMismatch", u"001185012345",
            u"Hà Nội", F, 1985);
        row("everything", u"001386012345", M, 1985, u"SexMismatch,CenturyMismatch,BirthYearMismatch",
            u"001386012345", u"Hà Nội", F, 2086);
    }
    void check()
    {
        QFETCH(QString, id);
        QFETCH(Sex, sex);
        QFETCH(int, birthYear);
        QFETCH(QString, problems);
        QFETCH(QString, normalized);
        QFETCH(QString, province);
        QFETCH(Sex, idSex);
        QFETCH(int, idBirthYear);
        const auto c = PersonalId::check(id, sex, birthYear ? std::optional<int>(birthYear) : std::nullopt);
        QCOMPARE(problemNames(c), problems);
        QCOMPARE(c.ok(), problems.isEmpty());
        QCOMPARE(c.normalized, normalized);
        QCOMPARE(c.province, province);
        QCOMPARE(c.sex.value_or(Sex::Unknown), idSex);
        QCOMPARE(c.birthYear().value_or(0), idBirthYear);
        if (idBirthYear) {
            QCOMPARE(c.prefix, normalized.left(3));
            QCOMPARE(*c.century, idBirthYear / 100 * 100);
            QCOMPARE(*c.yearDigits, idBirthYear % 100);
        } else {
            QVERIFY(c.prefix.isEmpty());
            QVERIFY(!c.century);
        }
        for (Problem p : c.problems) {
            const QString text = PersonalId::describe(p, c);
            QVERIFY(!text.isEmpty());
            QVERIFY(text.endsWith(QLatin1Char('.')));
        }
    }

    void prefixes()
    {
        int known = 0;
        for (int i = 0; i < 1000; ++i) {
            const QString prefix = QStringLiteral("%1").arg(i, 3, 10, QLatin1Char('0'));
            if (PersonalId::isKnownPrefix(prefix)) {
                ++known;
                QVERIFY(!PersonalId::provinceOfPrefix(prefix).isEmpty());
            } else {
                QVERIFY(PersonalId::provinceOfPrefix(prefix).isEmpty());
            }
        }
        QCOMPARE(known, 63);
        QCOMPARE(PersonalId::provinceOfPrefix(u"001"), QStringLiteral("Hà Nội"));
        QCOMPARE(PersonalId::provinceOfPrefix(u"079"), QStringLiteral("Hồ Chí Minh"));
        QCOMPARE(PersonalId::provinceOfPrefix(u"067"), QStringLiteral("Đắk Nông"));
        QVERIFY(!PersonalId::isKnownPrefix(u"01"));
        QVERIFY(!PersonalId::isKnownPrefix(u"0011"));
        QVERIFY(!PersonalId::isKnownPrefix(u""));
    }

    void centurySexDigit_data()
    {
        QTest::addColumn<Sex>("sex");
        QTest::addColumn<int>("year");
        QTest::addColumn<int>("digit");
        QTest::newRow("male 1985") << Sex::Male << 1985 << 0;
        QTest::newRow("female 1985") << Sex::Female << 1985 << 1;
        QTest::newRow("male 1900") << Sex::Male << 1900 << 0;
        QTest::newRow("female 1999") << Sex::Female << 1999 << 1;
        QTest::newRow("male 2005") << Sex::Male << 2005 << 2;
        QTest::newRow("female 2000") << Sex::Female << 2000 << 3;
        QTest::newRow("female 2199") << Sex::Female << 2199 << 5;
        QTest::newRow("male 2250") << Sex::Male << 2250 << 6;
        QTest::newRow("female 2399") << Sex::Female << 2399 << 9;
        QTest::newRow("unknown 1990") << Sex::Unknown << 1990 << 0;
        QTest::newRow("1899") << Sex::Male << 1899 << -1;
        QTest::newRow("2400") << Sex::Female << 2400 << -1;
    }
    void centurySexDigit()
    {
        QFETCH(Sex, sex);
        QFETCH(int, year);
        QFETCH(int, digit);
        QCOMPARE(PersonalId::centurySexDigit(sex, year), digit);
    }

    // An ID built from a sex and a year is consistent with them, for every year and both sexes.
    void builtIdsAreConsistent()
    {
        for (int year = 1900; year < 2400; ++year) {
            for (Sex sex : {Sex::Male, Sex::Female}) {
                const QString id = QStringLiteral("038")
                    + QString::number(PersonalId::centurySexDigit(sex, year))
                    + QStringLiteral("%1").arg(year % 100, 2, 10, QLatin1Char('0'))
                    + QStringLiteral("123456");
                const auto c = PersonalId::check(id, sex, year);
                QVERIFY2(c.ok(), qPrintable(id + QLatin1Char(' ') + problemNames(c)));
                QCOMPARE(c.birthYear(), std::optional<int>(year));
                QCOMPARE(c.sex, std::optional<Sex>(sex));
                const Sex other = sex == Sex::Male ? Sex::Female : Sex::Male;
                QVERIFY(PersonalId::check(id, other, year).has(Problem::SexMismatch));
                QVERIFY(PersonalId::check(id, sex, year + 100).has(Problem::CenturyMismatch));
                QVERIFY(PersonalId::check(id, sex, year + 1).has(Problem::BirthYearMismatch));
            }
        }
    }

    void describe_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<Sex>("sex");
        QTest::addColumn<int>("birthYear");
        QTest::addColumn<Problem>("problem");
        QTest::addColumn<QString>("expected");
        QTest::newRow("sex, id female")
            << QStringLiteral("001185012345") << Sex::Male << 1985 << Problem::SexMismatch
            << QStringLiteral(
                   "The 4th digit of the ID (1) means a woman born in the 1900s, but the record says "
                   "male.");
        QTest::newRow("sex, id male")
            << QStringLiteral("001205012345") << Sex::Female << 2005 << Problem::SexMismatch
            << QStringLiteral(
                   "The 4th digit of the ID (2) means a man born in the 2000s, but the record says "
                   "female.");
        QTest::newRow("century")
            << QStringLiteral("001285012345") << Sex::Male << 1985 << Problem::CenturyMismatch
            << QStringLiteral(
                   "The 4th digit of the ID (2) means born in the 2000s, but the record says born in "
                   "1985.");
        QTest::newRow("year")
            << QStringLiteral("001085012345") << Sex::Male << 1986 << Problem::BirthYearMismatch
            << QStringLiteral(
                   "The 5th and 6th digits of the ID (85) mean a year of birth ending in 85, but the "
                   "record says 1986.");
        QTest::newRow("year with leading zero")
            << QStringLiteral("001205012345") << Sex::Male << 2006 << Problem::BirthYearMismatch
            << QStringLiteral(
                   "The 5th and 6th digits of the ID (05) mean a year of birth ending in 05, but the "
                   "record says 2006.");
        QTest::newRow("prefix")
            << QStringLiteral("003085012345") << Sex::Male << 1985 << Problem::UnknownPrefix
            << QStringLiteral(
                   "The first 3 digits of the ID (003) are not one of the 63 province codes: the birth "
                   "may have been registered abroad. Verify the ID.");
        QTest::newRow("length") << QStringLiteral("00108501234") << Sex::Male << 1985 << Problem::WrongLength
                                << QStringLiteral(
                                       "The personal ID has 11 character(s), but it must have exactly "
                                       "12 digits.");
        QTest::newRow("cmnd") << QStringLiteral("012345678") << Sex::Male << 1985 << Problem::WrongLength
                              << QStringLiteral(
                                     "The personal ID has 9 digits, but it must have 12: this looks "
                                     "like an old ID card (CMND) number.");
        QTest::newRow("letters") << QStringLiteral("00108501234A") << Sex::Male << 1985 << Problem::NotDigits
                                 << QStringLiteral(
                                        "The personal ID “00108501234A” contains characters that are "
                                        "not digits.");
        QTest::newRow("empty") << QString() << Sex::Male << 1985 << Problem::Empty
                               << QStringLiteral("The personal ID is empty.");
    }
    void describe()
    {
        QFETCH(QString, id);
        QFETCH(Sex, sex);
        QFETCH(int, birthYear);
        QFETCH(Problem, problem);
        QFETCH(QString, expected);
        const auto c = PersonalId::check(id, sex, birthYear);
        QVERIFY(c.has(problem));
        QCOMPARE(PersonalId::describe(problem, c), expected);
    }

    void describeWithoutDetails()
    {
        QSet<QString> sentences;
        for (Problem p : kAllProblems) {
            const QString text = PersonalId::describe(p);
            QVERIFY(!text.isEmpty());
            sentences.insert(text);
        }
        QCOMPARE(sentences.size(), int(std::size(kAllProblems)));
    }
};

QTEST_GUILESS_MAIN(TestPersonalId)
#include "TestPersonalId.moc"
