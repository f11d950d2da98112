#include "CliVerb.h"
#include "DemoWardGenerator.h"
#include "SqlConnection.h"
#include "WardDatabase.h"

#include <QFile>

namespace wardroll::cli {

namespace {

// A ward file and its SQLite companions. Stale -wal/-shm files next to a new main file would
// be replayed into it, so they go with it.
void removeWardFiles(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

} // namespace

int runDemo(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Generates a realistic demo ward with known defects, duplicates and twins."));
    parser.addOption(
        {QStringLiteral("residents"), tr("Number of records to generate."), QStringLiteral("N")});
    parser.addOption({QStringLiteral("seed"),
                      tr("Random seed (default 1): the same seed gives the same ward."), QStringLiteral("S"),
                      QStringLiteral("1")});
    parser.addOption(
        {QStringLiteral("out"), tr("Ward file to write (replaced if it exists)."), QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("truth"),
                      tr("Folder for the truth files duplicates.csv, twins.csv and defects.csv."),
                      QStringLiteral("DIR")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;

    bool residentsOk = false;
    bool seedOk = false;
    const int residents = parser.value(QStringLiteral("residents")).toInt(&residentsOk);
    const quint64 seed = parser.value(QStringLiteral("seed")).toULongLong(&seedOk);
    const QString out = parser.value(QStringLiteral("out"));
    if (!residentsOk || residents < 1 || !seedOk || out.isEmpty()) {
        context.err << tr("Usage: wardroll-cli demo --residents N [--seed S] --out FILE [--truth DIR]")
                    << Qt::endl;
        return BadUsage;
    }

    // Generated next to the target and renamed at the end: an interrupted run never leaves a
    // half-filled ward under the requested name.
    const QString part = out + QStringLiteral(".part");
    removeWardFiles(part);
    model::DemoWardGenerator::Summary summary;
    QString wardName;
    {
        auto ward = model::WardDatabase::open(part);
        if (!ward.ok()) {
            context.err << ward.error().toString() << Qt::endl;
            return Failure;
        }
        model::DemoWardGenerator::Options options;
        options.residents = residents;
        options.seed = seed;
        options.truthDir = parser.value(QStringLiteral("truth"));
        options.progress = [&context](qint64 done, qint64 total) {
            CliSupport::progress(context, tr("Generating"), done, total);
            return true;
        };
        auto result = model::DemoWardGenerator(options).generate(*ward.value());
        CliSupport::endProgress(context);
        if (result.ok()) {
            // Fold the WAL into the main file before it is renamed.
            if (auto status = ward.value()->connection().exec(u"PRAGMA wal_checkpoint(TRUNCATE)");
                !status.ok())
                result = status.error();
        }
        if (!result.ok()) {
            ward.value().reset();
            removeWardFiles(part);
            context.err << result.error().toString() << Qt::endl;
            return Failure;
        }
        summary = result.value();
        wardName = ward.value()->meta(QStringLiteral("ward_name")).valueOr(QString()) + QStringLiteral(", ")
            + ward.value()->meta(QStringLiteral("ward_province")).valueOr(QString());
    }
    removeWardFiles(out);
    QFile::remove(part + QStringLiteral("-wal"));
    QFile::remove(part + QStringLiteral("-shm"));
    if (!QFile::rename(part, out)) {
        context.err << tr("The ward file could not be moved into place: %1").arg(out) << Qt::endl;
        return Failure;
    }
    context.out << "ward\t" << wardName << Qt::endl;
    context.out << "residents\t" << summary.residents << Qt::endl;
    context.out << "households\t" << summary.households << Qt::endl;
    context.out << "duplicates\t" << summary.duplicates << Qt::endl;
    context.out << "twins\t" << summary.twins << Qt::endl;
    context.out << "defects\t" << summary.defects << Qt::endl;
    return Success;
}

} // namespace wardroll::cli
