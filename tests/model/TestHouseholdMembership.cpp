#include "HouseholdMembership.h"
#include "HouseholdSearch.h"
#include "Outbox.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

class TestHouseholdMembership : public QObject
{
    Q_OBJECT
private:
    struct Family
    {
        QString householdId;
        QString headId;
        QString wifeId;
        QString sonId;
    };

    static Resident person(const QString& name, Sex sex, int year, const QString& householdId,
                           const QString& relation)
    {
        Resident r;
        r.fullName = name;
        r.sex = sex;
        r.birthDate = PartialDate::fromParts(year);
        r.householdId = householdId;
        r.relationToHead = relation;
        return r;
    }

    static Family addFamily(WardDatabase& ward, const QString& number, const QString& family)
    {
        WardStore store(ward);
        SqlTransaction transaction(ward.connection());
        Household h;
        h.number = number;
        h.village = u"Thôn Đông"_qs;
        if (!store.insertHousehold(h).ok())
            qFatal("household insert failed");
        Resident head = person(family + u" Văn Hùng"_qs, Sex::Male, 1960, h.id, u"Chủ hộ"_qs);
        Resident wife = person(u"Lê Thị Lan"_qs, Sex::Female, 1963, h.id, u"Vợ"_qs);
        Resident son = person(family + u" Văn Nam"_qs, Sex::Male, 1990, h.id, u"Con đẻ"_qs);
        for (Resident* r : {&head, &wife, &son})
            if (!store.insertResident(*r).ok())
                qFatal("resident insert failed");
        if (!transaction.commit().ok())
            qFatal("commit failed");
        return {h.id, head.id, wife.id, son.id};
    }

    static QString relationOf(WardDatabase& ward, const QString& id)
    {
        WardStore store(ward);
        return store.resident(id).value().relationToHead;
    }

private Q_SLOTS:
    void changeHeadSwapsTheRelations()
    {
        test::TempWard temp;
        const Family f = addFamily(temp.ward(), u"HK-0001"_qs, u"Phạm"_qs);
        HouseholdMembership membership(temp.ward());
        const Status status = membership.changeHead(f.householdId, f.wifeId, u"Chồng"_qs);
        QVERIFY2(status.ok(), qPrintable(status.ok() ? QString() : status.error().toString()));
        QCOMPARE(relationOf(temp.ward(), f.wifeId), u"Chủ hộ"_qs);
        QCOMPARE(relationOf(temp.ward(), f.headId), u"Chồng"_qs);
        QCOMPARE(relationOf(temp.ward(), f.sonId), u"Con đẻ"_qs);
    }

    void changeHeadIsOneChangeSet()
    {
        test::TempWard temp;
        const Family f = addFamily(temp.ward(), u"HK-0001"_qs, u"Phạm"_qs);
        Outbox outbox(temp.ward().connection());
        const qint64 before = outbox.counts().value().pending;
        QVERIFY(HouseholdMembership(temp.ward()).changeHead(f.householdId, f.wifeId, u"Chồng"_qs).ok());
        QCOMPARE(outbox.counts().value().pending, before + 1);
    }

    void changeHeadRefusesBadInput()
    {
        test::TempWard temp;
        const Family a = addFamily(temp.ward(), u"HK-0001"_qs, u"Phạm"_qs);
        const Family b = addFamily(temp.ward(), u"HK-0002"_qs, u"Trần"_qs);
        HouseholdMembership membership(temp.ward());
        QVERIFY(!membership.changeHead(a.householdId, a.wifeId, QString()).ok());
        QVERIFY(!membership.changeHead(a.householdId, a.wifeId, u"Chủ hộ"_qs).ok());
        const Status outsider = membership.changeHead(a.householdId, b.sonId, u"Vợ"_qs);
        QVERIFY(!outsider.ok());
        QCOMPARE(outsider.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(relationOf(temp.ward(), a.headId), u"Chủ hộ"_qs); // nothing half-done
    }

    void changeHeadOfAHouseholdWithoutOne()
    {
        test::TempWard temp;
        const Family f = addFamily(temp.ward(), u"HK-0001"_qs, u"Phạm"_qs);
        HouseholdMembership membership(temp.ward());
        QVERIFY(membership.setRelation(f.headId, u"Anh ruột"_qs).ok()
                == false); // a head is changed, not renamed
        WardStore store(temp.ward());
        Resident head = store.resident(f.headId).value();
        head.relationToHead = u"Cha đẻ (Bố)"_qs; // as an import might leave it
        QVERIFY(store.updateResident(head).ok());
        // No former head: nothing to ask about.
        QVERIFY(membership.changeHead(f.householdId, f.sonId, QString()).ok());
        QCOMPARE(relationOf(temp.ward(), f.sonId), u"Chủ hộ"_qs);
        QCOMPARE(relationOf(temp.ward(), f.headId), u"Cha đẻ (Bố)"_qs);
    }

    void moveResidentToAnotherHousehold()
    {
        test::TempWard temp;
        const Family a = addFamily(temp.ward(), u"HK-0001"_qs, u"Phạm"_qs);
        const Family b = addFamily(temp.ward(), u"HK-0002"_qs, u"Trần"_qs);
        HouseholdMembership membership(temp.ward());
        QVERIFY(membership.moveResident(a.sonId, b.householdId, u"Con rể"_qs).ok());
        WardStore store(temp.ward());
        const Resident moved = store.resident(a.sonId).value();
        QCOMPARE(moved.householdId, b.householdId);
        QCOMPARE(moved.relationToHead, u"Con rể"_qs);
        QCOMPARE(store.householdMembers(a.householdId).value().size(), 2);
        QCOMPARE(store.householdMembers(b.householdId).value().size(), 4);
    }

    void moveRefusesASecondHead()
    {
        test::TempWard temp;
        const Family a = addFamily(temp.ward(), u"HK-0001"_qs, u"Phạm"_qs);
        const Family b = addFamily(temp.ward(), u"HK-0002"_qs, u"Trần"_qs);
        HouseholdMembership membership(temp.ward());
        QVERIFY(!membership.moveResident(a.sonId, b.householdId, u"Chủ hộ"_qs).ok());
        QVERIFY(!membership.moveResident(a.sonId, a.householdId, u"Con đẻ"_qs).ok());
        QVERIFY(!membership.moveResident(a.sonId, b.householdId, QString()).ok());
        QCOMPARE(WardStore(temp.ward()).resident(a.sonId).value().householdId, a.householdId);
    }

    void setRelation()
    {
        test::TempWard temp;
        const Family a = addFamily(temp.ward(), u"HK-0001"_qs, u"Phạm"_qs);
        HouseholdMembership membership(temp.ward());
        QVERIFY(membership.setRelation(a.sonId, u"Con nuôi"_qs).ok());
        QCOMPARE(relationOf(temp.ward(), a.sonId), u"Con nuôi"_qs);
        QVERIFY(!membership.setRelation(a.sonId, u"Chủ hộ"_qs).ok());
    }

    void searchByNumberAndMemberName()
    {
        test::TempWard temp;
        const Family a = addFamily(temp.ward(), u"HK-0001"_qs, u"Phạm"_qs);
        const Family b = addFamily(temp.ward(), u"HK-0102"_qs, u"Trần"_qs);
        HouseholdSearch search(temp.ward());

        auto byNumber = search.search(u"hk-01"_qs);
        QVERIFY(byNumber.ok());
        QCOMPARE(byNumber->size(), 1);
        QCOMPARE(byNumber->first().id, b.householdId);
        QCOMPARE(byNumber->first().headName, u"Trần Văn Hùng"_qs);
        QCOMPARE(byNumber->first().members, 3);

        auto byName = search.search(u"pham nam"_qs);
        QVERIFY(byName.ok());
        QCOMPARE(byName->size(), 1);
        QCOMPARE(byName->first().id, a.householdId);

        auto all = search.search(QString());
        QVERIFY(all.ok());
        QCOMPARE(all->size(), 2);
        QCOMPARE(all->first().number, u"HK-0001"_qs); // by number

        auto nothing = search.search(u"zzz"_qs);
        QVERIFY(nothing.ok());
        QVERIFY(nothing->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHouseholdMembership)
#include "TestHouseholdMembership.moc"
