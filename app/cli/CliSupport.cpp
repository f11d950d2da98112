#include "CliVerb.h"
#include "WardDatabase.h"

#include <cstdio>
#include <unistd.h>

namespace wardroll::cli {

bool CliSupport::parse(QCommandLineParser& parser, const CliContext& context)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.addHelpOption();
    if (!parser.parse(context.arguments)) {
        context.err << parser.errorText() << Qt::endl << parser.helpText();
        context.err.flush();
        return false;
    }
    if (parser.isSet(QStringLiteral("help"))) {
        context.out << parser.helpText();
        context.out.flush();
        return false;
    }
    return true;
}

QCommandLineOption CliSupport::dbOption()
{
    return QCommandLineOption(QStringLiteral("db"), tr("Ward database file."), QStringLiteral("FILE"));
}

std::unique_ptr<model::WardDatabase>
CliSupport::openWard(QCommandLineParser& parser, const CliContext& context, bool create, int* exitCode)
{
    if (!parser.isSet(QStringLiteral("db"))) {
        context.err << tr("Missing --db FILE.") << Qt::endl;
        *exitCode = BadUsage;
        return nullptr;
    }
    model::WardDatabase::Options options;
    options.create = create;
    auto ward = model::WardDatabase::open(parser.value(QStringLiteral("db")), options);
    if (!ward.ok()) {
        context.err << ward.error().toString() << Qt::endl;
        *exitCode = Failure;
        return nullptr;
    }
    *exitCode = Success;
    return std::move(ward.value());
}

void CliSupport::progress(const CliContext& context, const QString& what, qint64 done, qint64 total)
{
    if (!isatty(fileno(stderr)))
        return;
    const int percent = total > 0 ? static_cast<int>(done * 100 / total) : 0;
    context.err << '\r' << what << QStringLiteral(" %1%").arg(percent, 3);
    context.err.flush();
}

void CliSupport::endProgress(const CliContext& context)
{
    if (!isatty(fileno(stderr)))
        return;
    context.err << Qt::endl;
}

QString CliSupport::csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace wardroll::cli
