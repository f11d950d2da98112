#include "PageApplier.h"

#include "ChangeSet.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "SyncState.h"
#include "WardDatabase.h"

#include <QCborMap>

namespace wardroll::sync {

using model::Error;

namespace {
// A text field of a CBOR map; an empty or missing one is '' (never a null QString: SQL NULL).
QString text(const QCborMap& map, const QString& key)
{
    const QString value = map.value(key).toString();
    return value.isNull() ? QStringLiteral("") : value;
}
} // namespace

PageApplier::PageApplier(model::WardDatabase& ward, model::LocalEditCache* cache)
    : m_ward(ward)
    , m_cache(cache)
{
}

model::Result<PageApplier::Outcome> PageApplier::apply(const QCborArray& entries, qint64 cursor, qint64 next)
{
    const auto damaged = [](const QString& detail) {
        return Error{Error::Kind::InvalidInput, tr("The hub sent a damaged page of changes."), detail};
    };
    model::SqlConnection& db = m_ward.connection();
    model::SqlTransaction transaction(db, model::ChangeCapture::Off);
    if (!transaction.begun().ok())
        return transaction.begun().error();
    model::ChangeApplier applier(m_ward, m_cache);
    if (auto status = applier.loadLocalEdits(cursor); !status.ok())
        return status.error();
    auto insertConflict = db.prepare(
        u"INSERT OR IGNORE INTO sync_conflicts(id, global_seq, table_name, row_id, column_name, base_value, "
        u"hub_value, incoming_value, hub_device, hub_officer, hub_changeset, incoming_device, "
        u"incoming_officer, "
        u"incoming_changeset, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    if (!insertConflict.ok())
        return insertConflict.error();

    Outcome outcome;
    qint64 last = cursor;
    for (const QCborValue& item : entries) {
        const QCborMap entry = item.toMap();
        const qint64 seq = entry.value(QStringLiteral("seq")).toInteger(-1);
        if (seq <= last)
            return damaged(QStringLiteral("entries out of order"));
        last = seq;
        // This device's own change-set, as the hub applied it: its values are here already,
        // since every hub change ordered before it left them alone (ChangeApplier). Only its
        // conflicts are news.
        if (text(entry, QStringLiteral("device")) != m_ward.deviceId()) {
            auto rows = model::ChangeSet::fromCbor(entry.value(QStringLiteral("rows")).toByteArray());
            if (!rows.ok())
                return damaged(rows.error().detail);
            for (const model::RowChange& row : rows->rows) {
                if (auto status = applier.apply(row, seq); !status.ok())
                    return status.error();
                ++outcome.rows;
            }
        }
        for (const QCborValue& value : entry.value(QStringLiteral("conflicts")).toArray()) {
            const QCborMap c = value.toMap();
            const QString table = c.value(QStringLiteral("t")).toString();
            const QString rowId = c.value(QStringLiteral("row")).toString();
            const QString column = c.value(QStringLiteral("col")).toString();
            if (table.isEmpty() || rowId.isEmpty() || column.isEmpty())
                return damaged(QStringLiteral("conflict without its cell"));
            const QCborValue base = c.value(QStringLiteral("base"));
            insertConflict->reset();
            insertConflict->bindAll(c.value(QStringLiteral("id")).toString(), seq, table, rowId, column);
            if (base.isUndefined())
                insertConflict->bindNull(6);
            else
                insertConflict->bind(6, base.toCbor());
            insertConflict->bind(7, c.value(QStringLiteral("hub")).toCbor());
            insertConflict->bind(8, c.value(QStringLiteral("in")).toCbor());
            insertConflict->bind(9, text(c, QStringLiteral("hubDevice")));
            insertConflict->bind(10, text(c, QStringLiteral("hubOfficer")));
            insertConflict->bind(11, text(c, QStringLiteral("hubChangeset")));
            insertConflict->bind(12, text(entry, QStringLiteral("device")));
            insertConflict->bind(13, text(entry, QStringLiteral("officer")));
            insertConflict->bind(14, entry.value(QStringLiteral("id")).toString());
            insertConflict->bind(15, entry.value(QStringLiteral("received")).toInteger());
            if (auto status = insertConflict->exec(); !status.ok())
                return status.error();
            // The hub kept its value: so does every device (unless it has a newer local edit).
            model::RowChange keep;
            keep.table = table;
            keep.rowId = rowId;
            keep.op = model::RowChange::Op::Update;
            keep.after.insert(column, c.value(QStringLiteral("hub")));
            if (auto status = applier.apply(keep, seq); !status.ok())
                return status.error();
            ++outcome.conflicts;
        }
        ++outcome.entries;
    }
    if (next < last)
        return damaged(QStringLiteral("cursor behind its entries"));
    if (auto status = applier.finish(); !status.ok())
        return status.error();
    if (auto status = SyncState::saveCursor(m_ward, next); !status.ok())
        return status.error();
    if (auto status = transaction.commit(); !status.ok())
        return status.error();
    outcome.keptLocal = applier.keptLocal();
    outcome.skipped = applier.skippedRows();
    return outcome;
}

} // namespace wardroll::sync
