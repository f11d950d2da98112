#include "SearchLatencyProbe.h"

#include "MainWindow.h"
#include "ResidentTableModel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QLineEdit>
#include <QTableView>

using namespace wardroll;

SearchLatencyProbe::SearchLatencyProbe(ui::MainWindow& window)
    : m_window(window)
{
}

QList<SearchLatencyProbe::Step> SearchLatencyProbe::type(const QString& text)
{
    auto* box = m_window.findChild<QLineEdit*>(QStringLiteral("searchField"));
    auto* table = m_window.findChild<QTableView*>(QStringLiteral("residentTable"));
    QList<Step> steps;
    if (!box || !table)
        return steps;
    box->setFocus();
    box->clear();
    QApplication::processEvents();
    for (const QChar c : text) {
        QElapsedTimer timer;
        timer.start();
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QApplication::sendEvent(box, &press);
        QKeyEvent enter(QEvent::KeyPress, Qt::Key_Return, Qt::NoModifier);
        QApplication::sendEvent(box, &enter);
        // What the officer sees: the table painted with the new rows.
        table->viewport()->repaint();
        Step step;
        step.ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        step.text = box->text();
        step.rows = m_window.residentModel()->rowCount();
        step.matches = m_window.residentModel()->matchCount();
        steps << step;
        QApplication::processEvents(); // what a real event loop does between keys
    }
    return steps;
}
