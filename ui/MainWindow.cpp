#include "MainWindow.h"

#include "CleaningQueuePage.h"
#include "DuplicateReviewPage.h"
#include "LanguageManager.h"
#include "ResidentActions.h"
#include "ResidentFilterBar.h"
#include "ResidentTableModel.h"
#include "SyncImportActions.h"
#include "WardDatabase.h"
#include "WardFiguresLoader.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace wardroll::ui {

namespace {
const QString geometryKey = QStringLiteral("mainWindow/geometry");
const QString stateKey = QStringLiteral("mainWindow/state");
const QString headerKey = QStringLiteral("mainWindow/header");
} // namespace

MainWindow::MainWindow(std::unique_ptr<model::WardDatabase> ward, LanguageManager* languages, QWidget* parent)
    : QMainWindow(parent)
    , m_languages(languages)
{
    createWidgets();
    createMenus();
    setWard(std::move(ward));
    restoreLayout();
    retranslateUi();
}

MainWindow::~MainWindow()
{
    // The models read through the ward's connection: they go first.
    m_cleaningPage->setWard(nullptr);
    m_duplicatePage->setWard(nullptr);
    m_syncImport->setWard(nullptr);
    m_table->setModel(nullptr);
    delete m_model;
}

void MainWindow::createWidgets()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);

    auto* searchRow = new QHBoxLayout;
    m_searchLabel = new QLabel(central);
    m_searchLabel->setObjectName(QStringLiteral("searchLabel"));
    m_search = new QLineEdit(central);
    m_search->setObjectName(QStringLiteral("searchField"));
    m_search->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_search);
    searchRow->addWidget(m_searchLabel);
    searchRow->addWidget(m_search, 1);
    layout->addLayout(searchRow);
    m_filterBar = new ResidentFilterBar(central);
    m_filterBar->setObjectName(QStringLiteral("residentFilters"));
    layout->addWidget(m_filterBar);
    connect(m_filterBar, &ResidentFilterBar::filtersChanged, this, [this](const ResidentFilters& filters) {
        if (m_model)
            m_model->setFilters(filters);
    });

    m_table = new QTableView(central);
    m_table->setObjectName(QStringLiteral("residentTable"));
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSortIndicator(ResidentTableModel::NameColumn, Qt::AscendingOrder);
    layout->addWidget(m_table, 1);
    createCleaningPages(central);

    m_searchInfo = new QLabel(this);
    m_searchInfo->setObjectName(QStringLiteral("searchInfo"));
    m_figures = new QLabel(this);
    m_figures->setObjectName(QStringLiteral("wardFigures"));
    statusBar()->addWidget(m_searchInfo, 1);
    statusBar()->addPermanentWidget(m_figures);

    m_figuresLoader = new WardFiguresLoader(this);
    connect(m_figuresLoader, &WardFiguresLoader::loaded, this,
            [this](qint64 residents, qint64 households, qint64 openFlags, qint64 unsynced) {
                m_residentCount = residents;
                m_householdCount = households;
                m_openFlagCount = openFlags;
                m_unsyncedCount = unsynced;
                updateFigures();
                Q_EMIT figuresShown();
            });

    // Debounced: one query when typing pauses, not one per keystroke.
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(searchDelayMs);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] {
        if (m_model)
            m_model->setFilter(m_search->text());
    });
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchTimer->stop();
        if (m_model)
            m_model->setFilter(m_search->text());
    });
    // Household numbers come from a join and cannot be sorted by index: keep the real order shown.
    connect(m_table->horizontalHeader(), &QHeaderView::sortIndicatorChanged, this,
            &MainWindow::syncSortIndicator);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_openAction = m_fileMenu->addAction(QString(), this, &MainWindow::openWardFile);
    m_openAction->setShortcut(QKeySequence::Open);
    m_syncImport = new SyncImportActions(this);
    m_fileMenu->addAction(m_syncImport->importAction());
    m_fileMenu->addAction(m_syncImport->exportAction());
    statusBar()->addPermanentWidget(m_syncImport->statusWidget());
    connect(m_syncImport, &SyncImportActions::wardChanged, this, &MainWindow::refresh);
    m_fileMenu->addSeparator();
    m_quitAction = m_fileMenu->addAction(QString(), this, &QWidget::close);
    m_quitAction->setShortcut(QKeySequence::Quit);
    m_quitAction->setMenuRole(QAction::QuitRole);

    m_residentActions
        = new ResidentActions(this, m_table, [this]() -> model::WardDatabase& { return *m_ward; });
    menuBar()->addMenu(m_residentActions->menu());
    menuBar()->addMenu(m_syncImport->syncMenu());
    connect(m_residentActions, &ResidentActions::wardChanged, this, &MainWindow::refresh);

    m_cleaningMenu = menuBar()->addMenu(QString());
    m_runCleaningAction
        = m_cleaningMenu->addAction(QString(), m_cleaningPage, &CleaningQueuePage::runCleaning);
    m_runCleaningAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_cleaningMenu->addSeparator();
    // Ctrl+1, Ctrl+2, Ctrl+3 show the tabs (tab mnemonics would clash with the menus').
    for (int tab = 0; tab < m_tabs->count(); ++tab) {
        auto* show = new QAction(this);
        show->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + tab)));
        connect(show, &QAction::triggered, m_tabs, [this, tab] { m_tabs->setCurrentIndex(tab); });
        if (tab == 0)
            addAction(show);
        else
            m_cleaningMenu->addAction(show);
        m_showTabActions << show;
    }

    m_languageMenu = menuBar()->addMenu(QString());
    auto* group = new QActionGroup(this);
    m_vietnameseAction
        = m_languageMenu->addAction(LanguageManager::nativeName(LanguageManager::Language::Vietnamese));
    m_englishAction
        = m_languageMenu->addAction(LanguageManager::nativeName(LanguageManager::Language::English));
    for (QAction* action : {m_vietnameseAction, m_englishAction}) {
        action->setCheckable(true);
        action->setEnabled(m_languages != nullptr);
        group->addAction(action);
    }
    if (m_languages) {
        const bool english = m_languages->language() == LanguageManager::Language::English;
        (english ? m_englishAction : m_vietnameseAction)->setChecked(true);
        connect(m_vietnameseAction, &QAction::triggered, this,
                [this] { m_languages->setLanguage(LanguageManager::Language::Vietnamese); });
        connect(m_englishAction, &QAction::triggered, this,
                [this] { m_languages->setLanguage(LanguageManager::Language::English); });
        connect(m_languages, &LanguageManager::languageChanged, this,
                [this](LanguageManager::Language language) {
                    (language == LanguageManager::Language::English ? m_englishAction : m_vietnameseAction)
                        ->setChecked(true);
                });
    }

    m_helpMenu = menuBar()->addMenu(QString());
    m_aboutAction = m_helpMenu->addAction(QString(), this, &MainWindow::showAbout);
    m_aboutAction->setMenuRole(QAction::AboutRole);
}

void MainWindow::createCleaningPages(QWidget* residentsPage)
{
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("pages"));
    m_tabs->setDocumentMode(true);
    m_cleaningPage = new CleaningQueuePage(m_tabs);
    m_cleaningPage->setObjectName(QStringLiteral("cleaningPage"));
    m_duplicatePage = new DuplicateReviewPage(m_tabs);
    m_duplicatePage->setObjectName(QStringLiteral("duplicatePage"));
    m_tabs->addTab(residentsPage, QString());
    m_tabs->addTab(m_cleaningPage, QString());
    m_tabs->addTab(m_duplicatePage, QString());
    setCentralWidget(m_tabs);
    // After a run every flag may have changed and the connection's cache is cold: the pairs re-read
    // in the background.
    connect(m_cleaningPage, &CleaningQueuePage::cleaningFinished, m_duplicatePage,
            &DuplicateReviewPage::refreshInBackground);
    connect(m_duplicatePage, &DuplicateReviewPage::recordsChanged, this, &MainWindow::refresh);
    // Flags changed: the figures, and the list when it is filtered by flags.
    connect(m_cleaningPage, &CleaningQueuePage::cleaningFinished, this, &MainWindow::flagsChanged);
    connect(m_cleaningPage, &CleaningQueuePage::flagChanged, this, &MainWindow::flagsChanged);
}

void MainWindow::retranslateCleaning()
{
    m_tabs->setTabText(0, tr("Residents"));
    m_tabs->setTabText(1, tr("Data cleaning"));
    m_tabs->setTabText(2, tr("Duplicates"));
    m_cleaningMenu->setTitle(tr("&Cleaning"));
    m_runCleaningAction->setText(tr("&Run cleaning"));
    m_showTabActions.at(1)->setText(tr("Cleaning &queue"));
    m_showTabActions.at(2)->setText(tr("&Duplicates"));
}

void MainWindow::retranslateUi()
{
    m_fileMenu->setTitle(tr("&File"));
    m_syncImport->retranslate();
    m_openAction->setText(tr("&Open ward…"));
    m_quitAction->setText(tr("&Quit"));
    m_languageMenu->setTitle(tr("&Language"));
    m_helpMenu->setTitle(tr("&Help"));
    m_residentActions->retranslate();
    m_aboutAction->setText(tr("&About WardRoll"));
    retranslateCleaning();
    m_searchLabel->setText(tr("&Search:"));
    m_search->setPlaceholderText(tr("Search by name, personal ID, year of birth…"));
    m_model->retranslate();
    updateTitle();
    updateFigures();
    updateSearchInfo();
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        // Header words differ in length between languages: keep them readable.
        QHeaderView* header = m_table->horizontalHeader();
        for (int column = 0; column < header->count(); ++column) {
            if (header->sectionResizeMode(column) == QHeaderView::Interactive
                && header->sectionSize(column) < header->sectionSizeHint(column))
                header->resizeSection(column, header->sectionSizeHint(column));
        }
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    saveLayout();
    QMainWindow::closeEvent(event);
}

void MainWindow::setWard(std::unique_ptr<model::WardDatabase> ward)
{
    auto* model = new ResidentTableModel(*ward, this);
    model->setPageSize(200);
    // Queued: a page may fail inside the view's own fetchMore(), no place for a modal dialog.
    connect(model, &ResidentTableModel::errorOccurred, this, &MainWindow::showError, Qt::QueuedConnection);
    connect(model, &ResidentTableModel::modelReset, this, [this] {
        updateSearchInfo();
        syncSortIndicator();
    });
    // Keep the officer's sort and search across wards.
    const QHeaderView* header = m_table->horizontalHeader();
    model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder());
    model->setFilter(m_search->text());
    {
        const QSignalBlocker quiet(m_filterBar); // the new model takes the choices below
        m_filterBar->setWard(ward.get()); // this ward's villages
    }
    model->setFilters(m_filterBar->filters());

    ResidentTableModel* previous = m_model;
    QItemSelectionModel* previousSelection = m_table->selectionModel();
    m_table->setModel(model);
    m_model = model;
    delete previousSelection; // setModel() leaves the old one to its caller
    delete previous; // before the ward it reads from
    m_cleaningPage->setWard(ward.get());
    m_duplicatePage->setWard(ward.get());
    m_syncImport->setWard(ward.get());
    m_ward = std::move(ward);
    if (!model->errorString().isEmpty()) // the first page failed before anyone listened
        QTimer::singleShot(0, this, [this, message = model->errorString()] { showError(message); });
    m_table->setSortingEnabled(true);

    m_wardName = m_ward->meta(QStringLiteral("ward_name")).valueOr(QString());
    if (m_wardName.isEmpty())
        m_wardName = QFileInfo(m_ward->path()).fileName();
    updateTitle();
    loadFigures();
}

void MainWindow::refresh()
{
    m_model->refresh();
    loadFigures();
}

void MainWindow::flagsChanged()
{
    // Re-reading the list costs ~50 ms just after a cleaning run (cold cache): only when it shows flags.
    const ResidentFilters filters = m_filterBar->filters();
    if (filters.flagged || !filters.rule.isEmpty())
        m_model->refresh();
    loadFigures();
}

void MainWindow::loadFigures()
{
    m_residentCount = -1;
    m_householdCount = -1;
    m_openFlagCount = -1;
    m_unsyncedCount = -1;
    updateFigures();
    m_figuresLoader->load(m_ward->path());
}

void MainWindow::updateTitle()
{
    setWindowTitle(QStringLiteral("WardRoll — ") + m_wardName);
}

void MainWindow::updateFigures()
{
    if (m_residentCount < 0 || m_householdCount < 0) {
        m_figures->clear();
        return;
    }
    const QLocale locale;
    QString text = tr("Residents: %1 · Households: %2")
                       .arg(locale.toString(m_residentCount), locale.toString(m_householdCount));
    // The cleaning's backlog and the records the hub does not have yet, at a glance; the sync
    // corner beside it counts change-sets, this counts people.
    if (m_openFlagCount >= 0)
        text += QStringLiteral(" · ") + tr("Open flags: %1").arg(locale.toString(m_openFlagCount));
    if (m_unsyncedCount >= 0)
        text += QStringLiteral(" · ") + tr("Not yet synced: %1").arg(locale.toString(m_unsyncedCount));
    m_figures->setText(text);
}

void MainWindow::updateSearchInfo()
{
    const qint64 matches = m_model->matchCount();
    if (matches < 0)
        m_searchInfo->clear();
    else if (matches > ResidentTableModel::sortedSearchLimit)
        m_searchInfo->setText(tr("More than %1 matches, listed unsorted: type more to narrow the search.")
                                  .arg(QLocale().toString(ResidentTableModel::sortedSearchLimit)));
    else
        m_searchInfo->setText(tr("%Ln match(es)", nullptr, static_cast<int>(matches)));
}

void MainWindow::syncSortIndicator()
{
    QHeaderView* header = m_table->horizontalHeader();
    header->setSortIndicatorShown(m_model->isSortApplied());
    if (header->sortIndicatorSection() == m_model->sortColumn()
        && header->sortIndicatorOrder() == m_model->sortOrder())
        return;
    const QSignalBlocker blocker(header);
    header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
}

void MainWindow::sizeColumns()
{
    QHeaderView* header = m_table->horizontalHeader();
    const QFontMetrics metrics = m_table->fontMetrics();
    const int padding = 3 * metrics.averageCharWidth();
    // Wide enough for typical content in either language and for the header's own words.
    auto fit = [&](int column, const QString& sample) {
        header->resizeSection(
            column, qMax(metrics.horizontalAdvance(sample) + padding, header->sectionSizeHint(column)));
    };
    fit(ResidentTableModel::NameColumn, QStringLiteral("Nguyễn Thị Phương Thảo Ngọc"));
    fit(ResidentTableModel::BirthDateColumn, QStringLiteral("00/00/0000"));
    fit(ResidentTableModel::SexColumn, QStringLiteral("Female")); // wider than "Nữ"
    fit(ResidentTableModel::PersonalIdColumn, QStringLiteral("000000000000"));
    fit(ResidentTableModel::HouseholdColumn, QStringLiteral("HK-000000"));
    fit(ResidentTableModel::StatusColumn, QStringLiteral("Đã chuyển đi"));
    // Villages ("Tổ dân phố số 12, khu phố Đông") take what is left, so that nothing scrolls
    // sideways at 1366×768.
    header->setSectionResizeMode(ResidentTableModel::VillageColumn, QHeaderView::Stretch);
}

void MainWindow::restoreLayout()
{
    sizeColumns();
    const QSettings settings;
    if (!restoreGeometry(settings.value(geometryKey).toByteArray()))
        resize(1200, 680); // fits a 1366×768 screen with a taskbar
    restoreState(settings.value(stateKey).toByteArray());
    QHeaderView* header = m_table->horizontalHeader();
    if (header->restoreState(settings.value(headerKey).toByteArray()))
        m_model->sort(header->sortIndicatorSection(), header->sortIndicatorOrder()); // last time's sort
    syncSortIndicator();
}

void MainWindow::saveLayout() const
{
    QSettings settings;
    settings.setValue(geometryKey, saveGeometry());
    settings.setValue(stateKey, saveState());
    settings.setValue(headerKey, m_table->horizontalHeader()->saveState());
}

void MainWindow::openWardFile()
{
    const QString path
        = QFileDialog::getOpenFileName(this, tr("Open ward"), QFileInfo(m_ward->path()).absolutePath(),
                                       tr("Ward files (*.db *.wardroll);;All files (*)"));
    if (path.isEmpty())
        return;
    if (m_syncImport->isBusy()) {
        showError(tr("A sync, an import or an export is still running on this ward. Open the other ward "
                     "when it has finished."));
        return;
    }
    model::WardDatabase::Options options;
    options.create = false;
    options.officer = m_ward->officer();
    auto opened = model::WardDatabase::open(path, options);
    if (!opened.ok()) {
        showError(tr("The ward could not be opened: %1\n\nCheck that the file is a WardRoll ward and that "
                     "you may read and write it, then try again.")
                      .arg(opened.error().message));
        return;
    }
    setWard(std::move(opened.value()));
}

void MainWindow::showAbout()
{
    QMessageBox box(QMessageBox::Information, tr("About WardRoll"),
                    tr("<p><b>WardRoll %1</b></p><p>Residents' records for commune police: enter, clean "
                       "and sync residents' data, offline, in a ward file on this computer.</p>")
                        .arg(QStringLiteral(WARDROLL_VERSION_STRING)),
                    QMessageBox::NoButton, this);
    box.addButton(tr("Close"), QMessageBox::AcceptRole);
    box.exec();
}

void MainWindow::showError(const QString& message)
{
    QMessageBox box(QMessageBox::Warning, QStringLiteral("WardRoll"), message, QMessageBox::NoButton, this);
    box.addButton(tr("Close"), QMessageBox::AcceptRole);
    box.exec();
}

} // namespace wardroll::ui
