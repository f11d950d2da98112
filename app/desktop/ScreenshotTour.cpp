#include "ScreenshotTour.h"

#include "CleaningQueuePage.h"
#include "DuplicateReviewPage.h"
#include "FlagTableModel.h"
#include "HouseholdView.h"
#include "ImportWizard.h"
#include "MainWindow.h"
#include "ResidentForm.h"
#include "ResidentTableModel.h"
#include "SyncImportActions.h"
#include "SyncPanel.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <cstdio>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QScreen>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>

using namespace wardroll;

namespace {

void report(const QString& text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
}

// A small CSV with Vietnamese headers and one row the dry run rejects (no name, no ID), so that
// the wizard's mapping page has something to match.
const char sampleCsv[] = "Họ và tên,Ngày sinh,Giới tính,Số định danh cá nhân,Dân tộc,Tôn giáo,Thôn\n"
                         "Nguyễn Văn An,12/03/1985,Nam,001085012345,Kinh,Không,Thôn Đông\n"
                         "Trần Thị Bích,1990,Nữ,001190054321,Kinh,Phật giáo,Thôn Đông\n"
                         ",,Nam,,Kinh,Không,Thôn Tây\n";

} // namespace

ScreenshotTour::ScreenshotTour(ui::MainWindow& window, QString directory, QObject* parent)
    : QObject(parent)
    , m_window(window)
    , m_directory(std::move(directory))
{
}

void ScreenshotTour::start()
{
    QDir().mkpath(m_directory);
    // The status bar's figures are counted in the background: the window is complete after.
    connect(
        &m_window, &ui::MainWindow::figuresShown, this,
        [this] { QTimer::singleShot(0, this, &ScreenshotTour::mainWindow); }, Qt::SingleShotConnection);
}

void ScreenshotTour::fail(const QString& what)
{
    report(what);
    m_ok = false;
}

bool ScreenshotTour::save(QWidget* widget, const QString& name)
{
    widget->show();
    QCoreApplication::sendPostedEvents();
    QApplication::processEvents();
    const QString file = QDir(m_directory).filePath(name + QStringLiteral(".png"));
    if (!widget->grab().save(file)) {
        fail(QStringLiteral("Could not save ") + file);
        return false;
    }
    report(QStringLiteral("saved ") + file);
    return true;
}

void ScreenshotTour::mainWindow()
{
    if (m_window.residentModel()->rowCount() > 3)
        m_window.findChild<QTableView*>(QStringLiteral("residentTable"))->selectRow(3);
    save(&m_window, QStringLiteral("main-window"));
    connect(m_window.cleaningPage(), &ui::CleaningQueuePage::cleaningFinished, this,
            &ScreenshotTour::cleaningPages,
            // Queued: after the pages' own (queued) refreshes.
            Qt::ConnectionType(Qt::SingleShotConnection | Qt::QueuedConnection));
    m_window.cleaningPage()->runCleaning();
}

void ScreenshotTour::cleaningPages(bool completed)
{
    // The review lists re-read in the background after a run.
    if (m_window.cleaningPage()->flagModel()->isRefreshing()
        || m_window.duplicatePage()->pairModel()->isRefreshing()) {
        QTimer::singleShot(20, this, [this, completed] { cleaningPages(completed); });
        return;
    }
    if (!completed)
        fail(QStringLiteral("The cleaning did not complete; the queue may be empty."));
    auto* tabs = m_window.findChild<QTabWidget*>(QStringLiteral("pages"));
    tabs->setCurrentWidget(m_window.cleaningPage());
    if (m_window.cleaningPage()->flagModel()->rowCount() > 0)
        m_window.cleaningPage()->flagTable()->selectRow(0);
    save(&m_window, QStringLiteral("cleaning-queue"));

    tabs->setCurrentWidget(m_window.duplicatePage());
    ui::FlagTableModel* pairs = m_window.duplicatePage()->pairModel();
    if (pairs->rowCount() > 0)
        m_window.duplicatePage()->selectPair(
            pairs->data(pairs->index(0, 0), ui::FlagTableModel::IdRole).toString());
    save(&m_window, QStringLiteral("duplicate-review"));
    tabs->setCurrentIndex(0);
    QTimer::singleShot(0, this, &ScreenshotTour::dialogs);
}

void ScreenshotTour::dialogs()
{
    model::WardDatabase& ward = m_window.ward();
    ui::ResidentTableModel* residents = m_window.residentModel();
    // The first resident with a name (the demo ward has nameless defects at the top of the list).
    QString residentId;
    for (int row = 0; row < residents->rowCount() && residentId.isEmpty(); ++row) {
        if (!residents->data(residents->index(row, ui::ResidentTableModel::NameColumn)).toString().isEmpty())
            residentId = residents->data(residents->index(row, 0), ui::ResidentTableModel::IdRole).toString();
    }

    {
        ui::ResidentForm form(ward, residentId, &m_window);
        form.resize(1340, 720);
        save(&form, QStringLiteral("resident-form"));
        form.reject();
    }

    const auto resident = model::WardStore(ward).resident(residentId);
    if (resident.ok() && !resident->householdId.isEmpty()) {
        ui::HouseholdView view(ward, resident->householdId, &m_window);
        view.resize(960, 600);
        save(&view, QStringLiteral("household-view"));
        view.reject();
    } else {
        fail(QStringLiteral("The first resident has no household: no household view."));
    }

    if (auto* actions = m_window.findChild<ui::SyncImportActions*>(); actions && actions->controller()) {
        ui::SyncPanel panel(*actions->controller(), &m_window);
        panel.resize(900, 560);
        save(&panel, QStringLiteral("sync-panel"));
        panel.reject();
    } else {
        fail(QStringLiteral("No sync controller: no sync panel."));
    }

    {
        const QString csv = m_work.filePath(QStringLiteral("nhan-khau.csv"));
        QFile file(csv);
        if (file.open(QIODevice::WriteOnly))
            file.write(sampleCsv);
        file.close();
        ui::ImportWizard wizard(ward, &m_window);
        wizard.resize(900, 620);
        wizard.setFilePath(csv);
        wizard.show();
        wizard.next(); // encoding and preview
        wizard.next(); // column mapping, Vietnamese headers pre-matched
        save(&wizard, QStringLiteral("import-wizard"));
        wizard.reject();
    }
    Q_EMIT finished(m_ok);
}
