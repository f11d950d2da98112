#include "ResidentFilterBar.h"

#include "HouseholdRules.h"
#include "RecordRules.h"
#include "RuleLabels.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>

namespace wardroll::ui {

namespace {
// Item data of the flag combo besides rule codes.
const QString anyFlag = QStringLiteral("*");
const QString conflictData = QStringLiteral("conflict");
const QString unsyncedData = QStringLiteral("unsynced");
} // namespace

ResidentFilterBar::ResidentFilterBar(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto add = [&](QLabel*& label, QComboBox*& combo, const QString& name, int stretch) {
        label = new QLabel(this);
        combo = new QComboBox(this);
        combo->setObjectName(name);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(12);
        label->setBuddy(combo);
        layout->addWidget(label);
        layout->addWidget(combo, stretch);
        connect(combo, &QComboBox::currentIndexChanged, this, &ResidentFilterBar::emitChanged);
    };
    add(m_villageLabel, m_village, QStringLiteral("residentVillageFilter"), 2);
    add(m_statusLabel, m_status, QStringLiteral("residentStatusFilter"), 1);
    add(m_flagsLabel, m_flags, QStringLiteral("residentFlagFilter"), 2);
    add(m_syncLabel, m_sync, QStringLiteral("residentSyncFilter"), 1);
    retranslateUi();
}

void ResidentFilterBar::setWard(model::WardDatabase* ward)
{
    m_villages.clear();
    if (ward)
        m_villages = ResidentPageQuery::villages(*ward).valueOr(QStringList());
    fillChoices();
}

ResidentFilters ResidentFilterBar::filters() const
{
    ResidentFilters f;
    f.village = m_village->currentData().toString();
    if (const QVariant status = m_status->currentData(); status.isValid())
        f.status = model::statusFromCode(status.toString());
    const QString flags = m_flags->currentData().toString();
    f.flagged = !flags.isEmpty();
    if (f.flagged && flags != anyFlag)
        f.rule = flags;
    f.conflicted = m_sync->currentData().toString() == conflictData;
    f.unsynced = m_sync->currentData().toString() == unsyncedData;
    return f;
}

void ResidentFilterBar::clear()
{
    m_filling = true;
    for (QComboBox* combo : {m_village, m_status, m_flags, m_sync})
        combo->setCurrentIndex(0);
    m_filling = false;
    emitChanged();
}

void ResidentFilterBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void ResidentFilterBar::retranslateUi()
{
    m_villageLabel->setText(tr("V&illage:"));
    m_statusLabel->setText(tr("S&tatus:"));
    m_flagsLabel->setText(tr("Fla&gs:"));
    m_syncLabel->setText(tr("Sy&nc:"));
    fillChoices();
}

void ResidentFilterBar::fillChoices()
{
    // Same choice after a refill (language switch, other ward) when it still exists.
    const QVariant village = m_village->currentData();
    const QVariant status = m_status->currentData();
    const QVariant flags = m_flags->currentData();
    const QVariant sync = m_sync->currentData();
    m_filling = true;
    for (QComboBox* combo : {m_village, m_status, m_flags, m_sync})
        combo->clear();

    m_village->addItem(tr("All villages"));
    for (const QString& name : std::as_const(m_villages))
        m_village->addItem(name, name);

    m_status->addItem(tr("Any status"));
    const std::pair<model::ResidentStatus, QString> statuses[] = {
        {model::ResidentStatus::Living, tr("Living")},
        {model::ResidentStatus::Deceased, tr("Deceased")},
        {model::ResidentStatus::Missing, tr("Missing")},
        {model::ResidentStatus::MovedOut, tr("Moved out")},
    };
    for (const auto& [value, label] : statuses)
        m_status->addItem(label, model::statusCode(value));

    m_flags->addItem(tr("With or without flags"));
    m_flags->addItem(tr("With open flags"), anyFlag);
    QStringList rules;
    for (const auto& [code, severity] : model::RecordRules::rules())
        rules << code;
    for (const auto& [code, severity] : model::HouseholdRules::rules())
        rules << code;
    rules << QStringLiteral("dup.probable") << QStringLiteral("dup.possible");
    for (const QString& code : std::as_const(rules))
        m_flags->addItem(RuleLabels::label(code), code);

    m_sync->addItem(tr("Any sync state"));
    m_sync->addItem(tr("With a sync conflict"), conflictData);
    m_sync->addItem(tr("Not yet synced"), unsyncedData);

    auto restore = [](QComboBox* combo, const QVariant& data) {
        const int at = data.isValid() ? combo->findData(data) : 0;
        combo->setCurrentIndex(at < 0 ? 0 : at);
    };
    restore(m_village, village);
    restore(m_status, status);
    restore(m_flags, flags);
    restore(m_sync, sync);
    m_filling = false;
    // A choice that vanished (a village of another ward) changes the list.
    emitChanged();
}

void ResidentFilterBar::emitChanged()
{
    if (!m_filling)
        Q_EMIT filtersChanged(filters());
}

} // namespace wardroll::ui
