#include "HubProcess.h"

#include <QDeadlineTimer>
#include <QRegularExpression>

namespace wardroll::test {

HubProcess::HubProcess(QString store, QString logFile)
    : m_store(std::move(store))
    , m_logFile(std::move(logFile))
{
}

HubProcess::~HubProcess()
{
    kill();
}

QString HubProcess::binary()
{
    return QStringLiteral(WARDROLL_BINARY_DIR "/app/wardroll-hub");
}

bool HubProcess::start(quint16 port)
{
    kill();
    m_process = std::make_unique<QProcess>();
    m_process->setStandardErrorFile(m_logFile, QIODevice::Append);
    m_process->start(binary(),
                     {QStringLiteral("serve"), QStringLiteral("--listen"),
                      QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--store"), m_store});
    if (!m_process->waitForStarted(20000))
        return false;
    static const QRegularExpression listening(QStringLiteral("listening on (http://[^\\s]+)"));
    QByteArray out;
    QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (!m_process->canReadLine()
            && !m_process->waitForReadyRead(static_cast<int>(deadline.remainingTime())))
            break;
        while (m_process->canReadLine()) {
            const auto match = listening.match(QString::fromUtf8(m_process->readLine()));
            if (match.hasMatch()) {
                m_url = QUrl(match.captured(1));
                return m_url.port() > 0;
            }
        }
    }
    return false;
}

void HubProcess::kill()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    m_process.reset();
}

HubProcess::Run HubProcess::run(const QString& verb, const QStringList& arguments) const
{
    QProcess process;
    process.start(binary(), QStringList{verb, QStringLiteral("--store"), m_store} + arguments);
    Run result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString HubProcess::enrollmentCode(const QString& deviceName) const
{
    const Run result = run(QStringLiteral("enrollment-code"), {QStringLiteral("--device-name"), deviceName});
    if (result.exitCode != 0)
        return {};
    const QStringList lines = result.out.trimmed().split(QLatin1Char('\n'));
    return lines.isEmpty() ? QString() : lines.last().trimmed();
}

} // namespace wardroll::test
