#include "CliVerb.h"
#include "CsvExporter.h"
#include "CsvFieldMap.h"
#include "CsvImporter.h"
#include "CsvReader.h"
#include "WardDatabase.h"

#include <QFile>
#include <QFileInfo>

namespace wardroll::cli {

namespace {

// A --map naming an unknown field or column is the caller's mistake (exit 2), not a failure of
// the import: check it against the file's header before touching the ward. A header that cannot
// be read is left to the importer, which reports it.
bool mapsUsable(const QString& path, const QStringList& maps, const CliContext& context)
{
    // Only a regular file can be read twice (not a FIFO or a device).
    if (maps.isEmpty() || !QFileInfo(path).isFile())
        return true;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return true;
    model::CsvReader reader(file);
    auto header = reader.readNext();
    if (!header.ok() || !header.value() || !reader.problem().isEmpty())
        return true;
    auto map = model::CsvFieldMap::build(reader.fields(), maps);
    if (!map.ok()) {
        context.err << map.error().toString() << Qt::endl;
        return false;
    }
    return true;
}
} // namespace

int runImport(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Imports residents from a UTF-8 CSV file with a header line into the ward (created when "
           "missing), in one transaction. Rows that cannot be read are reported as \"line N: reason\" "
           "and skipped."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("map"),
                      tr("Builds FIELD from columns of the file, e.g. \"full_name={surname} {given_name}\". "
                         "Repeatable; overrides the header's own matching for FIELD."),
                      QStringLiteral("FIELD=TEMPLATE")});
    parser.addPositionalArgument(QStringLiteral("input"), tr("The CSV file."), QStringLiteral("INPUT.csv"));
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    const QStringList inputs = parser.positionalArguments();
    if (inputs.size() != 1) {
        context.err << tr("Usage: wardroll-cli import --db FILE [--map FIELD=TEMPLATE ...] INPUT.csv")
                    << Qt::endl;
        return BadUsage;
    }
    if (!parser.isSet(QStringLiteral("db"))) {
        context.err << tr("Missing --db FILE.") << Qt::endl;
        return BadUsage;
    }
    const QString input = inputs.front();
    const QStringList maps = parser.values(QStringLiteral("map"));
    if (!mapsUsable(input, maps, context))
        return BadUsage;

    // A ward this import creates is removed again when the import fails: "unchanged" then means
    // "not there", not "there and empty".
    const QString dbPath = parser.value(QStringLiteral("db"));
    const bool wardExisted = QFileInfo::exists(dbPath);
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, true, &code);
    if (!ward)
        return code;

    model::CsvImporter::Options options;
    options.maps = maps;
    const QString what = tr("Importing");
    options.progress = [&](qint64 done, qint64 total) {
        CliSupport::progress(context, what, done, total);
        return true;
    };
    auto report = model::CsvImporter(*ward).importFile(input, options);
    CliSupport::endProgress(context);
    if (!report.ok()) {
        context.err << report.error().toString() << Qt::endl;
        if (!wardExisted) {
            ward.reset();
            for (const char* suffix : {"", "-wal", "-shm"})
                QFile::remove(dbPath + QLatin1String(suffix));
        }
        return Failure;
    }
    if (!report->ignoredColumns.isEmpty()) {
        context.err << tr("warning: columns ignored (no matching field): %1")
                           .arg(report->ignoredColumns.join(QStringLiteral(", ")))
                    << Qt::endl;
    }
    for (const auto& rejected : report->rejected)
        context.err << QStringLiteral("line %1: %2").arg(rejected.line).arg(rejected.reason) << '\n';
    context.err.flush();
    context.out << QStringLiteral("imported %1 rows, rejected %2, households %3")
                       .arg(report->imported)
                       .arg(report->rejected.size())
                       .arg(report->householdsCreated)
                << Qt::endl;
    return Success;
}

int runExport(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Writes the ward's live residents to a CSV file with the canonical columns (UTF-8, RFC 4180)."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("out"), tr("The CSV file to write."), QStringLiteral("OUT.csv")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    if (!parser.isSet(QStringLiteral("out")) || !parser.positionalArguments().isEmpty()) {
        context.err << tr("Usage: wardroll-cli export --db FILE --out OUT.csv") << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    const QString what = tr("Exporting");
    auto rows = model::CsvExporter(*ward).exportFile(parser.value(QStringLiteral("out")),
                                                     [&](qint64 done, qint64 total) {
                                                         CliSupport::progress(context, what, done, total);
                                                         return true;
                                                     });
    CliSupport::endProgress(context);
    if (!rows.ok()) {
        context.err << rows.error().toString() << Qt::endl;
        return Failure;
    }
    context.out << QStringLiteral("exported %1 rows").arg(rows.value()) << Qt::endl;
    return Success;
}

} // namespace wardroll::cli
