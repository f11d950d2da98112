#pragma once

#include <atomic>
#include <memory>
#include <QFuture>
#include <QObject>
#include <QString>

class QProgressDialog;

namespace wardroll::ui {

// Exports a ward's residents to a CSV file (model CsvExporter) on a worker thread, with its own
// connection to the ward file, a progress dialog and a cancel button. A cancelled or failed
// export leaves no file behind (the exporter writes beside the target and renames at the end).
class CsvExportRunner : public QObject
{
    Q_OBJECT
public:
    // `dialogParent` (optional) gets the progress dialog.
    CsvExportRunner(QString wardPath, QString officer, QWidget* dialogParent = nullptr,
                    QObject* parent = nullptr);
    ~CsvExportRunner() override;

    void start(const QString& target);
    void cancel() { m_cancel = true; }
    [[nodiscard]] bool isRunning() const { return m_running; }

Q_SIGNALS:
    void progress(qint64 done, qint64 total);
    // `rows` written; `error` empty on success, else why (cancelled included).
    void finished(bool ok, qint64 rows, const QString& error);

private:
    QString m_wardPath;
    QString m_officer;
    QWidget* m_dialogParent = nullptr;
    QProgressDialog* m_dialog = nullptr;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    QFuture<void> m_future;
};

} // namespace wardroll::ui
