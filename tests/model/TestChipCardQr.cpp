#include "ChipCardQr.h"

#include <QTest>

using namespace wardroll::model;

class TestChipCardQr : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsTheSevenFieldLayout()
    {
        const auto qr = ChipCardQr::parse(
            u"001085012345|012345678|Nguyễn Văn Hùng|15061985|Nam|Số 12 phố Hàng Bông, Hoàn Kiếm, Hà Nội|20042021"_qs);
        QVERIFY2(qr.ok(), qPrintable(qr.ok() ? QString() : qr.error().toString()));
        QCOMPARE(qr->personalId, u"001085012345"_qs);
        QCOMPARE(qr->oldId, u"012345678"_qs);
        QCOMPARE(qr->fullName, u"Nguyễn Văn Hùng"_qs);
        QCOMPARE(qr->birthDate, PartialDate::fromParts(1985, 6, 15));
        QCOMPARE(qr->sex, Sex::Male);
        QCOMPARE(qr->permanentAddress, u"Số 12 phố Hàng Bông, Hoàn Kiếm, Hà Nội"_qs);
        QCOMPARE(qr->issueDate, PartialDate::fromParts(2021, 4, 20));
        QVERIFY(qr->extra.isEmpty());
    }

    void emptyOldIdAndUppercaseName()
    {
        const auto qr = ChipCardQr::parse(
            u"036190000123||TRẦN THỊ THUỶ|01022001|Nữ|Xã Hải Hậu, Nam Định|05072022\r\n"_qs);
        QVERIFY(qr.ok());
        QVERIFY(qr->oldId.isEmpty());
        QCOMPARE(qr->fullName, u"TRẦN THỊ THUỶ"_qs);
        QCOMPARE(qr->sex, Sex::Female);
        QCOMPARE(qr->birthDate, PartialDate::fromParts(2001, 2, 1));
    }

    void sixFieldsWithoutOldId()
    {
        const auto qr = ChipCardQr::parse(u"001085012345|Lê Văn An|15061985|Nam|Hà Nội|20042021"_qs);
        QVERIFY(qr.ok());
        QVERIFY(qr->oldId.isEmpty());
        QCOMPARE(qr->fullName, u"Lê Văn An"_qs);
        QCOMPARE(qr->permanentAddress, u"Hà Nội"_qs);
        QCOMPARE(qr->issueDate, PartialDate::fromParts(2021, 4, 20));
    }

    void sixFieldsWithoutIssueDate()
    {
        const auto qr = ChipCardQr::parse(u"001085012345|012345678|Lê Văn An|15061985|Nam|Hà Nội"_qs);
        QVERIFY(qr.ok());
        QCOMPARE(qr->oldId, u"012345678"_qs);
        QCOMPARE(qr->permanentAddress, u"Hà Nội"_qs);
        QVERIFY(qr->issueDate.isEmpty());
    }

    void moreFieldsAreKept()
    {
        const auto qr = ChipCardQr::parse(
            u"001085012345||Lê Văn An|15061985|Nam|Hà Nội|20042021|Lê Văn Bố|Trần Thị Mẹ"_qs);
        QVERIFY(qr.ok());
        QCOMPARE(qr->extra, (QStringList{u"Lê Văn Bố"_qs, u"Trần Thị Mẹ"_qs}));
    }

    void decomposedAccentsAndBomAreCleaned()
    {
        const QString decomposed = u"Nguye\u0302\u0303n"_qs; // Nguyễn, decomposed
        const QString scanned
            = u"\uFEFF001085012345||"_qs + decomposed + u" Văn  Hùng|15061985|Nam|Hà Nội|20042021"_qs;
        const auto qr = ChipCardQr::parse(scanned);
        QVERIFY(qr.ok());
        QCOMPARE(qr->fullName, u"Nguyễn Văn Hùng"_qs);
    }

    void looksLikeQr()
    {
        QVERIFY(ChipCardQr::looksLikeQr(u"001085012345||Lê Văn An|15061985|Nam|Hà Nội|20042021"_qs));
        QVERIFY(!ChipCardQr::looksLikeQr(u"001085012345"_qs));
        QVERIFY(!ChipCardQr::looksLikeQr(u"Nguyễn Văn An"_qs));
        QVERIFY(!ChipCardQr::looksLikeQr(u"00108501234|x|y"_qs));
    }

    void garbageGivesAClearError_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions"); // a word the message must contain
        QTest::newRow("empty") << u"   "_qs << QString();
        QTest::newRow("no separators") << u"Nguyễn Văn An 15061985"_qs << u"|"_qs;
        QTest::newRow("too few parts") << u"001085012345|Lê Văn An|15061985"_qs << u"3"_qs;
        QTest::newRow("short id") << u"00108501234||Lê Văn An|15061985|Nam|Hà Nội|20042021"_qs
                                  << u"00108501234"_qs;
        QTest::newRow("letters in old id")
            << u"001085012345|01234X678|Lê Văn An|15061985|Nam|Hà Nội|20042021"_qs << u"01234X678"_qs;
        QTest::newRow("digits in name")
            << u"001085012345||Lê Văn 4n|15061985|Nam|Hà Nội|20042021"_qs << u"Lê Văn 4n"_qs;
        QTest::newRow("bad birth date")
            << u"001085012345||Lê Văn An|1985|Nam|Hà Nội|20042021"_qs << u"1985"_qs;
        QTest::newRow("impossible birth date")
            << u"001085012345||Lê Văn An|31021985|Nam|Hà Nội|20042021"_qs << u"31021985"_qs;
        QTest::newRow("unknown sex") << u"001085012345||Lê Văn An|15061985|X|Hà Nội|20042021"_qs << u"X"_qs;
        QTest::newRow("bad issue date")
            << u"001085012345||Lê Văn An|15061985|Nam|Hà Nội|2021"_qs << u"2021"_qs;
    }

    void garbageGivesAClearError()
    {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        const auto qr = ChipCardQr::parse(text);
        QVERIFY(!qr.ok());
        QCOMPARE(qr.error().kind, Error::Kind::InvalidInput);
        QVERIFY(!qr.error().message.isEmpty());
        if (!mentions.isEmpty())
            QVERIFY2(qr.error().message.contains(mentions), qPrintable(qr.error().message));
    }
};

QTEST_GUILESS_MAIN(TestChipCardQr)
#include "TestChipCardQr.moc"
