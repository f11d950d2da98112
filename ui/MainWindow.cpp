#include "MainWindow.h"

#include "WardDatabase.h"

namespace wardroll::ui {

MainWindow::MainWindow(std::unique_ptr<model::WardDatabase> ward, QWidget* parent)
    : QMainWindow(parent)
    , m_ward(std::move(ward))
{
    setWindowTitle(tr("WardRoll"));
}

MainWindow::~MainWindow() = default;

} // namespace wardroll::ui
