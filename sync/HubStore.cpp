#include "HubStore.h"

#include "Clock.h"

#include <atomic>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>

namespace wardroll::sync {

using model::Error;
using model::Result;
using model::Status;

namespace {

enum Slot {
    SelectMeta,
    UpsertMeta,
    SelectDevice,
    SelectDevices,
    InsertDevice,
    AdvanceDevice,
    SetDeviceState,
    TouchDevice,
    InsertCode,
    SelectCode,
    UseCode,
    SelectEnvelope,
    HasChangeset,
    InsertEnvelope,
    SelectCells,
    UpsertCell,
    DeleteRow,
    SelectHead,
    InsertLog,
    SelectLog,
    SelectLogEntry,
    InsertConflict,
    SelectConflicts,
    SelectRows,
    SlotCount
};

// Slots of sizedQuery().
enum SizedSlot { KnownChangesets, UpsertCells, SelectSomeCells };

// Ids per query of knownChangesets(): well under SQLite's and PostgreSQL's parameter limits.
constexpr int idsPerQuery = 200;

const char* const schema[] = {
    "CREATE TABLE IF NOT EXISTS hub_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS devices (id TEXT PRIMARY KEY, name TEXT NOT NULL, public_key BLOB NOT NULL, "
    "state TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '', enrolled_at BIGINT NOT NULL, "
    "last_seq BIGINT NOT NULL DEFAULT 0, last_hash BLOB, last_seen_at BIGINT NOT NULL DEFAULT 0)",
    "CREATE TABLE IF NOT EXISTS enrollment_codes (code_hash TEXT PRIMARY KEY, device_name TEXT NOT NULL, "
    "created_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, used_by TEXT)",
    "CREATE TABLE IF NOT EXISTS envelopes (device_id TEXT NOT NULL, device_seq BIGINT NOT NULL, "
    "changeset_id TEXT NOT NULL UNIQUE, hash BLOB NOT NULL, global_seq BIGINT NOT NULL, ack BLOB NOT NULL, "
    "wire BLOB NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (device_id, device_seq))",
    "CREATE TABLE IF NOT EXISTS log (global_seq BIGINT PRIMARY KEY, changeset_id TEXT NOT NULL, "
    "device_id TEXT NOT NULL, officer TEXT NOT NULL, entry BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS cells (tbl TEXT NOT NULL, row_id TEXT NOT NULL, col TEXT NOT NULL, "
    "value BLOB NOT NULL, global_seq BIGINT NOT NULL, PRIMARY KEY (tbl, row_id, col))",
    "CREATE TABLE IF NOT EXISTS conflicts (id TEXT PRIMARY KEY, global_seq BIGINT NOT NULL, tbl TEXT NOT "
    "NULL, "
    "row_id TEXT NOT NULL, col TEXT NOT NULL, base_value BLOB, hub_value BLOB, incoming_value BLOB, "
    "hub_device TEXT NOT NULL, hub_officer TEXT NOT NULL, hub_changeset TEXT NOT NULL, "
    "incoming_device TEXT NOT NULL, incoming_officer TEXT NOT NULL, incoming_changeset TEXT NOT NULL, "
    "created_at BIGINT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS conflicts_row ON conflicts(tbl, row_id)",
};

QVariant blob(const QByteArray& bytes)
{
    return bytes.isNull() ? QVariant(QMetaType::fromType<QByteArray>()) : QVariant(bytes);
}

HubStore::Device::State stateFromCode(const QString& code)
{
    if (code == u"held")
        return HubStore::Device::State::Held;
    if (code == u"revoked")
        return HubStore::Device::State::Revoked;
    return HubStore::Device::State::Active;
}

HubStore::Device readDevice(const QSqlQuery& q)
{
    HubStore::Device d;
    d.id = q.value(0).toString();
    d.name = q.value(1).toString();
    d.publicKey = q.value(2).toByteArray();
    d.state = stateFromCode(q.value(3).toString());
    d.reason = q.value(4).toString();
    d.enrolledAt = q.value(5).toLongLong();
    d.lastSeq = q.value(6).toLongLong();
    d.lastHash = q.value(7).toByteArray();
    d.lastSeenAt = q.value(8).toLongLong();
    return d;
}

HubStore::LogEntry readLog(const QSqlQuery& q)
{
    HubStore::LogEntry e;
    e.globalSeq = q.value(0).toLongLong();
    e.changesetId = q.value(1).toString();
    e.deviceId = q.value(2).toString();
    e.officer = q.value(3).toString();
    e.entry = q.value(4).toByteArray();
    return e;
}

// Ends a SELECT's read transaction when the reading method returns: an idle open statement
// would pin an old snapshot, and the hub's next write would fail with "database is locked".
struct Finish
{
    QSqlQuery* query;
    ~Finish() { query->finish(); }
};

constexpr auto deviceColumns
    = "id, name, public_key, state, reason, enrolled_at, last_seq, last_hash, last_seen_at";

} // namespace

HubStore::HubStore(QString connectionName, bool postgres)
    : m_connectionName(std::move(connectionName))
    , m_postgres(postgres)
    , m_queries(SlotCount)
{
}

HubStore::~HubStore()
{
    m_queries.clear();
    m_sizedQueries.clear();
    {
        QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<HubStore>> HubStore::open(const QString& location)
{
    static std::atomic<int> counter{0};
    const QString name = QStringLiteral("wardroll-hub-%1").arg(counter.fetch_add(1));
    bool postgres = false;
    QSqlDatabase db;
    if (location.startsWith(u"sqlite:")) {
        const QString path = location.mid(7);
        if (path.isEmpty())
            return Error{Error::Kind::InvalidInput, tr("The hub store needs a file: sqlite:PATH.")};
        db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=10000"));
    } else if (location.startsWith(u"postgresql://") || location.startsWith(u"postgres://")) {
        const QUrl url(location, QUrl::StrictMode);
        if (!url.isValid() || url.path().size() < 2)
            return Error{Error::Kind::InvalidInput,
                         tr("The hub store address is not valid: postgresql://[user@]host[:port]/database.")};
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return Error{Error::Kind::Generic,
                         tr("PostgreSQL support is not installed (Debian package libqt6sql6-psql).")};
        postgres = true;
        db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
        QString host = url.host();
        const QUrlQuery query(url);
        if (query.hasQueryItem(QStringLiteral("host")))
            host = query.queryItemValue(QStringLiteral("host"), QUrl::FullyDecoded);
        if (!host.isEmpty())
            db.setHostName(host);
        if (url.port() > 0)
            db.setPort(url.port());
        db.setDatabaseName(url.path().mid(1));
        if (!url.userName().isEmpty())
            db.setUserName(url.userName(QUrl::FullyDecoded));
        if (!url.password().isEmpty())
            db.setPassword(url.password(QUrl::FullyDecoded));
    } else {
        return Error{Error::Kind::InvalidInput,
                     tr("Unknown hub store “%1”: use sqlite:PATH or postgresql://…").arg(location)};
    }

    std::unique_ptr<HubStore> store(new HubStore(name, postgres));
    if (!db.open()) {
        // The detail never carries the password: QSqlError reports the server's message only.
        return Error{Error::Kind::Io, tr("The hub store could not be opened."), db.lastError().text()};
    }
    if (!postgres) {
        QSqlQuery pragma(db);
        // FULL: an acknowledgement is only sent after COMMIT, and must survive a power cut.
        // A push writes a few MB (envelopes, log, cells): a larger page cache keeps the cells'
        // and indexes' pages in memory instead of re-reading them for every envelope, and
        // fewer checkpoints copy the same hot pages out of the WAL again and again.
        for (const char* sql : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = FULL",
                                "PRAGMA cache_size = -65536", "PRAGMA wal_autocheckpoint = 8192"}) {
            if (!pragma.exec(QString::fromLatin1(sql)))
                return store->error(pragma);
        }
    }
    if (auto status = store->createSchema(); !status.ok())
        return status.error();
    return store;
}

Error HubStore::error(const QSqlQuery& query) const
{
    return Error{Error::Kind::Database, tr("The hub store failed."), query.lastError().text()};
}

Status HubStore::createSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName);
    QSqlQuery q(db);
    for (const char* statement : schema) {
        QString sql = QString::fromLatin1(statement);
        if (m_postgres)
            sql.replace(QStringLiteral(" BLOB"), QStringLiteral(" BYTEA"));
        else if (sql.startsWith(u"CREATE TABLE IF NOT EXISTS cells "))
            sql.append(QStringLiteral(" WITHOUT ROWID")); // a row's cells side by side, read in one seek
        if (!q.exec(sql))
            return error(q);
    }
    return {};
}

Result<QSqlQuery*> HubStore::query(int slot, const QString& sql)
{
    auto& entry = m_queries[static_cast<size_t>(slot)];
    if (!entry) {
        auto q = std::make_unique<QSqlQuery>(QSqlDatabase::database(m_connectionName));
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            return error(*q);
        entry = std::move(q);
    }
    entry->finish();
    return entry.get();
}

Result<QSqlQuery*> HubStore::sizedQuery(int slot, int count, const QString& sql)
{
    auto& entry = m_sizedQueries[(qint64(slot) << 32) | quint32(count)];
    if (!entry) {
        auto q = std::make_shared<QSqlQuery>(QSqlDatabase::database(m_connectionName));
        q->setForwardOnly(true);
        if (!q->prepare(sql))
            return error(*q);
        entry = std::move(q);
    }
    entry->finish();
    return entry.get();
}

Status HubStore::run(QSqlQuery& q, const QVariantList& values)
{
    for (int i = 0; i < values.size(); ++i) {
        // Text is never NULL in the hub's tables: a null QString stands for "".
        const QVariant& value = values[i];
        if (value.typeId() == QMetaType::QString && value.toString().isNull())
            q.bindValue(i, QStringLiteral(""));
        else
            q.bindValue(i, value);
    }
    if (!q.exec())
        return error(q);
    return {};
}

Status HubStore::begin()
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (m_postgres) {
        // One writer at a time, across hub processes: global sequence numbers stay dense.
        if (!q.exec(QStringLiteral("BEGIN"))
            || !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(730512)")))
            return error(q);
        return {};
    }
    if (!q.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return error(q);
    return {};
}

Status HubStore::commit()
{
    for (auto& q : m_queries) {
        if (q)
            q->finish();
    }
    for (auto& q : m_sizedQueries)
        q->finish();
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    if (!q.exec(QStringLiteral("COMMIT")))
        return error(q);
    return {};
}

void HubStore::rollback()
{
    for (auto& q : m_queries) {
        if (q)
            q->finish();
    }
    for (auto& q : m_sizedQueries)
        q->finish();
    QSqlQuery q(QSqlDatabase::database(m_connectionName));
    (void)q.exec(QStringLiteral("ROLLBACK"));
}

QString HubStore::stateCode(Device::State state)
{
    switch (state) {
    case Device::State::Active:
        return QStringLiteral("active");
    case Device::State::Held:
        return QStringLiteral("held");
    case Device::State::Revoked:
        return QStringLiteral("revoked");
    }
    return {};
}

Result<QString> HubStore::meta(const QString& key)
{
    auto q = query(SelectMeta, QStringLiteral("SELECT value FROM hub_meta WHERE key = ?"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {key}); !status.ok())
        return status.error();
    return (*q)->next() ? (*q)->value(0).toString() : QString();
}

Status HubStore::setMeta(const QString& key, const QString& value)
{
    auto q = query(UpsertMeta,
                   QStringLiteral("INSERT INTO hub_meta(key, value) VALUES (?, ?) "
                                  "ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
    if (!q.ok())
        return q.error();
    return run(**q, {key, value});
}

Result<std::optional<HubStore::Device>> HubStore::device(const QString& id)
{
    auto q = query(SelectDevice,
                   QStringLiteral("SELECT %1 FROM devices WHERE id = ?").arg(QLatin1String(deviceColumns)));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {id}); !status.ok())
        return status.error();
    if (!(*q)->next())
        return std::optional<Device>();
    return std::optional<Device>(readDevice(**q));
}

Result<QList<HubStore::Device>> HubStore::devices()
{
    auto q = query(
        SelectDevices,
        QStringLiteral("SELECT %1 FROM devices ORDER BY enrolled_at, id").arg(QLatin1String(deviceColumns)));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {}); !status.ok())
        return status.error();
    QList<Device> out;
    while ((*q)->next())
        out.append(readDevice(**q));
    return out;
}

Status HubStore::insertDevice(const Device& d)
{
    auto q = query(InsertDevice,
                   QStringLiteral("INSERT INTO devices(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                       .arg(QLatin1String(deviceColumns)));
    if (!q.ok())
        return q.error();
    return run(**q,
               {d.id, d.name, d.publicKey, stateCode(d.state), d.reason, d.enrolledAt, d.lastSeq,
                blob(d.lastHash), d.lastSeenAt});
}

Status HubStore::advanceDevice(const QString& id, qint64 seq, const QByteArray& hash)
{
    auto q
        = query(AdvanceDevice, QStringLiteral("UPDATE devices SET last_seq = ?, last_hash = ? WHERE id = ?"));
    if (!q.ok())
        return q.error();
    return run(**q, {seq, blob(hash), id});
}

Status HubStore::setDeviceState(const QString& id, Device::State state, const QString& reason)
{
    auto q = query(SetDeviceState, QStringLiteral("UPDATE devices SET state = ?, reason = ? WHERE id = ?"));
    if (!q.ok())
        return q.error();
    if (auto status = run(**q, {stateCode(state), reason, id}); !status.ok())
        return status;
    if ((*q)->numRowsAffected() != 1)
        return Error{Error::Kind::NotFound, tr("No device has this id."), id};
    return {};
}

Status HubStore::touchDevice(const QString& id, qint64 at)
{
    auto q = query(TouchDevice, QStringLiteral("UPDATE devices SET last_seen_at = ? WHERE id = ?"));
    if (!q.ok())
        return q.error();
    return run(**q, {at, id});
}

Status HubStore::insertCode(const QString& codeHash, const EnrollmentCode& code)
{
    auto q = query(InsertCode,
                   QStringLiteral("INSERT INTO enrollment_codes(code_hash, device_name, created_at, "
                                  "expires_at, used_by) VALUES (?, ?, ?, ?, NULL)"));
    if (!q.ok())
        return q.error();
    return run(**q, {codeHash, code.deviceName, code.createdAt, code.expiresAt});
}

Result<std::optional<HubStore::EnrollmentCode>> HubStore::code(const QString& codeHash)
{
    auto q = query(SelectCode,
                   QStringLiteral("SELECT device_name, created_at, expires_at, used_by FROM "
                                  "enrollment_codes WHERE code_hash = ?"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {codeHash}); !status.ok())
        return status.error();
    if (!(*q)->next())
        return std::optional<EnrollmentCode>();
    EnrollmentCode c;
    c.deviceName = (*q)->value(0).toString();
    c.createdAt = (*q)->value(1).toLongLong();
    c.expiresAt = (*q)->value(2).toLongLong();
    c.usedBy = (*q)->value(3).toString();
    return std::optional<EnrollmentCode>(c);
}

Status HubStore::useCode(const QString& codeHash, const QString& deviceId)
{
    auto q = query(
        UseCode,
        QStringLiteral("UPDATE enrollment_codes SET used_by = ? WHERE code_hash = ? AND used_by IS NULL"));
    if (!q.ok())
        return q.error();
    if (auto status = run(**q, {deviceId, codeHash}); !status.ok())
        return status;
    if ((*q)->numRowsAffected() != 1)
        return Error{Error::Kind::Conflict, tr("The enrollment code was already used.")};
    return {};
}

Result<std::optional<HubStore::StoredEnvelope>> HubStore::envelope(const QString& deviceId, qint64 seq)
{
    auto q = query(SelectEnvelope,
                   QStringLiteral("SELECT changeset_id, hash, global_seq, ack FROM envelopes "
                                  "WHERE device_id = ? AND device_seq = ?"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {deviceId, seq}); !status.ok())
        return status.error();
    if (!(*q)->next())
        return std::optional<StoredEnvelope>();
    StoredEnvelope e;
    e.changesetId = (*q)->value(0).toString();
    e.hash = (*q)->value(1).toByteArray();
    e.globalSeq = (*q)->value(2).toLongLong();
    e.ack = (*q)->value(3).toByteArray();
    return std::optional<StoredEnvelope>(e);
}

Result<bool> HubStore::hasChangeset(const QString& changesetId)
{
    auto q = query(HasChangeset, QStringLiteral("SELECT 1 FROM envelopes WHERE changeset_id = ?"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {changesetId}); !status.ok())
        return status.error();
    return (*q)->next();
}

Result<QSet<QString>> HubStore::knownChangesets(const QStringList& changesetIds)
{
    QSet<QString> known;
    for (qsizetype from = 0; from < changesetIds.size(); from += idsPerQuery) {
        const int count = static_cast<int>(std::min<qsizetype>(idsPerQuery, changesetIds.size() - from));
        QStringList marks(count, QStringLiteral("?"));
        auto q = sizedQuery(KnownChangesets, count,
                            QStringLiteral("SELECT changeset_id FROM envelopes WHERE changeset_id IN (%1)")
                                .arg(marks.join(u',')));
        if (!q.ok())
            return q.error();
        const Finish done{*q};
        if (auto status
            = run(**q, QVariantList(changesetIds.cbegin() + from, changesetIds.cbegin() + from + count));
            !status.ok())
            return status.error();
        while ((*q)->next())
            known.insert((*q)->value(0).toString());
    }
    return known;
}

Status HubStore::insertEnvelope(const QString& deviceId, qint64 seq, const StoredEnvelope& stored,
                                const QByteArray& wire, qint64 receivedAt)
{
    auto q = query(InsertEnvelope,
                   QStringLiteral("INSERT INTO envelopes(device_id, device_seq, changeset_id, hash, "
                                  "global_seq, ack, wire, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q.ok())
        return q.error();
    return run(
        **q,
        {deviceId, seq, stored.changesetId, stored.hash, stored.globalSeq, stored.ack, wire, receivedAt});
}

Result<QHash<QString, HubStore::Cell>> HubStore::cells(const QString& table, const QString& rowId)
{
    auto q = query(SelectCells,
                   QStringLiteral("SELECT col, value, global_seq FROM cells WHERE tbl = ? AND row_id = ?"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {table, rowId}); !status.ok())
        return status.error();
    QHash<QString, Cell> out;
    while ((*q)->next())
        out.insert((*q)->value(0).toString(),
                   Cell{(*q)->value(1).toByteArray(), (*q)->value(2).toLongLong()});
    return out;
}

Result<QHash<QString, HubStore::Cell>> HubStore::cells(const QString& table, const QString& rowId,
                                                       const QStringList& columns)
{
    if (columns.isEmpty())
        return QHash<QString, Cell>();
    const int count = static_cast<int>(columns.size());
    QStringList marks(count, QStringLiteral("?"));
    auto q
        = sizedQuery(SelectSomeCells, count,
                     QStringLiteral("SELECT col, value, global_seq FROM cells WHERE tbl = ? AND row_id = ? "
                                    "AND col IN (%1)")
                         .arg(marks.join(u',')));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    QVariantList values;
    values.reserve(count + 2);
    values << table << rowId;
    for (const QString& column : columns)
        values << column;
    if (auto status = run(**q, values); !status.ok())
        return status.error();
    QHash<QString, Cell> out;
    while ((*q)->next())
        out.insert((*q)->value(0).toString(),
                   Cell{(*q)->value(1).toByteArray(), (*q)->value(2).toLongLong()});
    return out;
}

Status HubStore::putCell(const QString& table, const QString& rowId, const QString& column,
                         const QByteArray& value, qint64 globalSeq)
{
    auto q = query(
        UpsertCell,
        QStringLiteral("INSERT INTO cells(tbl, row_id, col, value, global_seq) VALUES (?, ?, ?, ?, ?) "
                       "ON CONFLICT (tbl, row_id, col) DO UPDATE SET value = excluded.value, "
                       "global_seq = excluded.global_seq"));
    if (!q.ok())
        return q.error();
    return run(**q, {table, rowId, column, value, globalSeq});
}

Status HubStore::putCells(const QString& table, const QString& rowId,
                          const QList<std::pair<QString, QByteArray>>& cells, qint64 globalSeq)
{
    if (cells.isEmpty())
        return {};
    if (cells.size() == 1)
        return putCell(table, rowId, cells.first().first, cells.first().second, globalSeq);
    const int count = static_cast<int>(cells.size());
    QStringList rows(count, QStringLiteral("(?, ?, ?, ?, ?)"));
    auto q = sizedQuery(UpsertCells, count,
                        QStringLiteral("INSERT INTO cells(tbl, row_id, col, value, global_seq) VALUES %1 "
                                       "ON CONFLICT (tbl, row_id, col) DO UPDATE SET value = excluded.value, "
                                       "global_seq = excluded.global_seq")
                            .arg(rows.join(u',')));
    if (!q.ok())
        return q.error();
    QVariantList values;
    values.reserve(count * 5);
    for (const auto& [column, value] : cells)
        values << table << rowId << column << value << globalSeq;
    return run(**q, values);
}

Status HubStore::deleteRow(const QString& table, const QString& rowId)
{
    auto q = query(DeleteRow, QStringLiteral("DELETE FROM cells WHERE tbl = ? AND row_id = ?"));
    if (!q.ok())
        return q.error();
    return run(**q, {table, rowId});
}

Result<QHash<QString, QHash<QString, QByteArray>>> HubStore::rows(const QString& table)
{
    auto q = query(SelectRows, QStringLiteral("SELECT row_id, col, value FROM cells WHERE tbl = ?"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {table}); !status.ok())
        return status.error();
    QHash<QString, QHash<QString, QByteArray>> out;
    while ((*q)->next())
        out[(*q)->value(0).toString()].insert((*q)->value(1).toString(), (*q)->value(2).toByteArray());
    return out;
}

Result<qint64> HubStore::head()
{
    auto q = query(SelectHead, QStringLiteral("SELECT coalesce(max(global_seq), 0) FROM log"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {}); !status.ok())
        return status.error();
    return (*q)->next() ? (*q)->value(0).toLongLong() : qint64(0);
}

Status HubStore::appendLog(const LogEntry& e)
{
    auto q = query(InsertLog,
                   QStringLiteral("INSERT INTO log(global_seq, changeset_id, device_id, officer, entry) "
                                  "VALUES (?, ?, ?, ?, ?)"));
    if (!q.ok())
        return q.error();
    return run(**q, {e.globalSeq, e.changesetId, e.deviceId, e.officer, e.entry});
}

Result<QList<HubStore::LogEntry>> HubStore::log(qint64 after, int limit, qint64 maxBytes)
{
    auto q = query(SelectLog,
                   QStringLiteral("SELECT global_seq, changeset_id, device_id, officer, entry FROM log "
                                  "WHERE global_seq > ? ORDER BY global_seq LIMIT ?"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {after, limit}); !status.ok())
        return status.error();
    QList<LogEntry> out;
    qint64 bytes = 0;
    while ((*q)->next()) {
        LogEntry e = readLog(**q);
        bytes += e.entry.size();
        // Always at least one entry, so that one large change-set cannot stall the pull.
        if (!out.isEmpty() && bytes > maxBytes)
            break;
        out.append(std::move(e));
    }
    return out;
}

Result<std::optional<HubStore::LogEntry>> HubStore::logEntry(qint64 globalSeq)
{
    auto q = query(SelectLogEntry,
                   QStringLiteral("SELECT global_seq, changeset_id, device_id, officer, entry FROM log "
                                  "WHERE global_seq = ?"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {globalSeq}); !status.ok())
        return status.error();
    if (!(*q)->next())
        return std::optional<LogEntry>();
    return std::optional<LogEntry>(readLog(**q));
}

Status HubStore::insertConflict(const Conflict& c)
{
    auto q = query(
        InsertConflict,
        QStringLiteral("INSERT INTO conflicts(id, global_seq, tbl, row_id, col, base_value, hub_value, "
                       "incoming_value, hub_device, hub_officer, hub_changeset, incoming_device, "
                       "incoming_officer, incoming_changeset, created_at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    if (!q.ok())
        return q.error();
    return run(**q,
               {c.id, c.globalSeq, c.table, c.rowId, c.column, blob(c.baseValue), blob(c.hubValue),
                blob(c.incomingValue), c.hubDevice, c.hubOfficer, c.hubChangeset, c.incomingDevice,
                c.incomingOfficer, c.incomingChangeset, c.createdAt});
}

Result<QList<HubStore::Conflict>> HubStore::conflicts()
{
    auto q = query(
        SelectConflicts,
        QStringLiteral("SELECT id, global_seq, tbl, row_id, col, base_value, hub_value, incoming_value, "
                       "hub_device, hub_officer, hub_changeset, incoming_device, incoming_officer, "
                       "incoming_changeset, created_at FROM conflicts ORDER BY global_seq, id"));
    if (!q.ok())
        return q.error();
    const Finish done{*q};
    if (auto status = run(**q, {}); !status.ok())
        return status.error();
    QList<Conflict> out;
    while ((*q)->next()) {
        const QSqlQuery& r = **q;
        Conflict c;
        c.id = r.value(0).toString();
        c.globalSeq = r.value(1).toLongLong();
        c.table = r.value(2).toString();
        c.rowId = r.value(3).toString();
        c.column = r.value(4).toString();
        c.baseValue = r.value(5).toByteArray();
        c.hubValue = r.value(6).toByteArray();
        c.incomingValue = r.value(7).toByteArray();
        c.hubDevice = r.value(8).toString();
        c.hubOfficer = r.value(9).toString();
        c.hubChangeset = r.value(10).toString();
        c.incomingDevice = r.value(11).toString();
        c.incomingOfficer = r.value(12).toString();
        c.incomingChangeset = r.value(13).toString();
        c.createdAt = r.value(14).toLongLong();
        out.append(c);
    }
    return out;
}

} // namespace wardroll::sync
