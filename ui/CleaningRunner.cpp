#include "CleaningRunner.h"

#include "BackgroundPool.h"
#include "WardDatabase.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>
#include <QThread>

namespace wardroll::ui {

CleaningRunner::CleaningRunner(QObject* parent)
    : QObject(parent)
{
    // Leave a core to the window: the rules and the duplicate search use every worker they get.
    m_options.threads = std::max(1, QThread::idealThreadCount() - 1);
    connect(&m_watcher, &QFutureWatcher<Outcome>::progressValueChanged, this,
            &CleaningRunner::progressChanged);
    connect(&m_watcher, &QFutureWatcher<Outcome>::finished, this, [this] {
        m_outcome = m_watcher.future().resultCount() > 0 ? m_watcher.result() : Outcome{};
        Q_EMIT finished(m_outcome.completed);
    });
}

CleaningRunner::~CleaningRunner()
{
    cancel();
    m_watcher.waitForFinished();
}

bool CleaningRunner::start(const QString& wardPath, const QString& officer)
{
    if (m_watcher.isRunning())
        return false;
    m_outcome = {};
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    const model::CleaningRun::Options base = m_options;
    m_watcher.setFuture(QtConcurrent::run(
        backgroundPool(), [wardPath, officer, base, cancel = m_cancel](QPromise<Outcome>& promise) {
            lowerCurrentThreadPriority();
            Outcome outcome;
            promise.setProgressRange(0, static_cast<int>(model::CleaningRun::progressTotal));
            model::WardDatabase::Options open;
            open.create = false;
            open.officer = officer;
            auto ward = model::WardDatabase::open(wardPath, open);
            if (!ward.ok()) {
                outcome.error = ward.error().message;
                promise.addResult(outcome);
                return;
            }
            model::CleaningRun::Options options = base;
            options.progress = [&promise, &cancel](qint64 done, qint64) {
                promise.setProgressValue(static_cast<int>(done));
                return !cancel->load();
            };
            auto summary = model::CleaningRun(**ward).run(options);
            if (summary.ok()) {
                outcome.completed = true;
                outcome.summary = summary.value();
            } else if (summary.error().kind == model::Error::Kind::Cancelled) {
                outcome.cancelled = true;
            } else {
                outcome.error = summary.error().message;
            }
            promise.addResult(outcome);
        }));
    return true;
}

void CleaningRunner::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

} // namespace wardroll::ui
