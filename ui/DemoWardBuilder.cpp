#include "DemoWardBuilder.h"

#include "BackgroundPool.h"
#include "DemoWardGenerator.h"
#include "WardDatabase.h"

#include <atomic>
#include <optional>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QtConcurrent/QtConcurrentRun>

namespace wardroll::ui {

using model::Error;
using model::Result;
using model::Status;

QString DemoWardBuilder::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/demo-ward.db");
}

Result<QString> DemoWardBuilder::ensure(const QString& path, QWidget* parent, int residents)
{
    if (QFileInfo::exists(path))
        return path;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{Error::Kind::Io, tr("The folder for the demo ward could not be created."),
                     QFileInfo(path).absolutePath()};
    const QString partial = path + QStringLiteral(".partial");
    removeWardFiles(partial);
    if (Status status = generate(partial, parent, residents); !status.ok()) {
        removeWardFiles(partial);
        return status.error();
    }
    if (!QFile::rename(partial, path)) {
        removeWardFiles(partial);
        return Error{Error::Kind::Io, tr("The demo ward could not be saved."), path};
    }
    return path;
}

Status DemoWardBuilder::generate(const QString& path, QWidget* parent, int residents)
{
    auto opened = model::WardDatabase::open(path);
    if (!opened.ok())
        return opened.error();
    model::WardDatabase& ward = *opened.value();

    QProgressDialog dialog(tr("Creating the demo ward (%1 residents)…").arg(residents), tr("Cancel"), 0,
                           residents, parent);
    dialog.setWindowTitle(QStringLiteral("WardRoll"));
    dialog.setWindowModality(Qt::ApplicationModal);
    dialog.setMinimumDuration(0);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    std::atomic<bool> cancelled{false};
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&cancelled] { cancelled = true; });

    model::DemoWardGenerator::Options options;
    options.residents = residents;
    // Called on the worker thread: hand the figures to the dialog's thread, read the flag.
    options.progress = [&dialog, &cancelled](qint64 done, qint64 total) {
        QMetaObject::invokeMethod(
            &dialog,
            [&dialog, done, total] {
                dialog.setMaximum(static_cast<int>(total));
                dialog.setValue(static_cast<int>(qMin(done, total)));
            },
            Qt::QueuedConnection);
        return !cancelled.load();
    };
    model::DemoWardGenerator generator(options);

    std::optional<Status> outcome;
    QFutureWatcher<void> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<void>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(backgroundPool(), [&generator, &ward, &outcome] {
        auto result = generator.generate(ward);
        outcome = result.ok() ? Status{} : Status{result.error()};
    }));
    dialog.show();
    loop.exec();
    // Closing a progress dialog reports "canceled": only the officer's click counts.
    QObject::disconnect(&dialog, &QProgressDialog::canceled, nullptr, nullptr);
    dialog.hide();

    if (!outcome)
        return Error{Error::Kind::Generic, tr("The demo ward could not be created.")};
    if (!outcome->ok()) // Error::Kind::Cancelled when the officer cancelled
        return *outcome;
    if (ward.meta(QStringLiteral("ward_name")).valueOr(QString()).isEmpty()) {
        if (Status status = ward.setMeta(QStringLiteral("ward_name"), tr("Demo ward")); !status.ok())
            return status;
    }
    return {};
}

void DemoWardBuilder::removeWardFiles(const QString& path)
{
    for (const QString& suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
}

} // namespace wardroll::ui
