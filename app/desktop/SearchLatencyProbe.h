#pragma once

#include <QList>
#include <QString>

namespace wardroll::ui {
class MainWindow;
}

// `wardroll --measure-search TEXT`: types TEXT into the main window's search box one key at a
// time, as an officer would, and after each key times the work until the list shows its first
// rows: the key event, the search (Return, which skips the typing pause), the model's reset
// and the table's repaint. The typing pause itself (MainWindow::searchDelayMs) is a deliberate
// wait and is reported separately, not measured.
class SearchLatencyProbe
{
public:
    struct Step
    {
        QString text; // what the box held
        double ms = 0;
        int rows = 0; // rows in the first page
        qint64 matches = -1;
    };

    explicit SearchLatencyProbe(wardroll::ui::MainWindow& window);
    // Runs synchronously on the UI thread.
    [[nodiscard]] QList<Step> type(const QString& text);

private:
    wardroll::ui::MainWindow& m_window;
};
