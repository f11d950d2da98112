#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QMenu;
class QWidget;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

class SyncController;
class SyncStatusWidget;
class CsvExportRunner;

// The main window's sync and file-exchange entry points, kept out of MainWindow so that it stays
// small: the Sync menu (sync now, the sync panel, conflicts), File › Import CSV… and Export to
// CSV…, and the status bar's sync corner. Owns the ward's SyncController (rounds start on their
// own once the ward is enrolled).
class SyncImportActions : public QObject
{
    Q_OBJECT
public:
    explicit SyncImportActions(QWidget* window);
    ~SyncImportActions() override;

    // The ward the actions work on; null before the window drops its ward.
    void setWard(model::WardDatabase* ward);
    // A sync round, an import or an export is running: the ward must not be switched now.
    [[nodiscard]] bool isBusy() const;

    [[nodiscard]] QMenu* syncMenu() const { return m_menu; }
    [[nodiscard]] QAction* importAction() const { return m_import; }
    [[nodiscard]] QAction* exportAction() const { return m_export; }
    // For the status bar (its content follows the ward).
    [[nodiscard]] QWidget* statusWidget() const { return m_statusHolder; }
    [[nodiscard]] SyncController* controller() const { return m_controller; }
    void retranslate();

    void openImportWizard();
    void exportCsv();
    void openSyncPanel();
    void openConflicts();

Q_SIGNALS:
    // An import or a settled conflict changed the ward: the list should re-read.
    void wardChanged();

private:
    QWidget* m_window;
    model::WardDatabase* m_ward = nullptr;
    SyncController* m_controller = nullptr;
    SyncStatusWidget* m_status = nullptr;
    QWidget* m_statusHolder = nullptr;
    QPointer<CsvExportRunner> m_exporter;
    bool m_importing = false;
    QMenu* m_menu = nullptr;
    QAction* m_syncNow = nullptr;
    QAction* m_panel = nullptr;
    QAction* m_conflicts = nullptr;
    QAction* m_import = nullptr;
    QAction* m_export = nullptr;
};

} // namespace wardroll::ui
