#pragma once

#include <memory>
#include <QMainWindow>

class QAction;
class QActionGroup;
class QLabel;
class QLineEdit;
class QMenu;
class QTabWidget;
class QTableView;
class QTimer;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

class CleaningQueuePage;
class DuplicateReviewPage;
class LanguageManager;
class ResidentActions;
class ResidentFilterBar;
class ResidentTableModel;
class SyncImportActions;
class WardFiguresLoader;

// The officer's main window: the ward's residents with search as you type, ward figures in the
// status bar, and the File / Language / Help menus. Owns the open ward. Layout (geometry, dock
// state, column widths) is kept in QSettings under "mainWindow/".
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `languages` may be null (no Language menu entries are then enabled).
    explicit MainWindow(std::unique_ptr<model::WardDatabase> ward, LanguageManager* languages = nullptr,
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    // Replaces the open ward (the previous one is closed).
    void setWard(std::unique_ptr<model::WardDatabase> ward);
    [[nodiscard]] model::WardDatabase& ward() { return *m_ward; }
    [[nodiscard]] ResidentTableModel* residentModel() const { return m_model; }
    // The "Làm sạch dữ liệu" and "Trùng lặp" tabs.
    [[nodiscard]] CleaningQueuePage* cleaningPage() const { return m_cleaningPage; }
    [[nodiscard]] DuplicateReviewPage* duplicatePage() const { return m_duplicatePage; }
    [[nodiscard]] ResidentFilterBar* filterBar() const { return m_filterBar; }
    // Re-reads the list and the figures (counted in the background), e.g. after an import.
    void refresh();

    // How long the search box waits after the last keystroke.
    static constexpr int searchDelayMs = 150;

Q_SIGNALS:
    // The ward figures of the status bar were counted (in the background) and shown.
    void figuresShown();

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createWidgets();
    void createMenus();
    void createCleaningPages(QWidget* residentsPage);
    void retranslateCleaning();
    void retranslateUi();
    void restoreLayout();
    void saveLayout() const;
    void sizeColumns();
    void flagsChanged();
    void loadFigures();
    void updateTitle();
    void updateFigures();
    void updateSearchInfo();
    void syncSortIndicator();
    void openWardFile();
    void showAbout();
    void showError(const QString& message);

    std::unique_ptr<model::WardDatabase> m_ward;
    LanguageManager* m_languages = nullptr;
    ResidentTableModel* m_model = nullptr;
    WardFiguresLoader* m_figuresLoader = nullptr;
    QString m_wardName;
    qint64 m_residentCount = -1;
    qint64 m_householdCount = -1;
    qint64 m_openFlagCount = -1;
    qint64 m_unsyncedCount = -1; // live residents with changes the hub has not acknowledged

    QLabel* m_searchLabel = nullptr;
    QLineEdit* m_search = nullptr;
    QTimer* m_searchTimer = nullptr;
    ResidentFilterBar* m_filterBar = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_searchInfo = nullptr;
    QLabel* m_figures = nullptr;

    QMenu* m_fileMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QAction* m_openAction = nullptr;
    QAction* m_quitAction = nullptr;
    QAction* m_vietnameseAction = nullptr;
    QAction* m_englishAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QTabWidget* m_tabs = nullptr;
    CleaningQueuePage* m_cleaningPage = nullptr;
    DuplicateReviewPage* m_duplicatePage = nullptr;
    QMenu* m_cleaningMenu = nullptr;
    QAction* m_runCleaningAction = nullptr;
    QList<QAction*> m_showTabActions;
    ResidentActions* m_residentActions = nullptr;
    SyncImportActions* m_syncImport = nullptr;
};

} // namespace wardroll::ui
