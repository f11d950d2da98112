#pragma once

#include "CsvFieldMap.h"
#include "CsvImporter.h"
#include "LegacyVietnameseEncoding.h"

#include <atomic>
#include <optional>
#include <QFuture>
#include <QWizard>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

// Imports residents from a CSV file, step by step: the file; its encoding (UTF-8, TCVN3, VNI or
// Windows-1258, detected, with a preview of the converted text to confirm); which column feeds
// which field (Vietnamese headers pre-matched by CsvFieldMap, each choice changeable); a dry run
// that lists every row that would be rejected with its line and the reason; then the import on a
// worker thread with its own connection, progress and cancel. The import is one transaction:
// nothing is saved on cancel or error.
class ImportWizard : public QWizard
{
    Q_OBJECT
public:
    enum PageId { FilePage, EncodingPage, MappingPage, DryRunPage, ImportPage };

    ImportWizard(model::WardDatabase& ward, QWidget* parent = nullptr);
    ~ImportWizard() override;

    void setFilePath(const QString& path);
    [[nodiscard]] model::LegacyVietnameseEncoding::Encoding encoding() const;
    void setEncoding(model::LegacyVietnameseEncoding::Encoding encoding);
    [[nodiscard]] QString preview() const;
    [[nodiscard]] QTableWidget* mappingTable() const { return m_mapping; }
    [[nodiscard]] QTableWidget* rejectedTable() const { return m_rejected; }
    // The mapping chosen on the mapping page, as importer options.
    [[nodiscard]] model::CsvImporter::Options importOptions() const;
    [[nodiscard]] bool isWorking() const { return m_working; }
    // The last report (dry run, then the import).
    [[nodiscard]] const std::optional<model::CsvImporter::Report>& report() const { return m_report; }
    [[nodiscard]] bool imported() const { return m_imported; }

    void initializePage(int id) override;
    bool validateCurrentPage() override;
    void reject() override;

Q_SIGNALS:
    void dryRunFinished();
    // The import committed (the ward changed) or failed / was cancelled (it did not).
    void importFinished(bool ok);

private:
    struct Outcome
    {
        std::optional<model::CsvImporter::Report> report;
        model::Error error;
        bool cancelled = false;
    };
    void createPages();
    void retranslateUi();
    void loadSample();
    void updatePreview();
    void fillMapping();
    void startWork(bool dryRun);
    void workDone(const Outcome& outcome, bool dryRun);
    [[nodiscard]] static Outcome runImport(const QString& wardPath, const QString& officer,
                                           const QString& file,
                                           model::LegacyVietnameseEncoding::Encoding encoding,
                                           model::CsvImporter::Options options, std::atomic<bool>* cancel,
                                           std::atomic<qint64>* done, std::atomic<qint64>* total);

    model::WardDatabase& m_ward;
    QByteArray m_sample; // the file's first bytes, for detection, preview and the header
    QStringList m_header;
    QStringList m_firstRow;

    QLineEdit* m_file = nullptr;
    QPushButton* m_browse = nullptr;
    QComboBox* m_encoding = nullptr;
    QLabel* m_detected = nullptr;
    QPlainTextEdit* m_preview = nullptr;
    QTableWidget* m_mapping = nullptr;
    QLabel* m_dryRunSummary = nullptr;
    QTableWidget* m_rejected = nullptr;
    QLineEdit* m_dryRunDone = nullptr; // hidden mandatory field: the page completes when set
    QLabel* m_importSummary = nullptr;
    QProgressBar* m_progress = nullptr;
    QPushButton* m_cancelImport = nullptr;
    QLineEdit* m_importDone = nullptr;

    std::atomic<bool> m_cancel{false};
    std::atomic<qint64> m_done{0};
    std::atomic<qint64> m_total{-1};
    QFuture<void> m_future;
    bool m_working = false;
    bool m_imported = false;
    std::optional<model::CsvImporter::Report> m_report;
};

} // namespace wardroll::ui
