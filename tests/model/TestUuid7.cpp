#include "Uuid7.h"

#include <QSet>
#include <QTest>

using namespace wardroll::model;

class TestUuid7 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void layoutFollowsRfc9562()
    {
        const QString id = Uuid7::generate();
        QVERIFY2(Uuid7::isValid(id), qPrintable(id));
        QCOMPARE(id.size(), 36);
        QCOMPARE(id.at(14), QLatin1Char('7'));
        const QChar variant = id.at(19);
        QVERIFY(QStringLiteral("89ab").contains(variant));
    }

    void carriesItsTimestamp()
    {
        Uuid7 gen(42);
        const qint64 ms = 1'763'000'000'123;
        QCOMPARE(Uuid7::timestampMs(gen.next(ms)), ms);
    }

    void increasesWithinOneMillisecond()
    {
        Uuid7 gen(7);
        QString previous;
        QSet<QString> seen;
        for (int i = 0; i < 10000; ++i) {
            const QString id = gen.next(1'763'000'000'000);
            QVERIFY(id > previous);
            previous = id;
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 10000);
    }

    void seededGeneratorIsDeterministic()
    {
        Uuid7 a(99);
        Uuid7 b(99);
        Uuid7 c(100);
        const QString first = a.next(1000);
        QCOMPARE(b.next(1000), first);
        QVERIFY(c.next(1000) != first);
    }

    void unseededGeneratorsDrawFreshRandomness()
    {
        // Enough ids to empty the generator's pool of random bits several times.
        Uuid7 a;
        Uuid7 b;
        QSet<QString> seen;
        QSet<QString> tails;
        QString previous;
        for (int i = 0; i < 3000; ++i) {
            const qint64 ms = 1'763'000'000'000 + i / 100;
            const QString id = a.next(ms);
            QVERIFY2(Uuid7::isValid(id), qPrintable(id));
            QCOMPARE(Uuid7::timestampMs(id), ms);
            QVERIFY(id > previous);
            previous = id;
            seen.insert(id);
            tails.insert(id.right(12));
            const QString other = b.next(ms);
            QVERIFY(other != id);
            seen.insert(other);
        }
        QCOMPARE(seen.size(), 6000);
        // 48 random bits per id: a repeat among 3000 would mean the bits were reused.
        QCOMPARE(tails.size(), 3000);
    }

    void rejectsMalformedText()
    {
        QVERIFY(!Uuid7::isValid(u"not-a-uuid"));
        QVERIFY(!Uuid7::isValid(u"0190b8e4-0000-4000-8000-000000000000")); // version 4
        QCOMPARE(Uuid7::timestampMs(u"x"), -1);
    }
};

QTEST_GUILESS_MAIN(TestUuid7)
#include "TestUuid7.moc"
