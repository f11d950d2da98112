#pragma once

#include "ChangeApplier.h"
#include "Result.h"

#include <QCborArray>
#include <QCoreApplication>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::sync {

// Applies one verified page of the hub's log to the ward and advances the pull cursor, in one
// transaction (without change capture: these are the hub's changes, not this device's). Local
// edits the hub has not accepted stay on top; each conflict the hub recorded is kept in
// sync_conflicts with both values, and the hub's value is applied like any other change.
class PageApplier
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::sync::PageApplier)
public:
    struct Outcome
    {
        int entries = 0;
        int rows = 0;
        int conflicts = 0;
        int keptLocal = 0;
        int skipped = 0;
    };

    // `cache` (optional, kept across the pages of one pull) spares decoding the outbox per page.
    explicit PageApplier(model::WardDatabase& ward, model::LocalEditCache* cache = nullptr);
    // `entries` are the page's log entries in order, all after `cursor`; `next` the new cursor.
    [[nodiscard]] model::Result<Outcome> apply(const QCborArray& entries, qint64 cursor, qint64 next);

private:
    model::WardDatabase& m_ward;
    model::LocalEditCache* m_cache;
};

} // namespace wardroll::sync
