#pragma once

#include <memory>
#include <QString>
#include <QTemporaryDir>

namespace wardroll::test {

// A throwaway PostgreSQL server for hub tests: initdb in a temporary directory, pg_ctl start
// on a free loopback port (as the "postgres" user when the tests run as root, since PostgreSQL
// refuses to run as root), trust authentication, stopped and removed with the object.
class PostgresServer
{
public:
    // Null, with `why` set, when PostgreSQL is not installed or does not start.
    [[nodiscard]] static std::unique_ptr<PostgresServer> start(QString* why);
    ~PostgresServer();

    // A new empty database; returns its store location (postgresql://...).
    [[nodiscard]] QString createDatabase(const QString& name);
    [[nodiscard]] quint16 port() const { return m_port; }

private:
    PostgresServer() = default;
    [[nodiscard]] bool run(const QString& program, const QStringList& arguments, QString* output);
    QTemporaryDir m_dir;
    QString m_bin;
    QString m_user; // empty: the current user
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace wardroll::test
