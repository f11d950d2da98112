#include "ResidentSearch.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

class TestResidentSearch : public QObject
{
    Q_OBJECT

    test::TempWard m_temp;

    void add(const QString& ref, const QString& name, const QString& id, int year)
    {
        WardStore store(m_temp.ward());
        Resident r;
        r.sourceRef = ref;
        r.fullName = name;
        r.personalId = id;
        r.birthDate = PartialDate::fromParts(year);
        QVERIFY(store.insertResident(r).ok());
    }

    QStringList refs(const QString& query)
    {
        ResidentSearch search(m_temp.ward());
        auto hits = search.search(query, 50);
        if (!hits.ok())
            qFatal("%s", qPrintable(hits.error().toString()));
        QStringList out;
        for (const auto& hit : hits.value())
            out << hit.ref();
        out.sort();
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        add(QStringLiteral("a"), QStringLiteral("Nguyễn Văn Hùng"), QStringLiteral("001085012345"), 1985);
        add(QStringLiteral("b"), QStringLiteral("Nguyễn Văn Hưng"), QStringLiteral("001090012345"), 1990);
        add(QStringLiteral("c"), QStringLiteral("Trần Thị Hoà"), QStringLiteral("036185000111"), 1985);
        add(QStringLiteral("d"), QStringLiteral("Đặng Đình Đức"), QString(), 1960);
    }

    void findsAccentFreeWithYear()
    {
        QCOMPARE(refs(QStringLiteral("nguyen van hung 1985")), QStringList{QStringLiteral("a")});
    }
    void findsWithAccents()
    {
        // Accent-insensitive by design: "Hùng" also finds "Hưng", the exact one is among them.
        QCOMPARE(refs(QStringLiteral("Nguyễn Văn Hùng")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }
    void findsByIdPrefix() { QCOMPARE(refs(QStringLiteral("001085")), QStringList{QStringLiteral("a")}); }
    void prefixAsYouType()
    {
        QCOMPARE(refs(QStringLiteral("ngu v hu")), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }
    void foldsDStroke() { QCOMPARE(refs(QStringLiteral("dang dinh duc")), QStringList{QStringLiteral("d")}); }
    void ignoresFtsSyntax()
    {
        // Quotes, stars and operators are plain words to the user, never FTS5 syntax.
        QCOMPARE(refs(QStringLiteral("\"hoa*")), QStringList{QStringLiteral("c")});
        QCOMPARE(refs(QStringLiteral("hoa OR nguyen")), QStringList{});
        QCOMPARE(refs(QStringLiteral("NEAR(hoa)")), QStringList{});
        QCOMPARE(refs(QStringLiteral("   ")), QStringList{});
    }
    void hidesDeletedRecords()
    {
        WardStore store(m_temp.ward());
        const auto d = store.findResident(QStringLiteral("d")).value();
        QVERIFY(store.softDeleteResident(d->id).ok());
        QCOMPARE(refs(QStringLiteral("duc")), QStringList{});
    }
    void followsRenames()
    {
        WardStore store(m_temp.ward());
        auto c = store.findResident(QStringLiteral("c")).value().value();
        c.fullName = QStringLiteral("Trần Thị Hoa Mai");
        QVERIFY(store.updateResident(c).ok());
        QCOMPARE(refs(QStringLiteral("mai")), QStringList{QStringLiteral("c")});
        QCOMPARE(refs(QStringLiteral("tran hoa")), QStringList{QStringLiteral("c")});
    }
};

QTEST_GUILESS_MAIN(TestResidentSearch)
#include "TestResidentSearch.moc"
