#include "CsvExportRunner.h"

#include "BackgroundPool.h"
#include "CsvExporter.h"
#include "WardDatabase.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QtConcurrent/QtConcurrentRun>

namespace wardroll::ui {

namespace {
struct ExportOutcome
{
    bool ok = false;
    qint64 rows = 0;
    QString error;
};
} // namespace

CsvExportRunner::CsvExportRunner(QString wardPath, QString officer, QWidget* dialogParent, QObject* parent)
    : QObject(parent)
    , m_wardPath(std::move(wardPath))
    , m_officer(std::move(officer))
    , m_dialogParent(dialogParent)
{
}

CsvExportRunner::~CsvExportRunner()
{
    m_cancel = true;
    m_future.waitForFinished(); // the worker reads m_cancel
}

void CsvExportRunner::start(const QString& target)
{
    if (m_running)
        return;
    m_running = true;
    m_cancel = false;
    if (m_dialogParent) {
        m_dialog = new QProgressDialog(tr("Exporting residents to “%1”…").arg(target), tr("Cancel"), 0, 100,
                                       m_dialogParent);
        m_dialog->setWindowTitle(tr("Export to CSV"));
        m_dialog->setMinimumDuration(300);
        m_dialog->setAutoClose(false);
        m_dialog->setAutoReset(false);
        connect(m_dialog, &QProgressDialog::canceled, this, &CsvExportRunner::cancel);
        connect(this, &CsvExportRunner::progress, m_dialog,
                [dialog = QPointer<QProgressDialog>(m_dialog)](qint64 done, qint64 total) {
                    if (dialog && total > 0)
                        dialog->setValue(static_cast<int>(done * 100 / total));
                });
    }
    auto* watcher = new QFutureWatcher<ExportOutcome>(this);
    connect(watcher, &QFutureWatcher<ExportOutcome>::finished, this, [this, watcher] {
        const ExportOutcome outcome = watcher->result();
        watcher->deleteLater();
        m_running = false;
        if (m_dialog) {
            m_dialog->deleteLater();
            m_dialog = nullptr;
        }
        Q_EMIT finished(outcome.ok, outcome.rows, outcome.error);
    });
    auto future = QtConcurrent::run(backgroundPool(), [path = m_wardPath, officer = m_officer, target, this] {
        lowerCurrentThreadPriority();
        ExportOutcome outcome;
        model::WardDatabase::Options options;
        options.create = false;
        options.officer = officer;
        auto ward = model::WardDatabase::open(path, options);
        if (!ward.ok()) {
            outcome.error = ward.error().message;
            return outcome;
        }
        auto rows = model::CsvExporter(**ward).exportFile(target, [this](qint64 done, qint64 total) {
            // Queued to the UI thread; the runner outlives the worker (the watcher is its child).
            QMetaObject::invokeMethod(
                this, [this, done, total] { Q_EMIT progress(done, total); }, Qt::QueuedConnection);
            return !m_cancel.load();
        });
        if (!rows.ok()) {
            outcome.error = rows.error().message;
            return outcome;
        }
        outcome.ok = true;
        outcome.rows = rows.value();
        return outcome;
    });
    m_future = future;
    watcher->setFuture(future);
}

} // namespace wardroll::ui
