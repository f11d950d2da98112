#include "FlagChoicesLoader.h"

#include "BackgroundPool.h"
#include "FlagStore.h"
#include "WardDatabase.h"

#include <QtConcurrent/QtConcurrentRun>

namespace wardroll::ui {

FlagChoicesLoader::FlagChoicesLoader(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Choices>::finished, this, [this] {
        const Choices choices = m_watcher.result();
        if (choices.ok)
            Q_EMIT loaded(choices.rules, choices.villages);
    });
}

FlagChoicesLoader::~FlagChoicesLoader()
{
    // A ward file should not be read after its window is gone.
    m_watcher.waitForFinished();
}

void FlagChoicesLoader::load(const QString& wardPath)
{
    m_watcher.setFuture(QtConcurrent::run(backgroundPool(), [wardPath] {
        lowerCurrentThreadPriority();
        Choices choices;
        model::WardDatabase::Options options;
        options.create = false;
        options.readOnly = true;
        auto ward = model::WardDatabase::open(wardPath, options);
        if (!ward.ok())
            return choices;
        model::FlagStore store(**ward);
        auto rules = store.rulesWithFlags();
        auto villages = store.villagesWithFlags();
        if (!rules.ok() || !villages.ok())
            return choices;
        choices.rules = std::move(rules.value());
        choices.villages = std::move(villages.value());
        choices.ok = true;
        return choices;
    }));
}

} // namespace wardroll::ui
