#include "Outbox.h"

#include "Clock.h"
#include "SqlConnection.h"

namespace wardroll::model {

namespace {

constexpr auto columns = u"seq, changeset_id, schema_version, officer, created_at, changes, state, "
                         u"device_seq, envelope, envelope_hash, global_seq, reason, acked_at";

OutboxEntry::State stateFromCode(QStringView code)
{
    if (code == u"sealed")
        return OutboxEntry::State::Sealed;
    if (code == u"acked")
        return OutboxEntry::State::Acked;
    if (code == u"refused")
        return OutboxEntry::State::Refused;
    return OutboxEntry::State::Pending;
}

OutboxEntry readEntry(const SqlStatement& row)
{
    OutboxEntry e;
    e.seq = row.integer(0);
    e.changesetId = row.text(1);
    e.schemaVersion = static_cast<int>(row.integer(2));
    e.officer = row.text(3);
    e.createdAt = row.integer(4);
    e.changes = row.blob(5);
    e.state = stateFromCode(row.text(6));
    e.deviceSeq = row.integer(7);
    e.envelope = row.blob(8);
    e.envelopeHash = row.blob(9);
    e.globalSeq = row.integer(10);
    e.reason = row.text(11);
    e.ackedAt = row.integer(12);
    return e;
}

} // namespace

Outbox::Outbox(SqlConnection& connection)
    : m_connection(connection)
{
}

QString Outbox::stateCode(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Pending:
        return QStringLiteral("pending");
    case OutboxEntry::State::Sealed:
        return QStringLiteral("sealed");
    case OutboxEntry::State::Acked:
        return QStringLiteral("acked");
    case OutboxEntry::State::Refused:
        return QStringLiteral("refused");
    }
    return {};
}

Result<QList<OutboxEntry>> Outbox::select(QStringView whereAndOrder,
                                          const std::function<void(SqlStatement&)>& bind)
{
    auto stmt = m_connection.prepare(
        QStringLiteral("SELECT %1 FROM outbox %2").arg(QStringView(columns), whereAndOrder));
    if (!stmt.ok())
        return stmt.error();
    bind(*stmt);
    QList<OutboxEntry> out;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        out.append(readEntry(*stmt));
    }
    return out;
}

Result<QList<OutboxEntry>> Outbox::entries(OutboxEntry::State state, qint64 afterSeq, int limit)
{
    return select(u"WHERE state = ? AND seq > ? ORDER BY seq LIMIT ?",
                  [&](SqlStatement& stmt) { stmt.bindAll(stateCode(state), afterSeq, limit); });
}

Result<QList<OutboxEntry>> Outbox::unsynced(qint64 afterSeq, int limit)
{
    return select(u"WHERE state <> 'acked' AND seq > ? ORDER BY seq LIMIT ?",
                  [&](SqlStatement& stmt) { stmt.bindAll(afterSeq, limit); });
}

Result<std::optional<OutboxEntry>> Outbox::byChangesetId(const QString& changesetId)
{
    auto found = select(u"WHERE changeset_id = ?", [&](SqlStatement& stmt) { stmt.bind(1, changesetId); });
    if (!found.ok())
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(found->first());
}

Result<std::optional<OutboxEntry>> Outbox::lastSealed()
{
    auto found
        = select(u"WHERE device_seq IS NOT NULL ORDER BY device_seq DESC LIMIT 1", [](SqlStatement&) {});
    if (!found.ok())
        return found.error();
    if (found->isEmpty())
        return std::optional<OutboxEntry>();
    return std::optional<OutboxEntry>(found->first());
}

Result<Outbox::Counts> Outbox::counts()
{
    // Columns after the change-set blob (state among them) cost a walk through its overflow
    // pages: 250 MB for the 254 bulk change-sets of a 200,000-resident ward, ~0.5 s warm and
    // seconds cold. The counts come from indexes instead: all rows, the unsynced (partial index),
    // the pending (no device sequence yet). Only refused entries need their rows read, and
    // only when some unsynced entries are sealed.
    auto total = m_connection.queryInt(u"SELECT count(*) FROM outbox");
    if (!total.ok())
        return total.error();
    auto unsynced = m_connection.queryInt(u"SELECT count(*) FROM outbox WHERE state <> 'acked'");
    if (!unsynced.ok())
        return unsynced.error();
    auto pending = m_connection.queryInt(u"SELECT count(*) FROM outbox WHERE device_seq IS NULL");
    if (!pending.ok())
        return pending.error();
    Counts counts;
    counts.pending = pending.value();
    if (unsynced.value() > counts.pending) {
        auto refused = m_connection.queryInt(u"SELECT count(*) FROM outbox WHERE state <> 'acked' AND "
                                             u"device_seq IS NOT NULL AND state = 'refused'");
        if (!refused.ok())
            return refused.error();
        counts.refused = refused.value();
    }
    counts.sealed = unsynced.value() - counts.pending - counts.refused;
    counts.acked = total.value() - unsynced.value();
    return counts;
}

Result<SqlStatement*> Outbox::cached(std::optional<SqlStatement>& slot, QStringView sql)
{
    if (!slot) {
        auto stmt = m_connection.prepare(sql);
        if (!stmt.ok())
            return stmt.error();
        slot.emplace(std::move(stmt.value()));
    }
    slot->reset();
    slot->clearBindings();
    return &*slot;
}

Status Outbox::seal(qint64 seq, qint64 deviceSeq, const QByteArray& envelope, const QByteArray& envelopeHash)
{
    auto stmt = cached(m_seal,
                       u"UPDATE outbox SET state = 'sealed', device_seq = ?, envelope = ?, "
                       u"envelope_hash = ? WHERE seq = ? AND state = 'pending'");
    if (!stmt.ok())
        return stmt.error();
    (*stmt)->bindAll(deviceSeq, envelope, envelopeHash, seq);
    if (auto status = (*stmt)->exec(); !status.ok())
        return status;
    if (m_connection.changes() != 1)
        return Error{Error::Kind::Conflict, tr("The change-set was already sealed."), QString::number(seq)};
    return {};
}

Status Outbox::acknowledge(const QString& changesetId, qint64 globalSeq)
{
    auto stmt = cached(m_acknowledge,
                       u"UPDATE outbox SET state = 'acked', global_seq = ?, acked_at = ?, "
                       u"reason = '' WHERE changeset_id = ? AND state <> 'acked'");
    if (!stmt.ok())
        return stmt.error();
    (*stmt)->bindAll(globalSeq, Clock::nowMs(), changesetId);
    return (*stmt)->exec();
}

Status Outbox::refuse(const QString& changesetId, const QString& reason)
{
    auto stmt = m_connection.prepare(
        u"UPDATE outbox SET state = 'refused', reason = ? WHERE changeset_id = ? AND state <> 'acked'");
    if (!stmt.ok())
        return stmt.error();
    stmt->bindAll(reason, changesetId);
    return stmt->exec();
}

} // namespace wardroll::model
