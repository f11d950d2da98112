#pragma once

#include <memory>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace wardroll::test {

// The built wardroll-hub binary as a child process: `serve` on loopback (port 0 = any free
// port, read back from the line the hub prints), and its administration verbs.
class HubProcess
{
public:
    // `store`: as for --store; `logFile`: where the hub's stderr goes.
    HubProcess(QString store, QString logFile);
    ~HubProcess();
    HubProcess(const HubProcess&) = delete;
    HubProcess& operator=(const HubProcess&) = delete;

    [[nodiscard]] bool start(quint16 port = 0);
    void kill(); // SIGKILL: no chance to tidy up
    [[nodiscard]] QUrl url() const { return m_url; }
    [[nodiscard]] quint16 port() const { return static_cast<quint16>(m_url.port()); }
    [[nodiscard]] const QString& store() const { return m_store; }

    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };
    // Runs `wardroll-hub VERB --store STORE ARGS...`.
    [[nodiscard]] Run run(const QString& verb, const QStringList& arguments = {}) const;
    // A fresh one-time code (the last line of `enrollment-code`), or empty.
    [[nodiscard]] QString enrollmentCode(const QString& deviceName) const;

    [[nodiscard]] static QString binary();

private:
    QString m_store;
    QString m_logFile;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
};

} // namespace wardroll::test
