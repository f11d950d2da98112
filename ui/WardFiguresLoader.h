#pragma once

#include <QFutureWatcher>
#include <QObject>

namespace wardroll::ui {

// Counts a ward's live residents, households, open flags and residents with changes not yet
// synced on a worker thread, through its own read-only
// connection: counting walks a whole index (hundreds of milliseconds on a large ward), and the
// window must not wait for it. A newer load() supersedes a running one.
class WardFiguresLoader : public QObject
{
    Q_OBJECT
public:
    struct Figures
    {
        qint64 residents = -1; // -1: could not be counted
        qint64 households = -1;
        qint64 openFlags = -1; // open or in verification
        qint64 unsyncedResidents = -1; // live residents with changes the hub has not acknowledged
    };

    explicit WardFiguresLoader(QObject* parent = nullptr);
    ~WardFiguresLoader() override;

    void load(const QString& wardPath);

Q_SIGNALS:
    void loaded(qint64 residents, qint64 households, qint64 openFlags, qint64 unsyncedResidents);

private:
    QFutureWatcher<Figures> m_watcher;
};

} // namespace wardroll::ui
