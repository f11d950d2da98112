#include "FlagStore.h"
#include "OfficerRoles.h"
#include "TempWard.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

Finding finding(const QString& residentId, Severity severity = Severity::Error, double score = 0)
{
    Finding f;
    f.rule = QStringLiteral("name.format");
    f.severity = severity;
    f.residentId = residentId;
    f.fields = {QStringLiteral("full_name")};
    f.message = QStringLiteral("Something about %1").arg(residentId);
    f.fingerprint = residentId;
    f.score = score;
    return f;
}

QString errorText(const Status& status)
{
    return status.ok() ? QString() : status.error().toString();
}

} // namespace

class TestOfficerRoles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rolesAreKeptPerWardAndOnlyTheChiefChangesThem()
    {
        test::TempWard temp;
        WardDatabase& ward = temp.ward();
        OfficerRoles roles(ward);
        QCOMPARE(roles.role(QStringLiteral("cb.an")).value(), OfficerRole::Officer);
        QCOMPARE(roles.hasChief().value(), false);

        // The first chief is named by whoever sets the ward up.
        ward.setOfficer(QStringLiteral("cb.an"));
        QVERIFY(roles.setRole(QStringLiteral("tr.binh"), OfficerRole::Chief).ok());
        QCOMPARE(roles.role(QStringLiteral("tr.binh")).value(), OfficerRole::Chief);
        QCOMPARE(roles.hasChief().value(), true);

        // From then on only the chief changes roles.
        const Status refused = roles.setRole(QStringLiteral("cb.an"), OfficerRole::Chief);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        QCOMPARE(roles.currentRole().value(), OfficerRole::Officer);

        ward.setOfficer(QStringLiteral("tr.binh"));
        QCOMPARE(roles.currentRole().value(), OfficerRole::Chief);
        QVERIFY(roles.setRole(QStringLiteral("cb.an"), OfficerRole::Chief).ok());
        QVERIFY(roles.setRole(QStringLiteral("cb.an"), OfficerRole::Officer).ok());
        QCOMPARE(roles.role(QStringLiteral("cb.an")).value(), OfficerRole::Officer);

        // Kept in the ward file.
        temp.close();
        OfficerRoles reopened(temp.ward());
        QCOMPARE(reopened.role(QStringLiteral("tr.binh")).value(), OfficerRole::Chief);
        QCOMPARE(reopened.role(QStringLiteral("cb.an")).value(), OfficerRole::Officer);
    }

    void onlyTheChiefDecidesOnEscalatedFlags()
    {
        test::TempWard temp;
        WardDatabase& ward = temp.ward();
        ward.setOfficer(QStringLiteral("admin"));
        QVERIFY(OfficerRoles(ward).setRole(QStringLiteral("tr.binh"), OfficerRole::Chief).ok());
        FlagStore store(ward);
        QVERIFY(store.reconcile({finding(QStringLiteral("r1")), finding(QStringLiteral("r2"))}).ok());
        const QString id1 = store.find(QStringLiteral("name.format"), QStringLiteral("r1")).value()->id;
        const QString id2 = store.find(QStringLiteral("name.format"), QStringLiteral("r2")).value()->id;

        ward.setOfficer(QStringLiteral("cb.an"));
        for (const QString& id : {id1, id2}) {
            QVERIFY(store.startVerification(id).ok());
            QVERIFY(
                store.resolve(id, Resolution::Escalated, QStringLiteral("ID and birth year disagree")).ok());
        }

        // The chief's queue.
        FlagQuery queue;
        queue.states = {FlagState::Resolved};
        queue.resolutions = {Resolution::Escalated};
        QCOMPARE(store.count(queue).value(), 2);

        // An officer can neither approve, dismiss nor reopen an escalated flag.
        for (const Status& refused : {store.resolve(id1, Resolution::Corrected),
                                      store.dismiss(id1, QStringLiteral("no")), store.reopen(id1)}) {
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().kind, Error::Kind::Conflict);
        }
        QCOMPARE(store.flag(id1)->resolution, Resolution::Escalated);
        QCOMPARE(store.history(id1)->size(), 3); // raised, verification, escalation: nothing more

        // The chief approves one and sends the other back; he cannot mark it merged.
        ward.setOfficer(QStringLiteral("tr.binh"));
        QVERIFY(!store.resolve(id1, Resolution::Merged).ok());
        const Status approved
            = store.resolve(id1, Resolution::Corrected, QStringLiteral("Birth certificate seen"));
        QVERIFY2(approved.ok(), qPrintable(errorText(approved)));
        QVERIFY(store.reopen(id2, QStringLiteral("Check the household book first")).ok());
        const Flag flag1 = store.flag(id1).value();
        QCOMPARE(flag1.state, FlagState::Resolved);
        QCOMPARE(flag1.resolution, Resolution::Corrected);
        QCOMPARE(flag1.updatedBy, QStringLiteral("tr.binh"));
        QCOMPARE(store.history(id1)->last().officer, QStringLiteral("tr.binh"));
        QCOMPARE(store.flag(id2)->state, FlagState::Open);
        QCOMPARE(store.count(queue).value(), 0);

        // A corrected flag is no longer the chief's business: officers may reopen it as before.
        ward.setOfficer(QStringLiteral("cb.an"));
        QVERIFY(store.reopen(id1).ok());
    }

    void keysetPagesFollowTheRankOrder()
    {
        test::TempWard temp;
        FlagStore store(temp.ward());
        QList<Finding> findings;
        for (int i = 0; i < 37; ++i)
            findings << finding(QStringLiteral("r%1").arg(i, 2, 10, QLatin1Char('0')),
                                static_cast<Severity>(i % 3), (i * 7) % 5 + 0.1 * (i % 4));
        QVERIFY(store.reconcile(findings).ok());

        FlagQuery all;
        const QList<Flag> ranked = store.list(all).value();
        QCOMPARE(ranked.size(), 37);

        QList<Flag> paged;
        FlagQuery page;
        page.limit = 5;
        for (;;) {
            const QList<Flag> next = store.list(page).value();
            paged << next;
            if (next.size() < page.limit)
                break;
            page.after = FlagStore::positionOf(next.last());
        }
        QCOMPARE(paged.size(), ranked.size());
        for (qsizetype i = 0; i < ranked.size(); ++i)
            QCOMPARE(paged.at(i).id, ranked.at(i).id);
    }
};

QTEST_GUILESS_MAIN(TestOfficerRoles)
#include "TestOfficerRoles.moc"
