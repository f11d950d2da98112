#include "CliVerb.h"
#include "ResidentSearch.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wardroll::cli {

int runInit(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Creates an empty ward."));
    parser.addOption(CliSupport::dbOption());
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, true, &code);
    return code;
}

int runStats(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Prints the ward's figures."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("json"), tr("Print JSON.")});
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    model::WardStore store(*ward);
    auto residents = store.countResidents();
    auto households = store.countHouseholds();
    if (!residents.ok() || !households.ok()) {
        context.err << (residents.ok() ? households.error() : residents.error()).toString() << Qt::endl;
        return Failure;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json{{QStringLiteral("residents"), residents.value()},
                         {QStringLiteral("households"), households.value()}};
        context.out << QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    } else {
        context.out << "residents\t" << residents.value() << Qt::endl;
        context.out << "households\t" << households.value() << Qt::endl;
    }
    return Success;
}

int runSearch(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Finds residents by name, ID or birth year."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("limit"), tr("At most N results (default 20)."), QStringLiteral("N"),
                      QStringLiteral("20")});
    parser.addPositionalArgument(QStringLiteral("query"), tr("What to look for."),
                                 QStringLiteral("QUERY..."));
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    bool limitOk = false;
    const int limit = parser.value(QStringLiteral("limit")).toInt(&limitOk);
    const QStringList words = parser.positionalArguments();
    if (!limitOk || limit <= 0 || words.isEmpty()) {
        context.err << tr("Usage: wardroll-cli search --db FILE [--limit N] QUERY") << Qt::endl;
        return BadUsage;
    }
    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    model::ResidentSearch search(*ward);
    auto hits = search.search(words.join(QLatin1Char(' ')), limit);
    if (!hits.ok()) {
        context.err << hits.error().toString() << Qt::endl;
        return Failure;
    }
    for (const auto& hit : hits.value())
        context.out << hit.ref() << '\t' << hit.fullName << '\t' << hit.birthDate.toDisplayString() << '\t'
                    << hit.personalId << '\n';
    context.out.flush();
    return Success;
}

} // namespace wardroll::cli
