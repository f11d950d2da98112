#pragma once

#include <memory>
#include <QMainWindow>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

// The officer's main window: the ward's residents with search as you type.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(std::unique_ptr<model::WardDatabase> ward, QWidget* parent = nullptr);
    ~MainWindow() override;

private:
    std::unique_ptr<model::WardDatabase> m_ward;
};

} // namespace wardroll::ui
