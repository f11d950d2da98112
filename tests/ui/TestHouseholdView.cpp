#include "HouseholdView.h"
#include "MemberTableModel.h"
#include "SampleWard.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using model::Household;
using model::PartialDate;
using model::Resident;
using model::Sex;
using ui::HouseholdView;

class TestHouseholdView : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_settings;

    struct Family
    {
        QString householdId;
        QStringList memberIds; // in the order given
    };

    // A household with the given (name, sex, birth year, relation) members.
    static Family addHousehold(model::WardDatabase& ward, const QString& number,
                               const QList<std::tuple<QString, Sex, int, QString>>& members)
    {
        model::WardStore store(ward);
        model::SqlTransaction transaction(ward.connection());
        Household h;
        h.number = number;
        h.village = u"Thôn Đông"_qs;
        if (!store.insertHousehold(h).ok())
            qFatal("household insert failed");
        Family family{h.id, {}};
        for (const auto& [name, sex, year, relation] : members) {
            Resident r;
            r.fullName = name;
            r.sex = sex;
            r.birthDate = PartialDate::fromParts(year);
            r.householdId = h.id;
            r.relationToHead = relation;
            if (!store.insertResident(r).ok())
                qFatal("resident insert failed");
            family.memberIds << r.id;
        }
        if (!transaction.commit().ok())
            qFatal("commit failed");
        return family;
    }

    static QStringList listedRules(const HouseholdView& view)
    {
        QStringList rules;
        auto* list = view.findChild<QListWidget*>(u"householdFindings"_qs);
        for (int i = 0; i < list->count(); ++i)
            rules << list->item(i)->data(Qt::UserRole).toString();
        return rules;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        test::isolateSettings(m_settings.path());
    }

    void listsMembersWithRelations()
    {
        test::TempWard temp;
        (void)test::fillSampleWard(temp.ward(), 40);
        const Family f = addHousehold(temp.ward(), u"HK-9001"_qs,
                                      {{u"Phạm Văn Hùng"_qs, Sex::Male, 1960, u"Chủ hộ"_qs},
                                       {u"Lê Thị Lan"_qs, Sex::Female, 1963, u"Vợ"_qs},
                                       {u"Phạm Văn Nam"_qs, Sex::Male, 1990, u"Con đẻ"_qs}});
        HouseholdView view(temp.ward(), f.householdId);
        const ui::MemberTableModel* members = view.memberModel();
        QCOMPARE(members->rowCount(), 3);
        QCOMPARE(members->index(0, ui::MemberTableModel::RelationColumn).data().toString(), u"Chủ hộ"_qs);
        QCOMPARE(members->index(0, ui::MemberTableModel::NameColumn).data().toString(), u"Phạm Văn Hùng"_qs);
        QVERIFY(view.findings().isEmpty());
        QVERIFY(view.windowTitle().contains(u"HK-9001"_qs));
    }

    void changeOfHeadPersistsAndClearsNoHead()
    {
        test::TempWard temp;
        (void)test::fillSampleWard(temp.ward(), 40);
        // The head died and was removed: nobody is head now.
        const Family f = addHousehold(temp.ward(), u"HK-9002"_qs,
                                      {{u"Lê Thị Lan"_qs, Sex::Female, 1963, u"Vợ"_qs},
                                       {u"Phạm Văn Nam"_qs, Sex::Male, 1990, u"Con đẻ"_qs}});
        HouseholdView view(temp.ward(), f.householdId);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QSignalSpy changed(&view, &HouseholdView::changed);
        QVERIFY(view.hasFinding(u"household.no_head"));
        QVERIFY(listedRules(view).contains(u"household.no_head"_qs));

        QVERIFY(view.selectMember(f.memberIds.at(0)));
        auto* button = view.findChild<QPushButton*>(u"changeHeadButton"_qs);
        QVERIFY(button && button->isEnabled());
        button->click(); // no former head: nothing to ask
        QCOMPARE(changed.count(), 1);
        QVERIFY(!view.hasFinding(u"household.no_head"));
        QVERIFY(!listedRules(view).contains(u"household.no_head"_qs));

        // Persisted: a fresh read of the ward agrees.
        model::WardStore store(temp.ward());
        QCOMPARE(store.resident(f.memberIds.at(0)).value().relationToHead, u"Chủ hộ"_qs);
        HouseholdView again(temp.ward(), f.householdId);
        QVERIFY(!again.hasFinding(u"household.no_head"));
    }

    void changeOfHeadGivesTheFormerHeadARelation()
    {
        test::TempWard temp;
        const Family f = addHousehold(temp.ward(), u"HK-9003"_qs,
                                      {{u"Phạm Văn Hùng"_qs, Sex::Male, 1960, u"Chủ hộ"_qs},
                                       {u"Lê Thị Lan"_qs, Sex::Female, 1963, u"Vợ"_qs}});
        HouseholdView view(temp.ward(), f.householdId);
        QVERIFY(view.changeHead(f.memberIds.at(1), u"Chồng"_qs).ok());
        QVERIFY(!view.hasFinding(u"household.many_heads"));
        QVERIFY(!view.hasFinding(u"household.no_head"));
        model::WardStore store(temp.ward());
        QCOMPARE(store.resident(f.memberIds.at(0)).value().relationToHead, u"Chồng"_qs);
        QCOMPARE(store.resident(f.memberIds.at(1)).value().relationToHead, u"Chủ hộ"_qs);
        // A refused change is explained, not applied.
        QVERIFY(!view.changeHead(f.memberIds.at(0), QString()).ok());
        QVERIFY(!view.findChild<QLabel*>(u"householdError"_qs)->isHidden());
        QCOMPARE(store.resident(f.memberIds.at(1)).value().relationToHead, u"Chủ hộ"_qs);
    }

    void relationSexShownPerMember()
    {
        test::TempWard temp;
        const Family f = addHousehold(temp.ward(), u"HK-9004"_qs,
                                      {{u"Phạm Văn Hùng"_qs, Sex::Male, 1960, u"Chủ hộ"_qs},
                                       {u"Lê Văn Lân"_qs, Sex::Male, 1963, u"Vợ"_qs}});
        HouseholdView view(temp.ward(), f.householdId);
        QVERIFY(view.hasFinding(u"household.relation_sex"));
        const ui::MemberTableModel* members = view.memberModel();
        const int row = members->rowOf(f.memberIds.at(1));
        QVERIFY(!members->index(row, ui::MemberTableModel::NotesColumn).data().toString().isEmpty());
        QVERIFY(members->index(members->rowOf(f.memberIds.at(0)), ui::MemberTableModel::NotesColumn)
                    .data()
                    .toString()
                    .isEmpty());
    }

    void moveMemberToAnotherHousehold()
    {
        test::TempWard temp;
        const Family a = addHousehold(temp.ward(), u"HK-9005"_qs,
                                      {{u"Phạm Văn Hùng"_qs, Sex::Male, 1960, u"Chủ hộ"_qs},
                                       {u"Phạm Văn Nam"_qs, Sex::Male, 1990, u"Con đẻ"_qs}});
        const Family b = addHousehold(temp.ward(), u"HK-9006"_qs,
                                      {{u"Trần Văn Ba"_qs, Sex::Male, 1962, u"Chủ hộ"_qs},
                                       {u"Trần Thị Hoa"_qs, Sex::Female, 1992, u"Con đẻ"_qs}});
        HouseholdView view(temp.ward(), a.householdId);
        QVERIFY(view.moveMember(a.memberIds.at(1), b.householdId, u"Con rể"_qs).ok());
        QCOMPARE(view.memberModel()->rowCount(), 1);
        HouseholdView target(temp.ward(), b.householdId);
        QCOMPARE(target.memberModel()->rowCount(), 3);
        const int row = target.memberModel()->rowOf(a.memberIds.at(1));
        QVERIFY(row >= 0);
        QCOMPARE(target.memberModel()->index(row, ui::MemberTableModel::RelationColumn).data().toString(),
                 u"Con rể"_qs);
    }
};

QTEST_MAIN(TestHouseholdView)
#include "TestHouseholdView.moc"
