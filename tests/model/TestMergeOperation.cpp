#include "Clock.h"
#include "DuplicateDetector.h"
#include "FlagStore.h"
#include "MergeOperation.h"
#include "Migrations.h"
#include "SqlConnection.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

struct Fixture
{
    test::TempWard temp;
    Resident head;
    Resident original;
    Resident copy;
    Household home;
    Household elsewhere;

    Fixture()
    {
        WardStore store(temp.ward());
        home.number = QStringLiteral("HK-1");
        elsewhere.number = QStringLiteral("HK-2");
        if (!store.insertHousehold(home).ok() || !store.insertHousehold(elsewhere).ok())
            qFatal("households");
        head.fullName = QStringLiteral("Ngô Văn Bảy");
        head.householdId = elsewhere.id;
        head.relationToHead = QStringLiteral("Chủ hộ");
        original.sourceRef = QStringLiteral("A");
        original.fullName = QStringLiteral("Ngô Thị Lan");
        original.birthDate = PartialDate::fromParts(1990, 4, 5, QStringLiteral("05/04/1990"));
        original.sex = Sex::Female;
        original.personalId = QStringLiteral("036190001234");
        original.householdId = home.id;
        original.relationToHead = QStringLiteral("Chủ hộ");
        original.phone = QStringLiteral("0912000111");
        copy = original;
        copy.sourceRef = QStringLiteral("B");
        copy.fullName = QStringLiteral("Ngô Thị Nan");
        copy.phone.clear();
        copy.email = QStringLiteral("lan@example.vn");
        copy.householdId = elsewhere.id;
        copy.relationToHead = QStringLiteral("Em gái");
        for (Resident* r : {&head, &original, &copy}) {
            if (!store.insertResident(*r).ok())
                qFatal("insert");
        }
    }
    // The open duplicate flag between `original` and `copy`, as a cleaning run leaves it.
    Finding probableDuplicateFlag()
    {
        Finding finding;
        finding.rule = QStringLiteral("dup.probable");
        finding.residentId = original.id;
        finding.otherResidentId = copy.id;
        finding.score = 20;
        finding.fingerprint = QStringLiteral("x");
        if (!FlagStore(temp.ward()).reconcile({finding}, {{finding.rule}, {}, {}}).ok())
            return {};
        return finding;
    }
    Resident reread(const QString& id)
    {
        WardStore store(temp.ward());
        return store.resident(id).value();
    }
};

} // namespace

class TestMergeOperation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanup() { Clock::setSource({}); }

    void schemaHasMerges()
    {
        test::TempWard temp;
        QVERIFY(Migrations::latestVersion() >= 4);
        QCOMPARE(temp.ward().connection().queryInt(u"SELECT count(*) FROM merges").value(), 0);
    }

    void mergesFieldByFieldAndUndoes()
    {
        Fixture f;
        f.temp.ward().setOfficer(QStringLiteral("officer-3"));
        Clock::setSource([] { return qint64(1'770'000'000'000); });
        const Resident originalBefore = f.reread(f.original.id);
        const Resident copyBefore = f.reread(f.copy.id);
        MergeOperation merge(f.temp.ward());
        MergeOperation::Plan plan;
        plan.survivorId = f.original.id;
        plan.otherIds = {f.copy.id};
        plan.take.insert(QStringLiteral("email"), f.copy.id);
        plan.take.insert(QStringLiteral("household_ref"), f.copy.id);
        plan.take.insert(QStringLiteral("full_name"), f.original.id);
        plan.note = QStringLiteral("Checked against the birth certificate");
        auto preview = merge.preview(plan);
        QVERIFY(preview.ok());
        QCOMPARE(preview->email, QStringLiteral("lan@example.vn"));
        QCOMPARE(f.reread(f.original.id).email, QString()); // nothing written by a preview

        auto id = merge.merge(plan);
        QVERIFY2(id.ok(), qPrintable(id.ok() ? QString() : id.error().toString()));
        const Resident survivor = f.reread(f.original.id);
        QCOMPARE(survivor.id, f.original.id); // keeps its id
        QCOMPARE(survivor.fullName, QStringLiteral("Ngô Thị Lan"));
        QCOMPARE(survivor.email, QStringLiteral("lan@example.vn"));
        QCOMPARE(survivor.phone, QStringLiteral("0912000111")); // not named: the survivor's
        QCOMPARE(survivor.householdId, f.elsewhere.id); // membership moved as chosen
        QCOMPARE(survivor.relationToHead, QStringLiteral("Em gái"));
        QCOMPARE(survivor.updatedBy, QStringLiteral("officer-3"));
        QVERIFY(survivor.isLive());
        const Resident merged = f.reread(f.copy.id);
        QCOMPARE(merged.mergedInto, f.original.id);
        QVERIFY(merged.deletedAt > 0);
        QVERIFY(!merged.isLive());
        WardStore store(f.temp.ward());
        QCOMPARE(store.countResidents().value(), 2);

        auto history = merge.history(f.copy.id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->front().id, id.value());
        QCOMPARE(history->front().survivorId, f.original.id);
        QCOMPARE(history->front().mergedIds, QStringList{f.copy.id});
        QCOMPARE(history->front().mergedBy, QStringLiteral("officer-3"));
        QCOMPARE(history->front().mergedAt, qint64(1'770'000'000'000));
        QCOMPARE(history->front().take.value(QStringLiteral("email")), f.copy.id);
        QCOMPARE(history->front().note, plan.note);

        // A merged record cannot be merged again.
        QVERIFY(!merge.merge(plan).ok());

        Clock::setSource([] { return qint64(1'770'000'100'000); });
        f.temp.ward().setOfficer(QStringLiteral("officer-9"));
        QVERIFY(merge.undo(id.value()).ok());
        const Resident restored = f.reread(f.original.id);
        const Resident revived = f.reread(f.copy.id);
        QVERIFY(revived.isLive());
        QCOMPARE(restored.email, originalBefore.email);
        QCOMPARE(restored.householdId, originalBefore.householdId);
        QCOMPARE(restored.relationToHead, originalBefore.relationToHead);
        QCOMPARE(revived.householdId, copyBefore.householdId);
        QCOMPARE(revived.fullName, copyBefore.fullName);
        QCOMPARE(store.countResidents().value(), 3);
        history = merge.history();
        QCOMPARE(history->front().undoneAt, qint64(1'770'000'100'000));
        QCOMPARE(history->front().undoneBy, QStringLiteral("officer-9"));
        QVERIFY(!merge.undo(id.value()).ok()); // once
    }

    void undoRefusesAfterALaterChange()
    {
        Fixture f;
        MergeOperation merge(f.temp.ward());
        auto id = merge.merge({f.original.id, {f.copy.id}, {}, {}});
        QVERIFY(id.ok());
        Resident survivor = f.reread(f.original.id);
        survivor.phone = QStringLiteral("0988000999");
        WardStore store(f.temp.ward());
        QVERIFY(store.updateResident(survivor).ok());
        const Status undone = merge.undo(id.value());
        QVERIFY(!undone.ok());
        QCOMPARE(undone.error().kind, Error::Kind::Conflict);
        QVERIFY(!f.reread(f.copy.id).isLive()); // nothing changed
    }

    void refusesBadPlans()
    {
        Fixture f;
        MergeOperation merge(f.temp.ward());
        QCOMPARE(merge.merge({f.original.id, {}, {}, {}}).error().kind, Error::Kind::InvalidInput);
        QCOMPARE(merge.merge({f.original.id, {f.original.id}, {}, {}}).error().kind,
                 Error::Kind::InvalidInput);
        QCOMPARE(merge.merge({f.original.id, {f.copy.id}, {{QStringLiteral("shoe_size"), f.copy.id}}, {}})
                     .error()
                     .kind,
                 Error::Kind::InvalidInput);
        QCOMPARE(merge.merge({f.original.id, {f.copy.id}, {{QStringLiteral("email"), f.head.id}}, {}})
                     .error()
                     .kind,
                 Error::Kind::InvalidInput);
        QCOMPARE(merge.merge({f.original.id, {QStringLiteral("no-such-id")}, {}, {}}).error().kind,
                 Error::Kind::NotFound);
        QCOMPARE(f.temp.ward().connection().queryInt(u"SELECT count(*) FROM merges").value(), 0);
    }

    void resolvesTheDuplicateFlag()
    {
        Fixture f;
        FlagStore flags(f.temp.ward());
        const Finding finding = f.probableDuplicateFlag();
        QVERIFY(!finding.rule.isEmpty());
        MergeOperation merge(f.temp.ward());
        QVERIFY(merge.merge({f.copy.id, {f.original.id}, {}, {}}).ok());
        auto flag = flags.find(QStringLiteral("dup.probable"), finding.subject());
        QVERIFY(flag.ok() && flag.value());
        QCOMPARE(int((*flag)->state), int(FlagState::Resolved));
        QCOMPARE(int((*flag)->resolution), int(Resolution::Merged));
        auto mergeId = merge.history(f.copy.id);
        QVERIFY(mergeId.ok() && mergeId->size() == 1);
        QVERIFY(merge.undo(mergeId->first().id).ok());
        flag = flags.find(QStringLiteral("dup.probable"), finding.subject());
        QVERIFY(flag.ok() && flag.value());
        QCOMPARE(int((*flag)->state), int(FlagState::Open)); // the two records are apart again
    }

    void mergeAndItsFlagsCommitTogether()
    {
        Fixture f;
        FlagStore flags(f.temp.ward());
        const Finding finding = f.probableDuplicateFlag();
        QVERIFY(!finding.rule.isEmpty());
        // A storage failure while settling the flag must take the merge back with it.
        QVERIFY(f.temp.ward()
                    .connection()
                    .exec(u"CREATE TEMP TRIGGER fail_flags BEFORE UPDATE ON flags BEGIN "
                          u"SELECT RAISE(ABORT, 'disk full'); END")
                    .ok());
        MergeOperation merge(f.temp.ward());
        QVERIFY(!merge.merge({f.copy.id, {f.original.id}, {}, {}}).ok());
        QVERIFY(f.reread(f.original.id).isLive());
        QVERIFY(f.reread(f.copy.id).isLive());
        auto history = merge.history();
        QVERIFY(history.ok());
        QVERIFY(history->isEmpty());
        auto flag = flags.find(QStringLiteral("dup.probable"), finding.subject());
        QVERIFY(flag.ok() && flag.value());
        QCOMPARE(int((*flag)->state), int(FlagState::Open));
    }
};

QTEST_GUILESS_MAIN(TestMergeOperation)
#include "TestMergeOperation.moc"
