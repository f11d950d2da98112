#include "Sex.h"

#include <QTest>

using namespace wardroll::model;

class TestSex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseSex_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Sex>("expected");
        for (const char16_t* male :
             {u"Nam", u"NAM", u"nam", u" Nam ", u"Nam giới", u"M", u"m", u"male", u"Male", u"trai"})
            QTest::addRow("%s", qPrintable(QString::fromUtf16(male)))
                << QString::fromUtf16(male) << Sex::Male;
        for (const char16_t* female : {u"nữ", u"Nữ", u"NỮ", u"Nu", u"nu", u"Nu\u0303", u"Nữ giới", u"F", u"f",
                                       u"female", u"FEMALE", u"gái"})
            QTest::addRow("%s", qPrintable(QString::fromUtf16(female)))
                << QString::fromUtf16(female) << Sex::Female;
        for (const char16_t* unknown :
             {u"", u"  ", u"1", u"2", u"0", u"x", u"?", u"không rõ", u"Nam Nữ", u"nammm", u"Mr"})
            QTest::addRow("unknown '%s'", qPrintable(QString::fromUtf16(unknown)))
                << QString::fromUtf16(unknown) << Sex::Unknown;
    }
    void parseSex()
    {
        QFETCH(QString, text);
        QFETCH(Sex, expected);
        QCOMPARE(wardroll::model::parseSex(text), expected);
    }

    void codes()
    {
        for (Sex sex : {Sex::Male, Sex::Female, Sex::Unknown}) {
            QCOMPARE(sexFromCode(sexCode(sex)), sex);
            QCOMPARE(wardroll::model::parseSex(sexCode(sex)), sex);
        }
        QCOMPARE(sexCode(Sex::Male), QStringLiteral("M"));
        QCOMPARE(sexCode(Sex::Female), QStringLiteral("F"));
        QVERIFY(sexCode(Sex::Unknown).isNull());
        QCOMPARE(sexFromCode(u"X"), Sex::Unknown);
    }
};

QTEST_GUILESS_MAIN(TestSex)
#include "TestSex.moc"
