#include "WardFiguresLoader.h"

#include "BackgroundPool.h"
#include "FlagStore.h"
#include "UnsyncedRows.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QtConcurrent/QtConcurrentRun>

namespace wardroll::ui {

WardFiguresLoader::WardFiguresLoader(QObject* parent)
    : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<Figures>::finished, this, [this] {
        const Figures figures = m_watcher.result();
        Q_EMIT loaded(figures.residents, figures.households, figures.openFlags, figures.unsyncedResidents);
    });
}

WardFiguresLoader::~WardFiguresLoader()
{
    // The count touches nothing of ours, but a ward file should not be read after its window is gone.
    m_watcher.waitForFinished();
}

void WardFiguresLoader::load(const QString& wardPath)
{
    m_watcher.setFuture(QtConcurrent::run(backgroundPool(), [wardPath] {
        lowerCurrentThreadPriority();
        Figures figures;
        model::WardDatabase::Options options;
        options.create = false;
        options.readOnly = true;
        auto ward = model::WardDatabase::open(wardPath, options);
        if (!ward.ok())
            return figures;
        model::WardStore store(**ward);
        figures.residents = store.countResidents().valueOr(-1);
        figures.households = store.countHouseholds().valueOr(-1);
        figures.openFlags = model::FlagStore(**ward).count(model::FlagQuery{}).valueOr(-1);
        figures.unsyncedResidents = model::UnsyncedRows((*ward)->connection()).countResidents().valueOr(-1);
        return figures;
    }));
}

} // namespace wardroll::ui
