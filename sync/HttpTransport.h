#pragma once

#include "Result.h"

#include <chrono>
#include <QByteArray>
#include <QCoroTask>
#include <QNetworkAccessManager>
#include <QObject>
#include <QUrl>

namespace wardroll::sync {

// The answer to one request: an HTTP status and body, or a transport error (no answer at all:
// refused connection, deadline passed).
struct HttpResponse
{
    model::Status transport;
    int status = 0;
    QByteArray body;
    [[nodiscard]] bool answered() const { return transport.ok(); }
};

// POSTs CBOR to the hub with one long-lived QNetworkAccessManager (QCoro 0.8 crashes when a
// reply outlives a local manager), a deadline of its own (QTimer + abort(): Qt's transfer
// timeout is not safe with QCoro 0.8), and retries with exponential backoff and jitter on
// transport errors, 5xx and 429. 4xx answers are final: the request itself is wrong.
class HttpTransport : public QObject
{
    Q_OBJECT
public:
    struct Policy
    {
        std::chrono::milliseconds deadline{30'000};
        int attempts = 4;
        std::chrono::milliseconds backoff{200};
    };

    explicit HttpTransport(QObject* parent = nullptr);
    void setPolicy(const Policy& policy) { m_policy = policy; }
    [[nodiscard]] const Policy& policy() const { return m_policy; }

    [[nodiscard]] QCoro::Task<HttpResponse> post(QUrl url, QByteArray body);

private:
    [[nodiscard]] QCoro::Task<HttpResponse> postOnce(const QUrl& url, const QByteArray& body);
    QNetworkAccessManager m_manager;
    Policy m_policy;
};

} // namespace wardroll::sync
