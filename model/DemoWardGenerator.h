#pragma once

#include "Result.h"

#include <functional>
#include <QCoreApplication>
#include <QDate>
#include <QString>

namespace wardroll::model {

class WardDatabase;

// Generates a realistic demo ward for trying, testing and benchmarking WardRoll: a commune of
// the 2026 catalogue, its villages and households, residents with realistic names, dates, IDs
// and addresses; then the dirt real records have (every rule of DemoRuleAudit, ≈ 5 % of
// records), duplicate records of ≈ 3 % of people and some twins (who are not duplicates).
// Optionally writes truth files saying what a correct cleaning run must find (format in
// resources/README.md; rule meanings in DemoRuleAudit.h).
//
// Deterministic: the same options give the same records (ids, timestamps and all) and
// byte-identical truth files; nothing depends on the clock. Source refs "DEMO-000001" and
// household numbers "HK-00001" are the keys of the truth files. ward_meta gets "ward_name",
// "ward_unit_code" (2025 scheme) and "ward_province".
class DemoWardGenerator
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::DemoWardGenerator)
public:
    struct Options
    {
        int residents = 2000; // exactly this many records, copies included
        quint64 seed = 1;
        QString truthDir; // empty: no truth files
        std::function<bool(qint64 done, qint64 total)> progress; // return false to cancel
    };
    struct Summary
    {
        qint64 residents = 0; // records stored
        qint64 households = 0;
        qint64 duplicates = 0; // copies: records of a person recorded before
        qint64 twins = 0; // groups of twins (or triplets)
        qint64 defects = 0; // rows of defects.csv: what a cleaning engine must raise
    };

    explicit DemoWardGenerator(Options options);

    // Fills an empty ward in one transaction. On any error, cancellation included
    // (Error::Kind::Cancelled), the ward is left unchanged and no truth file is written.
    [[nodiscard]] Result<Summary> generate(WardDatabase& ward);

    // "Today" for the generated ward and its truth: ages and plausibility are as of this date.
    [[nodiscard]] static QDate referenceDate() { return QDate(2026, 7, 1); }

private:
    Options m_options;
};

} // namespace wardroll::model
