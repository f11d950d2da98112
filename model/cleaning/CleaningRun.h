#pragma once

#include "FlagStore.h"
#include "Result.h"

#include <functional>
#include <QCoreApplication>
#include <QDate>
#include <QMap>

namespace wardroll::model {

class WardDatabase;

// One cleaning run of a ward: every consistency rule (RuleBatch), duplicate detection
// (DuplicateDetector), then the findings reconciled into the ward's flags (FlagStore) in one
// transaction. Cancelling, or any error, leaves the ward as it was.
class CleaningRun
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::CleaningRun)
public:
    struct Options
    {
        // Called on the calling thread now and then; `total` is 1000 (thousandths of the run:
        // rules, then duplicates, then saving the flags). Return false to cancel.
        std::function<bool(qint64 done, qint64 total)> progress;
        bool duplicates = true; // run duplicate detection
        bool includePossible = true; // also raise dup.possible
        int threads = 0; // 0: one per core
        QDate today; // invalid: Clock::today()
    };

    struct Summary
    {
        qint64 residents = 0; // live records checked
        qint64 households = 0;
        qint64 findings = 0; // this run's findings (= active flags of the rules that ran)
        QMap<QString, qint64> byRule;
        QMap<QString, qint64> bySeverity; // "error", "warning", "info"
        qint64 probableClusters = 0;
        qint64 possibleClusters = 0;
        ReconcileSummary flags; // created / reopened / closed / updated / unchanged
        double seconds = 0;
        double rulesSeconds = 0;
        double duplicatesSeconds = 0;
        double saveSeconds = 0;
    };

    explicit CleaningRun(WardDatabase& ward);
    [[nodiscard]] Result<Summary> run(const Options& options);

    static constexpr qint64 progressTotal = 1000;

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
