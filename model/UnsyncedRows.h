#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>

namespace wardroll::model {

class SqlConnection;

// Which records carry changes the hub has not acknowledged yet (schema v8), so that the list can
// be filtered by them and counted in SQL. `pending_seq` on residents and households is the outbox
// seq of the latest not-yet-acknowledged change-set that touched the row, NULL once the hub has
// every change of it. It is derived and local (SyncedTables::isDerived): never captured, sent or
// applied.
//
// A row is clear when its pending_seq is below every unacknowledged outbox entry: then every
// change-set that touched it (all have seq <= pending_seq) is acknowledged. Refused change-sets
// count as unacknowledged: the hub said no, the change and everything after it (they continue
// its chain) waits for a person (SyncClient::resealRefused), so their rows stay unsynced.
// Rows changed by pulling other devices' changes are never marked: those changes are the hub's.
class UnsyncedRows
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::UnsyncedRows)
public:
    explicit UnsyncedRows(SqlConnection& connection);

    // Marks the rows of a synced table, by id, as changed by outbox entry `seq`.
    [[nodiscard]] Status mark(const QString& table, const QStringList& ids, qint64 seq);
    // Marks the rows of a synced table whose rowid is at least `firstRowid` (the rows a bulk
    // insert appended: rowids only grow within an insert-only transaction).
    [[nodiscard]] Status markFrom(const QString& table, qint64 firstRowid, qint64 seq);
    // Marks every row of the synced tables.
    [[nodiscard]] Status markAll(qint64 seq);
    // Clears the rows whose every change the hub has acknowledged; run in the transaction that
    // records the acknowledgements. One range walk of the pending index per table.
    [[nodiscard]] Status settle();
    // Recomputes the marks from the outbox: the change-sets not yet acknowledged are decoded.
    // For the upgrade of a ward to schema v8. A ward that never synced (nothing acknowledged,
    // nothing pulled) has only its own unacknowledged rows: they are all marked at once.
    [[nodiscard]] Status rebuildFromOutbox();

    // Live residents with changes not yet acknowledged (the filter row's "not yet synced").
    [[nodiscard]] Result<qint64> countResidents();

private:
    [[nodiscard]] static Status notSynced(const QString& table);
    SqlConnection& m_connection;
};

} // namespace wardroll::model
