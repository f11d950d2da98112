#pragma once

#include "SyncConflictStore.h"

#include <QDialog>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

// The open sync conflicts of the ward, for a person to settle: the list on top, and for the
// selected one both values side by side (who entered each, which is this device's), with a
// button under each to keep it, or a typed value. A choice is an ordinary edit (model
// SyncConflictStore): it goes to the hub with the next sync.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConflictDialog(model::WardDatabase& ward, QWidget* parent = nullptr);

    // Re-reads the open conflicts; selects the first.
    void reload();
    [[nodiscard]] int conflictCount() const;
    [[nodiscard]] QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    // A conflict was settled (the ward changed).
    void resolved();

private:
    void showSelected();
    void settle(model::SyncConflictStore::Choice choice);
    [[nodiscard]] QString sideText(const QString& officer, const QString& device) const;

    model::WardDatabase& m_ward;
    QList<model::SyncConflict> m_conflicts;
    QTableWidget* m_table = nullptr;
    QLabel* m_summary = nullptr;
    QGroupBox* m_hubBox = nullptr;
    QGroupBox* m_incomingBox = nullptr;
    QLabel* m_hubValue = nullptr;
    QLabel* m_incomingValue = nullptr;
    QLabel* m_hubWho = nullptr;
    QLabel* m_incomingWho = nullptr;
    QPushButton* m_takeHub = nullptr;
    QPushButton* m_takeIncoming = nullptr;
    QLineEdit* m_typed = nullptr;
    QPushButton* m_takeTyped = nullptr;
};

} // namespace wardroll::ui
