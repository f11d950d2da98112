#include "ResidentSearch.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
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
    void finishedLongWordsMatchWhole()
    {
        // Words followed by a space are finished: a long one is a whole word, a short one still a
        // prefix; the word being typed is always a prefix.
        QCOMPARE(ResidentSearch::matchExpression(u"nguyen van hu"),
                 QStringLiteral("\"nguyen\" AND \"van\"* AND \"hu\"*"));
        QCOMPARE(ResidentSearch::matchExpression(u"nguyen"), QStringLiteral("\"nguyen\"*"));
        QCOMPARE(ResidentSearch::matchExpression(u"nguyen "), QStringLiteral("\"nguyen\""));
        QCOMPARE(ResidentSearch::matchExpression(u"036190 1985"),
                 QStringLiteral("\"036190\"* AND \"1985\"*"));
        QCOMPARE(refs(QStringLiteral("nguye van")), QStringList{});
        QCOMPARE(refs(QStringLiteral("nguyen van h")),
                 (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(refs(QStringLiteral("Trần Thị Hoà ")), QStringList{QStringLiteral("c")});
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
    // The index holds no copy of the text: its triggers must tell it the old words exactly, or
    // the old name would still match.
    void forgetsOldWordsAndDeletedRows()
    {
        add(QStringLiteral("e"), QStringLiteral("Lò Văn Páo"), QString(), 1970);
        WardStore store(m_temp.ward());
        auto e = store.findResident(QStringLiteral("e")).value().value();
        e.fullName = QStringLiteral("Lò Thị Xuân");
        QVERIFY(store.updateResident(e).ok());
        QCOMPARE(refs(QStringLiteral("pao")), QStringList{});
        QCOMPARE(refs(QStringLiteral("lo xuan")), QStringList{QStringLiteral("e")});
        auto& db = m_temp.ward().connection();
        auto matches = [&db](const char16_t* match) {
            auto stmt = db.prepare(u"SELECT count(*) FROM resident_search WHERE resident_search MATCH ?");
            stmt->bind(1, QString::fromUtf16(match));
            return stmt->step().value() ? stmt->integer(0) : -1;
        };
        QCOMPARE(matches(u"pao"), 0);
        QCOMPARE(matches(u"xuan"), 1);
        SqlTransaction transaction(db); // the ward refuses writes outside one (change capture)
        QVERIFY(transaction.begun().ok());
        auto remove = db.prepare(u"DELETE FROM residents WHERE id = ?");
        remove->bind(1, e.id);
        const Status removed = remove->exec();
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().toString()));
        QVERIFY(transaction.commit().ok());
        QCOMPARE(matches(u"xuan"), 0);
        auto keys = db.prepare(u"SELECT count(*) FROM resident_search_keys WHERE resident_id = ?");
        keys->bind(1, e.id);
        QVERIFY(keys->step().value());
        QCOMPARE(keys->integer(0), 0);
    }
};

QTEST_GUILESS_MAIN(TestResidentSearch)
#include "TestResidentSearch.moc"
