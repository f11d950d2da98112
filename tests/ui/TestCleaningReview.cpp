#include "CleaningQueuePage.h"
#include "CleaningRun.h"
#include "CleaningRunner.h"
#include "DuplicateComparisonTable.h"
#include "DuplicateReviewPage.h"
#include "FlagStore.h"
#include "FlagTableModel.h"
#include "MainWindow.h"
#include "OfficerRoles.h"
#include "ReasonDialog.h"
#include "ReviewSample.h"
#include "SampleWard.h"
#include "SqlConnection.h"
#include "TempWard.h"
#include "WardStore.h"

#include <functional>
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTimer>

using namespace wardroll;
using namespace wardroll::model;
using namespace wardroll::ui;

namespace {

// Answers the next ReasonDialog once it is shown (exec() blocks the test's own code).
void answerReasonDialog(const QString& reason, bool* sawOkDisabled = nullptr)
{
    auto attempt = std::make_shared<std::function<void()>>();
    *attempt = [reason, sawOkDisabled, attempt] {
        auto* dialog = qobject_cast<ReasonDialog*>(QApplication::activeModalWidget());
        if (!dialog) {
            QTimer::singleShot(10, *attempt);
            return;
        }
        auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("reasonOk"));
        if (sawOkDisabled)
            *sawOkDisabled = ok && !ok->isEnabled();
        if (reason.isEmpty()) {
            dialog->reject();
            return;
        }
        auto* text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("reasonText"));
        text->setFocus();
        // QTest::keyClicks() types ASCII only: the Vietnamese text arrives as an input method would.
        QTest::keyClicks(text, QStringLiteral("Ok "));
        text->insertPlainText(reason);
        QTest::mouseClick(ok, Qt::LeftButton);
    };
    QTimer::singleShot(0, *attempt);
}

QPushButton* button(QWidget* page, const char* name)
{
    auto* b = page->findChild<QPushButton*>(QLatin1String(name));
    if (!b)
        qFatal("no button %s", name);
    return b;
}

// A second connection to the file: what is stored, not what the window holds.
std::unique_ptr<WardDatabase> reopen(const QString& path)
{
    WardDatabase::Options options;
    options.create = false;
    return std::move(WardDatabase::open(path, options).value());
}

struct FlagSnapshot
{
    QStringList rows; // id state resolution reason, by id
    qint64 events = 0;
    QString lastRun;
    bool operator==(const FlagSnapshot&) const = default;
};

FlagSnapshot snapshot(WardDatabase& ward)
{
    FlagSnapshot s;
    FlagQuery all;
    all.states.clear();
    // Held in a variable: a range-for over list(all).value() would iterate a dangling reference
    // (the Result temporary dies before the loop body runs), which read freed ids here.
    const QList<Flag> flags = FlagStore(ward).list(all).value();
    for (const Flag& f : flags)
        s.rows << f.id + QLatin1Char(' ') + flagStateCode(f.state) + QLatin1Char(' ')
                + resolutionCode(f.resolution) + QLatin1Char(' ') + f.reason;
    s.rows.sort();
    s.events = ward.connection().queryInt(u"SELECT count(*) FROM flag_events").value();
    s.lastRun = ward.meta(QStringLiteral("cleaning_last_run_at")).value();
    return s;
}

} // namespace

class TestCleaningReview : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void flagListIsRankedAndPaged()
    {
        test::TempWard temp;
        const test::ReviewSample sample = test::fillReviewSample(temp.ward());
        FlagTableModel model(temp.ward());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(2);
        FlagQuery query;
        model.setQuery(query);
        QCOMPARE(model.rowCount(), 2);
        while (model.canFetchMore({}))
            model.fetchMore({});
        const QList<Flag> ranked = FlagStore(temp.ward()).list(query).value();
        QCOMPARE(model.rowCount(), ranked.size());
        QCOMPARE(model.rowCount(), sample.flags);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.data(model.index(row, 0), FlagTableModel::IdRole).toString(), ranked.at(row).id);
        // Errors first.
        QCOMPARE(model.flagAt(0).id, sample.birthYearFlagId);
    }

    void anyQueryIsPagedInRankAndReReadInTheBackground()
    {
        test::TempWard temp;
        const test::ReviewSample sample = test::fillReviewSample(temp.ward());
        QVERIFY(FlagStore(temp.ward()).dismiss(sample.twinFlagId, QStringLiteral("twins")).ok());
        FlagQuery pairs; // one rule prefix, read through the rule's index
        pairs.rules = {QStringLiteral("dup.*")};
        pairs.states.clear();
        FlagQuery everything;
        everything.states.clear();
        for (const FlagQuery& query : {pairs, everything}) {
            FlagTableModel model(temp.ward());
            QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
            model.setPageSize(1);
            model.setQuery(query);
            QCOMPARE(model.rowCount(), 1);
            while (model.canFetchMore({}))
                model.fetchMore({});
            const QList<Flag> ranked = FlagStore(temp.ward()).list(query).value();
            QCOMPARE(model.rowCount(), ranked.size());
            for (int row = 0; row < model.rowCount(); ++row)
                QCOMPARE(model.flagAt(row).id, ranked.at(row).id);
        }
        QCOMPARE(FlagStore(temp.ward()).list(pairs).value().size(), 2);

        // Another connection changes the flags (as a cleaning run does): the background re-read
        // shows them, counted, and stays on its first page.
        FlagTableModel model(temp.ward());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPageSize(1);
        FlagQuery active = pairs;
        active.states = FlagQuery().states;
        model.setQuery(active);
        QCOMPARE(model.flagAt(0).id, sample.duplicateFlagId);
        QCOMPARE(model.countedFlags(), -1);
        {
            auto other = WardDatabase::open(temp.path(), {}).value();
            QVERIFY(FlagStore(*other).dismiss(sample.duplicateFlagId, QStringLiteral("checked")).ok());
            QVERIFY(FlagStore(*other).reopen(sample.twinFlagId).ok());
        }
        QSignalSpy refreshed(&model, &FlagTableModel::refreshed);
        model.refreshInBackground();
        QVERIFY(model.isRefreshing());
        QCOMPARE(model.flagAt(0).id, sample.duplicateFlagId); // until the new page is read
        QVERIFY(refreshed.wait(30000));
        QVERIFY(!model.isRefreshing());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.flagAt(0).id, sample.twinFlagId);
        QVERIFY(!model.canFetchMore({}));
        QCOMPARE(model.countedFlags(), qint64(1));

        // A query set meanwhile wins over a background read started before it.
        model.refreshInBackground();
        model.setQuery(everything);
        QCOMPARE(model.countedFlags(), -1);
        const QString top = model.flagAt(0).id;
        QTRY_VERIFY(!model.isRefreshing());
        QCoreApplication::processEvents();
        QCOMPARE(model.flagAt(0).id, top);
        QCOMPARE(model.query().rules, everything.rules);
        QCOMPARE(refreshed.size(), 1);
    }

    void fixAFlag()
    {
        test::TempWard temp;
        temp.ward().setOfficer(QStringLiteral("cb.an"));
        const test::ReviewSample sample = test::fillReviewSample(temp.ward());
        CleaningQueuePage page;
        page.setWard(&temp.ward());
        page.resize(1300, 700);
        page.show();
        QVERIFY(page.selectFlag(sample.birthYearFlagId));
        QVERIFY(page.findChild<QLabel*>(QStringLiteral("flagExplanation"))
                    ->text()
                    .contains(QStringLiteral("1990")));

        QVERIFY(!button(&page, "correctedButton")->isEnabled()); // verify first
        QTest::mouseClick(button(&page, "verifyButton"), Qt::LeftButton);
        QCOMPARE(FlagStore(temp.ward()).flag(sample.birthYearFlagId)->state, FlagState::InVerification);
        QVERIFY(button(&page, "correctedButton")->isEnabled());
        QTest::mouseClick(button(&page, "correctedButton"), Qt::LeftButton);

        auto stored = reopen(temp.path());
        const Flag flag = FlagStore(*stored).flag(sample.birthYearFlagId).value();
        QCOMPARE(flag.state, FlagState::Resolved);
        QCOMPARE(flag.resolution, Resolution::Corrected);
        QCOMPARE(flag.updatedBy, QStringLiteral("cb.an"));
        // Who did what, shown: raised, verification, correction.
        QTableWidget* history = page.historyTable();
        QCOMPARE(history->rowCount(), 3);
        QCOMPARE(history->item(2, 1)->text(), QStringLiteral("cb.an"));
        QVERIFY(!history->item(2, 0)->text().isEmpty());
        QCOMPARE(page.currentFlagId(), sample.birthYearFlagId); // stays in place
    }

    void dismissNeedsAReason()
    {
        test::TempWard temp;
        const test::ReviewSample sample = test::fillReviewSample(temp.ward());
        CleaningQueuePage page;
        page.setWard(&temp.ward());
        page.show();
        QVERIFY(page.selectFlag(sample.birthYearFlagId));

        // Cancelled: nothing changes. The OK button waits for a reason.
        bool okDisabled = false;
        answerReasonDialog({}, &okDisabled);
        QTest::mouseClick(button(&page, "dismissButton"), Qt::LeftButton);
        QVERIFY(okDisabled);
        QCOMPARE(FlagStore(temp.ward()).flag(sample.birthYearFlagId)->state, FlagState::Open);

        const QString reason = QStringLiteral("Giấy khai sinh ghi năm 1990: bản ghi đúng");
        answerReasonDialog(reason);
        QTest::mouseClick(button(&page, "dismissButton"), Qt::LeftButton);
        auto stored = reopen(temp.path());
        const Flag flag = FlagStore(*stored).flag(sample.birthYearFlagId).value();
        QCOMPARE(flag.state, FlagState::Dismissed);
        QCOMPARE(flag.reason, QStringLiteral("Ok ") + reason);
        QCOMPARE(FlagStore(*stored).history(flag.id)->last().note, QStringLiteral("Ok ") + reason);
    }

    void escalatedFlagsWaitForTheChief()
    {
        test::TempWard temp;
        WardDatabase& ward = temp.ward();
        const test::ReviewSample sample = test::fillReviewSample(ward);
        ward.setOfficer(QStringLiteral("admin"));
        QVERIFY(OfficerRoles(ward).setRole(QStringLiteral("tr.binh"), OfficerRole::Chief).ok());
        ward.setOfficer(QStringLiteral("cb.an"));
        CleaningQueuePage page;
        page.setWard(&ward);
        page.show();
        QVERIFY(page.selectFlag(sample.birthYearFlagId));
        QTest::mouseClick(button(&page, "verifyButton"), Qt::LeftButton);
        QTest::mouseClick(button(&page, "escalateButton"), Qt::LeftButton);
        QCOMPARE(FlagStore(ward).flag(sample.birthYearFlagId)->resolution, Resolution::Escalated);

        // The chief's queue lists it; an officer cannot decide on it, not even by calling the slot.
        page.setStateFilter(CleaningQueuePage::StateFilter::AwaitingChief);
        QCOMPARE(page.flagModel()->rowCount(), 1);
        QCOMPARE(page.currentFlagId(), sample.birthYearFlagId);
        QVERIFY(!button(&page, "correctedButton")->isEnabled());
        QVERIFY(!button(&page, "dismissButton")->isEnabled());
        page.markCorrected();
        QTRY_VERIFY(page.findChild<QMessageBox*>(QStringLiteral("cleaningError")));
        page.findChild<QMessageBox*>(QStringLiteral("cleaningError"))->close();
        QCOMPARE(FlagStore(ward).flag(sample.birthYearFlagId)->resolution, Resolution::Escalated);

        // The chief approves.
        ward.setOfficer(QStringLiteral("tr.binh"));
        page.refresh();
        QCOMPARE(page.currentFlagId(), sample.birthYearFlagId);
        QVERIFY(button(&page, "correctedButton")->isEnabled());
        QTest::mouseClick(button(&page, "correctedButton"), Qt::LeftButton);
        const Flag flag = FlagStore(*reopen(temp.path())).flag(sample.birthYearFlagId).value();
        QCOMPARE(flag.state, FlagState::Resolved);
        QCOMPARE(flag.resolution, Resolution::Corrected);
        QCOMPARE(flag.updatedBy, QStringLiteral("tr.binh"));
        page.refresh();
        QCOMPARE(page.flagModel()->rowCount(), 0);
    }

    void mergeTakingAFieldThenUndo()
    {
        test::TempWard temp;
        WardDatabase& ward = temp.ward();
        const test::ReviewSample sample = test::fillReviewSample(ward);
        DuplicateReviewPage page;
        page.setWard(&ward);
        page.resize(1300, 700);
        page.show();
        QVERIFY(page.selectPair(sample.duplicateFlagId));
        QCOMPARE(page.pairModel()->flagAt(0).id, sample.duplicateFlagId); // highest score first

        DuplicateComparisonTable* table = page.comparison();
        QCOMPARE(table->record(DuplicateComparisonTable::First).id, sample.firstId);
        QCOMPARE(table->differingFields(), QStringList{QStringLiteral("phone")});
        QVERIFY(table->item(table->rowOf(QStringLiteral("phone")), DuplicateComparisonTable::FirstColumn)
                    ->font()
                    .bold());
        QVERIFY(page.whyLabel()->text().contains(QStringLiteral("<table")));
        // The first record survives and takes the phone number of the second.
        auto* keepPhone = table->findChild<QComboBox*>(QStringLiteral("keep_phone"));
        QVERIFY(keepPhone && keepPhone->isEnabled());
        QVERIFY(!table->findChild<QComboBox*>(QStringLiteral("keep_full_name"))->isEnabled());
        keepPhone->setCurrentIndex(DuplicateComparisonTable::Second);
        QTest::mouseClick(button(&page, "mergeButton"), Qt::LeftButton);
        QVERIFY(!page.lastMergeId().isEmpty());

        {
            auto stored = reopen(temp.path());
            WardStore store(*stored);
            const Resident survivor = store.resident(sample.firstId).value();
            const Resident merged = store.resident(sample.secondId).value();
            QVERIFY(survivor.isLive());
            QCOMPARE(survivor.phone, QStringLiteral("0912345678"));
            QCOMPARE(merged.mergedInto, sample.firstId);
            const Flag flag = FlagStore(*stored).flag(sample.duplicateFlagId).value();
            QCOMPARE(flag.resolution, Resolution::Merged);
        }
        QCOMPARE(page.pairModel()->rowOf(sample.duplicateFlagId), -1); // reviewed: off the list

        QVERIFY(button(&page, "undoMergeButton")->isEnabled());
        QTest::mouseClick(button(&page, "undoMergeButton"), Qt::LeftButton);
        QVERIFY(page.lastMergeId().isEmpty());
        auto stored = reopen(temp.path());
        WardStore store(*stored);
        const Resident first = store.resident(sample.firstId).value();
        const Resident second = store.resident(sample.secondId).value();
        QVERIFY(first.isLive());
        QVERIFY(second.isLive());
        QVERIFY(first.phone.isEmpty());
        QCOMPARE(second.phone, QStringLiteral("0912345678"));
    }

    void notTheSamePersonDismissesThePair()
    {
        test::TempWard temp;
        const test::ReviewSample sample = test::fillReviewSample(temp.ward());
        DuplicateReviewPage page;
        page.setWard(&temp.ward());
        page.show();
        QVERIFY(page.selectPair(sample.twinFlagId));
        const QString reason = QStringLiteral("Anh em sinh đôi: hai giấy khai sinh");
        answerReasonDialog(reason);
        QTest::mouseClick(button(&page, "notSameButton"), Qt::LeftButton);
        const Flag flag = FlagStore(*reopen(temp.path())).flag(sample.twinFlagId).value();
        QCOMPARE(flag.state, FlagState::Dismissed);
        QCOMPARE(flag.reason, QStringLiteral("Ok ") + reason);
        QCOMPARE(page.pairModel()->rowOf(sample.twinFlagId), -1);
    }

    void cancelledCleaningLeavesFlagsAsTheyWere()
    {
        test::TempWard temp;
        WardDatabase& ward = temp.ward();
        (void)test::fillSampleWard(ward, 300, 3);
        CleaningRun::Options options;
        options.threads = 1;
        QVERIFY(CleaningRun(ward).run(options).ok());
        FlagQuery active;
        const QList<Flag> flags = FlagStore(ward).list(active).value();
        QVERIFY(!flags.isEmpty());
        QVERIFY(FlagStore(ward).dismiss(flags.first().id, QStringLiteral("checked")).ok());
        const FlagSnapshot before = snapshot(ward);

        CleaningQueuePage page;
        page.setWard(&ward);
        page.show();
        QSignalSpy finished(&page, &CleaningQueuePage::cleaningFinished);
        page.runCleaning();
        QVERIFY(page.runner()->isRunning());
        QVERIFY(!button(&page, "runCleaningButton")->isEnabled());
        QProgressDialog* progress = page.progressDialog();
        QVERIFY(progress && progress->isVisible());
        QTest::mouseClick(progress->findChild<QPushButton*>(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        QVERIFY(page.runner()->lastOutcome().cancelled);
        QVERIFY(!page.runner()->isRunning());
        const FlagSnapshot after = snapshot(*reopen(temp.path()));
        QCOMPARE(after.lastRun, before.lastRun);
        QCOMPARE(after.events, before.events);
        QCOMPARE(after.rows, before.rows);

        // Cancelled while saving, after the flags were written: the transaction is rolled back.
        {
            auto other = reopen(temp.path());
            CleaningRun::Options late;
            late.threads = 1;
            bool savedSome = false;
            late.progress = [&savedSome](qint64 done, qint64 total) {
                savedSome = savedSome || done == total;
                return done < total;
            };
            auto result = CleaningRun(*other).run(late);
            QVERIFY(!result.ok());
            QCOMPARE(result.error().kind, Error::Kind::Cancelled);
            QVERIFY(savedSome);
        }
        QCOMPARE(snapshot(*reopen(temp.path())), before);

        // Run to the end: the queue refreshes with the run's flags.
        page.runCleaning();
        QVERIFY(finished.wait(120000));
        QCOMPARE(finished.at(1).at(0).toBool(), true);
        QVERIFY(page.runner()->lastOutcome().completed);
        QVERIFY(snapshot(*reopen(temp.path())).lastRun != before.lastRun);
        // The list re-reads in the background, its review steps wait for it.
        QVERIFY(page.flagModel()->isRefreshing());
        QVERIFY(!button(&page, "verifyButton")->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!page.flagModel()->isRefreshing(), 30000);
        QVERIFY(page.flagModel()->rowCount() > 0);
        QCOMPARE(page.flagModel()->countedFlags(), FlagStore(ward).count(FlagQuery()).value());
        QVERIFY(button(&page, "verifyButton")->isEnabled());
        QVERIFY(!page.findChild<QLabel*>(QStringLiteral("runInfo"))->text().isEmpty());
        QVERIFY(button(&page, "runCleaningButton")->isEnabled());
    }

    void mainWindowHasTheReviewTabs()
    {
        test::TempWard temp;
        (void)test::fillReviewSample(temp.ward());
        WardDatabase::Options options;
        options.create = false;
        MainWindow window(std::move(WardDatabase::open(temp.path(), options).value()));
        QVERIFY(window.cleaningPage());
        QVERIFY(window.duplicatePage());
        QVERIFY(window.cleaningPage()->flagModel()->rowCount() > 0);
        QVERIFY(window.duplicatePage()->pairModel()->rowCount() == 2);
    }
};

QTEST_MAIN(TestCleaningReview)
#include "TestCleaningReview.moc"
