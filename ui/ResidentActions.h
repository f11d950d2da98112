#pragma once

#include <functional>
#include <QObject>

class QAction;
class QMenu;
class QTableView;
class QWidget;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

// The main window's entry points to residents' records: open the resident chosen in the list
// (Enter or double-click), a new resident (Ctrl+N), the household of the chosen resident
// (Ctrl+H). Kept out of MainWindow so that it stays small. Forms are window-modal: the ward
// cannot change under them.
class ResidentActions : public QObject
{
    Q_OBJECT
public:
    // `ward` is read when an action runs (the window may have switched wards in between).
    ResidentActions(QWidget* window, QTableView* residents, std::function<model::WardDatabase&()> ward);

    [[nodiscard]] QMenu* menu() const { return m_menu; }
    [[nodiscard]] QAction* newAction() const { return m_new; }
    [[nodiscard]] QAction* openAction() const { return m_open; }
    [[nodiscard]] QAction* householdAction() const { return m_household; }
    void retranslate();

    void openResident(const QString& residentId);
    void newResident();
    void openHousehold(const QString& householdId);

Q_SIGNALS:
    // A form or household view wrote to the ward: the list should re-read.
    void wardChanged();

private:
    [[nodiscard]] QString selectedResidentId() const;
    void openSelectedHousehold();

    QWidget* m_window;
    QTableView* m_residents;
    std::function<model::WardDatabase&()> m_ward;
    QMenu* m_menu = nullptr;
    QAction* m_new = nullptr;
    QAction* m_open = nullptr;
    QAction* m_household = nullptr;
};

} // namespace wardroll::ui
