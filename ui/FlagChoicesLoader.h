#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

namespace wardroll::ui {

// Reads which rules and villages have flags at all (the cleaning queue's filter choices) on a
// worker thread, through its own read-only connection: the villages come from every flag (~50 ms
// on a ward of 200,000 residents), and the window must not wait for them. A newer load() supersedes a running
// one.
class FlagChoicesLoader : public QObject
{
    Q_OBJECT
public:
    struct Choices
    {
        bool ok = false;
        QStringList rules; // codes
        QStringList villages; // "" for flags without a village
    };

    explicit FlagChoicesLoader(QObject* parent = nullptr);
    ~FlagChoicesLoader() override;

    void load(const QString& wardPath);
    [[nodiscard]] bool isLoading() const { return m_watcher.isRunning(); }

Q_SIGNALS:
    // Only when the choices could be read; the ones shown stay otherwise.
    void loaded(const QStringList& rules, const QStringList& villages);

private:
    QFutureWatcher<Choices> m_watcher;
};

} // namespace wardroll::ui
