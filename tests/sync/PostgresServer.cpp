#include "PostgresServer.h"

#include <QDir>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <unistd.h>

namespace wardroll::test {

namespace {

QString findBinDir()
{
    const QDir root(QStringLiteral("/usr/lib/postgresql"));
    QStringList versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    std::sort(versions.begin(), versions.end(),
              [](const QString& a, const QString& b) { return a.toInt() > b.toInt(); });
    for (const QString& version : versions) {
        const QString bin = root.filePath(version + QStringLiteral("/bin"));
        if (QFile::exists(bin + QStringLiteral("/initdb")) && QFile::exists(bin + QStringLiteral("/pg_ctl")))
            return bin;
    }
    return {};
}

quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

bool PostgresServer::run(const QString& program, const QStringList& arguments, QString* output)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    const QString path = m_bin + QLatin1Char('/') + program;
    if (m_user.isEmpty())
        process.start(path, arguments);
    else
        process.start(QStringLiteral("runuser"),
                      QStringList{QStringLiteral("-u"), m_user, QStringLiteral("--"), path} + arguments);
    const bool finished = process.waitForFinished(120000);
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

std::unique_ptr<PostgresServer> PostgresServer::start(QString* why)
{
    std::unique_ptr<PostgresServer> server(new PostgresServer);
    server->m_bin = findBinDir();
    if (server->m_bin.isEmpty()) {
        *why = QStringLiteral("PostgreSQL is not installed (Debian package postgresql)");
        return nullptr;
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *why = QStringLiteral("Qt's PostgreSQL driver is not installed (libqt6sql6-psql)");
        return nullptr;
    }
    if (!server->m_dir.isValid()) {
        *why = QStringLiteral("no temporary directory");
        return nullptr;
    }
    const QString data = server->m_dir.filePath(QStringLiteral("data"));
    if (geteuid() == 0) {
        server->m_user = QStringLiteral("postgres");
        QProcess::execute(QStringLiteral("chown"), {QStringLiteral("postgres:"), server->m_dir.path()});
    }
    QString output;
    if (!server->run(QStringLiteral("initdb"),
                     {QStringLiteral("-D"), data, QStringLiteral("-U"), QStringLiteral("postgres"),
                      QStringLiteral("--auth=trust"), QStringLiteral("--no-sync"), QStringLiteral("-E"),
                      QStringLiteral("UTF8"), QStringLiteral("--locale=C")},
                     &output)) {
        *why = QStringLiteral("initdb failed: ") + output;
        return nullptr;
    }
    for (int attempt = 0; attempt < 5 && !server->m_running; ++attempt) {
        server->m_port = freePort();
        const QString options = QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off")
                                    .arg(server->m_port)
                                    .arg(server->m_dir.path());
        server->m_running = server->run(
            QStringLiteral("pg_ctl"),
            {QStringLiteral("start"), QStringLiteral("-w"), QStringLiteral("-D"), data, QStringLiteral("-l"),
             server->m_dir.filePath(QStringLiteral("log")), QStringLiteral("-o"), options},
            &output);
    }
    if (!server->m_running) {
        *why = QStringLiteral("pg_ctl start failed: ") + output;
        return nullptr;
    }
    return server;
}

PostgresServer::~PostgresServer()
{
    if (m_running)
        (void)run(QStringLiteral("pg_ctl"),
                  {QStringLiteral("stop"), QStringLiteral("-m"), QStringLiteral("immediate"),
                   QStringLiteral("-D"), m_dir.filePath(QStringLiteral("data"))},
                  nullptr);
}

QString PostgresServer::createDatabase(const QString& name)
{
    {
        QSqlDatabase admin = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), QStringLiteral("pg-admin"));
        admin.setHostName(QStringLiteral("127.0.0.1"));
        admin.setPort(m_port);
        admin.setUserName(QStringLiteral("postgres"));
        admin.setDatabaseName(QStringLiteral("postgres"));
        if (admin.open()) {
            QSqlQuery q(admin);
            q.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
            admin.close();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("pg-admin"));
    return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(name);
}

} // namespace wardroll::test
