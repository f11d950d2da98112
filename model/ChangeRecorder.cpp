#include "ChangeRecorder.h"

#include "Clock.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "SyncedTables.h"
#include "UnsyncedRows.h"
#include "Uuid7.h"

#include <cstring>
#include <QCborStreamWriter>
#include <QLoggingCategory>
#include <sqlite3.h>

namespace wardroll::model {

namespace {

Q_LOGGING_CATEGORY(lcCapture, "wardroll.model.capture")

QCborValue cellValue(sqlite3_value* value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER:
        return QCborValue(static_cast<qint64>(sqlite3_value_int64(value)));
    case SQLITE_FLOAT:
        return QCborValue(sqlite3_value_double(value));
    case SQLITE_TEXT:
        return QCborValue(QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                                            sqlite3_value_bytes(value)));
    case SQLITE_BLOB:
        return QCborValue(
            QByteArray(static_cast<const char*>(sqlite3_value_blob(value)), sqlite3_value_bytes(value)));
    default:
        return QCborValue(nullptr);
    }
}

void writeValue(QCborStreamWriter& writer, sqlite3_value* value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER:
        writer.append(static_cast<qint64>(sqlite3_value_int64(value)));
        break;
    case SQLITE_FLOAT:
        writer.append(sqlite3_value_double(value));
        break;
    case SQLITE_TEXT:
        writer.appendTextString(reinterpret_cast<const char*>(sqlite3_value_text(value)),
                                sqlite3_value_bytes(value));
        break;
    case SQLITE_BLOB:
        writer.appendByteString(static_cast<const char*>(sqlite3_value_blob(value)),
                                sqlite3_value_bytes(value));
        break;
    default:
        writer.appendNull();
        break;
    }
}

// The head of a definite-length CBOR array (major type 4) of `count` items.
void appendArrayHeader(QByteArray& out, quint64 count)
{
    if (count < 24) {
        out.append(static_cast<char>(0x80 | count));
        return;
    }
    int bytes = count <= 0xff ? 1 : count <= 0xffff ? 2 : count <= 0xffffffffULL ? 4 : 8;
    out.append(static_cast<char>(0x80 | (bytes == 1 ? 24 : bytes == 2 ? 25 : bytes == 4 ? 26 : 27)));
    for (int i = bytes - 1; i >= 0; --i)
        out.append(static_cast<char>((count >> (8 * i)) & 0xff));
}

// Frees what sqlite3session_changeset allocated, and the iterator over it.
struct ChangesetBuffer
{
    void* data = nullptr;
    int size = 0;
    sqlite3_changeset_iter* iter = nullptr;
    ~ChangesetBuffer()
    {
        if (iter)
            sqlite3changeset_finalize(iter);
        sqlite3_free(data);
    }
};

// CBOR written by hand for the rows of an Inserts transaction: the same bytes as
// QCborStreamWriter gives in collect() (shortest heads, definite lengths), but into a plain
// QByteArray that can be cut back to a mark.
void appendHead(QByteArray& out, int major, quint64 value)
{
    const char type = static_cast<char>(major << 5);
    if (value < 24) {
        out.append(static_cast<char>(type | static_cast<char>(value)));
        return;
    }
    const int bytes = value <= 0xff ? 1 : value <= 0xffff ? 2 : value <= 0xffffffffULL ? 4 : 8;
    out.append(static_cast<char>(type | (bytes == 1 ? 24 : bytes == 2 ? 25 : bytes == 4 ? 26 : 27)));
    for (int i = bytes - 1; i >= 0; --i)
        out.append(static_cast<char>((value >> (8 * i)) & 0xff));
}

void appendText(QByteArray& out, const char* utf8, qsizetype size)
{
    appendHead(out, 3, static_cast<quint64>(size));
    out.append(utf8, size);
}

void appendCell(QByteArray& out, sqlite3_value* value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER: {
        const qint64 v = sqlite3_value_int64(value);
        if (v >= 0)
            appendHead(out, 0, static_cast<quint64>(v));
        else
            appendHead(out, 1, static_cast<quint64>(-1 - v));
        break;
    }
    case SQLITE_FLOAT: {
        const double d = sqlite3_value_double(value);
        quint64 bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        out.append(static_cast<char>(0xfb));
        for (int i = 7; i >= 0; --i)
            out.append(static_cast<char>((bits >> (8 * i)) & 0xff));
        break;
    }
    case SQLITE_TEXT:
        appendText(out, reinterpret_cast<const char*>(sqlite3_value_text(value)), sqlite3_value_bytes(value));
        break;
    case SQLITE_BLOB: {
        const int size = sqlite3_value_bytes(value);
        appendHead(out, 2, static_cast<quint64>(size));
        out.append(static_cast<const char*>(sqlite3_value_blob(value)), size);
        break;
    }
    default:
        out.append(static_cast<char>(0xf6));
        break;
    }
}

const QString startedKey = QStringLiteral("outbox.started");

// Rows of an older ward become change-sets of this many inserts (about 1 MiB of CBOR).
constexpr qsizetype existingRowsPerChangeSet = 2000;

} // namespace

ChangeRecorder::ChangeRecorder(SqlConnection& connection, std::function<QString()> officer, int schemaVersion)
    : m_connection(connection)
    , m_officer(std::move(officer))
    , m_schemaVersion(schemaVersion)
{
}

ChangeRecorder::~ChangeRecorder()
{
    endSession();
    if (m_attached) {
        sqlite3* db = m_connection.handle();
        sqlite3_commit_hook(db, nullptr, nullptr);
        sqlite3_rollback_hook(db, nullptr, nullptr);
        sqlite3_update_hook(db, nullptr, nullptr);
        if (m_connection.transactionHook() == this)
            m_connection.setTransactionHook(nullptr);
    }
}

Status ChangeRecorder::attach()
{
    for (const QString& table : SyncedTables::tables()) {
        auto columns = columnsOf(table);
        if (!columns.ok())
            return columns.error();
    }
    m_streamTables.clear();
    for (const QString& table : SyncedTables::tables()) {
        auto info = m_connection.prepare(u"SELECT name, pk FROM pragma_table_info(?) ORDER BY cid");
        if (!info.ok())
            return info.error();
        info->bind(1, table);
        StreamTable t;
        t.name = table.toUtf8();
        for (;;) {
            auto row = info->step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                break;
            const QString column = info->text(0);
            if (info->integer(1) == 1)
                t.keyColumn = static_cast<int>(t.columns.size());
            t.columns << column.toUtf8();
            t.derived << SyncedTables::isDerived(table, column);
        }
        m_streamTables << t;
    }
    sqlite3* db = m_connection.handle();
    sqlite3_commit_hook(db, &ChangeRecorder::onCommit, this);
    sqlite3_rollback_hook(db, &ChangeRecorder::onRollback, this);
    sqlite3_update_hook(db, &ChangeRecorder::onUpdate, this);
    m_connection.setTransactionHook(this);
    m_attached = true;
    return {};
}

Result<QStringList> ChangeRecorder::columnsOf(const QString& table)
{
    if (auto it = m_columns.constFind(table); it != m_columns.constEnd())
        return *it;
    auto stmt = m_connection.prepare(u"SELECT name FROM pragma_table_info(?) ORDER BY cid");
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, table);
    QStringList columns;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        columns << stmt->text(0);
    }
    if (columns.isEmpty())
        return Error{Error::Kind::Database, tr("The ward database lacks a table that sync needs."), table};
    m_columns.insert(table, columns);
    QList<QByteArray>& names = m_columnNames[table];
    for (const QString& column : std::as_const(columns))
        names << column.toUtf8();
    return columns;
}

void ChangeRecorder::began(ChangeCapture capture)
{
    m_inTransaction = true;
    m_uncapturedWrite = false;
    m_sessionFailed = false;
    m_recordedIds.clear();
    m_lastSeq = 0;
    if (capture == ChangeCapture::Off)
        return;
    if (capture == ChangeCapture::Inserts) {
        m_streamFirstRowids.fill(-1, m_streamTables.size());
        m_streaming = true;
        m_streamRefused = false;
        m_streamRows.clear();
        m_streamCount = 0;
        m_streamClosed.clear();
        sqlite3_preupdate_hook(m_connection.handle(), &ChangeRecorder::onPreupdate, this);
        return;
    }
    sqlite3_session* session = nullptr;
    if (sqlite3session_create(m_connection.handle(), "main", &session) != SQLITE_OK) {
        // beforeCommit() refuses the transaction: an edit without its record must not commit.
        qCWarning(lcCapture) << "could not create an SQLite session";
        m_session = nullptr;
        m_sessionFailed = true;
        return;
    }
    for (const QString& table : SyncedTables::tables())
        sqlite3session_attach(session, table.toUtf8().constData());
    m_session = session;
}

Status ChangeRecorder::beforeCommit()
{
    if (m_sessionFailed)
        return Error{Error::Kind::Database,
                     tr("The change could not be recorded for sync; nothing was saved.")};
    if (m_streaming) {
        if (m_streamRefused)
            return Error{Error::Kind::Generic,
                         tr("The change could not be recorded for sync; nothing was saved."),
                         QStringLiteral("a bulk insert also updated or deleted records")};
        if (m_streamCount > 0) {
            m_streamClosed.append(StreamChunk{m_streamRows, m_streamCount});
            m_streamRows.clear();
            m_streamCount = 0;
        }
        if (auto status = writeStreamed(); !status.ok())
            return status;
        // Every inserted row is unsynced until the transaction's last change-set is acknowledged.
        m_streaming = false; // the marks are no inserts to record
        Status marked;
        for (qsizetype i = 0; i < m_streamTables.size() && marked.ok() && m_lastSeq > 0; ++i) {
            if (m_streamFirstRowids[i] >= 0)
                marked = UnsyncedRows(m_connection)
                             .markFrom(QString::fromUtf8(m_streamTables[i].name), m_streamFirstRowids[i],
                                       m_lastSeq);
        }
        m_streaming = true;
        return marked;
    }
    if (!m_session || sqlite3session_isempty(m_session))
        return {};
    auto changes = collect();
    if (!changes.ok())
        return changes.error();
    if (!m_recordedIds.isEmpty()) {
        // A COMMIT that failed and is tried again: replace this transaction's records.
        auto stmt = m_connection.prepare(u"DELETE FROM outbox WHERE changeset_id = ?");
        if (!stmt.ok())
            return stmt.error();
        for (const QString& id : std::as_const(m_recordedIds)) {
            stmt->reset();
            stmt->bind(1, id);
            if (auto status = stmt->exec(); !status.ok())
                return status;
        }
        m_recordedIds.clear();
    }
    for (const QByteArray& chunk : std::as_const(changes.value())) {
        const QString id = Uuid7::generate();
        if (auto status = writeOutbox(chunk, id); !status.ok())
            return status;
        m_recordedIds << id;
    }
    for (auto it = m_touched.cbegin(); it != m_touched.cend() && m_lastSeq > 0; ++it) {
        if (auto status = UnsyncedRows(m_connection).mark(it.key(), it.value(), m_lastSeq); !status.ok())
            return status;
    }
    return {};
}

void ChangeRecorder::ended(bool committed)
{
    Q_UNUSED(committed)
    endSession();
    m_inTransaction = false;
    m_recordedIds.clear();
}

void ChangeRecorder::endSession()
{
    if (m_streaming) {
        sqlite3_preupdate_hook(m_connection.handle(), nullptr, nullptr);
        m_streaming = false;
        m_streamRefused = false;
        m_streamRows = QByteArray();
        m_streamCount = 0;
        m_streamClosed.clear();
    }
    if (m_session) {
        sqlite3session_delete(m_session);
        m_session = nullptr;
    }
}

Result<QList<QByteArray>> ChangeRecorder::collect()
{
    const auto failed = [this] {
        return Error{Error::Kind::Database,
                     tr("The change could not be recorded for sync; nothing was saved.")};
    };
    m_touched.clear();
    ChangesetBuffer buffer;
    if (sqlite3session_changeset(m_session, &buffer.size, &buffer.data) != SQLITE_OK)
        return m_connection.lastError(tr("The change could not be recorded for sync; nothing was saved."));
    if (sqlite3changeset_start(&buffer.iter, buffer.size, buffer.data) != SQLITE_OK)
        return failed();

    // Written straight to CBOR (the ChangeSet format) rather than through QCborMap, whose
    // inserts search the keys: an import of many wide rows would cost quadratic time at COMMIT.
    QList<QByteArray> chunks;
    QByteArray rows;
    auto writer = std::make_unique<QCborStreamWriter>(&rows);
    quint64 rowCount = 0;
    const auto closeChunk = [&] {
        writer.reset(); // everything written is in `rows`
        QByteArray chunk;
        chunk.reserve(rows.size() + 9);
        appendArrayHeader(chunk, rowCount);
        chunk.append(rows);
        chunks << chunk;
        rows.clear();
        rowCount = 0;
        writer = std::make_unique<QCborStreamWriter>(&rows);
    };
    struct Cell
    {
        int column;
        sqlite3_value* before;
        sqlite3_value* after;
    };
    std::vector<Cell> cells;
    while (sqlite3changeset_next(buffer.iter) == SQLITE_ROW) {
        const char* tableName = nullptr;
        int columnCount = 0;
        int op = 0;
        int indirect = 0;
        sqlite3changeset_op(buffer.iter, &tableName, &columnCount, &op, &indirect);
        unsigned char* primaryKey = nullptr;
        int pkCount = 0;
        sqlite3changeset_pk(buffer.iter, &primaryKey, &pkCount);
        const QString table = QString::fromUtf8(tableName);
        auto columns = columnsOf(table);
        if (!columns.ok())
            return columns.error();
        if (columnCount > columns->size())
            return failed();
        const QList<QByteArray>& names = m_columnNames[table];

        cells.clear();
        sqlite3_value* key = nullptr;
        int befores = 0;
        int afters = 0;
        for (int i = 0; i < columnCount; ++i) {
            sqlite3_value* before = nullptr;
            sqlite3_value* after = nullptr;
            if (op != SQLITE_INSERT)
                sqlite3changeset_old(buffer.iter, i, &before);
            if (op != SQLITE_DELETE)
                sqlite3changeset_new(buffer.iter, i, &after);
            if (primaryKey[i]) {
                key = before ? before : after;
                if (op == SQLITE_UPDATE)
                    continue; // the key identifies the row; it never changes in an update
            }
            if (SyncedTables::isDerived(table, columns->at(i)) || (!before && !after))
                continue;
            befores += before ? 1 : 0;
            afters += after ? 1 : 0;
            cells.push_back(Cell{i, before, after});
        }
        if (!key || (op == SQLITE_UPDATE && afters == 0))
            continue; // only derived columns changed
        if (op != SQLITE_DELETE && sqlite3_value_type(key) == SQLITE_TEXT)
            m_touched[table] << QString::fromUtf8(reinterpret_cast<const char*>(sqlite3_value_text(key)),
                                                  sqlite3_value_bytes(key));
        writer->startMap(3 + (befores ? 1 : 0) + (afters ? 1 : 0));
        writer->append(QLatin1StringView("t"));
        writer->appendTextString(tableName, static_cast<qsizetype>(std::strlen(tableName)));
        writer->append(QLatin1StringView("o"));
        writer->append(QLatin1StringView(op == SQLITE_INSERT ? "i" : op == SQLITE_DELETE ? "d" : "u"));
        writer->append(QLatin1StringView("id"));
        writeValue(*writer, key);
        for (const bool writingBefore : {true, false}) {
            const int count = writingBefore ? befores : afters;
            if (!count)
                continue;
            writer->append(QLatin1StringView(writingBefore ? "b" : "a"));
            writer->startMap(count);
            for (const Cell& cell : cells) {
                sqlite3_value* value = writingBefore ? cell.before : cell.after;
                if (!value)
                    continue;
                const QByteArray& name = names[cell.column];
                writer->appendTextString(name.constData(), name.size());
                writeValue(*writer, value);
            }
            writer->endMap();
        }
        writer->endMap();
        ++rowCount;
        if (rows.size() >= maxChangeSetBytes)
            closeChunk();
    }
    if (rowCount > 0)
        closeChunk();
    return chunks;
}

Status ChangeRecorder::writeOutbox(const QByteArray& changes, const QString& changesetId)
{
    if (!m_insert) {
        auto stmt = m_connection.prepare(u"INSERT INTO outbox(changeset_id, schema_version, officer, "
                                         u"created_at, changes) VALUES (?, ?, ?, ?, ?)");
        if (!stmt.ok())
            return stmt.error();
        m_insert.emplace(std::move(stmt.value()));
    }
    m_insert->reset();
    m_insert->bindAll(changesetId, m_schemaVersion, m_officer ? m_officer() : QString(), Clock::nowMs(),
                      changes);
    if (auto status = m_insert->exec(); !status.ok())
        return status;
    m_lastSeq = m_connection.lastInsertRowId();
    return {};
}

ChangeRecorder::StreamMark ChangeRecorder::streamMark() const
{
    return StreamMark{m_streamClosed.size(), m_streamRows.size(), m_streamCount};
}

void ChangeRecorder::rewindStream(const StreamMark& mark)
{
    if (!m_streaming)
        return;
    // A change-set closed since the mark was the one being filled at the mark.
    if (m_streamClosed.size() > mark.closed) {
        const StreamChunk reopened = m_streamClosed.takeLast();
        m_streamRows = reopened.rows;
        m_streamCount = reopened.count;
    }
    m_streamRows.truncate(mark.bytes);
    m_streamCount = mark.rows;
}

Status ChangeRecorder::writeStreamed()
{
    while (!m_streamClosed.isEmpty()) {
        if (auto status = writeChunk(m_streamClosed.first()); !status.ok())
            return status;
        m_streamClosed.removeFirst();
    }
    return {};
}

Status ChangeRecorder::writeChunk(const StreamChunk& chunk)
{
    QByteArray changes;
    changes.reserve(chunk.rows.size() + 9);
    appendArrayHeader(changes, chunk.count);
    changes.append(chunk.rows);
    const QString id = Uuid7::generate();
    if (auto status = writeOutbox(changes, id); !status.ok())
        return status;
    m_recordedIds << id;
    return {};
}

void ChangeRecorder::streamInsert(sqlite3* db, const StreamTable& table)
{
    if (m_streamRows.size() >= maxChangeSetBytes) {
        m_streamClosed.append(StreamChunk{m_streamRows, m_streamCount});
        m_streamRows.clear();
        m_streamCount = 0;
    }
    const int count = std::min<int>(sqlite3_preupdate_count(db), static_cast<int>(table.columns.size()));
    sqlite3_value* key = nullptr;
    if (table.keyColumn < 0 || table.keyColumn >= count
        || sqlite3_preupdate_new(db, table.keyColumn, &key) != SQLITE_OK || !key) {
        m_streamRefused = true; // cannot happen with the synced tables' schema
        return;
    }
    int cells = 0;
    for (int i = 0; i < count; ++i)
        cells += table.derived[i] ? 0 : 1;
    QByteArray& out = m_streamRows;
    appendHead(out, 5, 4);
    appendText(out, "t", 1);
    appendText(out, table.name.constData(), table.name.size());
    appendText(out, "o", 1);
    appendText(out, "i", 1);
    appendText(out, "id", 2);
    appendCell(out, key);
    appendText(out, "a", 1);
    appendHead(out, 5, static_cast<quint64>(cells));
    for (int i = 0; i < count; ++i) {
        if (table.derived[i])
            continue;
        sqlite3_value* value = nullptr;
        if (sqlite3_preupdate_new(db, i, &value) != SQLITE_OK) {
            m_streamRefused = true;
            return;
        }
        const QByteArray& name = table.columns[i];
        appendText(out, name.constData(), name.size());
        appendCell(out, value);
    }
    ++m_streamCount;
}

void ChangeRecorder::onPreupdate(void* self, sqlite3* db, int op, const char* database, const char* table,
                                 long long, long long newRowid)
{
    auto* recorder = static_cast<ChangeRecorder*>(self);
    if (!recorder->m_streaming || std::strcmp(database, "main") != 0)
        return;
    for (qsizetype i = 0; i < recorder->m_streamTables.size(); ++i) {
        const StreamTable& t = recorder->m_streamTables[i];
        if (std::strcmp(table, t.name.constData()) != 0)
            continue;
        if (op == SQLITE_INSERT) {
            if (recorder->m_streamFirstRowids[i] < 0)
                recorder->m_streamFirstRowids[i] = newRowid;
            recorder->streamInsert(db, t);
        } else
            recorder->m_streamRefused = true;
        return;
    }
}

Status ChangeRecorder::captureExistingRows()
{
    SqlTransaction transaction(m_connection, ChangeCapture::Off);
    if (!transaction.begun().ok())
        return transaction.begun();
    {
        auto started = m_connection.prepare(u"SELECT 1 FROM ward_meta WHERE key = ?");
        if (!started.ok())
            return started.error();
        started->bind(1, startedKey);
        auto row = started->step();
        if (!row.ok())
            return row.error();
        if (row.value())
            return {};
    }
    ChangeSet changes;
    for (const QString& table : SyncedTables::tables()) {
        auto columns = columnsOf(table);
        if (!columns.ok())
            return columns.error();
        auto stmt = m_connection.prepare(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
        if (!stmt.ok())
            return stmt.error();
        for (;;) {
            auto row = stmt->step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                break;
            RowChange change;
            change.table = table;
            change.op = RowChange::Op::Insert;
            for (int i = 0; i < columns->size(); ++i) {
                const QString& column = columns->at(i);
                const QCborValue value = cellValue(sqlite3_column_value(stmt->handle(), i));
                if (column == u"id")
                    change.rowId = value.toString();
                if (!SyncedTables::isDerived(table, column))
                    change.after.insert(column, value);
            }
            changes.rows.append(std::move(change));
            if (changes.rows.size() >= existingRowsPerChangeSet) {
                if (auto status = writeOutbox(changes.toCbor(), Uuid7::generate()); !status.ok())
                    return status;
                changes.rows.clear();
            }
        }
    }
    if (!changes.isEmpty()) {
        if (auto status = writeOutbox(changes.toCbor(), Uuid7::generate()); !status.ok())
            return status;
    }
    if (m_lastSeq > 0) {
        if (auto status = UnsyncedRows(m_connection).markAll(m_lastSeq); !status.ok())
            return status;
    }
    auto mark = m_connection.prepare(u"INSERT INTO ward_meta(key, value) VALUES (?, ?)");
    if (!mark.ok())
        return mark.error();
    mark->bindAll(startedKey, QString::number(Clock::nowMs()));
    if (auto status = mark->exec(); !status.ok())
        return status;
    return transaction.commit();
}

int ChangeRecorder::onCommit(void* self)
{
    auto* recorder = static_cast<ChangeRecorder*>(self);
    if (recorder->m_uncapturedWrite && !recorder->m_inTransaction) {
        recorder->m_uncapturedWrite = false;
        qCWarning(lcCapture) << "refused a write to a synced table outside an SqlTransaction";
        return 1; // turns the COMMIT into a ROLLBACK
    }
    recorder->m_uncapturedWrite = false;
    return 0;
}

void ChangeRecorder::onRollback(void* self)
{
    static_cast<ChangeRecorder*>(self)->m_uncapturedWrite = false;
}

void ChangeRecorder::onUpdate(void* self, int, const char* database, const char* table, long long)
{
    auto* recorder = static_cast<ChangeRecorder*>(self);
    if (recorder->m_inTransaction || std::strcmp(database, "main") != 0)
        return;
    if (SyncedTables::isSynced(QString::fromUtf8(table)))
        recorder->m_uncapturedWrite = true;
}

} // namespace wardroll::model
