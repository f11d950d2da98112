#pragma once

#include <QDialog>

class QLabel;
class QPushButton;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

class CataloguePicker;

// Asks where a person moves: the household (found by its number or a member's name) and the
// person's relation to its head. Only asks: the household view does the move.
class MoveMemberDialog : public QDialog
{
    Q_OBJECT
public:
    MoveMemberDialog(model::WardDatabase& ward, const QString& personName, const QString& fromHouseholdId,
                     QWidget* parent = nullptr);

    [[nodiscard]] QString householdId() const;
    [[nodiscard]] QString relation() const;
    [[nodiscard]] CataloguePicker* householdPicker() const { return m_household; }
    [[nodiscard]] CataloguePicker* relationPicker() const { return m_relation; }

private:
    void updateOk();

    CataloguePicker* m_household = nullptr;
    CataloguePicker* m_relation = nullptr;
    QPushButton* m_ok = nullptr;
};

} // namespace wardroll::ui
