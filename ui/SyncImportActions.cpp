#include "SyncImportActions.h"

#include "ConflictDialog.h"
#include "CsvExportRunner.h"
#include "ImportWizard.h"
#include "SyncController.h"
#include "SyncPanel.h"
#include "SyncStatusWidget.h"
#include "WardDatabase.h"

#include <QAction>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QMenu>
#include <QMessageBox>

namespace wardroll::ui {

SyncImportActions::SyncImportActions(QWidget* window)
    : QObject(window)
    , m_window(window)
{
    m_menu = new QMenu(window);
    m_syncNow = m_menu->addAction(QString(), this, [this] {
        if (m_controller)
            m_controller->syncNow();
    });
    m_syncNow->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_panel = m_menu->addAction(QString(), this, &SyncImportActions::openSyncPanel);
    m_conflicts = m_menu->addAction(QString(), this, &SyncImportActions::openConflicts);

    m_import = new QAction(this);
    m_import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_import, &QAction::triggered, this, &SyncImportActions::openImportWizard);
    m_export = new QAction(this);
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(m_export, &QAction::triggered, this, &SyncImportActions::exportCsv);

    m_statusHolder = new QWidget(window);
    auto* layout = new QHBoxLayout(m_statusHolder);
    layout->setContentsMargins(0, 0, 0, 0);
    retranslate();
}

SyncImportActions::~SyncImportActions() = default;

void SyncImportActions::setWard(model::WardDatabase* ward)
{
    delete m_status;
    m_status = nullptr;
    delete m_controller;
    m_controller = nullptr;
    m_ward = ward;
    for (QAction* action : {m_syncNow, m_panel, m_conflicts, m_import, m_export})
        action->setEnabled(ward != nullptr);
    if (!ward)
        return;
    m_controller = new SyncController(*ward, this);
    m_status = new SyncStatusWidget(*m_controller, m_statusHolder);
    m_statusHolder->layout()->addWidget(m_status);
    connect(m_status, &SyncStatusWidget::panelRequested, this, &SyncImportActions::openSyncPanel);
    // Changes pulled from the hub show in the list too.
    connect(m_controller, &SyncController::roundFinished, this, [this](bool) { Q_EMIT wardChanged(); });
    m_controller->start();
}

bool SyncImportActions::isBusy() const
{
    return (m_controller && m_controller->isRunning()) || m_importing
        || (m_exporter && m_exporter->isRunning());
}

void SyncImportActions::retranslate()
{
    m_menu->setTitle(tr("S&ync"));
    m_syncNow->setText(tr("&Sync now"));
    m_panel->setText(tr("Changes and sync &state…"));
    m_conflicts->setText(tr("&Conflicts…"));
    m_import->setText(tr("&Import from CSV…"));
    m_export->setText(tr("&Export to CSV…"));
}

void SyncImportActions::openImportWizard()
{
    if (!m_ward || m_importing)
        return;
    m_importing = true;
    ImportWizard wizard(*m_ward, m_window);
    connect(&wizard, &ImportWizard::importFinished, this, [this](bool ok) {
        if (ok)
            Q_EMIT wardChanged();
    });
    wizard.exec();
    m_importing = false;
    if (m_controller)
        m_controller->refreshCounts();
}

void SyncImportActions::exportCsv()
{
    if (!m_ward || (m_exporter && m_exporter->isRunning()))
        return;
    const QString target = QFileDialog::getSaveFileName(
        m_window, tr("Export to CSV"), QFileInfo(m_ward->path()).absolutePath(), tr("CSV files (*.csv)"));
    if (target.isEmpty())
        return;
    auto* runner = new CsvExportRunner(m_ward->path(), m_ward->officer(), m_window, this);
    m_exporter = runner;
    connect(runner, &CsvExportRunner::finished, this,
            [this, runner, target](bool ok, qint64 rows, const QString& error) {
                runner->deleteLater();
                QMessageBox box(ok ? QMessageBox::Information : QMessageBox::Warning, tr("Export to CSV"),
                                ok ? tr("%1 residents were written to “%2”.").arg(rows).arg(target)
                                   : tr("The export did not complete: %1").arg(error),
                                QMessageBox::NoButton, m_window);
                box.addButton(tr("Close"), QMessageBox::AcceptRole);
                box.exec();
            });
    runner->start(target);
}

void SyncImportActions::openSyncPanel()
{
    if (!m_controller)
        return;
    SyncPanel panel(*m_controller, m_window);
    connect(&panel, &SyncPanel::conflictsRequested, this, &SyncImportActions::openConflicts);
    panel.exec();
}

void SyncImportActions::openConflicts()
{
    if (!m_ward)
        return;
    ConflictDialog dialog(*m_ward, m_window);
    connect(&dialog, &ConflictDialog::resolved, this, [this] {
        if (m_controller)
            m_controller->refreshCounts();
        Q_EMIT wardChanged();
    });
    dialog.exec();
}

} // namespace wardroll::ui
