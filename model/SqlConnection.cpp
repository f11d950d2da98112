#include "SqlConnection.h"

#include <QCoreApplication>
#include <sqlite3.h>

namespace wardroll::model {

namespace {
// lupdate files the strings of Text::tr() under this context.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::SqlConnection)
};
} // namespace

SqlConnection::SqlConnection(sqlite3* db, QString path)
    : m_db(db)
    , m_path(std::move(path))
{
}

SqlConnection::~SqlConnection()
{
    // close_v2 defers the close until outstanding statements are finalized.
    sqlite3_close_v2(m_db);
}

Result<std::unique_ptr<SqlConnection>> SqlConnection::open(const QString& path, OpenMode mode)
{
    // SQLite counts its memory in use under one process-wide mutex, taken on every allocation
    // of every connection. Nothing here reads the counts, and a bulk load has connections
    // allocating on two threads at once (the ward's writer, SearchIndexBuilder's scratch index).
    // Only possible before SQLite initializes, hence on the first open.
    static const bool unmetered = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    Q_UNUSED(unmetered)
    int flags = SQLITE_OPEN_NOMUTEX;
    switch (mode) {
    case OpenMode::ReadWriteCreate:
        flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
        break;
    case OpenMode::ReadWrite:
        flags |= SQLITE_OPEN_READWRITE;
        break;
    case OpenMode::ReadOnly:
        flags |= SQLITE_OPEN_READONLY;
        break;
    }
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr);
    if (rc != SQLITE_OK) {
        Error error{Error::Kind::Io, Text::tr("The ward database file could not be opened."),
                    path + QStringLiteral(": ")
                        + QString::fromUtf8(db ? sqlite3_errmsg(db) : sqlite3_errstr(rc))};
        if (rc == SQLITE_CANTOPEN && mode == OpenMode::ReadWrite)
            error.kind = Error::Kind::NotFound;
        sqlite3_close_v2(db);
        return error;
    }
    sqlite3_extended_result_codes(db, 1);
    // A second process (the CLI while the app is open) waits rather than failing at once.
    sqlite3_busy_timeout(db, 5000);
    return std::unique_ptr<SqlConnection>(new SqlConnection(db, path));
}

Result<SqlStatement> SqlConnection::prepare(QStringView sql)
{
    const QByteArray utf8 = sql.toUtf8();
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(m_db, utf8.constData(), static_cast<int>(utf8.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK)
        return lastError(Text::tr("The ward database could not prepare a query."));
    return SqlStatement(m_db, stmt);
}

Status SqlConnection::exec(QStringView sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.toUtf8().constData(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        Error error = lastError(Text::tr("The ward database could not complete the operation."));
        if (message)
            error.detail = QString::fromUtf8(message);
        sqlite3_free(message);
        return error;
    }
    return {};
}

Result<qint64> SqlConnection::queryInt(QStringView sql)
{
    auto stmt = prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    return row.value() ? stmt->integer(0) : qint64(0);
}

Result<QString> SqlConnection::queryText(QStringView sql)
{
    auto stmt = prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    return row.value() ? stmt->text(0) : QString();
}

qint64 SqlConnection::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int SqlConnection::changes() const
{
    return sqlite3_changes(m_db);
}

bool SqlConnection::inTransaction() const
{
    return sqlite3_get_autocommit(m_db) == 0;
}

void SqlConnection::interrupt()
{
    sqlite3_interrupt(m_db);
}

Error SqlConnection::lastError(const QString& message) const
{
    const int code = sqlite3_extended_errcode(m_db) & 0xff;
    Error error{Error::Kind::Database, message, QString::fromUtf8(sqlite3_errmsg(m_db))};
    if (code == SQLITE_FULL)
        error.message
            = Text::tr("The disk is full. Free some space and try again; nothing already saved was lost.");
    else if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
        error.message = Text::tr("The file is not a WardRoll ward database, or it is damaged.");
    else if (code == SQLITE_READONLY)
        error.message = Text::tr("The ward database is read-only.");
    return error;
}

} // namespace wardroll::model
