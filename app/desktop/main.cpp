#include "MainWindow.h"
#include "WardDatabase.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>

using namespace wardroll;

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("WardRoll"));
    QApplication::setOrganizationName(QStringLiteral("WardRoll"));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Residents' records for commune police"));
    parser.addHelpOption();
    QCommandLineOption dbOption(QStringLiteral("db"), QApplication::translate("main", "Ward database file."),
                                QStringLiteral("FILE"));
    parser.addOption(dbOption);
    parser.process(app);

    auto ward = model::WardDatabase::open(parser.value(dbOption));
    if (!ward.ok()) {
        QMessageBox::critical(nullptr, QStringLiteral("WardRoll"), ward.error().toString());
        return 1;
    }
    ui::MainWindow window(std::move(ward.value()));
    window.show();
    return app.exec();
}
