#pragma once

#include "Finding.h"
#include "Result.h"

#include <functional>
#include <QCoreApplication>
#include <QDate>
#include <QList>

namespace wardroll::model {

class WardDatabase;

// Runs every record and household rule (RecordRules, HouseholdRules) over a whole ward, live
// records only. Streams: rows are read ordered by household, one household's members at a
// time, never the whole ward at once; id.shared comes from one SharedIdIndex. Households are
// split into ranges read in parallel, each worker with its own read-only connection to the
// ward file (WAL lets readers run side by side). Reads only: the ward is never changed.
class RuleBatch
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::RuleBatch)
public:
    struct Options
    {
        // Called on the calling thread now and then with records checked / records to check;
        // return false to cancel (run() then returns Error::Kind::Cancelled).
        std::function<bool(qint64 done, qint64 total)> progress;
        int threads = 0; // 0: one per core
        QDate today; // invalid: Clock::today()
    };
    struct Output
    {
        // Sorted by subject, then rule (stable output for the same ward).
        QList<Finding> findings;
        qint64 residents = 0; // live records checked
        qint64 households = 0; // households with live members checked
        qint64 sharedIds = 0; // personal IDs held by two or more records
    };

    explicit RuleBatch(WardDatabase& ward);
    [[nodiscard]] Result<Output> run(const Options& options);

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
