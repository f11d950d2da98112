// wardroll-bench-dups: duplicate detection figures. Not a test: it prints (ctest never runs it).
//   wardroll-bench-dups [--residents N] [--seed S] [--dir DIR] [--threads T]
//                       [--only demo,public,cleaning] [--sets febrl1,...] [--data DIR]
//                       [--probable W] [--misses]
// demo: a demo ward of N residents (default 200000; kept in DIR when given, and reused): candidate
// pairs, comparisons per second, detection time and its phases, peak RSS of a process that only
// detects, the estimated model, and pairwise precision / recall against the ward's truth (twins
// merged too). public: pairwise precision / recall / F1 on FEBRL datasets 1-3, 4a+4b and Splink
// fake_1000, imported with --map templates. cleaning: a whole CleaningRun (rules + duplicates +
// flags) on the demo ward. --misses lists the true pairs missed and the false ones, with why.
#include "CleaningRun.h"
#include "CsvImporter.h"
#include "CsvReader.h"
#include "DemoWardGenerator.h"
#include "DuplicateDetector.h"
#include "WardDatabase.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <sys/resource.h>

using namespace wardroll::model;

namespace {

QTextStream out(stdout);

double seconds(const QElapsedTimer& timer)
{
    return static_cast<double>(timer.nsecsElapsed()) / 1e9;
}

qint64 peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
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

// Rows of a CSV file as header -> value maps.
QList<QHash<QString, QString>> readCsv(const QString& path)
{
    QList<QHash<QString, QString>> rows;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return rows;
    CsvReader reader(file);
    QStringList header;
    while (true) {
        auto more = reader.readNext();
        if (!more.ok() || !more.value())
            break;
        QStringList fields = reader.fields();
        for (QString& f : fields)
            f = f.trimmed();
        if (header.isEmpty()) {
            header = fields;
            continue;
        }
        QHash<QString, QString> row;
        for (qsizetype i = 0; i < header.size(); ++i)
            row.insert(header[i], fields.value(i));
        rows.append(row);
    }
    return rows;
}

using Groups = QHash<QString, QString>; // source_ref -> truth group

QSet<QString> truthPairs(const Groups& groups)
{
    QHash<QString, QStringList> members;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        members[it.value()].append(it.key());
    QSet<QString> pairs;
    for (QStringList list : std::as_const(members)) {
        list.sort();
        for (qsizetype i = 0; i < list.size(); ++i) {
            for (qsizetype j = i + 1; j < list.size(); ++j)
                pairs.insert(list[i] + QLatin1Char('|') + list[j]);
        }
    }
    return pairs;
}

QSet<QString> predictedPairs(const DuplicateDetector::Report& report)
{
    QSet<QString> pairs;
    for (const QStringList& cluster : report.probableClusters) {
        QStringList refs;
        for (const QString& id : cluster)
            refs << report.references.value(id);
        refs.sort();
        for (qsizetype i = 0; i < refs.size(); ++i) {
            for (qsizetype j = i + 1; j < refs.size(); ++j)
                pairs.insert(refs[i] + QLatin1Char('|') + refs[j]);
        }
    }
    return pairs;
}

struct Quality
{
    double precision = 0;
    double recall = 0;
    double f1 = 0;
    qint64 truePairs = 0;
    qint64 predicted = 0;
};

Quality quality(const QSet<QString>& predicted, const QSet<QString>& truth)
{
    Quality q;
    qint64 hits = 0;
    for (const QString& p : predicted)
        hits += truth.contains(p) ? 1 : 0;
    q.truePairs = truth.size();
    q.predicted = predicted.size();
    q.precision = predicted.isEmpty() ? 1.0 : static_cast<double>(hits) / predicted.size();
    q.recall = truth.isEmpty() ? 1.0 : static_cast<double>(hits) / truth.size();
    q.f1 = q.precision + q.recall > 0 ? 2 * q.precision * q.recall / (q.precision + q.recall) : 0;
    return q;
}

QStringList g_sets; // --sets
double g_probable = DuplicateDetector::defaultProbableThreshold; // --probable
bool g_misses = false; // --misses: list the true pairs not found, with their score when scored

DuplicateDetector::Report detectOrDie(WardDatabase& ward, int threads)
{
    DuplicateDetector::Options options;
    options.threads = threads;
    options.includePossible = g_misses;
    options.probableThreshold = g_probable;
    auto report = DuplicateDetector(ward).run(options);
    if (!report.ok()) {
        out << "detection failed: " << report.error().toString() << Qt::endl;
        std::exit(1);
    }
    return std::move(report.value());
}

void printRun(const QString& name, const DuplicateDetector::Report& r)
{
    const double compareSeconds = std::max<double>(r.compareMs, 1) / 1000.0;
    out << QStringLiteral("%1  residents=%2 candidate_pairs=%3 comparisons=%4 skipped_blocks=%5 "
                          "detect=%6 s (load %7 s, compare %8 s, %9 pairs/s) prior=%10 λ=%11 em_iter=%12 "
                          "probable_clusters=%13 findings=%14 twin_pairs=%15")
               .arg(name)
               .arg(r.residents)
               .arg(r.candidatePairs)
               .arg(r.comparisons)
               .arg(r.skippedBlocks)
               .arg(r.elapsedMs / 1000.0, 0, 'f', 2)
               .arg(r.loadMs / 1000.0, 0, 'f', 2)
               .arg(compareSeconds, 0, 'f', 2)
               .arg(static_cast<qint64>(r.candidatePairs / compareSeconds))
               .arg(r.log2PriorOdds, 0, 'f', 1)
               .arg(r.candidateMatchShare, 0, 'f', 3)
               .arg(r.emIterations)
               .arg(r.probableClusters.size())
               .arg(r.findings.size())
               .arg(r.twinPairs)
        << Qt::endl;
}

void printQuality(const QString& name, const Quality& q)
{
    out << QStringLiteral("%1  true_pairs=%2 predicted_pairs=%3 precision=%4 recall=%5 F1=%6")
               .arg(name)
               .arg(q.truePairs)
               .arg(q.predicted)
               .arg(q.precision, 0, 'f', 4)
               .arg(q.recall, 0, 'f', 4)
               .arg(q.f1, 0, 'f', 4)
        << Qt::endl;
}

void printMisses(const DuplicateDetector::Report& report, const QSet<QString>& predicted,
                 const QSet<QString>& truth)
{
    QHash<QString, const Finding*> scored;
    for (const Finding& f : report.findings) {
        QStringList refs{report.references.value(f.residentId), report.references.value(f.otherResidentId)};
        refs.sort();
        scored.insert(refs.join(QLatin1Char('|')), &f);
    }
    QHash<QString, int> clusterOf;
    for (qsizetype c = 0; c < report.probableClusters.size(); ++c) {
        for (const QString& id : report.probableClusters[c])
            clusterOf.insert(report.references.value(id), static_cast<int>(c));
    }
    auto where = [&](const QString& pair) {
        return QStringLiteral(" [c%1 c%2]")
            .arg(clusterOf.value(pair.section(QLatin1Char('|'), 0, 0), -1))
            .arg(clusterOf.value(pair.section(QLatin1Char('|'), 1, 1), -1));
    };
    QStringList missed(truth.begin(), truth.end());
    missed.sort();
    for (const QString& p : std::as_const(missed)) {
        if (predicted.contains(p))
            continue;
        const Finding* f = scored.value(p);
        out << "missed " << p << where(p)
            << (f ? QStringLiteral(" score=%1 %2").arg(f->score).arg(f->details)
                  : QStringLiteral(" not scored"))
            << Qt::endl;
    }
    QStringList wrong(predicted.begin(), predicted.end());
    wrong.sort();
    for (const QString& p : std::as_const(wrong)) {
        if (truth.contains(p))
            continue;
        const Finding* f = scored.value(p);
        out << "false " << p
            << (f ? QStringLiteral(" score=%1 %2").arg(f->score).arg(f->details)
                  : QStringLiteral(" (via cluster)"))
            << Qt::endl;
    }
}

bool import(WardDatabase& ward, const QString& path, const QStringList& maps)
{
    CsvImporter::Options options;
    options.maps = maps;
    auto report = CsvImporter(ward).importFile(path, options);
    if (!report.ok()) {
        out << "import of " << path << " failed: " << report.error().toString() << Qt::endl;
        return false;
    }
    return true;
}

const QStringList febrlMaps = {
    QStringLiteral("source_ref={rec_id}"),
    QStringLiteral("full_name={surname} {given_name}"),
    QStringLiteral("birth_date={date_of_birth}"),
    QStringLiteral("personal_id={soc_sec_id}"),
    QStringLiteral("permanent_address={street_number} {address_1} {address_2} {suburb} {postcode} {state}"),
};
const QStringList splinkMaps = {
    QStringLiteral("source_ref={unique_id}"), QStringLiteral("full_name={surname} {first_name}"),
    QStringLiteral("birth_date={dob}"),       QStringLiteral("email={email}"),
    QStringLiteral("current_address={city}"),
};

void benchPublic(const QString& dataDir, const QString& workDir, int threads)
{
    struct Set
    {
        QString name;
        QStringList files;
        bool splink = false;
    };
    const QList<Set> sets = {
        {QStringLiteral("febrl1"), {QStringLiteral("febrl/dataset1.csv")}},
        {QStringLiteral("febrl2"), {QStringLiteral("febrl/dataset2.csv")}},
        {QStringLiteral("febrl3"), {QStringLiteral("febrl/dataset3.csv")}},
        {QStringLiteral("febrl4"),
         {QStringLiteral("febrl/dataset4a.csv"), QStringLiteral("febrl/dataset4b.csv")}},
        {QStringLiteral("splink_fake_1000"), {QStringLiteral("splink/fake_1000.csv")}, true},
    };
    for (const Set& set : sets) {
        if (!g_sets.isEmpty() && !g_sets.contains(set.name))
            continue;
        const QString path = workDir + QStringLiteral("/") + set.name + QStringLiteral(".ward");
        removeWard(path);
        auto ward = openOrDie(path);
        Groups truth;
        bool ok = true;
        for (const QString& file : set.files) {
            const QString csv = dataDir + QLatin1Char('/') + file;
            ok = ok && import(*ward, csv, set.splink ? splinkMaps : febrlMaps);
            for (const auto& row : readCsv(csv)) {
                if (set.splink) {
                    truth.insert(row.value(QStringLiteral("unique_id")),
                                 row.value(QStringLiteral("cluster")));
                } else {
                    const QString id = row.value(QStringLiteral("rec_id"));
                    truth.insert(id, id.section(QLatin1Char('-'), 1, 1));
                }
            }
        }
        if (!ok)
            continue;
        const auto report = detectOrDie(*ward, threads);
        printRun(set.name, report);
        printQuality(set.name, quality(predictedPairs(report), truthPairs(truth)));
        if (g_misses) {
            for (const QString& line : report.parameters)
                out << "  " << line << Qt::endl;
        }
        if (g_misses)
            printMisses(report, predictedPairs(report), truthPairs(truth));
        ward.reset();
        removeWard(path);
    }
}

// Runs detection only, in this process, and prints its figures and peak RSS.
int detectOnly(const QString& path, int threads)
{
    auto ward = openOrDie(path);
    QElapsedTimer timer;
    timer.start();
    const auto report = detectOrDie(*ward, threads);
    printRun(QStringLiteral("demo.detect"), report);
    for (const QString& line : report.blocking)
        out << "  blocking " << line << Qt::endl;
    out << QStringLiteral("demo.detect  wall=%1 s peak_rss=%2 MB")
               .arg(seconds(timer), 0, 'f', 2)
               .arg(peakRssMb())
        << Qt::endl;
    // Quality against the truth next to the ward, when there is one.
    const QString truthDir = path + QStringLiteral(".truth");
    if (QFile::exists(truthDir + QStringLiteral("/duplicates.csv"))) {
        Groups truth;
        for (const auto& row : readCsv(truthDir + QStringLiteral("/duplicates.csv")))
            truth.insert(row.value(QStringLiteral("source_ref")), row.value(QStringLiteral("cluster")));
        const QSet<QString> predicted = predictedPairs(report);
        printQuality(QStringLiteral("demo.quality"), quality(predicted, truthPairs(truth)));
        for (const QString& line : report.parameters)
            out << "  " << line << Qt::endl;
        if (g_misses)
            printMisses(report, predicted, truthPairs(truth));
        Groups twins;
        for (const auto& row : readCsv(truthDir + QStringLiteral("/twins.csv")))
            twins.insert(row.value(QStringLiteral("source_ref")), row.value(QStringLiteral("group")));
        const QSet<QString> twinPairs = truthPairs(twins);
        qint64 merged = 0;
        for (const QString& p : twinPairs)
            merged += predicted.contains(p) ? 1 : 0;
        out << QStringLiteral("demo.twins  twin_pairs=%1 merged=%2").arg(twinPairs.size()).arg(merged)
            << Qt::endl;
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption({QStringLiteral("residents"), QStringLiteral("Demo ward size."), QStringLiteral("N"),
                      QStringLiteral("200000")});
    parser.addOption(
        {QStringLiteral("dir"), QStringLiteral("Work directory (kept)."), QStringLiteral("DIR")});
    parser.addOption({QStringLiteral("threads"), QStringLiteral("Threads (0 = cores)."), QStringLiteral("T"),
                      QStringLiteral("0")});
    parser.addOption({QStringLiteral("only"), QStringLiteral("demo,public,cleaning"), QStringLiteral("LIST"),
                      QStringLiteral("demo,public")});
    parser.addOption({QStringLiteral("data"), QStringLiteral("tests/data/linkage directory."),
                      QStringLiteral("DIR"), QStringLiteral(WARDROLL_LINKAGE_DIR)});
    parser.addOption({QStringLiteral("detect"), QStringLiteral("Internal: detect in WARD and exit."),
                      QStringLiteral("WARD")});
    parser.addOption({QStringLiteral("seed"), QStringLiteral("Demo ward seed."), QStringLiteral("S"),
                      QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("probable"), QStringLiteral("Probable threshold (log2 odds)."), QStringLiteral("W")});
    parser.addOption({QStringLiteral("misses"), QStringLiteral("List missed and false pairs.")});
    parser.addOption({QStringLiteral("sets"), QStringLiteral("Public sets to run (default all)."),
                      QStringLiteral("LIST")});
    parser.process(app);
    g_misses = parser.isSet(QStringLiteral("misses"));
    if (parser.isSet(QStringLiteral("probable")))
        g_probable = parser.value(QStringLiteral("probable")).toDouble();
    if (parser.isSet(QStringLiteral("sets")))
        g_sets = parser.value(QStringLiteral("sets")).split(QLatin1Char(','));
    const int threads = parser.value(QStringLiteral("threads")).toInt();
    if (parser.isSet(QStringLiteral("detect")))
        return detectOnly(parser.value(QStringLiteral("detect")), threads);

    QTemporaryDir temp;
    const QString dir
        = parser.isSet(QStringLiteral("dir")) ? parser.value(QStringLiteral("dir")) : temp.path();
    QDir().mkpath(dir);
    const QStringList only = parser.value(QStringLiteral("only")).split(QLatin1Char(','));
    if (only.contains(QStringLiteral("public")))
        benchPublic(parser.value(QStringLiteral("data")), dir, threads);
    if (only.contains(QStringLiteral("demo")) || only.contains(QStringLiteral("cleaning"))) {
        const int residents = parser.value(QStringLiteral("residents")).toInt();
        const QString path = dir + QStringLiteral("/demo-%1.ward").arg(residents);
        const QString truthDir = path + QStringLiteral(".truth");
        if (!QFile::exists(path)) {
            QDir().mkpath(truthDir);
            auto ward = openOrDie(path);
            DemoWardGenerator::Options options;
            options.residents = residents;
            options.seed = parser.value(QStringLiteral("seed")).toULongLong();
            options.truthDir = truthDir;
            QElapsedTimer timer;
            timer.start();
            auto summary = DemoWardGenerator(options).generate(*ward);
            if (!summary.ok()) {
                out << "demo failed: " << summary.error().toString() << Qt::endl;
                return 1;
            }
            out << QStringLiteral("demo.generate  residents=%1 copies=%2 twin_groups=%3  %4 s")
                       .arg(summary->residents)
                       .arg(summary->duplicates)
                       .arg(summary->twins)
                       .arg(seconds(timer), 0, 'f', 1)
                << Qt::endl;
        }
        if (only.contains(QStringLiteral("demo"))) {
            // A fresh process, so that its peak RSS is detection's alone.
            QProcess child;
            child.setProcessChannelMode(QProcess::ForwardedChannels);
            child.start(QCoreApplication::applicationFilePath(),
                        QStringList{QStringLiteral("--detect"), path, QStringLiteral("--threads"),
                                    QString::number(threads), QStringLiteral("--probable"),
                                    QString::number(g_probable)}
                            + (g_misses ? QStringList{QStringLiteral("--misses")} : QStringList{}));
            child.waitForFinished(-1);
        }
        if (only.contains(QStringLiteral("cleaning"))) {
            auto ward = openOrDie(path);
            CleaningRun::Options options;
            options.threads = threads;
            QElapsedTimer timer;
            timer.start();
            auto summary = CleaningRun(*ward).run(options);
            if (!summary.ok()) {
                out << "cleaning failed: " << summary.error().toString() << Qt::endl;
                return 1;
            }
            out << QStringLiteral(
                       "cleaning.run  residents=%1 findings=%2 total=%3 s (rules %4 s, duplicates %5 s, "
                       "flags %6 s) peak_rss=%7 MB")
                       .arg(summary->residents)
                       .arg(summary->findings)
                       .arg(seconds(timer), 0, 'f', 2)
                       .arg(summary->rulesSeconds, 0, 'f', 2)
                       .arg(summary->duplicatesSeconds, 0, 'f', 2)
                       .arg(summary->saveSeconds, 0, 'f', 2)
                       .arg(peakRssMb())
                << Qt::endl;
        }
        if (!parser.isSet(QStringLiteral("dir"))) {
            removeWard(path);
            QDir(truthDir).removeRecursively();
        }
    }
    return 0;
}
