#include "CleaningRun.h"

#include "Clock.h"
#include "DuplicateDetector.h"
#include "HouseholdRules.h"
#include "RecordRules.h"
#include "RuleBatch.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "WardDatabase.h"

#include <QElapsedTimer>

namespace wardroll::model {

namespace {

double seconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

// Maps a phase's own done/total onto [from, to] of the run's thousandths.
std::function<bool(qint64, qint64)> phase(const CleaningRun::Options& options, qint64 from, qint64 to)
{
    if (!options.progress)
        return {};
    return [&options, from, to](qint64 done, qint64 total) {
        const qint64 at = total > 0 ? from + (to - from) * std::min(done, total) / total : from;
        return options.progress(at, CleaningRun::progressTotal);
    };
}

} // namespace

CleaningRun::CleaningRun(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<CleaningRun::Summary> CleaningRun::run(const Options& options)
{
    QElapsedTimer all;
    all.start();
    const Error cancelled{Error::Kind::Cancelled, tr("The cleaning run was cancelled.")};
    const qint64 rulesEnd = options.duplicates ? 400 : 800;
    const qint64 duplicatesEnd = 900;
    Summary summary;

    QElapsedTimer timer;
    timer.start();
    RuleBatch::Options ruleOptions;
    ruleOptions.progress = phase(options, 0, rulesEnd);
    ruleOptions.threads = options.threads;
    ruleOptions.today = options.today;
    auto rules = RuleBatch(m_ward).run(ruleOptions);
    if (!rules.ok())
        return rules.error();
    QList<Finding> findings = std::move(rules->findings);
    summary.residents = rules->residents;
    summary.households = rules->households;
    summary.rulesSeconds = seconds(timer);

    QStringList rulesRun;
    for (const auto& [code, severity] : RecordRules::rules())
        rulesRun << code;
    for (const auto& [code, severity] : HouseholdRules::rules())
        rulesRun << code;
    if (options.duplicates) {
        timer.restart();
        DuplicateDetector::Options dupOptions;
        dupOptions.progress = phase(options, rulesEnd, duplicatesEnd);
        dupOptions.includePossible = options.includePossible;
        dupOptions.threads = options.threads;
        auto report = DuplicateDetector(m_ward).run(dupOptions);
        if (!report.ok())
            return report.error();
        findings.append(std::move(report->findings));
        summary.probableClusters = report->probableClusters.size();
        summary.possibleClusters = report->possibleClusters.size();
        summary.duplicatesSeconds = seconds(timer);
        rulesRun << QStringLiteral("dup.probable");
        if (options.includePossible)
            rulesRun << QStringLiteral("dup.possible");
    }
    if (options.progress && !options.progress(duplicatesEnd, progressTotal))
        return cancelled;

    for (const Finding& f : std::as_const(findings)) {
        ++summary.byRule[f.rule];
        ++summary.bySeverity[severityCode(f.severity)];
    }
    summary.findings = findings.size();

    timer.restart();
    SqlTransaction transaction(m_ward.connection());
    if (!transaction.begun().ok())
        return transaction.begun().error();
    ReconcileOptions reconcileOptions;
    reconcileOptions.rules = rulesRun;
    reconcileOptions.progress = phase(options, duplicatesEnd, progressTotal);
    auto reconciled = FlagStore(m_ward).reconcile(findings, reconcileOptions);
    if (!reconciled.ok())
        return reconciled.error();
    summary.flags = reconciled.value();
    if (auto status = m_ward.setMeta(QStringLiteral("cleaning_last_run_at"), QString::number(Clock::nowMs()));
        !status.ok())
        return status.error();
    if (options.progress && !options.progress(progressTotal, progressTotal))
        return cancelled;
    if (auto status = transaction.commit(); !status.ok())
        return status.error();
    summary.saveSeconds = seconds(timer);
    summary.seconds = seconds(all);
    return summary;
}

} // namespace wardroll::model
