// File › Export to CSV… from the main window: the officer picks a file in the save dialog, the
// export runs off the UI thread with a progress dialog, and the file holds the canonical header
// and the ward's live residents. Cancelled, it leaves nothing at the target (nor a temporary file).
#include "BackgroundPool.h"
#include "CsvFieldMap.h"
#include "MainWindow.h"
#include "SampleWard.h"
#include "SyncImportActions.h"
#include "TempWard.h"
#include "WardStore.h"

#include <functional>
#include <memory>
#include <QApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSemaphore>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>
#include <QTimer>

using namespace wardroll;

namespace {

// Runs `handle` on the next modal widget of type T once it shows (exec() blocks the test's own
// code meanwhile), polling the event loop.
template <typename T> void whenModal(std::function<void(T*)> handle)
{
    auto attempt = std::make_shared<std::function<void()>>();
    *attempt = [handle, attempt] {
        if (auto* widget = qobject_cast<T*>(QApplication::activeModalWidget()))
            handle(widget);
        else
            QTimer::singleShot(10, *attempt);
    };
    QTimer::singleShot(0, *attempt);
}

// Types the file name into the save dialog and clicks Save, as the officer would.
void chooseFile(const QString& path)
{
    whenModal<QFileDialog>([path](QFileDialog* dialog) {
        auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
        QVERIFY(name);
        // Set as typed (key clicks would open the completer's popup, which the offscreen platform
        // cannot give the keyboard to).
        name->setText(path);
        auto* buttons = dialog->findChild<QDialogButtonBox*>();
        QVERIFY(buttons && buttons->button(QDialogButtonBox::Save));
        buttons->button(QDialogButtonBox::Save)->click();
    });
}

// Closes the message that ends the export, keeping its text.
void readEndMessage(QString* text)
{
    whenModal<QMessageBox>([text](QMessageBox* box) {
        *text = box->text();
        box->buttons().constFirst()->click();
    });
}

QAction* exportAction(ui::MainWindow& window)
{
    // Through the File menu, where the officer finds it.
    QMenu* file = window.menuBar()->actions().constFirst()->menu();
    for (QAction* action : file->actions()) {
        if (action->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E))
            return action;
    }
    return nullptr;
}

QStringList csvLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

class TestCsvExport : public QObject
{
    Q_OBJECT
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        test::isolateSettings(m_settings.path());
    }

    void exportFromTheFileMenuWritesTheWard()
    {
        test::TempWard temp;
        const test::SampleWard sample = test::fillSampleWard(temp.ward(), 300, 7);
        const qint64 residents = model::WardStore(temp.ward()).countResidents().value();
        QCOMPARE(residents, qint64(sample.liveIds.size()));
        model::WardDatabase::Options options;
        options.create = false;
        ui::MainWindow window(std::move(model::WardDatabase::open(temp.path(), options).value()));
        window.show();
        auto* actions = window.findChild<ui::SyncImportActions*>();
        QVERIFY(actions);
        QAction* exportCsv = exportAction(window);
        QVERIFY(exportCsv);
        QVERIFY(exportCsv->isEnabled());

        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("residents.csv"));
        chooseFile(target);
        QString message;
        readEndMessage(&message);
        exportCsv->trigger(); // returns once the file is chosen and the export started
        QVERIFY(actions->isBusy()); // off the UI thread: still running
        auto* progress = window.findChild<QProgressDialog*>();
        QVERIFY(progress);
        QCOMPARE(progress->windowTitle(), ui::SyncImportActions::tr("Export to CSV"));
        QTRY_VERIFY_WITH_TIMEOUT(!actions->isBusy() && !message.isEmpty(), 30000);
        QVERIFY2(message.contains(QString::number(residents)), qPrintable(message));

        const QStringList lines = csvLines(target);
        QCOMPARE(lines.size(), residents + 1);
        QCOMPARE(lines.constFirst(), model::CsvFieldMap::canonicalNames().join(QLatin1Char(',')));
        // Every live resident is there, by reference, and nothing else.
        const int refColumn = static_cast<int>(model::CsvFieldMap::canonicalNames().indexOf(u"source_ref"));
        QVERIFY(refColumn >= 0);
        model::WardStore store(temp.ward());
        QStringList refs;
        for (const QString& id : sample.liveIds)
            refs << store.resident(id).value().sourceRef;
        QStringList exported;
        for (qsizetype i = 1; i < lines.size(); ++i)
            exported << lines.at(i).section(QLatin1Char(','), refColumn, refColumn);
        refs.sort();
        exported.sort();
        QCOMPARE(exported, refs);
    }

    void cancelledExportLeavesNoFile()
    {
        test::TempWard temp;
        (void)test::fillSampleWard(temp.ward(), 600, 3); // more rows than one progress step
        model::WardDatabase::Options options;
        options.create = false;
        ui::MainWindow window(std::move(model::WardDatabase::open(temp.path(), options).value()));
        window.show();
        auto* actions = window.findChild<ui::SyncImportActions*>();
        QAction* exportCsv = exportAction(window);
        QVERIFY(exportCsv);

        // Hold the background pool, so that the cancel comes before the export has finished.
        QThreadPool* pool = ui::backgroundPool();
        const int threads = pool->maxThreadCount();
        pool->setMaxThreadCount(1);
        QSemaphore release;
        QSemaphore holding;
        pool->start([&] {
            holding.release();
            release.acquire();
        });
        QVERIFY(holding.tryAcquire(1, 30000));

        QTemporaryDir out;
        const QString target = out.filePath(QStringLiteral("cancelled.csv"));
        chooseFile(target);
        QString message;
        readEndMessage(&message);
        exportCsv->trigger();
        QVERIFY(actions->isBusy());
        auto* progress = window.findChild<QProgressDialog*>();
        QVERIFY(progress);
        auto* cancel = progress->findChild<QPushButton*>();
        QVERIFY(cancel);
        cancel->click(); // the dialog shows after a moment; its button works from the start
        release.release();
        QTRY_VERIFY_WITH_TIMEOUT(!actions->isBusy() && !message.isEmpty(), 30000);
        pool->setMaxThreadCount(threads);

        QVERIFY2(
            message.contains(ui::SyncImportActions::tr("The export did not complete: %1").arg(QString())),
            qPrintable(message));
        QVERIFY(!QFile::exists(target));
        QCOMPARE(QDir(out.path()).entryList(QDir::Files | QDir::Hidden), QStringList());

        // The same file can be exported afterwards.
        chooseFile(target);
        message.clear();
        readEndMessage(&message);
        exportCsv->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!actions->isBusy() && !message.isEmpty(), 30000);
        QCOMPARE(csvLines(target).size(), model::WardStore(temp.ward()).countResidents().value() + 1);
    }
};

QTEST_MAIN(TestCsvExport)
#include "TestCsvExport.moc"
