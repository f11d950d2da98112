#include "HttpTransport.h"

#include "SyncProtocol.h"

#include <QCoroNetworkReply>
#include <QCoroTimer>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QTimer>

namespace wardroll::sync {

HttpTransport::HttpTransport(QObject* parent)
    : QObject(parent)
{
    // Redirects would carry a signed request somewhere else: the hub never redirects.
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

QCoro::Task<HttpResponse> HttpTransport::post(QUrl url, QByteArray body)
{
    HttpResponse response;
    for (int attempt = 0; attempt < std::max(1, m_policy.attempts); ++attempt) {
        if (attempt > 0) {
            const auto base = m_policy.backoff * (1 << std::min(attempt - 1, 6));
            const auto jitter = std::chrono::milliseconds(
                QRandomGenerator::global()->bounded(static_cast<int>(std::max<qint64>(1, base.count()))));
            co_await QCoro::sleepFor(base + jitter);
        }
        response = co_await postOnce(url, body);
        const bool retry = !response.answered() || response.status >= 500 || response.status == 429;
        if (!retry)
            break;
    }
    co_return response;
}

QCoro::Task<HttpResponse> HttpTransport::postOnce(const QUrl& url, const QByteArray& body)
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, protocol::contentType);
    request.setTransferTimeout(0); // ours below, not Qt's
    QPointer<QNetworkReply> reply = m_manager.post(request, body);
    QTimer deadline;
    deadline.setSingleShot(true);
    bool timedOut = false;
    QObject::connect(&deadline, &QTimer::timeout, reply.data(), [&timedOut, reply] {
        timedOut = true;
        if (reply)
            reply->abort();
    });
    deadline.start(m_policy.deadline);
    co_await reply.data();
    deadline.stop();

    HttpResponse response;
    if (!reply) {
        response.transport = model::Error{model::Error::Kind::Io, tr("The hub did not answer.")};
        co_return response;
    }
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && !timedOut) {
        response.status = status.toInt();
        response.body = reply->readAll();
    } else {
        response.transport = model::Error{
            model::Error::Kind::Io,
            timedOut ? tr("The hub did not answer in time.") : tr("The hub could not be reached."),
            url.toString(QUrl::RemoveUserInfo) + QStringLiteral(": ") + reply->errorString()};
    }
    reply->deleteLater();
    co_return response;
}

} // namespace wardroll::sync
