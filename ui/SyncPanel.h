#pragma once

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace wardroll::ui {

class SyncController;

// Every change this device made that the hub has not acknowledged, and the latest acknowledged
// ones, each with its state: waiting to be sent, sent (waiting for the hub's answer), accepted,
// or refused with the hub's reason (kept, never dropped: DOMAIN.md §10). Buttons start a round
// and open the conflicts.
class SyncPanel : public QDialog
{
    Q_OBJECT
public:
    explicit SyncPanel(SyncController& controller, QWidget* parent = nullptr);

    void reload();
    [[nodiscard]] QTreeWidget* list() const { return m_list; }
    // Accepted changes shown below the unsynced ones.
    static constexpr int acceptedShown = 100;

Q_SIGNALS:
    void conflictsRequested();

private:
    SyncController& m_controller;
    QLabel* m_status = nullptr;
    QTreeWidget* m_list = nullptr;
    QPushButton* m_syncButton = nullptr;
    QPushButton* m_conflictsButton = nullptr;
};

} // namespace wardroll::ui
