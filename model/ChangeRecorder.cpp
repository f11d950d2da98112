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
#include <string>

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

// A CBOR head (major type and argument, shortest form) into `out`; returns its length.
int encodeHead(char (&out)[9], int major, quint64 value)
{
    const char type = static_cast<char>(major << 5);
    if (value < 24) {
        out[0] = static_cast<char>(type | static_cast<char>(value));
        return 1;
    }
    const int bytes = value <= 0xff ? 1 : value <= 0xffff ? 2 : value <= 0xffffffffULL ? 4 : 8;
    out[0] = static_cast<char>(type | (bytes == 1 ? 24 : bytes == 2 ? 25 : bytes == 4 ? 26 : 27));
    for (int i = 0; i < bytes; ++i)
        out[1 + i] = static_cast<char>((value >> (8 * (bytes - 1 - i))) & 0xff);
    return 1 + bytes;
}

// The head of a definite-length CBOR array (major type 4) of `count` items.
void appendArrayHeader(QByteArray& out, quint64 count)
{
    char head[9];
    out.append(head, encodeHead(head, 4, count));
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

// CBOR written by hand for the rows of an Inserts transaction, encoded as QCborStreamWriter
// encodes (shortest heads, definite lengths), but into a plain buffer that can be cut back to a
// mark. std::string appends are inline; a QByteArray append goes through its generic insert and
// was a tenth of a bulk import.
void putHead(std::string& out, int major, quint64 value)
{
    char head[9];
    out.append(head, static_cast<size_t>(encodeHead(head, major, value)));
}

void putText(std::string& out, const char* utf8, qsizetype size)
{
    putHead(out, 3, static_cast<quint64>(size));
    if (size > 0) // an empty value's bytes may be a null pointer
        out.append(utf8, static_cast<size_t>(size));
}

void putCell(std::string& out, sqlite3_value* value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_INTEGER: {
        const qint64 v = sqlite3_value_int64(value);
        if (v >= 0)
            putHead(out, 0, static_cast<quint64>(v));
        else
            putHead(out, 1, static_cast<quint64>(-1 - v));
        break;
    }
    case SQLITE_FLOAT: {
        const double d = sqlite3_value_double(value);
        quint64 bits = 0;
        std::memcpy(&bits, &d, sizeof bits);
        out.push_back(static_cast<char>(0xfb));
        for (int i = 7; i >= 0; --i)
            out.push_back(static_cast<char>((bits >> (8 * i)) & 0xff));
        break;
    }
    case SQLITE_TEXT: {
        // The ward is UTF-8, so the blob form is the text's bytes; sqlite3_value_text() would
        // copy each value of the pre-update row to terminate it (a malloc per cell).
        const auto* bytes = static_cast<const char*>(sqlite3_value_blob(value));
        putText(out, bytes, sqlite3_value_bytes(value));
        break;
    }
    case SQLITE_BLOB: {
        const int size = sqlite3_value_bytes(value);
        putHead(out, 2, static_cast<quint64>(size));
        out.append(static_cast<const char*>(sqlite3_value_blob(value)), static_cast<size_t>(size));
        break;
    }
    default:
        out.push_back(static_cast<char>(0xf6));
        break;
    }
}

std::string freshStreamBuffer(size_t headRoom)
{
    std::string buffer(headRoom, '\0');
    buffer.reserve(static_cast<size_t>(ChangeRecorder::maxChangeSetBytes) + 64 * 1024);
    return buffer;
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
    std::string declarations;
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
            if (column == u"pending_seq")
                t.pendingColumn = static_cast<int>(t.columns.size());
            t.columns << column.toUtf8();
            t.derived << SyncedTables::isDerived(table, column);
        }
        // ChangeSet's compact inserts: {"t": name, "c": [columns]}, then [name, value, …] a row.
        const auto recorded = static_cast<quint64>(t.derived.count(false));
        putHead(declarations, 5, 2);
        putText(declarations, "t", 1);
        putText(declarations, t.name.constData(), t.name.size());
        putText(declarations, "c", 1);
        putHead(declarations, 4, recorded);
        for (qsizetype i = 0; i < t.columns.size(); ++i) {
            if (!t.derived[i])
                putText(declarations, t.columns[i].constData(), t.columns[i].size());
        }
        std::string head;
        putHead(head, 4, 1 + recorded);
        putText(head, t.name.constData(), t.name.size());
        t.rowHead = QByteArray(head.data(), static_cast<qsizetype>(head.size()));
        if (t.keyColumn < 0 || t.columns[t.keyColumn] != "id" || t.derived[t.keyColumn])
            return Error{Error::Kind::Generic, tr("The change could not be recorded for sync."),
                         QStringLiteral("%1 has no id column to record").arg(table)};
        m_streamTables << t;
    }
    // Every change-set of a bulk load starts with the declarations and its array head, which
    // writeChunk() puts in front of the rows in place, so that the outbox gets them without a copy.
    m_streamDeclarations = QByteArray(declarations.data(), static_cast<qsizetype>(declarations.size()));
    m_streamHeadRoom = 9 + declarations.size();
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
        m_streamUnmarked.fill(false, m_streamTables.size());
        m_streamChunksWritten = 0;
        m_streamSeqMismatch = false;
        // AUTOINCREMENT: the next seq follows the largest ever used, kept in sqlite_sequence.
        auto next = m_connection.queryInt(
            u"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'outbox'), 0), "
            u"coalesce((SELECT max(seq) FROM outbox), 0)) + 1");
        m_streamFirstSeq = next.ok() ? next.value() : 0;
        m_streamSeqMismatch = !next.ok();
        m_streaming = true;
        m_streamRefused = false;
        m_streamRows = freshStreamBuffer(m_streamHeadRoom);
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
        if (m_streamCount > 0)
            closeStreamChunk();
        if (auto status = writeStreamed(); !status.ok())
            return status;
        // Every inserted row is unsynced until the transaction's last change-set is acknowledged.
        m_streaming = false; // the marks are no inserts to record
        Status marked;
        for (qsizetype i = 0; i < m_streamTables.size() && marked.ok() && m_lastSeq > 0; ++i) {
            // Rows the writer marked with nextStreamSeq() are right already; otherwise every
            // row of the table gets the last seq, conservative and one more pass.
            if (m_streamFirstRowids[i] >= 0 && (m_streamUnmarked[i] || m_streamSeqMismatch))
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
        m_streamRows = std::string();
        m_spareStream = std::string();
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

Status ChangeRecorder::writeOutbox(QByteArrayView changes, const QString& changesetId)
{
    if (!m_insert) {
        auto stmt = m_connection.prepare(u"INSERT INTO outbox(changeset_id, schema_version, officer, "
                                         u"created_at, changes) VALUES (?, ?, ?, ?, ?)");
        if (!stmt.ok())
            return stmt.error();
        m_insert.emplace(std::move(stmt.value()));
    }
    m_insert->reset();
    m_insert->bindAll(changesetId, m_schemaVersion, m_officer ? m_officer() : QString(), Clock::nowMs());
    m_insert->bindUncopied(5, changes);
    auto status = m_insert->exec();
    m_insert->bindNull(5); // the statement must not keep a pointer to the caller's bytes
    if (!status.ok())
        return status;
    m_lastSeq = m_connection.lastInsertRowId();
    return {};
}

ChangeRecorder::StreamMark ChangeRecorder::streamMark() const
{
    return StreamMark{m_streamClosed.size(), static_cast<qsizetype>(m_streamRows.size()), m_streamCount};
}

void ChangeRecorder::rewindStream(const StreamMark& mark)
{
    if (!m_streaming)
        return;
    // A change-set closed since the mark was the one being filled at the mark.
    if (m_streamClosed.size() > mark.closed) {
        StreamChunk reopened = m_streamClosed.takeLast();
        m_streamRows = std::move(reopened.rows);
        m_streamCount = reopened.count;
    }
    m_streamRows.resize(static_cast<size_t>(mark.bytes));
    m_streamCount = mark.rows;
}

void ChangeRecorder::closeStreamChunk()
{
    m_streamClosed.append(StreamChunk{std::move(m_streamRows), m_streamCount});
    if (m_spareStream.capacity() > static_cast<size_t>(maxChangeSetBytes)) {
        m_streamRows = std::move(m_spareStream);
        m_streamRows.assign(m_streamHeadRoom, '\0');
        m_spareStream = std::string();
    } else {
        m_streamRows = freshStreamBuffer(m_streamHeadRoom);
    }
    m_streamCount = 0;
}

Status ChangeRecorder::writeStreamed()
{
    while (!m_streamClosed.isEmpty()) {
        if (auto status = writeChunk(m_streamClosed.first()); !status.ok())
            return status;
        m_spareStream = std::move(m_streamClosed.first().rows);
        m_streamClosed.removeFirst();
    }
    return {};
}

Status ChangeRecorder::writeChunk(StreamChunk& chunk)
{
    char head[9];
    const auto headSize
        = static_cast<size_t>(encodeHead(head, 4, chunk.count + static_cast<quint64>(m_streamTables.size())));
    const auto declarationsSize = static_cast<size_t>(m_streamDeclarations.size());
    char* start = chunk.rows.data() + m_streamHeadRoom - declarationsSize - headSize;
    std::memcpy(start, head, headSize);
    std::memcpy(start + headSize, m_streamDeclarations.constData(), declarationsSize);
    const qint64 expectedSeq = m_streamFirstSeq + m_streamChunksWritten;
    const QString id = Uuid7::generate();
    const QByteArrayView changes(
        start, static_cast<qsizetype>(chunk.rows.size() - m_streamHeadRoom + declarationsSize + headSize));
    if (auto status = writeOutbox(changes, id); !status.ok())
        return status;
    ++m_streamChunksWritten;
    if (m_lastSeq != expectedSeq)
        m_streamSeqMismatch = true;
    m_recordedIds << id;
    return {};
}

qint64 ChangeRecorder::nextStreamSeq() const
{
    if (!m_streaming || m_streamFirstSeq <= 0)
        return 0;
    const bool full = m_streamRows.size() - m_streamHeadRoom >= static_cast<size_t>(maxChangeSetBytes);
    return m_streamFirstSeq + m_streamChunksWritten + m_streamClosed.size() + (full ? 1 : 0);
}

void ChangeRecorder::streamInsert(sqlite3* db, const StreamTable& table)
{
    if (m_streamRows.size() - m_streamHeadRoom >= static_cast<size_t>(maxChangeSetBytes))
        closeStreamChunk();
    // The declarations made at attach() hold for the table's columns as they were then.
    const int count = sqlite3_preupdate_count(db);
    if (count != table.columns.size()) {
        m_streamRefused = true; // cannot happen with the synced tables' schema
        return;
    }
    std::string& out = m_streamRows;
    const size_t rowStart = out.size();
    out.append(table.rowHead.constData(), static_cast<size_t>(table.rowHead.size()));
    for (int i = 0; i < count; ++i) {
        if (table.derived[i])
            continue;
        sqlite3_value* value = nullptr;
        if (sqlite3_preupdate_new(db, i, &value) != SQLITE_OK
            || (i == table.keyColumn && sqlite3_value_type(value) != SQLITE_TEXT)) {
            out.resize(rowStart);
            m_streamRefused = true;
            return;
        }
        putCell(out, value);
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
            sqlite3_value* pending = nullptr;
            if (t.pendingColumn < 0 || sqlite3_preupdate_new(db, t.pendingColumn, &pending) != SQLITE_OK
                || sqlite3_value_type(pending) != SQLITE_INTEGER)
                recorder->m_streamUnmarked[i] = true;
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
