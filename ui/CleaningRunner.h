#pragma once

#include "CleaningRun.h"

#include <atomic>
#include <memory>
#include <QFutureWatcher>
#include <QObject>

namespace wardroll::ui {

// Runs a cleaning (model::CleaningRun) on a worker thread through its own connection to the
// ward file, so that the window keeps answering: reports progress in thousandths and can be
// cancelled. A cancelled or failed run leaves the ward's flags as they were (CleaningRun writes
// them in one transaction at the end).
class CleaningRunner : public QObject
{
    Q_OBJECT
public:
    struct Outcome
    {
        bool completed = false;
        bool cancelled = false;
        QString error; // translated, when neither completed nor cancelled
        model::CleaningRun::Summary summary;
    };

    explicit CleaningRunner(QObject* parent = nullptr);
    ~CleaningRunner() override; // waits for a running clean to stop (cancelling it)

    // Starts a run of the ward at `wardPath` for `officer`; refused (false) while one runs.
    bool start(const QString& wardPath, const QString& officer);
    void cancel();
    [[nodiscard]] bool isRunning() const { return m_watcher.isRunning(); }
    [[nodiscard]] const Outcome& lastOutcome() const { return m_outcome; }

    // Options for the next runs (progress is the runner's own).
    void setOptions(const model::CleaningRun::Options& options) { m_options = options; }

Q_SIGNALS:
    void progressChanged(int thousandths);
    // The outcome is lastOutcome().
    void finished(bool completed);

private:
    QFutureWatcher<Outcome> m_watcher;
    // Not QFuture::cancel(): a cancelled future drops its result, and a run that committed just
    // before the cancel must still say so.
    std::shared_ptr<std::atomic<bool>> m_cancel;
    model::CleaningRun::Options m_options;
    Outcome m_outcome;
};

} // namespace wardroll::ui
