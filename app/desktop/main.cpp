#include "BackgroundPool.h"
#include "CleaningQueuePage.h"
#include "CleaningRunner.h"
#include "DemoWardBuilder.h"
#include "EventLoopStallMeter.h"
#include "LanguageManager.h"
#include "MainWindow.h"
#include "ResidentTableModel.h"
#include "ScreenshotTour.h"
#include "SearchLatencyProbe.h"
#include "SyncController.h"
#include "SyncImportActions.h"
#include "WardDatabase.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QMessageBox>
#include <QPixmap>
#include <QProgressDialog>
#include <QSettings>
#include <QTabWidget>
#include <QtConcurrent/QtConcurrentRun>
#include <QTemporaryDir>
#include <QTimer>

using namespace wardroll;

namespace {

// Plain words and a next step for an officer; the technical detail stays one click away.
void showOpenError(const QString& path, const model::Error& error, const QString& nextStep)
{
    QMessageBox box(QMessageBox::Critical, QStringLiteral("WardRoll"),
                    QApplication::translate("main", "WardRoll could not open the ward file “%1”.").arg(path));
    box.setInformativeText(error.message + QStringLiteral("\n\n") + nextStep);
    box.setDetailedText(error.detail);
    box.addButton(QApplication::translate("main", "Close"), QMessageBox::AcceptRole);
    box.exec();
}

void printLine(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

// Opens the ward on a worker thread. A ward saved by an older version is upgraded as it opens,
// which takes seconds on a large ward (the search index is rebuilt, ~3 s for 200,000 residents):
// after a moment the officer sees why he waits, in a window that answers.
model::Result<std::unique_ptr<model::WardDatabase>>
openWard(const QString& path, const model::WardDatabase::Options& options, bool showWaiting)
{
    QFuture<model::Result<std::unique_ptr<model::WardDatabase>>> opening = QtConcurrent::run(
        ui::backgroundPool(), [path, options] { return model::WardDatabase::open(path, options); });
    QFutureWatcher<model::Result<std::unique_ptr<model::WardDatabase>>> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcherBase::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(opening);
    std::unique_ptr<QProgressDialog> waiting;
    QTimer later;
    later.setSingleShot(true);
    QObject::connect(&later, &QTimer::timeout, &loop, [&] {
        waiting = std::make_unique<QProgressDialog>(
            QApplication::translate("main",
                                    "Opening the ward file “%1”…\nA ward saved by an older version "
                                    "of WardRoll is brought up to date first, once: this can "
                                    "take a minute.")
                .arg(QFileInfo(path).fileName()),
            QString(), 0, 0);
        waiting->setWindowTitle(QStringLiteral("WardRoll"));
        waiting->setMinimumDuration(0);
        waiting->show();
    });
    if (showWaiting)
        later.start(400);
    if (!opening.isFinished())
        loop.exec();
    return opening.takeResult();
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("WardRoll"));
    QApplication::setOrganizationName(QStringLiteral("WardRoll"));

    ui::LanguageManager languages;
    languages.setLanguage(ui::LanguageManager::savedLanguage(), false);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Residents' records for commune police"));
    parser.addHelpOption();
    QCommandLineOption dbOption(
        QStringLiteral("db"),
        QApplication::translate("main",
                                "Ward database file. Without it, the demo ward opens (made on first run)."),
        QStringLiteral("FILE"));
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main",
                                "Save a picture of the main window to FILE once the list shows, then exit."),
        QStringLiteral("FILE"));
    QCommandLineOption measureOption(
        QStringLiteral("measure-startup"),
        QApplication::translate("main",
                                "Print the time from start to the first page of residents, then exit."));
    parser.addOption(dbOption);
    parser.addOption(screenshotOption);
    parser.addOption(measureOption);
    QCommandLineOption cleanStallOption(
        QStringLiteral("measure-clean-stall"),
        QApplication::translate("main",
                                "Run the cleaning from the window, print the longest time the window "
                                "did not answer meanwhile, then exit."));
    parser.addOption(cleanStallOption);
    QCommandLineOption screenshotsOption(
        QStringLiteral("screenshots"),
        QApplication::translate("main",
                                "Save pictures of the main screens (main window, resident form, household, "
                                "cleaning queue, duplicates, sync panel, import wizard) to DIR, then exit. "
                                "Runs the cleaning on the ward first."),
        QStringLiteral("DIR"));
    parser.addOption(screenshotsOption);
    QCommandLineOption searchOption(
        QStringLiteral("measure-search"),
        QApplication::translate("main",
                                "Type TEXT into the search box key by key, print the time from each key to "
                                "the list showing its rows, then exit."),
        QStringLiteral("TEXT"));
    parser.addOption(searchOption);
    QCommandLineOption syncStallOption(
        QStringLiteral("measure-sync-stall"),
        QApplication::translate("main",
                                "Run one sync round from the window (the ward must be enrolled), print the "
                                "longest time the window did not answer meanwhile, then exit."));
    parser.addOption(syncStallOption);
    parser.process(app);
    const bool screenshots = parser.isSet(screenshotOption) || parser.isSet(screenshotsOption);
    const bool headless = screenshots || parser.isSet(measureOption) || parser.isSet(cleanStallOption)
        || parser.isSet(searchOption) || parser.isSet(syncStallOption);

    // A screenshot shows the defaults (Vietnamese, default layout), not this user's settings.
    std::optional<QTemporaryDir> cleanSettings;
    if (screenshots) {
        cleanSettings.emplace();
        QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, cleanSettings->path());
        languages.setLanguage(ui::LanguageManager::Language::Vietnamese, false);
    }

    QString path = parser.value(dbOption);
    model::WardDatabase::Options options;
    options.create = false;
    if (path.isEmpty()) {
        auto demo = ui::DemoWardBuilder::ensure(ui::DemoWardBuilder::defaultPath(), nullptr);
        if (!demo.ok()) {
            if (demo.error().kind == model::Error::Kind::Cancelled)
                return 0;
            if (headless)
                printLine(demo.error().toString());
            else
                showOpenError(ui::DemoWardBuilder::defaultPath(), demo.error(),
                              QApplication::translate("main",
                                                      "Check that the disk has free space and that you "
                                                      "may write to this folder, then start WardRoll "
                                                      "again."));
            return 1;
        }
        path = demo.value();
    }
    auto ward = openWard(path, options, !headless);
    if (!ward.ok()) {
        if (headless)
            printLine(ward.error().toString());
        else
            showOpenError(
                path, ward.error(),
                QApplication::translate("main",
                                        "Check the file name, and that the file is a WardRoll ward that "
                                        "you may read and write. To try WardRoll with the demo ward "
                                        "instead, start it without --db."));
        return 1;
    }

    ui::MainWindow window(std::move(ward.value()), &languages);
    const qint64 firstPageMs = startup.elapsed();
    if (headless)
        window.resize(1366, 768);
    window.show();

    if (parser.isSet(measureOption)) {
        QTimer::singleShot(0, &window, [&] {
            printLine(
                QStringLiteral("startup: first page (%1 rows) read after %2 ms, window shown after %3 ms")
                    .arg(window.residentModel()->rowCount())
                    .arg(firstPageMs)
                    .arg(startup.elapsed()));
            QApplication::exit(0);
        });
    }
    ui::EventLoopStallMeter stallMeter;
    if (parser.isSet(cleanStallOption)) {
        // Measured until the window has re-read everything after the run (the review lists and the
        // figures re-read in the background, the figures last), then a short quiet time.
        auto report = [&stallMeter, &window](bool completed) {
            stallMeter.stop();
            const auto& outcome = window.cleaningPage()->runner()->lastOutcome();
            printLine(QStringLiteral("clean: %1 in %2 s (%3 records); longest event-loop stall "
                                     "%4 ms over %5 ticks of %6 ms; stalls over 100 ms: %7")
                          .arg(completed ? QStringLiteral("completed") : QStringLiteral("not completed"))
                          .arg(outcome.summary.seconds, 0, 'f', 1)
                          .arg(outcome.summary.residents)
                          .arg(stallMeter.longestGapMs())
                          .arg(stallMeter.ticks())
                          .arg(stallMeter.intervalMs())
                          .arg(stallMeter.stallsOver(100)));
            QApplication::exit(completed ? 0 : 1);
        };
        QObject::connect(window.cleaningPage(), &ui::CleaningQueuePage::cleaningFinished, &window,
                         [&window, report](bool completed) {
                             QObject::connect(
                                 &window, &ui::MainWindow::figuresShown, &window,
                                 [&window, report, completed] {
                                     QTimer::singleShot(200, &window,
                                                        [report, completed] { report(completed); });
                                 },
                                 Qt::SingleShotConnection);
                         });
        // From a window that is up (painted, its figures counted), on the cleaning tab, as the
        // officer starts it.
        QObject::connect(
            &window, &ui::MainWindow::figuresShown, &window,
            [&stallMeter, &window] {
                if (auto* tabs = window.findChild<QTabWidget*>(QStringLiteral("pages")))
                    tabs->setCurrentWidget(window.cleaningPage());
                QTimer::singleShot(100, &window, [&stallMeter, &window] {
                    stallMeter.start();
                    window.cleaningPage()->runCleaning();
                });
            },
            Qt::SingleShotConnection);
    }
    std::optional<ScreenshotTour> tour;
    if (parser.isSet(screenshotsOption)) {
        tour.emplace(window, parser.value(screenshotsOption));
        QObject::connect(&*tour, &ScreenshotTour::finished, &window,
                         [](bool ok) { QApplication::exit(ok ? 0 : 1); });
        tour->start();
    }
    if (parser.isSet(searchOption)) {
        // After the figures: their background count would otherwise compete for the disk.
        QObject::connect(
            &window, &ui::MainWindow::figuresShown, &window,
            [&window, text = parser.value(searchOption)] {
                const auto steps = SearchLatencyProbe(window).type(text);
                QList<double> times;
                for (const auto& step : steps) {
                    printLine(QStringLiteral("search \u201c%1\u201d: %2 ms, %3 rows shown, %4 matches")
                                  .arg(step.text)
                                  .arg(step.ms, 0, 'f', 1)
                                  .arg(step.rows)
                                  .arg(step.matches));
                    times << step.ms;
                }
                std::sort(times.begin(), times.end());
                if (!times.isEmpty())
                    printLine(QStringLiteral("search: %1 keys, median %2 ms, longest %3 ms (plus the %4 ms "
                                             "typing pause while keys keep coming)")
                                  .arg(times.size())
                                  .arg(times.at(times.size() / 2), 0, 'f', 1)
                                  .arg(times.constLast(), 0, 'f', 1)
                                  .arg(ui::MainWindow::searchDelayMs));
                QApplication::exit(times.isEmpty() ? 1 : 0);
            },
            Qt::SingleShotConnection);
    }
    if (parser.isSet(syncStallOption)) {
        auto* actions = window.findChild<ui::SyncImportActions*>();
        ui::SyncController* controller = actions ? actions->controller() : nullptr;
        if (!controller || !controller->isEnrolled()) {
            printLine(QStringLiteral("sync: the ward is not enrolled with a hub"));
            return 1;
        }
        QObject::connect(
            controller, &ui::SyncController::roundFinished, &window, [&stallMeter, controller](bool ok) {
                stallMeter.stop();
                const auto& report = controller->lastReport();
                printLine(
                    QStringLiteral("sync: round %1 (%2); longest event-loop stall %3 ms "
                                   "over %4 ticks of %5 ms; stalls over 100 ms: %6")
                        .arg(ok ? QStringLiteral("succeeded") : QStringLiteral("failed"))
                        .arg(ok ? QStringLiteral("%1 sealed, %2 acknowledged, %3 pulled, %4 rows applied")
                                      .arg(report.sealed)
                                      .arg(report.acknowledged)
                                      .arg(report.pulledEntries)
                                      .arg(report.appliedRows)
                                : controller->lastError())
                        .arg(stallMeter.longestGapMs())
                        .arg(stallMeter.ticks())
                        .arg(stallMeter.intervalMs())
                        .arg(stallMeter.stallsOver(100)));
                QApplication::exit(ok ? 0 : 1);
            });
        // An enrolled ward starts its first round as the window opens: measure from there.
        stallMeter.start();
        if (!controller->isRunning())
            QTimer::singleShot(0, &window, [controller] { controller->syncNow(); });
    }
    if (parser.isSet(screenshotOption)) {
        // Once the status bar shows the ward's figures, counted in the background.
        const QString file = parser.value(screenshotOption);
        QObject::connect(&window, &ui::MainWindow::figuresShown, &window, [&window, file] {
            // Let the status bar lay out its new text first.
            QTimer::singleShot(0, &window, [&window, file] {
                QCoreApplication::sendPostedEvents();
                const bool saved = window.grab().save(file);
                if (!saved)
                    printLine(QStringLiteral("Could not save the screenshot to ") + file);
                QApplication::exit(saved ? 0 : 1);
            });
        });
    }
    return app.exec();
}
