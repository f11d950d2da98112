#pragma once

#include <QString>
#include <QStringList>

namespace wardroll::model {

// Which tables travel between devices, and how their columns merge. Residents and households
// sync; cleaning flags and their history stay on the device for now (their ids are local, and
// two devices running the same rule would each raise their own flag for one subject: they
// need their own merge rule before they can sync).
class SyncedTables
{
public:
    [[nodiscard]] static const QStringList& tables(); // "households", "residents": parents first
    [[nodiscard]] static bool isSynced(QStringView table);
    // Columns each device computes from the others (the search keys, recomputed after applying
    // remote changes) or keeps for itself (pending_seq, see UnsyncedRows): never sent nor
    // applied, and a transaction that changes nothing else records no change-set.
    [[nodiscard]] static bool isDerived(QStringView table, QStringView column);
    // Record-keeping columns (updated_at, updated_by): any edit changes them, so two edits of
    // different fields of one record would always collide there. The hub keeps the latest
    // arrival's value instead of raising a conflict.
    [[nodiscard]] static bool isBookkeeping(QStringView column);
};

} // namespace wardroll::model
