#include "SqlStatement.h"

#include <QCoreApplication>
#include <QStringEncoder>
#include <sqlite3.h>

namespace wardroll::model {

SqlStatement::SqlStatement(sqlite3* db, sqlite3_stmt* stmt)
    : m_db(db)
    , m_stmt(stmt)
{
}

SqlStatement::~SqlStatement()
{
    sqlite3_finalize(m_stmt);
}

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_stmt(std::exchange(other.m_stmt, nullptr))
    , m_stagingBlocks(std::move(other.m_stagingBlocks))
    , m_stagingBlock(std::exchange(other.m_stagingBlock, 0))
    , m_stagingUsed(std::exchange(other.m_stagingUsed, 0))
{
}

SqlStatement& SqlStatement::operator=(SqlStatement&& other) noexcept
{
    if (this != &other) {
        sqlite3_finalize(m_stmt);
        m_db = std::exchange(other.m_db, nullptr);
        m_stmt = std::exchange(other.m_stmt, nullptr);
        m_stagingBlocks = std::move(other.m_stagingBlocks);
        m_stagingBlock = std::exchange(other.m_stagingBlock, 0);
        m_stagingUsed = std::exchange(other.m_stagingUsed, 0);
    }
    return *this;
}

SqlStatement& SqlStatement::bind(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    return bind(index, QStringView(value));
}

SqlStatement& SqlStatement::bind(int index, QStringView value)
{
    const QByteArray utf8 = value.toUtf8();
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    return *this;
}

SqlStatement& SqlStatement::bindStaged(int index, const QString& value)
{
    if (value.isNull())
        return bindNull(index);
    if (value.isEmpty()) {
        sqlite3_bind_text(m_stmt, index, "", 0, SQLITE_STATIC);
        return *this;
    }
    const qsizetype room = value.size() * 3; // UTF-8 needs at most 3 bytes per UTF-16 unit
    if (room > stagingBlockSize)
        return bind(index, QStringView(value));
    if (m_stagingBlocks.empty() || stagingBlockSize - m_stagingUsed < room) {
        if (!m_stagingBlocks.empty()) {
            ++m_stagingBlock;
            m_stagingUsed = 0;
        }
        if (m_stagingBlock >= m_stagingBlocks.size())
            m_stagingBlocks.push_back(std::make_unique<char[]>(static_cast<size_t>(stagingBlockSize)));
    }
    char* start = m_stagingBlocks[m_stagingBlock].get() + m_stagingUsed;
    QStringEncoder utf8(QStringEncoder::Utf8, QStringConverter::Flag::Stateless);
    char* end = utf8.appendToBuffer(start, value);
    m_stagingUsed += end - start;
    sqlite3_bind_text(m_stmt, index, start, static_cast<int>(end - start), SQLITE_STATIC);
    return *this;
}

SqlStatement& SqlStatement::bind(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
    return *this;
}

SqlStatement& SqlStatement::bind(int index, double value)
{
    sqlite3_bind_double(m_stmt, index, value);
    return *this;
}

SqlStatement& SqlStatement::bind(int index, const QByteArray& blob)
{
    if (blob.isNull())
        return bindNull(index);
    sqlite3_bind_blob(m_stmt, index, blob.constData(), static_cast<int>(blob.size()), SQLITE_TRANSIENT);
    return *this;
}

SqlStatement& SqlStatement::bindUncopied(int index, QByteArrayView blob)
{
    sqlite3_bind_blob(m_stmt, index, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
    return *this;
}

SqlStatement& SqlStatement::bindUncopiedText(int index, QByteArrayView utf8)
{
    // A null pointer would bind NULL.
    const char* bytes = utf8.isEmpty() ? "" : utf8.data();
    sqlite3_bind_text(m_stmt, index, bytes, static_cast<int>(utf8.size()), SQLITE_STATIC);
    return *this;
}

SqlStatement& SqlStatement::bind(int index, std::optional<int> value)
{
    return value ? bind(index, static_cast<qint64>(*value)) : bindNull(index);
}

SqlStatement& SqlStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
    return *this;
}

SqlStatement& SqlStatement::bindNamed(const char* name, const QString& value)
{
    return bind(sqlite3_bind_parameter_index(m_stmt, name), value);
}

Result<bool> SqlStatement::step()
{
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error = lastError();
    sqlite3_reset(m_stmt);
    return error;
}

Status SqlStatement::exec()
{
    for (;;) {
        auto row = step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
    }
    reset();
    return {};
}

void SqlStatement::reset()
{
    sqlite3_reset(m_stmt);
}

void SqlStatement::clearBindings()
{
    sqlite3_clear_bindings(m_stmt);
    m_stagingBlock = 0;
    m_stagingUsed = 0;
}

int SqlStatement::columnCount() const
{
    return sqlite3_column_count(m_stmt);
}

bool SqlStatement::isNull(int column) const
{
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

QString SqlStatement::text(int column) const
{
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_stmt, column));
}

qint64 SqlStatement::integer(int column) const
{
    return sqlite3_column_int64(m_stmt, column);
}

std::optional<int> SqlStatement::optionalInt(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return sqlite3_column_int(m_stmt, column);
}

double SqlStatement::real(int column) const
{
    return sqlite3_column_double(m_stmt, column);
}

QByteArray SqlStatement::blob(int column) const
{
    const auto* data = static_cast<const char*>(sqlite3_column_blob(m_stmt, column));
    return QByteArray(data, sqlite3_column_bytes(m_stmt, column));
}

Error SqlStatement::lastError() const
{
    const int code = sqlite3_extended_errcode(m_db);
    Error error;
    error.kind = Error::Kind::Database;
    if ((code & 0xff) == SQLITE_FULL)
        error.message = QCoreApplication::translate("wardroll::model::SqlStatement",
                                                    "The disk is full. Free some space and try again; "
                                                    "nothing already saved was lost.");
    else if ((code & 0xff) == SQLITE_CONSTRAINT)
        error.message = QCoreApplication::translate("wardroll::model::SqlStatement",
                                                    "The change breaks a rule of the ward database.");
    else
        error.message = QCoreApplication::translate("wardroll::model::SqlStatement",
                                                    "The ward database could not complete the operation.");
    error.detail = QString::fromUtf8(sqlite3_errmsg(m_db));
    return error;
}

} // namespace wardroll::model
