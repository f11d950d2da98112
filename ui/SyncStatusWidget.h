#pragma once

#include <QWidget>

class QLabel;
class QToolButton;

namespace wardroll::ui {

class SyncController;

// The status bar's sync corner: online or offline (from the last authenticated ping), when the
// last sync succeeded, how many changes wait to be sent, open conflicts; a button starts a round
// and a click on the text opens the sync panel.
class SyncStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit SyncStatusWidget(SyncController& controller, QWidget* parent = nullptr);

    [[nodiscard]] QString text() const;

Q_SIGNALS:
    void panelRequested();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refresh();
    SyncController& m_controller;
    QLabel* m_label = nullptr;
    QToolButton* m_syncButton = nullptr;
};

} // namespace wardroll::ui
