#include "HouseholdView.h"

#include "CatalogueItems.h"
#include "Clock.h"
#include "HouseholdMembership.h"
#include "HouseholdRelations.h"
#include "HouseholdRules.h"
#include "MemberTableModel.h"
#include "MoveMemberDialog.h"
#include "ResidentForm.h"
#include "WardStore.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace wardroll::ui {

using namespace wardroll::model;

HouseholdView::HouseholdView(WardDatabase& ward, const QString& householdId, QWidget* parent)
    : QDialog(parent)
    , m_ward(ward)
    , m_householdId(householdId)
    , m_members(new MemberTableModel(this))
{
    setObjectName(QStringLiteral("householdView"));
    auto* layout = new QVBoxLayout(this);
    m_header = new QLabel(this);
    m_header->setObjectName(QStringLiteral("householdHeader"));
    m_header->setTextFormat(Qt::PlainText);
    layout->addWidget(m_header);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("memberTable"));
    m_table->setModel(m_members);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 2);

    m_findingsLabel = new QLabel(this);
    layout->addWidget(m_findingsLabel);
    m_findingList = new QListWidget(this);
    m_findingList->setObjectName(QStringLiteral("householdFindings"));
    m_findingList->setWordWrap(true);
    m_findingsLabel->setBuddy(m_findingList);
    layout->addWidget(m_findingList, 1);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("householdError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #a4001d; font-weight: bold;"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QHBoxLayout;
    m_headButton = new QPushButton(this);
    m_headButton->setObjectName(QStringLiteral("changeHeadButton"));
    m_moveButton = new QPushButton(this);
    m_moveButton->setObjectName(QStringLiteral("moveButton"));
    m_openButton = new QPushButton(this);
    m_addButton = new QPushButton(this);
    m_closeButton = new QPushButton(this);
    for (QPushButton* button : {m_headButton, m_moveButton, m_openButton, m_addButton, m_closeButton}) {
        button->setAutoDefault(false);
        buttons->addWidget(button);
    }
    buttons->insertStretch(4, 1);
    layout->addLayout(buttons);

    connect(m_headButton, &QPushButton::clicked, this, &HouseholdView::askChangeHead);
    connect(m_moveButton, &QPushButton::clicked, this, &HouseholdView::askMove);
    connect(m_openButton, &QPushButton::clicked, this, &HouseholdView::openMember);
    connect(m_addButton, &QPushButton::clicked, this, &HouseholdView::addMember);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(m_table, &QTableView::activated, this, &HouseholdView::openMember);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &HouseholdView::updateButtons);

    retranslateUi(); // reads the household too
    resize(1000, 560);
}

void HouseholdView::retranslateUi()
{
    m_headButton->setText(tr("Make &head"));
    m_headButton->setToolTip(tr("Make the selected member the household head"));
    m_moveButton->setText(tr("&Move to another household…"));
    m_openButton->setText(tr("&Open record"));
    m_addButton->setText(tr("&Add member…"));
    m_closeButton->setText(tr("Close"));
    m_findingsLabel->setText(tr("&Rules on this household:"));
    reload(); // the rules' messages and the headers follow the language
}

void HouseholdView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void HouseholdView::reload()
{
    const QString selected = selectedMemberId();
    WardStore store(m_ward);
    auto household = store.household(m_householdId);
    auto members
        = household.ok() ? store.householdMembers(m_householdId) : Result<QList<Resident>>(household.error());
    if (!household.ok() || !members.ok()) {
        m_loadError = tr("The household could not be read: %1")
                          .arg((household.ok() ? members.error() : household.error()).message);
        showError(m_loadError);
        m_members->setMembers({}, {});
        updateButtons();
        return;
    }
    m_loadError.clear();
    m_household = household.value();
    RuleContext context;
    context.today = Clock::today();
    m_findings = HouseholdRules::check(m_household, members.value(), context);
    m_members->setMembers(members.value(), m_findings);

    const int count = static_cast<int>(members->size());
    QString header = tr("Household %1").arg(m_household.number);
    if (!m_household.village.isEmpty())
        header += QStringLiteral(" · ") + m_household.village;
    if (!m_household.address.unitCode.isEmpty())
        header += QStringLiteral(" · ")
            + CatalogueItems::describeUnit(CatalogueItems::unitValue(m_household.address.unitScheme,
                                                                     m_household.address.unitCode));
    header += QStringLiteral(" · ") + tr("%n member(s)", nullptr, count);
    m_header->setText(header);
    setWindowTitle(tr("Household %1").arg(m_household.number));

    m_findingList->clear();
    for (const Finding& f : std::as_const(m_findings)) {
        auto* item = new QListWidgetItem(f.message, m_findingList);
        item->setData(Qt::UserRole, f.rule);
        item->setForeground(f.severity == Severity::Error ? QColor(0xa4, 0x00, 0x1d)
                                                          : QColor(0x7a, 0x4f, 0x00));
    }
    if (m_findings.isEmpty())
        new QListWidgetItem(tr("The household rules find nothing to check."), m_findingList);
    m_table->resizeColumnsToContents();
    if (!selected.isEmpty())
        selectMember(selected);
    else if (count > 0)
        m_table->selectRow(0);
    updateButtons();
}

bool HouseholdView::hasFinding(QStringView rule) const
{
    return std::any_of(m_findings.cbegin(), m_findings.cend(),
                       [rule](const Finding& f) { return f.rule == rule; });
}

bool HouseholdView::selectMember(const QString& residentId)
{
    const int row = m_members->rowOf(residentId);
    if (row < 0)
        return false;
    m_table->selectRow(row);
    m_table->setCurrentIndex(m_members->index(row, 0));
    return true;
}

QString HouseholdView::selectedMemberId() const
{
    const QModelIndex current
        = m_table->selectionModel() ? m_table->selectionModel()->currentIndex() : QModelIndex();
    return current.isValid() ? current.siblingAtColumn(0).data(MemberTableModel::IdRole).toString()
                             : QString();
}

void HouseholdView::updateButtons()
{
    const bool any = !selectedMemberId().isEmpty();
    m_headButton->setEnabled(any);
    m_moveButton->setEnabled(any);
    m_openButton->setEnabled(any);
    m_addButton->setEnabled(m_loadError.isEmpty());
}

void HouseholdView::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

Status HouseholdView::afterWrite(Status status)
{
    if (!status.ok()) {
        showError(status.error().message);
        return status;
    }
    showError(QString());
    reload();
    Q_EMIT changed();
    return status;
}

Status HouseholdView::changeHead(const QString& newHeadId, const QString& formerHeadRelation)
{
    return afterWrite(HouseholdMembership(m_ward).changeHead(m_householdId, newHeadId, formerHeadRelation));
}

Status HouseholdView::moveMember(const QString& residentId, const QString& toHouseholdId,
                                 const QString& relation)
{
    return afterWrite(HouseholdMembership(m_ward).moveResident(residentId, toHouseholdId, relation));
}

void HouseholdView::askChangeHead()
{
    const QString newHead = selectedMemberId();
    if (newHead.isEmpty())
        return;
    // The former head needs a relation to the new one; nobody to ask about without a head.
    const HouseholdRelations& relations = HouseholdRelations::instance();
    QStringList formerHeads;
    for (const Resident& r : m_members->members()) {
        const HouseholdRelations::Relation* relation = relations.find(r.relationToHead);
        if (r.id != newHead && relation && relation->group == HouseholdRelations::Group::Head)
            formerHeads << r.fullName;
    }
    QString former;
    if (!formerHeads.isEmpty()) {
        QStringList values;
        for (const CatalogueItem& item : CatalogueItems::relations())
            if (item.value != HouseholdRelations::headValue())
                values << item.value;
        bool ok = false;
        former = QInputDialog::getItem(this, tr("Change of household head"),
                                       tr("Relationship of %1 (the head until now) to the new head:")
                                           .arg(formerHeads.join(QStringLiteral(", "))),
                                       values, 0, true, &ok);
        if (!ok)
            return;
    }
    (void)changeHead(newHead, former);
}

void HouseholdView::askMove()
{
    const QString id = selectedMemberId();
    const int row = m_members->rowOf(id);
    if (row < 0)
        return;
    MoveMemberDialog dialog(m_ward, m_members->members().at(row).fullName, m_householdId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    (void)moveMember(id, dialog.householdId(), dialog.relation());
}

void HouseholdView::openMember()
{
    const QString id = selectedMemberId();
    if (id.isEmpty())
        return;
    auto* form = new ResidentForm(m_ward, id, this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &ResidentForm::saved, this, [this] {
        reload();
        Q_EMIT changed();
    });
    form->open();
}

void HouseholdView::addMember()
{
    auto* form = new ResidentForm(m_ward, QString(), this);
    form->setAttribute(Qt::WA_DeleteOnClose);
    form->setHousehold(m_householdId);
    connect(form, &ResidentForm::saved, this, [this] {
        reload();
        Q_EMIT changed();
    });
    form->open();
}

} // namespace wardroll::ui
