#include "ResidentActions.h"

#include "HouseholdView.h"
#include "ResidentForm.h"
#include "ResidentTableModel.h"
#include "WardStore.h"

#include <QAction>
#include <QMenu>
#include <QMessageBox>
#include <QTableView>

namespace wardroll::ui {

ResidentActions::ResidentActions(QWidget* window, QTableView* residents,
                                 std::function<model::WardDatabase&()> ward)
    : QObject(window)
    , m_window(window)
    , m_residents(residents)
    , m_ward(std::move(ward))
{
    m_menu = new QMenu(window);
    m_menu->setObjectName(QStringLiteral("residentsMenu"));
    m_new = m_menu->addAction(QString(), this, &ResidentActions::newResident);
    m_new->setObjectName(QStringLiteral("newResidentAction"));
    m_new->setShortcut(QKeySequence::New);
    m_open = m_menu->addAction(QString(), this, [this] {
        if (const QString id = selectedResidentId(); !id.isEmpty())
            openResident(id);
    });
    m_open->setObjectName(QStringLiteral("openResidentAction"));
    m_household = m_menu->addAction(QString(), this, &ResidentActions::openSelectedHousehold);
    m_household->setObjectName(QStringLiteral("householdAction"));
    m_household->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    // Enter and double-click on a row (the table's "activated").
    connect(m_residents, &QTableView::activated, this, [this](const QModelIndex& index) {
        const QString id = index.siblingAtColumn(0).data(ResidentTableModel::IdRole).toString();
        if (!id.isEmpty())
            openResident(id);
    });
    retranslate();
}

void ResidentActions::retranslate()
{
    m_menu->setTitle(tr("&Residents"));
    m_new->setText(tr("&New resident…"));
    m_open->setText(tr("&Open resident"));
    m_open->setShortcut(QKeySequence()); // Enter on the list; shown in the menu text instead
    m_open->setToolTip(tr("Enter or double-click on a row"));
    m_household->setText(tr("&Household of the resident…"));
}

QString ResidentActions::selectedResidentId() const
{
    const QModelIndex current = m_residents->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(ResidentTableModel::IdRole).toString()
                             : QString();
}

void ResidentActions::openResident(const QString& residentId)
{
    auto* form = new ResidentForm(m_ward(), residentId, m_window);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &ResidentForm::saved, this, &ResidentActions::wardChanged);
    form->open();
}

void ResidentActions::newResident()
{
    openResident(QString());
}

void ResidentActions::openHousehold(const QString& householdId)
{
    auto* view = new HouseholdView(m_ward(), householdId, m_window);
    view->setAttribute(Qt::WA_DeleteOnClose);
    connect(view, &HouseholdView::changed, this, &ResidentActions::wardChanged);
    view->open();
}

void ResidentActions::openSelectedHousehold()
{
    const QString id = selectedResidentId();
    if (id.isEmpty())
        return;
    model::WardStore store(m_ward());
    const auto resident = store.resident(id);
    if (!resident.ok() || resident->householdId.isEmpty()) {
        QMessageBox box(QMessageBox::Information, tr("Household"),
                        resident.ok()
                            ? tr("%1 is not recorded in any household. Open the record to choose one.")
                                  .arg(resident->fullName)
                            : resident.error().message,
                        QMessageBox::NoButton, m_window);
        box.addButton(tr("Close"), QMessageBox::AcceptRole);
        box.exec();
        return;
    }
    openHousehold(resident->householdId);
}

} // namespace wardroll::ui
