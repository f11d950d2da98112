#pragma once

#include "Result.h"
#include "SqlStatement.h"

#include <functional>
#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace wardroll::model {

class SqlConnection;

// One change-set this device committed (a row of the `outbox` table), and how far it got:
// Pending (captured), Sealed (signed into an envelope, maybe sent), Acked (the hub has it) or
// Refused (the hub said no: kept with the reason, never deleted, never retried on its own).
struct OutboxEntry
{
    enum class State { Pending, Sealed, Acked, Refused };
    qint64 seq = 0; // commit order on this device
    QString changesetId;
    int schemaVersion = 0;
    QString officer;
    qint64 createdAt = 0;
    QByteArray changes; // ChangeSet CBOR
    State state = State::Pending;
    qint64 deviceSeq = 0; // 0 until sealed
    QByteArray envelope;
    QByteArray envelopeHash;
    qint64 globalSeq = 0; // the hub's sequence, once acknowledged
    QString reason; // why the hub refused it
    qint64 ackedAt = 0;
};

// The local outbox. ChangeRecorder appends; sync seals, acknowledges and refuses entries.
// Entries are never deleted: unsynced data survives everything (DOMAIN.md §10).
class Outbox
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::Outbox)
public:
    struct Counts
    {
        qint64 pending = 0;
        qint64 sealed = 0;
        qint64 acked = 0;
        qint64 refused = 0;
        [[nodiscard]] qint64 unsynced() const { return pending + sealed + refused; }
    };

    explicit Outbox(SqlConnection& connection);

    // Entries in `state`, in commit order, after `afterSeq`, at most `limit`.
    [[nodiscard]] Result<QList<OutboxEntry>> entries(OutboxEntry::State state, qint64 afterSeq = 0,
                                                     int limit = 1000);
    // Every entry not acknowledged (pending, sealed, refused), in commit order.
    [[nodiscard]] Result<QList<OutboxEntry>> unsynced(qint64 afterSeq = 0, int limit = 1000);
    [[nodiscard]] Result<std::optional<OutboxEntry>> byChangesetId(const QString& changesetId);
    // The sealed entry with the highest device sequence (the chain's tip), if any.
    [[nodiscard]] Result<std::optional<OutboxEntry>> lastSealed();
    [[nodiscard]] Result<Counts> counts();

    [[nodiscard]] Status seal(qint64 seq, qint64 deviceSeq, const QByteArray& envelope,
                              const QByteArray& envelopeHash);
    [[nodiscard]] Status acknowledge(const QString& changesetId, qint64 globalSeq);
    [[nodiscard]] Status refuse(const QString& changesetId, const QString& reason);

    [[nodiscard]] static QString stateCode(OutboxEntry::State state);

private:
    [[nodiscard]] Result<QList<OutboxEntry>> select(QStringView whereAndOrder,
                                                    const std::function<void(SqlStatement&)>& bind);
    // seal() and acknowledge() run once per envelope, thousands per sync: prepared once each.
    [[nodiscard]] Result<SqlStatement*> cached(std::optional<SqlStatement>& slot, QStringView sql);
    SqlConnection& m_connection;
    std::optional<SqlStatement> m_seal;
    std::optional<SqlStatement> m_acknowledge;
};

} // namespace wardroll::model
