#include "HubServer.h"

#include "HubService.h"
#include "SyncProtocol.h"

#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QLoggingCategory>

namespace wardroll::sync {

namespace {

Q_LOGGING_CATEGORY(lcHub, "wardroll.hub")

enum Route { Enroll, Ping, Push, Pull };

QByteArray header(const QHttpServerRequest& request, const QByteArray& name)
{
    for (const auto& [key, value] : request.headers()) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

HubServer::HubServer(HubService& service, qint64 maxBodyBytes, QObject* parent)
    : QObject(parent)
    , m_service(service)
    , m_maxBody(maxBodyBytes)
    , m_server(std::make_unique<QHttpServer>())
{
    const auto add = [this](const QString& path, int which) {
        m_server->route(path, QHttpServerRequest::Method::Post,
                        [this, which](const QHttpServerRequest& request) { return handle(request, which); });
    };
    add(protocol::enrollPath, Enroll);
    add(protocol::pingPath, Ping);
    add(protocol::pushPath, Push);
    add(protocol::pullPath, Pull);
}

HubServer::~HubServer() = default;

model::Result<quint16> HubServer::listen(const QHostAddress& address, quint16 port)
{
    const quint16 bound = m_server->listen(address, port);
    if (bound == 0)
        return model::Error{
            model::Error::Kind::Io,
            QCoreApplication::translate("wardroll::sync::HubServer", "The hub could not listen on %1:%2.")
                .arg(address.toString())
                .arg(port)};
    return bound;
}

QHttpServerResponse HubServer::handle(const QHttpServerRequest& request, int which)
{
    HubService::Reply reply;
    const QByteArray type = header(request, QByteArrayLiteral("Content-Type"));
    const QByteArray body = request.body();
    if (body.size() > m_maxBody) {
        reply = m_service.error(
            413, protocol::errorTooLarge,
            QCoreApplication::translate("wardroll::sync::HubServer",
                                        "The request is larger than the hub accepts (%1 bytes).")
                .arg(m_maxBody));
    } else if (!type.trimmed().startsWith(protocol::contentType)) {
        reply = m_service.error(415, protocol::errorContentType,
                                QCoreApplication::translate("wardroll::sync::HubServer",
                                                            "The hub accepts only application/cbor."));
    } else {
        switch (which) {
        case Enroll:
            reply = m_service.enroll(body);
            break;
        case Ping:
            reply = m_service.ping(body);
            break;
        case Push:
            reply = m_service.push(body);
            break;
        default:
            reply = m_service.pull(body);
            break;
        }
    }
    if (reply.status >= 400)
        qCInfo(lcHub).noquote() << "refused" << request.url().path() << reply.status << "from"
                                << request.remoteAddress().toString();
    return QHttpServerResponse(protocol::contentType, reply.body,
                               static_cast<QHttpServerResponder::StatusCode>(reply.status));
}

} // namespace wardroll::sync
