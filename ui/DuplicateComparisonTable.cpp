#include "DuplicateComparisonTable.h"

#include "DuplicateExplanation.h"
#include "ResidentFieldText.h"

#include <QComboBox>
#include <QHeaderView>

namespace wardroll::ui {

namespace {
constexpr int fieldRole = Qt::UserRole + 1;
}

DuplicateComparisonTable::DuplicateComparisonTable(QWidget* parent)
    : QTableWidget(parent)
{
    setColumnCount(ColumnCount);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 10);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(FirstColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(SecondColumn, QHeaderView::Stretch);
    horizontalHeader()->setSectionResizeMode(KeepColumn, QHeaderView::ResizeToContents);
    retranslate();
}

void DuplicateComparisonTable::clearRecords()
{
    m_first = {};
    m_second = {};
    m_survivor = First;
    setRowCount(0);
}

void DuplicateComparisonTable::setRecords(const model::Resident& first, const model::Resident& second,
                                          const QString& householdFirst, const QString& householdSecond)
{
    m_first = first;
    m_second = second;
    m_householdFirst = householdFirst;
    m_householdSecond = householdSecond;
    m_survivor = First;
    const QStringList& fields = model::MergeOperation::fields();
    setRowCount(0);
    setRowCount(static_cast<int>(fields.size()));
    const QColor differ(0xff, 0xec, 0xb3); // amber: readable in both light and dark text
    for (int row = 0; row < fields.size(); ++row) {
        const QString& field = fields.at(row);
        auto* label = new QTableWidgetItem(ResidentFieldText::label(field));
        label->setData(fieldRole, field);
        setItem(row, FieldColumn, label);
        auto* a = new QTableWidgetItem(ResidentFieldText::value(first, field, householdFirst));
        auto* b = new QTableWidgetItem(ResidentFieldText::value(second, field, householdSecond));
        if (differs(field)) {
            for (QTableWidgetItem* item : {label, a, b}) {
                item->setBackground(differ);
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
        }
        setItem(row, FirstColumn, a);
        setItem(row, SecondColumn, b);
        auto* combo = new QComboBox(this);
        combo->setObjectName(QStringLiteral("keep_") + field);
        setCellWidget(row, KeepColumn, combo);
        fillChooser(row);
        combo->setEnabled(differs(field));
        connect(combo, &QComboBox::currentIndexChanged, this, &DuplicateComparisonTable::choicesChanged);
    }
    retranslate();
    Q_EMIT choicesChanged();
}

void DuplicateComparisonTable::fillChooser(int row)
{
    QComboBox* combo = chooser(row);
    if (!combo)
        return;
    const QSignalBlocker blocker(combo);
    const int current = combo->currentIndex();
    combo->clear();
    combo->addItem(tr("Keep %1").arg(model::DuplicateExplanation::reference(m_first)), First);
    combo->addItem(tr("Keep %1").arg(model::DuplicateExplanation::reference(m_second)), Second);
    combo->setCurrentIndex(current >= 0 ? current : m_survivor);
}

QComboBox* DuplicateComparisonTable::chooser(int row) const
{
    return qobject_cast<QComboBox*>(cellWidget(row, KeepColumn));
}

int DuplicateComparisonTable::rowOf(const QString& field) const
{
    return static_cast<int>(model::MergeOperation::fields().indexOf(field));
}

bool DuplicateComparisonTable::differs(const QString& field) const
{
    return ResidentFieldText::value(m_first, field, m_householdFirst)
        != ResidentFieldText::value(m_second, field, m_householdSecond);
}

QStringList DuplicateComparisonTable::differingFields() const
{
    QStringList out;
    for (const QString& field : model::MergeOperation::fields())
        if (differs(field))
            out << field;
    return out;
}

void DuplicateComparisonTable::setSurvivor(Side side)
{
    m_survivor = side;
    for (int row = 0; row < rowCount(); ++row) {
        if (QComboBox* combo = chooser(row)) {
            const QSignalBlocker blocker(combo);
            combo->setCurrentIndex(side);
        }
    }
    Q_EMIT choicesChanged();
}

void DuplicateComparisonTable::setChoice(const QString& field, Side side)
{
    if (QComboBox* combo = chooser(rowOf(field)))
        combo->setCurrentIndex(side);
}

DuplicateComparisonTable::Side DuplicateComparisonTable::choice(const QString& field) const
{
    const QComboBox* combo = chooser(rowOf(field));
    return combo && combo->currentIndex() == Second ? Second : First;
}

model::MergeOperation::Plan DuplicateComparisonTable::plan() const
{
    model::MergeOperation::Plan plan;
    const model::Resident& survivor = record(m_survivor);
    const model::Resident& other = record(m_survivor == First ? Second : First);
    plan.survivorId = survivor.id;
    plan.otherIds = {other.id};
    for (const QString& field : model::MergeOperation::fields())
        if (differs(field) && choice(field) != m_survivor)
            plan.take.insert(field, other.id);
    return plan;
}

void DuplicateComparisonTable::retranslate()
{
    const QString first = hasRecords() ? model::DuplicateExplanation::reference(m_first) : tr("First record");
    const QString second
        = hasRecords() ? model::DuplicateExplanation::reference(m_second) : tr("Second record");
    setHorizontalHeaderLabels({tr("Field"), first, second, tr("Merged record keeps")});
    for (int row = 0; row < rowCount(); ++row) {
        if (QTableWidgetItem* label = item(row, FieldColumn))
            label->setText(ResidentFieldText::label(label->data(fieldRole).toString()));
        fillChooser(row);
    }
}

} // namespace wardroll::ui
