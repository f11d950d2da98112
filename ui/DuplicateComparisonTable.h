#pragma once

#include "MergeOperation.h"
#include "Resident.h"

#include <QTableWidget>

class QComboBox;

namespace wardroll::ui {

// Two records side by side, one row per field a merge chooses between: the fields that differ
// are highlighted, and each has a choice of which record's value the merged record keeps
// (the survivor's by default). Produces the MergeOperation plan.
class DuplicateComparisonTable : public QTableWidget
{
    Q_OBJECT
public:
    enum Column { FieldColumn, FirstColumn, SecondColumn, KeepColumn, ColumnCount };
    enum Side { First = 0, Second = 1 };

    explicit DuplicateComparisonTable(QWidget* parent = nullptr);

    // `householdFirst` / `householdSecond`: the records' household numbers, for display.
    void setRecords(const model::Resident& first, const model::Resident& second,
                    const QString& householdFirst = {}, const QString& householdSecond = {});
    void clearRecords();
    [[nodiscard]] bool hasRecords() const { return !m_first.id.isEmpty(); }
    [[nodiscard]] const model::Resident& record(Side side) const
    {
        return side == First ? m_first : m_second;
    }

    // The record that keeps its id. Choosing another survivor sets every choice to it.
    void setSurvivor(Side side);
    [[nodiscard]] Side survivor() const { return m_survivor; }
    // Which record's value the merged record keeps for `field`.
    void setChoice(const QString& field, Side side);
    [[nodiscard]] Side choice(const QString& field) const;
    [[nodiscard]] bool differs(const QString& field) const;
    [[nodiscard]] int rowOf(const QString& field) const;
    [[nodiscard]] QStringList differingFields() const;

    [[nodiscard]] model::MergeOperation::Plan plan() const;
    void retranslate();

Q_SIGNALS:
    void choicesChanged();

private:
    [[nodiscard]] QComboBox* chooser(int row) const;
    void fillChooser(int row);

    model::Resident m_first;
    model::Resident m_second;
    QString m_householdFirst;
    QString m_householdSecond;
    Side m_survivor = First;
};

} // namespace wardroll::ui
