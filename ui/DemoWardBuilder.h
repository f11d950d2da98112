#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace wardroll::ui {

// The embedded demo ward: made with DemoWardGenerator the first time the app starts without
// --db, then kept and reopened. Generation runs on a worker thread behind a progress dialog; it
// writes to "<path>.partial" and renames when complete, so a cancelled or failed run never
// leaves a half-made ward behind.
class DemoWardBuilder
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::ui::DemoWardBuilder)
public:
    static constexpr int defaultResidents = 5000;

    // QStandardPaths::AppDataLocation + "/demo-ward.db".
    [[nodiscard]] static QString defaultPath();
    // `path` when it exists; otherwise generates it first. Error::Kind::Cancelled when the
    // officer cancelled the progress dialog.
    [[nodiscard]] static model::Result<QString> ensure(const QString& path, QWidget* parent,
                                                       int residents = defaultResidents);

private:
    [[nodiscard]] static model::Status generate(const QString& path, QWidget* parent, int residents);
    static void removeWardFiles(const QString& path);
};

} // namespace wardroll::ui
