#pragma once

#include "Result.h"
#include "SqlStatement.h"

#include <memory>
#include <QString>

struct sqlite3;

namespace wardroll::model {

class TransactionHook;

// Owns one sqlite3 connection. Errors come back as values with a translated message and the
// SQLite text as detail. Not thread-safe: one connection per thread.
class SqlConnection
{
public:
    enum class OpenMode { ReadWriteCreate, ReadWrite, ReadOnly };

    [[nodiscard]] static Result<std::unique_ptr<SqlConnection>>
    open(const QString& path, OpenMode mode = OpenMode::ReadWriteCreate);
    ~SqlConnection();
    SqlConnection(const SqlConnection&) = delete;
    SqlConnection& operator=(const SqlConnection&) = delete;

    [[nodiscard]] Result<SqlStatement> prepare(QStringView sql);
    // Runs one or more statements separated by ';' (no parameters, no rows).
    [[nodiscard]] Status exec(QStringView sql);
    // Convenience for `SELECT <one value>`; null QString / 0 when there is no row.
    [[nodiscard]] Result<qint64> queryInt(QStringView sql);
    [[nodiscard]] Result<QString> queryText(QStringView sql);

    [[nodiscard]] qint64 lastInsertRowId() const;
    [[nodiscard]] int changes() const;
    [[nodiscard]] bool inTransaction() const;
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] sqlite3* handle() const { return m_db; }

    // Asks a running statement on this connection to stop (safe from another thread).
    void interrupt();

    [[nodiscard]] Error lastError(const QString& message) const;

    // Told about every SqlTransaction on this connection (change capture); not owned.
    void setTransactionHook(TransactionHook* hook) { m_hook = hook; }
    [[nodiscard]] TransactionHook* transactionHook() const { return m_hook; }

private:
    SqlConnection(sqlite3* db, QString path);
    sqlite3* m_db = nullptr;
    QString m_path;
    TransactionHook* m_hook = nullptr;
};

} // namespace wardroll::model
