// wardroll-bench-clean: the cleaning engine's speed goals, measured on this machine. Not a test:
// it prints figures (ctest never runs it). Usage:
//   wardroll-bench-clean [--residents N] [--dir DIR] [--threads N] [--rules-only]
// Makes a demo ward of N residents in DIR (default: the system's temp dir), or reuses the one
// an earlier run left there, then prints: the rules alone, a full clean (rules, duplicates,
// flags saved) from no flags, a second clean over the flags of the first, the per-record check
// as the form runs it, the peak resident memory, and `sqlite3 ward.db .dump` for comparison.
#include "CleaningRun.h"
#include "DemoWardGenerator.h"
#include "HouseholdRules.h"
#include "RecordRules.h"
#include "RuleBatch.h"
#include "SharedIdLookup.h"
#include "SqlConnection.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>
#include <sys/resource.h>

using namespace wardroll::model;

namespace {

QTextStream out(stdout);

double seconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

// User + system CPU time of this process so far: on a shared machine, wall time alone says
// little.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    auto secs = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    return secs(usage.ru_utime) + secs(usage.ru_stime);
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0; // Linux: kilobytes
}

[[noreturn]] void die(const QString& what, const Error& error)
{
    out << what << ": " << error.toString() << Qt::endl;
    std::exit(1);
}

std::unique_ptr<WardDatabase> openOrDie(const QString& path)
{
    auto ward = WardDatabase::open(path);
    if (!ward.ok())
        die(QStringLiteral("cannot open ") + path, ward.error());
    return std::move(ward.value());
}

// Generation runs in a child process, so that its memory does not count in this one's peak.
int generate(const QString& path, int residents)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    auto ward = openOrDie(path);
    DemoWardGenerator::Options options;
    options.residents = residents;
    options.seed = 1;
    QElapsedTimer timer;
    timer.start();
    auto summary = DemoWardGenerator(options).generate(*ward);
    if (!summary.ok())
        die(QStringLiteral("demo failed"), summary.error());
    out << QStringLiteral("demo.generate  residents=%1 households=%2  %3 s")
               .arg(summary->residents)
               .arg(summary->households)
               .arg(seconds(timer), 0, 'f', 2)
        << Qt::endl;
    // Checkpoint, so that the dump below reads one file like any closed ward.
    if (auto status = ward->connection().exec(u"PRAGMA wal_checkpoint(TRUNCATE)"); !status.ok())
        die(QStringLiteral("checkpoint failed"), status.error());
    return 0;
}

void ensureWard(const QString& path, int residents)
{
    if (QFile::exists(path)) {
        auto ward = openOrDie(path);
        if (WardStore(*ward).countResidents().valueOr(-1) == residents) {
            out << "reusing " << path << Qt::endl;
            return;
        }
    }
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedChannels);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--generate-only"), QStringLiteral("--residents"), QString::number(residents),
                 QStringLiteral("--ward"), path});
    if (!child.waitForFinished(-1) || child.exitCode() != 0) {
        out << "generating the demo ward failed" << Qt::endl;
        std::exit(1);
    }
}

void benchRules(WardDatabase& ward, int threads)
{
    RuleBatch::Options options;
    options.threads = threads;
    options.today = DemoWardGenerator::referenceDate();
    const double cpu = cpuSeconds();
    QElapsedTimer timer;
    timer.start();
    auto result = RuleBatch(ward).run(options);
    if (!result.ok())
        die(QStringLiteral("rules failed"), result.error());
    out << QStringLiteral("clean.rules_only  residents=%1 households=%2 findings=%3  %4 s  (cpu %5 s)")
               .arg(result->residents)
               .arg(result->households)
               .arg(result->findings.size())
               .arg(seconds(timer), 0, 'f', 2)
               .arg(cpuSeconds() - cpu, 0, 'f', 2)
        << Qt::endl;
}

double benchClean(WardDatabase& ward, int threads, const char* label)
{
    CleaningRun::Options options;
    options.threads = threads;
    options.today = DemoWardGenerator::referenceDate();
    const double cpu = cpuSeconds();
    auto result = CleaningRun(ward).run(options);
    const double cpuUsed = cpuSeconds() - cpu;
    if (!result.ok())
        die(QStringLiteral("clean failed"), result.error());
    const CleaningRun::Summary& s = result.value();
    out << QStringLiteral("clean.%1  findings=%2 (error %3, warning %4, info %5)  flags new=%6 reopened=%7 "
                          "closed=%8 unchanged=%9")
               .arg(QLatin1String(label))
               .arg(s.findings)
               .arg(s.bySeverity.value(QStringLiteral("error")))
               .arg(s.bySeverity.value(QStringLiteral("warning")))
               .arg(s.bySeverity.value(QStringLiteral("info")))
               .arg(s.flags.created)
               .arg(s.flags.reopened)
               .arg(s.flags.closed)
               .arg(s.flags.unchanged)
        << Qt::endl;
    out << QStringLiteral("clean.%1  %2 s  cpu %6 s  (rules %3 s, duplicates %4 s, saving flags %5 s)")
               .arg(QLatin1String(label))
               .arg(s.seconds, 0, 'f', 2)
               .arg(s.rulesSeconds, 0, 'f', 2)
               .arg(s.duplicatesSeconds, 0, 'f', 2)
               .arg(s.saveSeconds, 0, 'f', 2)
               .arg(cpuUsed, 0, 'f', 2)
        << Qt::endl;
    return s.seconds;
}

// What the form does on each edit: the record rules with id.shared through the index, and the
// household rules over the record's household.
void benchPerRecord(WardDatabase& ward)
{
    QList<Resident> sample;
    {
        auto stmt
            = ward.connection().prepare(QStringLiteral("SELECT %1 FROM residents WHERE deleted_at IS NULL "
                                                       "ORDER BY random() LIMIT 2000")
                                            .arg(WardStore::residentColumns()));
        while (stmt.ok() && stmt->step().valueOr(false))
            sample << WardStore::readResident(*stmt);
    }
    SharedIdLookup lookup(ward);
    RuleContext context;
    context.today = DemoWardGenerator::referenceDate();
    context.idHolders = lookup.lookup();
    WardStore store(ward);
    qint64 findings = 0;
    QElapsedTimer timer;
    timer.start();
    for (const Resident& r : std::as_const(sample))
        findings += RecordRules::check(r, context).size();
    const double recordUs
        = static_cast<double>(timer.nsecsElapsed()) / 1e3 / static_cast<double>(sample.size());
    timer.restart();
    for (const Resident& r : std::as_const(sample)) {
        if (r.householdId.isEmpty())
            continue;
        const auto household = store.household(r.householdId);
        const auto members = store.householdMembers(r.householdId);
        if (household.ok() && members.ok())
            findings += HouseholdRules::check(household.value(), members.value(), context).size();
    }
    const double householdUs
        = static_cast<double>(timer.nsecsElapsed()) / 1e3 / static_cast<double>(sample.size());
    out << QStringLiteral("clean.per_record  records=%1  record rules %2 us/record, household rules with its "
                          "members read %3 us/record  (goal <= 5000 us)")
               .arg(sample.size())
               .arg(recordUs, 0, 'f', 1)
               .arg(householdUs, 0, 'f', 1)
        << Qt::endl;
    if (findings < 0)
        out << "";
}

double benchDump(const QString& path)
{
    QProcess dump;
    dump.setStandardOutputFile(QProcess::nullDevice());
    rusage before{};
    getrusage(RUSAGE_CHILDREN, &before);
    QElapsedTimer timer;
    timer.start();
    dump.start(QStringLiteral("sqlite3"), {path, QStringLiteral(".dump")});
    if (!dump.waitForFinished(-1) || dump.exitCode() != 0) {
        out << "sqlite3 .dump failed (is the sqlite3 tool installed?)" << Qt::endl;
        return 0;
    }
    const double s = seconds(timer);
    rusage after{};
    getrusage(RUSAGE_CHILDREN, &after);
    auto secs = [](const timeval& t) {
        return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6;
    };
    const double cpu
        = secs(after.ru_utime) + secs(after.ru_stime) - secs(before.ru_utime) - secs(before.ru_stime);
    out << QStringLiteral("sqlite3.dump  %1 s  (cpu %2 s)").arg(s, 0, 'f', 2).arg(cpu, 0, 'f', 2) << Qt::endl;
    return s;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("residents"), QStringLiteral("Residents in the demo ward."),
                      QStringLiteral("N"), QStringLiteral("200000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Where the demo ward is kept."),
                      QStringLiteral("DIR"), QDir::tempPath()});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Worker threads (0: one per core)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    parser.addOption(
        {QStringLiteral("rules-only"), QStringLiteral("Measure the rules alone (no duplicates, no flags).")});
    parser.addOption({QStringLiteral("generate-only"), QStringLiteral("Internal: make the ward and exit.")});
    parser.addOption(
        {QStringLiteral("ward"), QStringLiteral("Internal: the ward to make."), QStringLiteral("FILE")});
    parser.process(app);
    const int residents = parser.value(QStringLiteral("residents")).toInt();
    const int threads = parser.value(QStringLiteral("threads")).toInt();
    if (parser.isSet(QStringLiteral("generate-only")))
        return generate(parser.value(QStringLiteral("ward")), residents);

    const QString path = QDir(parser.value(QStringLiteral("dir")))
                             .filePath(QStringLiteral("wardroll-bench-clean-%1.db").arg(residents));
    ensureWard(path, residents);
    out << QStringLiteral("rss.before  %1 MB").arg(peakRssMb(), 0, 'f', 0) << Qt::endl;
    const double dump = benchDump(path);
    auto ward = openOrDie(path);
    // From no flags: the first clean of a ward.
    if (auto status = ward->connection().exec(u"DELETE FROM flag_events; DELETE FROM flags;"); !status.ok())
        die(QStringLiteral("reset failed"), status.error());
    benchRules(*ward, threads);
    if (parser.isSet(QStringLiteral("rules-only"))) {
        benchPerRecord(*ward);
        out << QStringLiteral("rss.peak  %1 MB").arg(peakRssMb(), 0, 'f', 0) << Qt::endl;
        return 0;
    }
    const double first = benchClean(*ward, threads, "first");
    benchClean(*ward, threads, "again");
    benchPerRecord(*ward);
    out << QStringLiteral("rss.peak  %1 MB  (goal 1M residents <= 1536 MB)").arg(peakRssMb(), 0, 'f', 0)
        << Qt::endl;
    if (dump > 0)
        out << QStringLiteral("clean.vs_dump  %1x  (goal <= 10x)").arg(first / dump, 0, 'f', 1) << Qt::endl;
    return 0;
}
