#pragma once

#include <QString>

namespace wardroll::model {

class SqlConnection;

// Sets an integer pragma of the connection (cache_size, threads) for the scope's lifetime and
// puts the value it had back when the scope ends. Best effort both ways: these pragmas tune
// speed, and a value SQLite would not take must not fail the work it tunes.
class ScopedPragma
{
public:
    ScopedPragma(SqlConnection& connection, const QString& name, qint64 value);
    ~ScopedPragma();
    ScopedPragma(const ScopedPragma&) = delete;
    ScopedPragma& operator=(const ScopedPragma&) = delete;

private:
    SqlConnection& m_connection;
    QString m_name;
    qint64 m_previous = 0;
    bool m_set = false;
};

} // namespace wardroll::model
