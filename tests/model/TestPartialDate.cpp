#include "PartialDate.h"

#include <QTest>

using namespace wardroll::model;

namespace {

std::optional<int> part(int v)
{
    return v ? std::optional<int>(v) : std::nullopt;
}

} // namespace

class TestPartialDate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("year"); // 0 = none
        QTest::addColumn<int>("month");
        QTest::addColumn<int>("day");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("display");
        QTest::addColumn<QString>("iso");

        auto row = [](const char16_t* text, int y, int m, int d, bool valid, const char16_t* display,
                      const char16_t* iso) {
            const QString t = QString::fromUtf16(text);
            QTest::addRow("'%s'", qPrintable(t))
                << t << y << m << d << valid << QString::fromUtf16(display) << QString::fromUtf16(iso);
        };
        row(u"15/06/1985", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"1/6/1985", 1985, 6, 1, true, u"01/06/1985", u"1985-06-01");
        row(u"01/06/1985", 1985, 6, 1, true, u"01/06/1985", u"1985-06-01");
        row(u"15/6/1985", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"15-06-1985", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"15.06.1985", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"1985-06-15", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"1985/06/15", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"19850615", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"15061985", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15"); // ddmmyyyy, chip-card QR
        row(u"19900101", 1990, 1, 1, true, u"01/01/1990", u"1990-01-01");
        row(u"01011990", 1990, 1, 1, true, u"01/01/1990", u"1990-01-01");
        row(u"19850600", 1985, 6, 0, true, u"06/1985", u"1985-06");
        row(u"19850000", 1985, 0, 0, true, u"1985", u"1985");
        row(u"06/1985", 1985, 6, 0, true, u"06/1985", u"1985-06");
        row(u"6/1985", 1985, 6, 0, true, u"06/1985", u"1985-06");
        row(u"1985-06", 1985, 6, 0, true, u"06/1985", u"1985-06");
        row(u"00/06/1985", 1985, 6, 0, true, u"06/1985", u"1985-06");
        row(u"00/1985", 1985, 0, 0, true, u"1985", u"1985");
        row(u"00/00/1950", 1950, 0, 0, true, u"1950", u"1950");
        row(u"0/0/1950", 1950, 0, 0, true, u"1950", u"1950");
        row(u"../../1950", 1950, 0, 0, true, u"1950", u"1950");
        row(u"?\?/?\?/1950", 1950, 0, 0, true, u"1950", u"1950");
        row(u"xx/xx/1950", 1950, 0, 0, true, u"1950", u"1950");
        row(u"1950", 1950, 0, 0, true, u"1950", u"1950");
        row(u"  1950  ", 1950, 0, 0, true, u"1950", u"1950");
        row(u"15/00/1985", 1985, 0, 0, true, u"1985", u"1985"); // a day without a month says nothing
        row(u"15 / 06 / 1985", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"15 06 1985", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"15/06/1985 00:00:00", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"1985-06-15T00:00:00", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        row(u"6/15/1985 12:00 AM", 1985, 15, 6, false, u"06/15/1985", u"1985-15-06"); // US order: impossible
        row(u"１５/０６/１９８５", 1985, 6, 15, true, u"15/06/1985", u"1985-06-15");
        // Readable but impossible: parts kept, not valid.
        row(u"31/02/1990", 1990, 2, 31, false, u"31/02/1990", u"1990-02-31");
        row(u"13/13/2000", 2000, 13, 13, false, u"13/13/2000", u"2000-13-13");
        row(u"32/01/2000", 2000, 1, 32, false, u"32/01/2000", u"2000-01-32");
        row(u"00/13/2000", 2000, 13, 0, false, u"13/2000", u"2000-13");
        row(u"1990-02-30", 1990, 2, 30, false, u"30/02/1990", u"1990-02-30");
        row(u"31/04/1990", 1990, 4, 31, false, u"31/04/1990", u"1990-04-31");
        row(u"19901399", 1990, 13, 99, false, u"99/13/1990", u"1990-13-99");
        // 29 February only in leap years.
        row(u"29/02/2000", 2000, 2, 29, true, u"29/02/2000", u"2000-02-29");
        row(u"29/02/2024", 2024, 2, 29, true, u"29/02/2024", u"2024-02-29");
        row(u"29/02/1900", 1900, 2, 29, false, u"29/02/1900", u"1900-02-29");
        row(u"29/02/2023", 2023, 2, 29, false, u"29/02/2023", u"2023-02-29");
        // Unreadable: nothing invented, the text kept.
        row(u"15/06/85", 0, 0, 0, false, u"15/06/85", u"");
        row(u"abc", 0, 0, 0, false, u"abc", u"");
        row(u"00/00/0000", 0, 0, 0, false, u"00/00/0000", u"");
        row(u"0000", 0, 0, 0, false, u"0000", u"");
        row(u"15/06/19855", 0, 0, 0, false, u"15/06/19855", u"");
        row(u"1985 10:00", 0, 0, 0, false, u"1985 10:00", u"");
        row(u"năm 1985", 0, 0, 0, false, u"năm 1985", u"");
        row(u"", 0, 0, 0, false, u"", u"");
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(int, year);
        QFETCH(int, month);
        QFETCH(int, day);
        QFETCH(bool, valid);
        QFETCH(QString, display);
        QFETCH(QString, iso);
        const PartialDate d = PartialDate::parse(text);
        QCOMPARE(d.year(), part(year));
        QCOMPARE(d.month(), part(month));
        QCOMPARE(d.day(), part(day));
        QCOMPARE(d.isValid(), valid);
        QCOMPARE(d.raw(), text.trimmed());
        QCOMPARE(d.toDisplayString(), display);
        QCOMPARE(d.toIsoString(), iso);
        const auto precision = !year ? PartialDate::Precision::None
            : !month                 ? PartialDate::Precision::Year
            : !day                   ? PartialDate::Precision::Month
                                     : PartialDate::Precision::Day;
        QCOMPARE(d.precision(), precision);
        QCOMPARE(d.isEmpty(), text.trimmed().isEmpty());
        QCOMPARE(d.isUnreadable(), !year && !text.trimmed().isEmpty());
        QCOMPARE(d.earliest().has_value(), valid);
        QCOMPARE(d.latest().has_value(), valid);
        if (year) {
            // What we write reads back the same.
            QCOMPARE(PartialDate::parse(d.toDisplayString()), d);
            QCOMPARE(PartialDate::parse(d.toIsoString()), d);
        }
    }

    // The common shapes are read without regular expressions: each must mean what the general
    // reading gives the same date written with spaced separators, which only it understands.
    void commonShapesReadAsTheGeneralPathDoes()
    {
        const QStringList days = {u"0"_qs,  u"00"_qs, u"1"_qs,  u"01"_qs, u"9"_qs,
                                  u"10"_qs, u"29"_qs, u"31"_qs, u"32"_qs, u"99"_qs};
        const QStringList months = {u"0"_qs, u"00"_qs, u"1"_qs, u"02"_qs, u"12"_qs, u"13"_qs, u"99"_qs};
        const QStringList years = {u"0000"_qs, u"1900"_qs, u"1985"_qs, u"2024"_qs, u"9999"_qs};
        int compared = 0;
        for (const QString& y : years) {
            QCOMPARE(PartialDate::parse(y), PartialDate::parse(QString(u"00 / "_qs + y)));
            for (const QString& m : months) {
                for (const QString& d : days) {
                    const QString dmy = d + u'/' + m + u'/' + y;
                    const QString spaced = d + u" / "_qs + m + u" / "_qs + y;
                    QCOMPARE(PartialDate::parse(dmy), PartialDate::parse(spaced));
                    const QString ymd = y + u'-' + m + u'-' + d;
                    const QString spacedYmd = y + u" - "_qs + m + u" - "_qs + d;
                    QCOMPARE(PartialDate::parse(ymd), PartialDate::parse(spacedYmd));
                    compared += 2;
                }
            }
        }
        QCOMPARE(compared, 2 * 5 * 7 * 10);
        // Near misses fall through to the general reading.
        QVERIFY(PartialDate::parse(u"1/2/198"_qs).isUnreadable());
        QVERIFY(PartialDate::parse(u"123/2/1985"_qs).isUnreadable());
        QCOMPARE(PartialDate::parse(u"1985-06"_qs).month(), std::optional<int>(6));
        QCOMPARE(PartialDate::parse(u"1985-6-5x"_qs).year(), std::nullopt);
        QCOMPARE(PartialDate::parse(u"15/06/1985/"_qs).year(), std::nullopt);
    }

    void range_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("earliest");
        QTest::addColumn<QDate>("latest");
        QTest::newRow("year") << QStringLiteral("1985") << QDate(1985, 1, 1) << QDate(1985, 12, 31);
        QTest::newRow("leap february")
            << QStringLiteral("02/2000") << QDate(2000, 2, 1) << QDate(2000, 2, 29);
        QTest::newRow("february 1900")
            << QStringLiteral("02/1900") << QDate(1900, 2, 1) << QDate(1900, 2, 28);
        QTest::newRow("april") << QStringLiteral("00/04/1990") << QDate(1990, 4, 1) << QDate(1990, 4, 30);
        QTest::newRow("day") << QStringLiteral("15/06/1985") << QDate(1985, 6, 15) << QDate(1985, 6, 15);
        QTest::newRow("impossible") << QStringLiteral("31/02/1990") << QDate() << QDate();
        QTest::newRow("unreadable") << QStringLiteral("abc") << QDate() << QDate();
    }
    void range()
    {
        QFETCH(QString, text);
        QFETCH(QDate, earliest);
        QFETCH(QDate, latest);
        const PartialDate d = PartialDate::parse(text);
        QCOMPARE(d.earliest().value_or(QDate()), earliest);
        QCOMPARE(d.latest().value_or(QDate()), latest);
    }

    void imputed_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("imputed");
        QTest::newRow("01/01") << QStringLiteral("01/01/1990") << true;
        QTest::newRow("1/1") << QStringLiteral("1/1/1990") << true;
        QTest::newRow("iso") << QStringLiteral("1990-01-01") << true;
        QTest::newRow("year only") << QStringLiteral("1990") << false;
        QTest::newRow("00/00") << QStringLiteral("00/00/1990") << false;
        QTest::newRow("01/1990") << QStringLiteral("01/1990") << false;
        QTest::newRow("01/02") << QStringLiteral("01/02/1990") << false;
        QTest::newRow("02/01") << QStringLiteral("02/01/1990") << false;
        QTest::newRow("unreadable") << QStringLiteral("01/01/90") << false;
    }
    void imputed()
    {
        QFETCH(QString, text);
        QFETCH(bool, imputed);
        QCOMPARE(PartialDate::parse(text).isPossiblyImputed(), imputed);
    }

    void fromDateAndParts()
    {
        const PartialDate d = PartialDate::fromDate(QDate(1985, 6, 15));
        QCOMPARE(d, PartialDate::fromParts(1985, 6, 15));
        QCOMPARE(d.raw(), QStringLiteral("15/06/1985"));
        QCOMPARE(d.precision(), PartialDate::Precision::Day);
        QVERIFY(d.isValid());

        const PartialDate none = PartialDate::fromDate(QDate());
        QVERIFY(none.isEmpty());
        QVERIFY(!none.isValid());
        QCOMPARE(none.precision(), PartialDate::Precision::None);

        const PartialDate empty;
        QVERIFY(empty.isEmpty());
        QVERIFY(!empty.isUnreadable());
        QCOMPARE(empty.toDisplayString(), QString());
        QCOMPARE(empty.toIsoString(), QString());

        // A day without a month is not a date.
        const PartialDate dayOnly = PartialDate::fromParts(1985, std::nullopt, 15);
        QVERIFY(!dayOnly.isValid());
        QVERIFY(!dayOnly.earliest());

        // Equality ignores how it was written.
        QCOMPARE(PartialDate::parse(u"1/6/1985"), PartialDate::parse(u"01/06/1985"));
        QVERIFY(!(PartialDate::parse(u"1985") == PartialDate::parse(u"01/01/1985")));
    }
};

QTEST_GUILESS_MAIN(TestPartialDate)
#include "TestPartialDate.moc"
