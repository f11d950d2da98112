// wardroll-bench: the speed goals of the foundation, measured on this machine. Not a test:
// it prints figures (ctest never runs it). Usage:
//   wardroll-bench [--residents N] [--dir DIR] [--only demo,search,import]
#include "CsvExporter.h"
#include "CsvImporter.h"
#include "DemoWardGenerator.h"
#include "ResidentSearch.h"
#include "SqlConnection.h"
#include "WardDatabase.h"

#include <algorithm>
#include <cstdio>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTextStream>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

using namespace wardroll::model;

namespace {

QTextStream out(stdout);

double seconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

std::unique_ptr<WardDatabase> openOrDie(const QString& path)
{
    auto ward = WardDatabase::open(path);
    if (!ward.ok()) {
        out << "cannot open " << path << ": " << ward.error().toString() << Qt::endl;
        std::exit(1);
    }
    return std::move(ward.value());
}

void removeWard(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

bool benchDemo(const QString& path, int residents)
{
    removeWard(path);
    auto ward = openOrDie(path);
    DemoWardGenerator::Options options;
    options.residents = residents;
    options.seed = 1;
    QElapsedTimer timer;
    timer.start();
    auto summary = DemoWardGenerator(options).generate(*ward);
    const double s = seconds(timer);
    if (!summary.ok()) {
        out << "demo failed: " << summary.error().toString() << Qt::endl;
        return false;
    }
    out << QStringLiteral(
               "demo.generate_and_store  residents=%1 households=%2  %3 s  (%4 residents/s; goal 1M <= 30 s)")
               .arg(summary->residents)
               .arg(summary->households)
               .arg(s, 0, 'f', 2)
               .arg(static_cast<qint64>(summary->residents / s))
        << Qt::endl;
    return true;
}

void benchSearch(const QString& path, double slowMs)
{
    auto ward = openOrDie(path);
    // Queries as officers type them: names picked from the ward, with and without accents,
    // prefixes while typing, ID prefixes and a birth year.
    QStringList names;
    {
        auto stmt = ward->connection().prepare(
            u"SELECT full_name, personal_id, birth_year FROM residents ORDER BY random() LIMIT 200");
        while (stmt.ok() && stmt->step().valueOr(false)) {
            const QString name = stmt->text(0);
            const QStringList parts = name.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            names << name;
            if (parts.size() >= 2)
                names << parts.first().left(3) + QLatin1Char(' ') + parts.last().left(2);
            if (!stmt->text(1).isEmpty())
                names << stmt->text(1).left(6);
            // Some demo records have no name at all (an injected defect).
            if (!parts.isEmpty())
                names << parts.last() + QLatin1Char(' ') + QString::number(stmt->integer(2));
        }
    }
    ResidentSearch search(*ward);
    QList<double> latencies;
    latencies.reserve(names.size());
    for (const QString& query : std::as_const(names)) {
        QElapsedTimer timer;
        timer.start();
        auto hits = search.search(query, 50);
        latencies << static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (slowMs > 0 && latencies.last() >= slowMs)
            out << QStringLiteral("search.slow  %1 ms  hits=%2  \"%3\"")
                       .arg(latencies.last(), 0, 'f', 2)
                       .arg(hits.ok() ? hits->size() : -1)
                       .arg(query)
                << Qt::endl;
        if (!hits.ok()) {
            out << "search failed: " << hits.error().toString() << Qt::endl;
            return;
        }
    }
    std::sort(latencies.begin(), latencies.end());
    auto pct = [&](double p) {
        return latencies.value(static_cast<qsizetype>(p * (latencies.size() - 1)));
    };
    out << QStringLiteral("search.latency  queries=%1  p50=%2 ms  p95=%3 ms  max=%4 ms  (goal p95 <= 20 ms)")
               .arg(latencies.size())
               .arg(pct(0.5), 0, 'f', 2)
               .arg(pct(0.95), 0, 'f', 2)
               .arg(latencies.isEmpty() ? 0.0 : latencies.last(), 0, 'f', 2)
        << Qt::endl;
}

// Writes what earlier steps left in the page cache to disk, so that a timed step does not pay for
// their writes (the kernel writes dirty pages back in the background, on the same two cores).
void settleDisk()
{
#ifdef Q_OS_UNIX
    ::sync();
#endif
}

void benchImport(const QString& path, const QString& dir)
{
    const QString csv = dir + QStringLiteral("/bench-export.csv");
    {
        auto ward = openOrDie(path);
        QElapsedTimer timer;
        timer.start();
        auto rows = CsvExporter(*ward).exportFile(csv);
        if (!rows.ok()) {
            out << "export failed: " << rows.error().toString() << Qt::endl;
            return;
        }
        out << QStringLiteral("csv.export  rows=%1  %2 s").arg(rows.value()).arg(seconds(timer), 0, 'f', 2)
            << Qt::endl;
    }
    const QString target = dir + QStringLiteral("/bench-import.db");
    removeWard(target);
    auto ward = openOrDie(target);
    settleDisk(); // the export's ~0.3 GB would otherwise be written out during the import
    QElapsedTimer timer;
    timer.start();
    auto report = CsvImporter(*ward).importFile(csv, {});
    const double s = seconds(timer);
    if (!report.ok()) {
        out << "import failed: " << report.error().toString() << Qt::endl;
        return;
    }
    out << QStringLiteral("csv.import  rows=%1 rejected=%2  %3 s  (%4 rows/s; goal 1M <= 20 s)")
               .arg(report->imported)
               .arg(report->rejected.size())
               .arg(s, 0, 'f', 2)
               .arg(static_cast<qint64>(report->imported / s))
        << Qt::endl;

    // The floor: SQLite's own CSV import of the same file into a plain table.
    const QString floorDb = dir + QStringLiteral("/bench-floor.db");
    removeWard(floorDb);
    QProcess sqlite;
    settleDisk(); // the same for the floor: the import wrote ~2.4 GB
    timer.restart();
    sqlite.start(QStringLiteral("sqlite3"), {floorDb, QStringLiteral(".import --csv %1 t").arg(csv)});
    if (!sqlite.waitForFinished(600000) || sqlite.exitCode() != 0) {
        out << "sqlite3 .import floor unavailable: " << QString::fromUtf8(sqlite.readAllStandardError())
            << Qt::endl;
        return;
    }
    out << QStringLiteral("csv.import.floor  sqlite3 .import --csv  %1 s").arg(seconds(timer), 0, 'f', 2)
        << Qt::endl;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("residents"), QStringLiteral("Ward size (default 1000000)."),
                      QStringLiteral("N"), QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("dir"), QStringLiteral("Working directory (default: a temporary one)."),
                      QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("only"), QStringLiteral("Comma-separated subset of demo,search,import."),
                      QStringLiteral("LIST"), QStringLiteral("demo,search,import")});
    parser.addOption({QStringLiteral("slow"),
                      QStringLiteral("Print each search query slower than MS milliseconds."),
                      QStringLiteral("MS"), QStringLiteral("0")});
    parser.process(app);

    QTemporaryDir temp;
    const QString dir
        = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    const int residents = parser.value(QStringLiteral("residents")).toInt();
    const QStringList only = parser.value(QStringLiteral("only")).split(QLatin1Char(','));
    const QString ward = dir + QStringLiteral("/bench-ward.db");

    out << QStringLiteral("wardroll-bench  residents=%1  dir=%2").arg(residents).arg(dir) << Qt::endl;
    if (only.contains(QStringLiteral("demo")) && !benchDemo(ward, residents))
        return 1;
    if (!QFile::exists(ward)) {
        out << "no ward at " << ward << ": run with demo first" << Qt::endl;
        return 1;
    }
    if (only.contains(QStringLiteral("search")))
        benchSearch(ward, parser.value(QStringLiteral("slow")).toDouble());
    if (only.contains(QStringLiteral("import")))
        benchImport(ward, dir);
    return 0;
}
