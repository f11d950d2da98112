#include "CliVerb.h"
#include "TranslationCatalog.h"

#include <cstdio>
#include <functional>
#include <map>
#include <QCoreApplication>
#include <QTranslator>

using namespace wardroll::cli;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wardroll-cli"));
    // Only messages are translated: verbs, flags and output columns are fixed for scripts.
    QTranslator translator;
    wardroll::i18n::TranslationCatalog::installCommandLineTranslation(translator);

    QTextStream out(stdout);
    QTextStream err(stderr);

    // The verbs are a contract with scripts: names and flags are kept, new ones added.
    const std::map<QString, std::function<int(const CliContext&)>> verbs = {
        {QStringLiteral("init"), runInit},           {QStringLiteral("stats"), runStats},
        {QStringLiteral("search"), runSearch},       {QStringLiteral("demo"), runDemo},
        {QStringLiteral("import"), runImport},       {QStringLiteral("export"), runExport},
        {QStringLiteral("enroll"), runEnroll},       {QStringLiteral("sync"), runSync},
        {QStringLiteral("conflicts"), runConflicts}, {QStringLiteral("outbox-export"), runOutboxExport},
        {QStringLiteral("resident"), runResident},   {QStringLiteral("clean"), runClean},
        {QStringLiteral("flags"), runFlags},         {QStringLiteral("duplicates"), runDuplicates},
        {QStringLiteral("merge"), runMerge},         {QStringLiteral("unmerge"), runUnmerge},
    };

    const QStringList args = QCoreApplication::arguments();
    const QString verb = args.value(1);
    const auto it = verbs.find(verb);
    if (it == verbs.end()) {
        err << QCoreApplication::translate("main", "Usage: wardroll-cli VERB --db FILE [options]")
            << Qt::endl;
        err << QCoreApplication::translate("main", "Verbs:");
        for (const auto& [name, run] : verbs)
            err << ' ' << name;
        err << Qt::endl;
        return verb == u"--help" || verb == u"help" ? Success : BadUsage;
    }
    // QCommandLineParser wants the program name first: drop the verb, keep the rest.
    QStringList verbArgs = args;
    verbArgs.removeAt(1);
    return it->second(CliContext{verbArgs, out, err});
}
