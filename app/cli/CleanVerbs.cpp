#include "CleaningRun.h"
#include "CliVerb.h"
#include "FlagStore.h"
#include "WardDatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wardroll::cli {

namespace {

// Comma-separated values of a repeatable option: "--rule a,b --rule c".
QStringList listOption(const QCommandLineParser& parser, const QString& name)
{
    QStringList out;
    for (const QString& value : parser.values(name))
        for (const QString& part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            out << part.trimmed();
    return out;
}

QJsonObject summaryJson(const model::CleaningRun::Summary& s)
{
    QJsonObject byRule;
    for (auto it = s.byRule.cbegin(); it != s.byRule.cend(); ++it)
        byRule.insert(it.key(), it.value());
    QJsonObject bySeverity;
    for (auto it = s.bySeverity.cbegin(); it != s.bySeverity.cend(); ++it)
        bySeverity.insert(it.key(), it.value());
    return QJsonObject{
        {QStringLiteral("residents"), s.residents},
        {QStringLiteral("households"), s.households},
        {QStringLiteral("findings"), s.findings},
        {QStringLiteral("by_rule"), byRule},
        {QStringLiteral("by_severity"), bySeverity},
        {QStringLiteral("probable_clusters"), s.probableClusters},
        {QStringLiteral("possible_clusters"), s.possibleClusters},
        {QStringLiteral("flags_new"), s.flags.created},
        {QStringLiteral("flags_reopened"), s.flags.reopened},
        {QStringLiteral("flags_closed"), s.flags.closed},
        {QStringLiteral("flags_updated"), s.flags.updated},
        {QStringLiteral("flags_unchanged"), s.flags.unchanged},
        {QStringLiteral("seconds"), s.seconds},
        {QStringLiteral("rules_seconds"), s.rulesSeconds},
        {QStringLiteral("duplicates_seconds"), s.duplicatesSeconds},
        {QStringLiteral("save_seconds"), s.saveSeconds},
    };
}

QJsonObject flagJson(const model::Flag& f)
{
    QJsonObject json{
        {QStringLiteral("id"), f.id},
        {QStringLiteral("rule"), f.finding.rule},
        {QStringLiteral("severity"), model::severityCode(f.finding.severity)},
        {QStringLiteral("state"), model::flagStateCode(f.state)},
        {QStringLiteral("source_ref"), f.residentRef},
        {QStringLiteral("household_ref"), f.householdRef},
        {QStringLiteral("other_ref"), f.otherResidentRef},
        {QStringLiteral("message"), f.finding.message},
        {QStringLiteral("fields"), QJsonArray::fromStringList(f.finding.fields)},
        {QStringLiteral("village"), f.village},
        {QStringLiteral("score"), f.finding.score},
        {QStringLiteral("created_at"), f.createdAt},
        {QStringLiteral("updated_at"), f.updatedAt},
        {QStringLiteral("updated_by"), f.updatedBy},
    };
    if (f.resolution != model::Resolution::None)
        json.insert(QStringLiteral("resolution"), model::resolutionCode(f.resolution));
    if (!f.reason.isEmpty())
        json.insert(QStringLiteral("reason"), f.reason);
    if (!f.finding.suggestedField.isEmpty()) {
        json.insert(QStringLiteral("suggested_field"), f.finding.suggestedField);
        json.insert(QStringLiteral("suggested_value"), f.finding.suggestedValue);
    }
    if (!f.finding.details.isEmpty()) {
        const QJsonDocument details = QJsonDocument::fromJson(f.finding.details.toUtf8());
        if (details.isObject())
            json.insert(QStringLiteral("details"), details.object());
        else if (details.isArray())
            json.insert(QStringLiteral("details"), details.array());
        else
            json.insert(QStringLiteral("details"), f.finding.details);
    }
    return json;
}

} // namespace

int runClean(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Runs every consistency rule and duplicate detection on the ward and updates its flags."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("json"), tr("Print the summary as JSON.")});
    parser.addOption({QStringLiteral("no-duplicates"), tr("Skip duplicate detection.")});
    parser.addOption({QStringLiteral("threads"), tr("Worker threads (default: one per core)."),
                      QStringLiteral("N"), QStringLiteral("0")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    bool threadsOk = false;
    const int threads = parser.value(QStringLiteral("threads")).toInt(&threadsOk);
    if (!threadsOk || threads < 0) {
        context.err << tr("Usage: wardroll-cli clean --db FILE [--json] [--no-duplicates] [--threads N]")
                    << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;

    model::CleaningRun::Options options;
    options.duplicates = !parser.isSet(QStringLiteral("no-duplicates"));
    options.threads = threads;
    const QString what = tr("Cleaning");
    options.progress = [&context, &what](qint64 done, qint64 total) {
        CliSupport::progress(context, what, done, total);
        return true;
    };
    auto summary = model::CleaningRun(*ward).run(options);
    CliSupport::endProgress(context);
    if (!summary.ok()) {
        context.err << summary.error().toString() << Qt::endl;
        return Failure;
    }
    const model::CleaningRun::Summary& s = summary.value();
    if (parser.isSet(QStringLiteral("json"))) {
        context.out << QString::fromUtf8(QJsonDocument(summaryJson(s)).toJson(QJsonDocument::Indented));
        context.out.flush();
        return Success;
    }
    // Tab-separated "name<TAB>value" lines, as `stats` prints, then one line per rule.
    context.out << "residents\t" << s.residents << '\n';
    context.out << "households\t" << s.households << '\n';
    context.out << "findings\t" << s.findings << '\n';
    for (const char* severity : {"error", "warning", "info"})
        context.out << severity << '\t' << s.bySeverity.value(QLatin1String(severity)) << '\n';
    context.out << "flags_new\t" << s.flags.created << '\n';
    context.out << "flags_reopened\t" << s.flags.reopened << '\n';
    context.out << "flags_closed\t" << s.flags.closed << '\n';
    context.out << "seconds\t" << QString::number(s.seconds, 'f', 2) << '\n';
    for (auto it = s.byRule.cbegin(); it != s.byRule.cend(); ++it)
        context.out << "rule\t" << it.key() << '\t' << it.value() << '\n';
    context.out.flush();
    return Success;
}

int runFlags(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Lists the ward's flags, errors first (open and in verification by "
                                        "default)."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("rule"),
                      tr("Only this rule (repeatable; \"household.*\" for a family)."),
                      QStringLiteral("CODE")});
    parser.addOption({QStringLiteral("severity"), tr("Only these severities: error, warning, info."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("state"),
                      tr("Only these states: open, in_verification, resolved, dismissed, closed, or all."),
                      QStringLiteral("LIST")});
    parser.addOption({QStringLiteral("village"), tr("Only this village."), QStringLiteral("NAME")});
    parser.addOption({QStringLiteral("format"), tr("csv (default) or json."), QStringLiteral("FORMAT"),
                      QStringLiteral("csv")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;

    model::FlagQuery query;
    query.rules = listOption(parser, QStringLiteral("rule"));
    bool usageOk = true;
    for (const QString& code : listOption(parser, QStringLiteral("severity"))) {
        const auto severity = model::severityFromCode(code);
        usageOk = usageOk && severity.has_value();
        if (severity)
            query.severities << *severity;
    }
    if (parser.isSet(QStringLiteral("state"))) {
        query.states.clear();
        for (const QString& code : listOption(parser, QStringLiteral("state"))) {
            if (code == u"all") {
                query.states.clear();
                break;
            }
            const auto state = model::flagStateFromCode(code);
            usageOk = usageOk && state.has_value();
            if (state)
                query.states << *state;
        }
    }
    if (parser.isSet(QStringLiteral("village")))
        query.village = parser.value(QStringLiteral("village"));
    const QString format = parser.value(QStringLiteral("format"));
    if (!usageOk || (format != u"csv" && format != u"json")) {
        context.err << tr(
            "Usage: wardroll-cli flags --db FILE [--rule CODE] [--severity LIST] [--state LIST|all] "
            "[--village NAME] [--format csv|json]")
                    << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;

    model::FlagStore store(*ward);
    model::Status status;
    if (format == u"json") {
        // One object per line inside the array: streams, whatever the number of flags.
        bool first = true;
        context.out << "[";
        status = store.forEach(query, [&](const model::Flag& f) {
            context.out << (first ? "\n" : ",\n")
                        << QString::fromUtf8(QJsonDocument(flagJson(f)).toJson(QJsonDocument::Compact));
            first = false;
            return true;
        });
        context.out << (first ? "]\n" : "\n]\n");
    } else {
        // The first five columns are a contract with scripts; more may be added at the end.
        context.out
            << "rule,severity,source_ref,household_ref,message,other_ref,state,fields,suggested_field,"
               "suggested_value,score,id\n";
        status = store.forEach(query, [&](const model::Flag& f) {
            const QStringList row{f.finding.rule,
                                  model::severityCode(f.finding.severity),
                                  f.residentRef,
                                  f.householdRef,
                                  f.finding.message,
                                  f.otherResidentRef,
                                  model::flagStateCode(f.state),
                                  f.finding.fields.join(QLatin1Char(';')),
                                  f.finding.suggestedField,
                                  f.finding.suggestedValue,
                                  f.finding.score == 0 ? QString() : QString::number(f.finding.score, 'f', 2),
                                  f.id};
            QStringList fields;
            for (const QString& value : row)
                fields << CliSupport::csvField(value);
            context.out << fields.join(QLatin1Char(',')) << '\n';
            return true;
        });
    }
    context.out.flush();
    if (!status.ok()) {
        context.err << status.error().toString() << Qt::endl;
        return Failure;
    }
    return Success;
}

} // namespace wardroll::cli
