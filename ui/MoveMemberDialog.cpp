#include "MoveMemberDialog.h"

#include "CatalogueItems.h"
#include "CataloguePicker.h"
#include "HouseholdSearch.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>

namespace wardroll::ui {

MoveMemberDialog::MoveMemberDialog(model::WardDatabase& ward, const QString& personName,
                                   const QString& fromHouseholdId, QWidget* parent)
    : QDialog(parent)
    , m_household(new CataloguePicker(this))
    , m_relation(new CataloguePicker(this))
{
    setWindowTitle(tr("Move to another household"));
    m_household->setObjectName(QStringLiteral("targetHousehold"));
    m_household->setCoded(true);
    m_household->setPlaceholderText(tr("Type a household number or a member's name"));
    m_household->setSource([&ward, fromHouseholdId](const QString& typed) {
        QList<CatalogueItem> items;
        model::HouseholdSearch search(ward);
        const auto hits = search.search(typed, 30);
        if (!hits.ok())
            return items;
        for (const model::HouseholdSearch::Hit& hit : hits.value()) {
            if (hit.id == fromHouseholdId)
                continue;
            QStringList parts{hit.number};
            if (!hit.headName.isEmpty())
                parts << hit.headName;
            if (!hit.village.isEmpty())
                parts << hit.village;
            items << CatalogueItem{parts.join(QStringLiteral(" · ")), hit.id, {}};
        }
        return items;
    });
    m_relation->setObjectName(QStringLiteral("newRelation"));
    m_relation->setItems(CatalogueItems::relations());

    auto* form = new QFormLayout(this);
    auto* intro = new QLabel(tr("Where does %1 move to?").arg(personName), this);
    intro->setWordWrap(true);
    form->addRow(intro);
    auto* householdLabel = new QLabel(tr("&Household:"), this);
    householdLabel->setBuddy(m_household);
    form->addRow(householdLabel, m_household);
    auto* relationLabel = new QLabel(tr("&Relationship to its head:"), this);
    relationLabel->setBuddy(m_relation);
    form->addRow(relationLabel, m_relation);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Move"));
    buttons->button(QDialogButtonBox::Cancel)->setText(tr("Cancel"));
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_household, &CataloguePicker::valueChanged, this, &MoveMemberDialog::updateOk);
    connect(m_relation, &QLineEdit::textChanged, this, &MoveMemberDialog::updateOk);
    updateOk();
    resize(560, sizeHint().height());
}

QString MoveMemberDialog::householdId() const
{
    return m_household->value();
}

QString MoveMemberDialog::relation() const
{
    return m_relation->value();
}

void MoveMemberDialog::updateOk()
{
    m_ok->setEnabled(!householdId().isEmpty() && !relation().isEmpty());
}

} // namespace wardroll::ui
