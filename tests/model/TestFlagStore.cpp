#include "Clock.h"
#include "FlagStore.h"
#include "SqlConnection.h"
#include "TempWard.h"
#include "Uuid7.h"
#include "WardStore.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

Finding finding(const QString& rule, const QString& residentId, const QString& fingerprint,
                Severity severity = Severity::Error, double score = 0)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.residentId = residentId;
    f.fields = {QStringLiteral("full_name")};
    f.message = QStringLiteral("Something about %1").arg(residentId);
    f.fingerprint = fingerprint;
    f.score = score;
    return f;
}

// A fixed clock that tests move forward.
struct FixedClock
{
    qint64 now = 1780000000000;
    FixedClock()
    {
        Clock::setSource([this] { return now; });
    }
    ~FixedClock() { Clock::setSource({}); }
};

FlagState stateOf(FlagStore& store, const QString& rule, const QString& subject)
{
    auto found = store.find(rule, subject);
    if (!found.ok() || !found.value())
        return FlagState::Closed; // callers compare with an expected state: a missing flag fails
    return found.value()->state;
}

} // namespace

class TestFlagStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reconcileRaisesFlagsWithOfficerAndTime()
    {
        FixedClock clock;
        test::TempWard temp;
        temp.ward().setOfficer(QStringLiteral("cb.an"));
        FlagStore store(temp.ward());
        auto summary = store.reconcile(
            {finding(QStringLiteral("name.format"), QStringLiteral("r1"), QStringLiteral("a"))});
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().toString()));
        QCOMPARE(summary->created, 1);

        auto flag = store.find(QStringLiteral("name.format"), QStringLiteral("r1"));
        QVERIFY(flag.ok() && flag.value());
        const Flag& f = *flag.value();
        QCOMPARE(f.state, FlagState::Open);
        QCOMPARE(f.createdBy, QStringLiteral("cb.an"));
        QCOMPARE(f.createdAt, clock.now);
        QCOMPARE(f.finding.message, QStringLiteral("Something about r1"));
        QCOMPARE(f.finding.fields, QStringList{QStringLiteral("full_name")});
        QCOMPARE(f.residentRef, QStringLiteral("r1")); // no such record: the id stands in
        QVERIFY(Uuid7::isValid(f.id));

        auto history = store.history(f.id);
        QVERIFY(history.ok());
        QCOMPARE(history->size(), 1);
        QVERIFY(!history->first().from);
        QCOMPARE(history->first().to, FlagState::Open);
        QCOMPARE(history->first().officer, QStringLiteral("cb.an"));
    }

    void lifecycleRecordsEveryStep()
    {
        FixedClock clock;
        test::TempWard temp;
        temp.ward().setOfficer(QStringLiteral("cb.an"));
        FlagStore store(temp.ward());
        QVERIFY(
            store.reconcile({finding(QStringLiteral("id.format"), QStringLiteral("r1"), QStringLiteral("a"))})
                .ok());
        const QString id = store.find(QStringLiteral("id.format"), QStringLiteral("r1")).value()->id;

        clock.now += 1000;
        temp.ward().setOfficer(QStringLiteral("cb.binh"));
        QVERIFY(store.startVerification(id, QStringLiteral("Asked for the birth certificate")).ok());
        clock.now += 1000;
        temp.ward().setOfficer(QStringLiteral("truong.cong.an"));
        QVERIFY(store.resolve(id, Resolution::Corrected, QStringLiteral("Fixed from the certificate")).ok());

        const Flag f = store.flag(id).value();
        QCOMPARE(f.state, FlagState::Resolved);
        QCOMPARE(f.resolution, Resolution::Corrected);
        QCOMPARE(f.reason, QStringLiteral("Fixed from the certificate"));
        QCOMPARE(f.updatedBy, QStringLiteral("truong.cong.an"));
        QCOMPARE(f.updatedAt, clock.now);

        const QList<FlagEvent> events = store.history(id).value();
        QCOMPARE(events.size(), 3);
        QCOMPARE(events[1].from, std::optional<FlagState>(FlagState::Open));
        QCOMPARE(events[1].to, FlagState::InVerification);
        QCOMPARE(events[1].officer, QStringLiteral("cb.binh"));
        QCOMPARE(events[1].note, QStringLiteral("Asked for the birth certificate"));
        QCOMPARE(events[2].to, FlagState::Resolved);
        QCOMPARE(events[2].resolution, Resolution::Corrected);
        QCOMPARE(events[2].officer, QStringLiteral("truong.cong.an"));
        QCOMPARE(events[2].at, clock.now);

        // Reopened by hand, then dismissed with a reason.
        QVERIFY(store.reopen(id, QStringLiteral("The certificate was wrong")).ok());
        QVERIFY(store.dismiss(id, QStringLiteral("Confirmed by the family")).ok());
        QCOMPARE(store.flag(id)->state, FlagState::Dismissed);
        QCOMPARE(store.flag(id)->reason, QStringLiteral("Confirmed by the family"));
        QCOMPARE(store.history(id)->size(), 5);
    }

    void invalidTransitionsAreRefused()
    {
        test::TempWard temp;
        FlagStore store(temp.ward());
        QVERIFY(
            store.reconcile({finding(QStringLiteral("id.format"), QStringLiteral("r1"), QStringLiteral("a"))})
                .ok());
        const QString id = store.find(QStringLiteral("id.format"), QStringLiteral("r1")).value()->id;

        // Not verified yet: cannot be resolved.
        Status status = store.resolve(id, Resolution::Corrected);
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, Error::Kind::Conflict);
        QVERIFY2(status.error().message.contains(QStringLiteral("open")), qPrintable(status.error().message));
        QVERIFY(status.error().message.contains(QStringLiteral("resolved")));

        // A dismissal needs a reason; a resolution needs its kind.
        status = store.dismiss(id, QStringLiteral("   "));
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, Error::Kind::InvalidInput);
        QVERIFY(store.startVerification(id).ok());
        QVERIFY(!store.resolve(id, Resolution::None).ok());
        QVERIFY(!store.startVerification(id).ok()); // already
        QVERIFY(!store.transition(id, FlagState::Closed, Resolution::None, {}).ok()); // runs only
        QVERIFY(!store.startVerification(QStringLiteral("no-such-flag")).ok());

        // Nothing of the refused moves was written.
        QCOMPARE(store.flag(id)->state, FlagState::InVerification);
        QCOMPARE(store.history(id)->size(), 2);

        QVERIFY(!FlagStore::canTransition(FlagState::Closed, FlagState::Open));
        QVERIFY(!FlagStore::canTransition(FlagState::Dismissed, FlagState::Resolved));
        QVERIFY(FlagStore::canTransition(FlagState::Open, FlagState::Dismissed));
    }

    void reconcileKeepsReviewsAndFollowsChanges()
    {
        FixedClock clock;
        test::TempWard temp;
        temp.ward().setOfficer(QStringLiteral("cb.an"));
        FlagStore store(temp.ward());
        const QString rule = QStringLiteral("name.format");
        QList<Finding> run{finding(rule, QStringLiteral("dismissed"), QStringLiteral("d1")),
                           finding(rule, QStringLiteral("escalated"), QStringLiteral("e1")),
                           finding(rule, QStringLiteral("corrected"), QStringLiteral("c1")),
                           finding(rule, QStringLiteral("open"), QStringLiteral("o1")),
                           finding(rule, QStringLiteral("verifying"), QStringLiteral("v1")),
                           finding(rule, QStringLiteral("gone"), QStringLiteral("g1"))};
        QCOMPARE(store.reconcile(run)->created, 6);
        auto idOf = [&](const char* subject) {
            return store.find(rule, QLatin1String(subject)).value()->id;
        };
        QVERIFY(store
                    .dismiss(idOf("dismissed"),
                             QStringLiteral("The name is right: checked the birth certificate"))
                    .ok());
        QVERIFY(store.startVerification(idOf("escalated")).ok());
        const Status escalated = store.resolve(idOf("escalated"), Resolution::Escalated);
        QVERIFY2(escalated.ok(), qPrintable(escalated.ok() ? QString() : escalated.error().toString()));
        QVERIFY(store.startVerification(idOf("corrected")).ok());
        QVERIFY(store.resolve(idOf("corrected"), Resolution::Corrected).ok());
        QVERIFY(store.startVerification(idOf("verifying")).ok());

        // The same findings again, but "gone" is gone: reviews stay, the corrected one was not.
        clock.now += 60000;
        run.removeLast();
        ReconcileSummary second = store.reconcile(run).value();
        QCOMPARE(second.created, 0);
        QCOMPARE(second.closed, 1);
        QCOMPARE(second.reopened, 1); // "corrected", cause still there
        QCOMPARE(stateOf(store, rule, QStringLiteral("dismissed")), FlagState::Dismissed);
        QCOMPARE(stateOf(store, rule, QStringLiteral("escalated")), FlagState::Resolved);
        QCOMPARE(stateOf(store, rule, QStringLiteral("corrected")), FlagState::Open);
        QCOMPARE(stateOf(store, rule, QStringLiteral("open")), FlagState::Open);
        QCOMPARE(stateOf(store, rule, QStringLiteral("verifying")), FlagState::InVerification);
        QCOMPARE(stateOf(store, rule, QStringLiteral("gone")), FlagState::Closed);
        const QList<FlagEvent> goneEvents = store.history(idOf("gone")).value();
        QCOMPARE(goneEvents.last().to, FlagState::Closed);
        QCOMPARE(goneEvents.last().from, std::optional<FlagState>(FlagState::Open));
        QCOMPARE(goneEvents.last().officer, QStringLiteral("cb.an"));
        QCOMPARE(goneEvents.last().at, clock.now);

        // The dismissed and escalated records change; "gone" comes back.
        run[0].fingerprint = QStringLiteral("d2");
        run[1].fingerprint = QStringLiteral("e2");
        run << finding(rule, QStringLiteral("gone"), QStringLiteral("g1"));
        ReconcileSummary third = store.reconcile(run).value();
        QCOMPARE(third.reopened, 3);
        QCOMPARE(stateOf(store, rule, QStringLiteral("dismissed")), FlagState::Open);
        QCOMPARE(stateOf(store, rule, QStringLiteral("escalated")), FlagState::Open);
        QCOMPARE(stateOf(store, rule, QStringLiteral("gone")), FlagState::Open);
        const Flag reopened = store.find(rule, QStringLiteral("dismissed")).value().value();
        QCOMPARE(reopened.finding.fingerprint, QStringLiteral("d2"));
        QVERIFY(reopened.reason.isEmpty());
        const QList<FlagEvent> events = store.history(reopened.id).value();
        QCOMPARE(events.last().from, std::optional<FlagState>(FlagState::Dismissed));
        QCOMPARE(events.last().to, FlagState::Open);
        QVERIFY(events.last().note.contains(QStringLiteral("changed")));

        // Unchanged findings: nothing moves.
        ReconcileSummary fourth = store.reconcile(run).value();
        QCOMPARE(fourth.created + fourth.reopened + fourth.closed + fourth.updated, 0);
        QCOMPARE(fourth.unchanged, run.size());
    }

    void reconcileRespectsItsScope()
    {
        test::TempWard temp;
        FlagStore store(temp.ward());
        QVERIFY(store
                    .reconcile(
                        {finding(QStringLiteral("name.format"), QStringLiteral("r1"), QStringLiteral("a")),
                         finding(QStringLiteral("name.format"), QStringLiteral("r2"), QStringLiteral("b")),
                         finding(QStringLiteral("dup.probable"), QStringLiteral("r1"), QStringLiteral("c"))})
                    .ok());
        // One record checked again, by the record rules only: r2's flag and the duplicate stay.
        ReconcileOptions options;
        options.residentIds = {QStringLiteral("r1")};
        options.rules = {QStringLiteral("name.format"), QStringLiteral("id.format")};
        ReconcileSummary s = store.reconcile({}, options).value();
        QCOMPARE(s.closed, 1);
        QCOMPARE(stateOf(store, QStringLiteral("name.format"), QStringLiteral("r1")), FlagState::Closed);
        QCOMPARE(stateOf(store, QStringLiteral("name.format"), QStringLiteral("r2")), FlagState::Open);
        QCOMPARE(stateOf(store, QStringLiteral("dup.probable"), QStringLiteral("r1")), FlagState::Open);
    }

    void reconcileCancelledWritesNothing()
    {
        test::TempWard temp;
        FlagStore store(temp.ward());
        QList<Finding> many;
        for (int i = 0; i < 3000; ++i)
            many << finding(QStringLiteral("id.missing"), QStringLiteral("r%1").arg(i), QStringLiteral("x"));
        ReconcileOptions options;
        options.progress = [](qint64 done, qint64) {
            return done < 2000;
        };
        auto result = store.reconcile(many, options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Cancelled);
        QCOMPARE(store.count(FlagQuery{.states = {}}).value(), 0);
        QCOMPARE(temp.ward().connection().queryInt(u"SELECT count(*) FROM flag_events").value(), 0);
    }

    void listsAreRankedPagedAndFiltered()
    {
        test::TempWard temp;
        WardStore records(temp.ward());
        Household h;
        h.number = QStringLiteral("HK-7");
        h.village = QStringLiteral("Thôn Đông");
        QVERIFY(records.insertHousehold(h).ok());
        Resident a;
        a.sourceRef = QStringLiteral("A-1");
        a.village = QStringLiteral("Thôn Đoài");
        QVERIFY(records.insertResident(a).ok());
        Resident b;
        b.fullName = QStringLiteral("Lê Thị Bình"); // a record with nothing searchable cannot be stored
        b.village = QStringLiteral("Thôn Đông");
        const Status inserted = records.insertResident(b);
        QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.error().toString()));

        Finding householdFinding;
        householdFinding.rule = QStringLiteral("household.no_head");
        householdFinding.severity = Severity::Error;
        householdFinding.householdId = h.id;
        householdFinding.fingerprint = QStringLiteral("h");
        Finding pair
            = finding(QStringLiteral("dup.probable"), a.id, QStringLiteral("p"), Severity::Warning, 12.5);
        pair.otherResidentId = b.id;
        Finding weakPair
            = finding(QStringLiteral("dup.possible"), b.id, QStringLiteral("q"), Severity::Warning, 4);
        weakPair.otherResidentId = a.id;
        FlagStore store(temp.ward());
        QVERIFY(store
                    .reconcile(
                        {finding(QStringLiteral("name.format"), a.id, QStringLiteral("n"), Severity::Warning),
                         finding(QStringLiteral("id.missing"), b.id, QStringLiteral("m"), Severity::Info),
                         weakPair, householdFinding, pair,
                         finding(QStringLiteral("id.format"), b.id, QStringLiteral("f"))})
                    .ok());

        const QList<Flag> ranked = store.list({}).value();
        QStringList order;
        for (const Flag& f : ranked)
            order << f.finding.rule;
        // Errors (by id among equals), then warnings by score, then info.
        QCOMPARE(order.mid(2),
                 (QStringList{QStringLiteral("dup.probable"), QStringLiteral("dup.possible"),
                              QStringLiteral("name.format"), QStringLiteral("id.missing")}));
        QVERIFY(order.mid(0, 2).contains(QStringLiteral("household.no_head")));
        QVERIFY(order.mid(0, 2).contains(QStringLiteral("id.format")));

        // People's names for the subjects.
        const Flag dup = store.find(QStringLiteral("dup.probable"), pair.subject()).value().value();
        QCOMPARE(dup.residentRef, QStringLiteral("A-1"));
        QCOMPARE(dup.otherResidentRef, b.id);
        QCOMPARE(dup.village, QStringLiteral("Thôn Đoài"));
        const Flag noHead = store.find(QStringLiteral("household.no_head"), h.id).value().value();
        QCOMPARE(noHead.householdRef, QStringLiteral("HK-7"));
        QCOMPARE(noHead.village, QStringLiteral("Thôn Đông"));

        // Pages.
        FlagQuery page;
        page.limit = 2;
        page.offset = 2;
        QCOMPARE(store.list(page)->first().finding.rule, QStringLiteral("dup.probable"));
        QCOMPARE(store.list(page)->size(), 2);

        // Filters.
        QCOMPARE(store.count(FlagQuery{.rules = {QStringLiteral("dup.*")}}).value(), 2);
        QCOMPARE(store.count(FlagQuery{.severities = {Severity::Error}}).value(), 2);
        QCOMPARE(store.count(FlagQuery{.residentId = b.id}).value(), 4);
        QCOMPARE(store.count(FlagQuery{.village = QStringLiteral("Thôn Đông")}).value(), 4);
        const QString nameFlag = store.find(QStringLiteral("name.format"), a.id).value()->id;
        QVERIFY(store.dismiss(nameFlag, QStringLiteral("Official spelling")).ok());
        QCOMPARE(store.count({}).value(), 5);
        QCOMPARE(store.count(FlagQuery{.states = {FlagState::Dismissed}}).value(), 1);

        // Counts.
        const FlagCounts counts = store.counts(FlagQuery{.states = {}}).value();
        QCOMPARE(counts.total, 6);
        QCOMPARE(counts.byRule.value(QStringLiteral("dup.possible")), 1);
        QCOMPARE(counts.bySeverity.value(QStringLiteral("warning")), 3);
        QCOMPARE(counts.byState.value(QStringLiteral("dismissed")), 1);
        QCOMPARE(counts.byState.value(QStringLiteral("open")), 5);
        QCOMPARE(counts.byVillage.value(QStringLiteral("Thôn Đông")), 4);
        QCOMPARE(counts.byVillage.value(QStringLiteral("Thôn Đoài")), 2);
    }
};

QTEST_GUILESS_MAIN(TestFlagStore)
#include "TestFlagStore.moc"
