#include "UnsyncedRows.h"

#include "ChangeSet.h"
#include "SqlConnection.h"
#include "SyncedTables.h"

#include <limits>
#include <QLoggingCategory>
#include <QMap>

namespace wardroll::model {

namespace {

Q_LOGGING_CATEGORY(lcUnsynced, "wardroll.model.unsynced")

// sync/SyncState's key: the hub position this device has pulled up to (absent: never pulled).
const QString cursorKey = QStringLiteral("sync.cursor");

} // namespace

UnsyncedRows::UnsyncedRows(SqlConnection& connection)
    : m_connection(connection)
{
}

Status UnsyncedRows::notSynced(const QString& table)
{
    return Error{Error::Kind::InvalidInput, tr("The ward database could not be updated."),
                 QStringLiteral("not a synced table: %1").arg(table)};
}

Status UnsyncedRows::mark(const QString& table, const QStringList& ids, qint64 seq)
{
    if (!SyncedTables::isSynced(table))
        return notSynced(table);
    if (ids.isEmpty())
        return {};
    auto stmt
        = m_connection.prepare(QStringLiteral("UPDATE %1 SET pending_seq = ?1 WHERE id = ?2").arg(table));
    if (!stmt.ok())
        return stmt.error();
    for (const QString& id : ids) {
        stmt->reset();
        stmt->bindAll(seq, id);
        if (auto status = stmt->exec(); !status.ok())
            return status;
    }
    return {};
}

Status UnsyncedRows::markFrom(const QString& table, qint64 firstRowid, qint64 seq)
{
    if (!SyncedTables::isSynced(table))
        return notSynced(table);
    auto stmt
        = m_connection.prepare(QStringLiteral("UPDATE %1 SET pending_seq = ?1 WHERE rowid >= ?2").arg(table));
    if (!stmt.ok())
        return stmt.error();
    stmt->bindAll(seq, firstRowid);
    return stmt->exec();
}

Status UnsyncedRows::markAll(qint64 seq)
{
    for (const QString& table : SyncedTables::tables()) {
        if (auto status = markFrom(table, std::numeric_limits<qint64>::min(), seq); !status.ok())
            return status;
    }
    return {};
}

Status UnsyncedRows::settle()
{
    // Everything below the first unacknowledged entry is acknowledged (seq starts at 1).
    auto first = m_connection.queryInt(u"SELECT coalesce(min(seq), 0) FROM outbox WHERE state <> 'acked'");
    if (!first.ok())
        return first.error();
    const qint64 below = first.value() > 0 ? first.value() : std::numeric_limits<qint64>::max();
    for (const QString& table : SyncedTables::tables()) {
        auto stmt = m_connection.prepare(
            QStringLiteral("UPDATE %1 SET pending_seq = NULL WHERE pending_seq < ?1").arg(table));
        if (!stmt.ok())
            return stmt.error();
        stmt->bind(1, below);
        if (auto status = stmt->exec(); !status.ok())
            return status;
    }
    return {};
}

Status UnsyncedRows::rebuildFromOutbox()
{
    for (const QString& table : SyncedTables::tables()) {
        if (auto status = m_connection.exec(
                QStringLiteral("UPDATE %1 SET pending_seq = NULL WHERE pending_seq IS NOT NULL").arg(table));
            !status.ok())
            return status;
    }
    auto last = m_connection.queryInt(u"SELECT coalesce(max(seq), 0) FROM outbox WHERE state <> 'acked'");
    if (!last.ok())
        return last.error();
    if (last.value() == 0)
        return {}; // the hub has everything
    auto acked = m_connection.queryInt(u"SELECT EXISTS (SELECT 1 FROM outbox WHERE state = 'acked')");
    if (!acked.ok())
        return acked.error();
    auto cursor = m_connection.prepare(u"SELECT value FROM ward_meta WHERE key = ?");
    if (!cursor.ok())
        return cursor.error();
    cursor->bind(1, cursorKey);
    auto pulled = cursor->step();
    if (!pulled.ok())
        return pulled.error();
    const bool everPulled = pulled.value() && cursor->text(0).toLongLong() > 0;
    if (acked.value() == 0 && !everPulled) {
        // Every row came from this device's own unacknowledged change-sets (capture covers all
        // of them since schema v5): no need to decode them. The latest seq is conservative
        // and exact enough: a row clears once the hub has the whole outbox as it stands.
        return markAll(last.value());
    }

    // Latest unacknowledged change-set per row; deleted rows are gone, nothing to mark.
    QHash<QString, QHash<QString, qint64>> latest;
    auto entries
        = m_connection.prepare(u"SELECT seq, changes FROM outbox WHERE state <> 'acked' ORDER BY seq");
    if (!entries.ok())
        return entries.error();
    for (;;) {
        auto row = entries->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        const qint64 seq = entries->integer(0);
        auto changes = ChangeSet::fromCbor(entries->blob(1));
        if (!changes.ok()) {
            // Sync will refuse it with its own message; the upgrade must not lock the ward.
            qCWarning(lcUnsynced) << "outbox entry" << seq << "cannot be read:" << changes.error().detail;
            continue;
        }
        for (const RowChange& change : std::as_const(changes->rows)) {
            if (change.op != RowChange::Op::Delete && SyncedTables::isSynced(change.table))
                latest[change.table].insert(change.rowId, seq);
        }
    }
    for (auto table = latest.cbegin(); table != latest.cend(); ++table) {
        QMap<qint64, QStringList> idsBySeq;
        for (auto it = table->cbegin(); it != table->cend(); ++it)
            idsBySeq[it.value()].append(it.key());
        for (auto it = idsBySeq.cbegin(); it != idsBySeq.cend(); ++it) {
            if (auto status = mark(table.key(), it.value(), it.key()); !status.ok())
                return status;
        }
    }
    return {};
}

Result<qint64> UnsyncedRows::countResidents()
{
    return m_connection.queryInt(u"SELECT count(*) FROM residents WHERE pending_seq IS NOT NULL "
                                 u"AND deleted_at IS NULL AND merged_into IS NULL");
}

} // namespace wardroll::model
