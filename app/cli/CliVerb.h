#pragma once

#include <memory>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QStringList>
#include <QTextStream>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::cli {

// The verbs' messages, under one translation context (lupdate files a tr() call in this
// namespace under "wardroll::cli").
inline QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("wardroll::cli", text, disambiguation, n);
}

// Exit codes of every verb: the contract scripts rely on.
enum ExitCode { Success = 0, Failure = 1, BadUsage = 2 };

// What a verb gets: the program name followed by the arguments after the verb, and where to write.
struct CliContext
{
    QStringList arguments;
    QTextStream& out;
    QTextStream& err;
};

// Shared helpers for verbs.
class CliSupport
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::cli::CliSupport)
public:
    // Parses; on bad usage prints the reason and help to err and returns false.
    [[nodiscard]] static bool parse(QCommandLineParser& parser, const CliContext& context);
    [[nodiscard]] static QCommandLineOption dbOption();
    // Requires --db; opens (creating when `create`) or prints the error.
    [[nodiscard]] static std::unique_ptr<model::WardDatabase>
    openWard(QCommandLineParser& parser, const CliContext& context, bool create, int* exitCode);
    // A progress line on a terminal (stderr is a TTY), nothing otherwise.
    static void progress(const CliContext& context, const QString& what, qint64 done, qint64 total);
    static void endProgress(const CliContext& context);
    // One CSV field, quoted only when it has to be (RFC 4180).
    [[nodiscard]] static QString csvField(const QString& text);
};

int runInit(const CliContext& context);
int runStats(const CliContext& context);
int runSearch(const CliContext& context);
int runDemo(const CliContext& context);
int runImport(const CliContext& context);
int runExport(const CliContext& context);
// Sync (SyncVerbs.cpp, ResidentVerbs.cpp).
int runEnroll(const CliContext& context);
int runSync(const CliContext& context);
int runConflicts(const CliContext& context);
int runOutboxExport(const CliContext& context);
int runResident(const CliContext& context);
int runClean(const CliContext& context);
int runFlags(const CliContext& context);
int runDuplicates(const CliContext& context);
int runMerge(const CliContext& context);
int runUnmerge(const CliContext& context);

} // namespace wardroll::cli
