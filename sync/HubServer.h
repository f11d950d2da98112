#pragma once

#include "Result.h"

#include <memory>
#include <QHostAddress>
#include <QObject>

class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;

namespace wardroll::sync {

class HubService;

// The hub's HTTP front (Qt HttpServer 6.4): routes the API of SyncProtocol.h to HubService
// and refuses what is not a CBOR POST of acceptable size before any of it is read as data.
// Qt 6.4 buffers a whole body before the handler runs, so the size limit bounds what is
// processed, not what is received: put a reverse proxy with its own limit in front of a hub
// that listens beyond loopback.
class HubServer : public QObject
{
    Q_OBJECT
public:
    explicit HubServer(HubService& service, qint64 maxBodyBytes, QObject* parent = nullptr);
    ~HubServer() override;

    // The port actually bound (`port` 0 picks a free one).
    [[nodiscard]] model::Result<quint16> listen(const QHostAddress& address, quint16 port);

private:
    [[nodiscard]] QHttpServerResponse handle(const QHttpServerRequest& request, int which);

    HubService& m_service;
    qint64 m_maxBody;
    std::unique_ptr<QHttpServer> m_server;
};

} // namespace wardroll::sync
