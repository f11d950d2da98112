// The hub's HTTP front over real loopback sockets: whatever arrives that is not a well-formed,
// signed, CBOR request of acceptable size gets a 4xx with a reason and changes nothing.
#include "ChangeSet.h"
#include "DeviceKey.h"
#include "Envelope.h"
#include "HttpTransport.h"
#include "HubServer.h"
#include "HubService.h"
#include "HubStore.h"
#include "SignedMessage.h"
#include "SyncProtocol.h"
#include "Uuid7.h"

#include <QCborArray>
#include <QCborMap>
#include <QCborValue>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using namespace wardroll::sync;

class TestHubServer : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HubStore> m_store;
    std::unique_ptr<HubService> m_hub;
    std::unique_ptr<HubServer> m_server;
    std::unique_ptr<HttpTransport> m_transport;
    QNetworkAccessManager m_manager;
    QUrl m_base;
    std::optional<DeviceKey> m_key;
    QString m_device = model::Uuid7::generate();

    HttpResponse post(const QString& path, const QByteArray& body)
    {
        return QCoro::waitFor(m_transport->post(m_base.resolved(QUrl(path)), body));
    }

    // Raw requests, for what HttpTransport never sends (other methods, content types).
    std::pair<int, QByteArray> raw(const QByteArray& method, const QString& path, const QByteArray& type,
                                   const QByteArray& body)
    {
        QNetworkRequest request(m_base.resolved(QUrl(path)));
        if (!type.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, type);
        QNetworkReply* reply = m_manager.sendCustomRequest(request, method, body);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(10000))
            return {0, {}};
        reply->deleteLater();
        return {reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), reply->readAll()};
    }

    // The refusal is signed by the hub and says why.
    void verifyRefusal(const QByteArray& body, const QString& code)
    {
        auto message = SignedMessage::parse(body);
        QVERIFY(message.ok());
        QVERIFY(message->verify(SignedMessage::Purpose::HubReply, m_hub->hubPublicKey()));
        QCOMPARE(message->body().value(QStringLiteral("error")).toString(), code);
        QVERIFY(!message->body().value(QStringLiteral("reason")).toString().isEmpty());
    }

    void verifyNothingChanged()
    {
        QCOMPARE(m_store->head().value(), 0);
        const auto device = m_store->device(m_device).value();
        QVERIFY(device);
        QCOMPARE(device->lastSeq, 0);
        QCOMPARE(device->state, HubStore::Device::State::Active);
    }

    Envelope envelope()
    {
        model::RowChange row;
        row.table = QStringLiteral("residents");
        row.rowId = model::Uuid7::generate();
        row.op = model::RowChange::Op::Insert;
        row.after.insert(QStringLiteral("full_name"), QStringLiteral("Lê Thị Hoa"));
        model::ChangeSet changes;
        changes.rows << row;
        EnvelopeFields f;
        f.changesetId = model::Uuid7::generate();
        f.deviceId = m_device;
        f.deviceSeq = 1;
        f.schemaVersion = 1;
        f.createdAt = 1;
        f.changes = changes.toCbor();
        return Envelope::seal(f, *m_key);
    }

    QByteArray pushOf(const QByteArray& wire)
    {
        QCborMap body;
        body.insert(QStringLiteral("device"), m_device);
        body.insert(QStringLiteral("envelopes"), QCborArray{wire});
        return QCborValue(body).toCbor();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        auto store = HubStore::open(QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("hub.db")));
        QVERIFY(store.ok());
        m_store = std::move(store.value());
        m_hub = std::make_unique<HubService>(*m_store);
        QVERIFY(m_hub->initialise().ok());
        m_server = std::make_unique<HubServer>(*m_hub, 64 * 1024);
        auto port = m_server->listen(QHostAddress::LocalHost, 0);
        QVERIFY(port.ok());
        m_base = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port.value()));
        m_transport = std::make_unique<HttpTransport>();
        HttpTransport::Policy policy;
        policy.attempts = 1;
        policy.deadline = std::chrono::seconds(10);
        m_transport->setPolicy(policy);

        m_key.emplace(std::move(DeviceKey::generate().value()));
        auto code = m_hub->createEnrollmentCode(QStringLiteral("Tablet"), 60'000);
        QCborMap fields;
        fields.insert(QStringLiteral("op"), QStringLiteral("enroll"));
        fields.insert(QStringLiteral("device"), m_device);
        fields.insert(QStringLiteral("key"), m_key->publicKey());
        fields.insert(QStringLiteral("code"), code.value());
        const auto enrolled
            = post(protocol::enrollPath,
                   SignedMessage::sign(SignedMessage::Purpose::DeviceRequest, fields, *m_key).wire());
        QCOMPARE(enrolled.status, 200);
    }

    void garbageIsABadRequest()
    {
        for (const QString& path :
             {protocol::pushPath, protocol::pullPath, protocol::pingPath, protocol::enrollPath}) {
            const auto reply = post(path, QByteArray("\xff\x00garbage", 9));
            QCOMPARE(reply.status, 400);
            verifyRefusal(reply.body, protocol::errorMalformed);
        }
        verifyNothingChanged();
    }

    void theWrongContentTypeIsRefused()
    {
        const auto [status, body]
            = raw("POST", protocol::pushPath, "application/json", pushOf(envelope().wire()));
        QCOMPARE(status, 415);
        verifyRefusal(body, protocol::errorContentType);
        const auto [none, noneBody] = raw("POST", protocol::pushPath, {}, pushOf(envelope().wire()));
        QCOMPARE(none, 415);
        verifyNothingChanged();
    }

    void anOversizeBodyIsRefused()
    {
        const auto reply = post(protocol::pushPath, QByteArray(64 * 1024 + 1, 'x'));
        QCOMPARE(reply.status, 413);
        verifyRefusal(reply.body, protocol::errorTooLarge);
        verifyNothingChanged();
    }

    void otherMethodsAndPathsAreNotServed()
    {
        QVERIFY(raw("GET", protocol::pushPath, {}, {}).first >= 400);
        QVERIFY(raw("PUT", protocol::pushPath, "application/cbor", pushOf(envelope().wire())).first >= 400);
        QCOMPARE(raw("POST", QStringLiteral("/v1/nothing"), "application/cbor", {}).first, 404);
        verifyNothingChanged();
    }

    void truncatedAndTamperedEnvelopesAreRefused()
    {
        const QByteArray wire = envelope().wire();
        const auto truncated = post(protocol::pushPath, pushOf(wire.left(wire.size() - 20)));
        QCOMPARE(truncated.status, 400);
        verifyRefusal(truncated.body, protocol::errorMalformed);
        QByteArray tampered = wire;
        tampered[wire.size() / 2] = static_cast<char>(tampered[wire.size() / 2] ^ 0x01);
        const auto altered = post(protocol::pushPath, pushOf(tampered));
        QVERIFY(altered.status == 400 || altered.status == 403);
        const auto cut = post(protocol::pushPath, pushOf(wire).left(pushOf(wire).size() / 2));
        QCOMPARE(cut.status, 400);
        verifyNothingChanged();
    }

    // A hub that accepts the connection and never answers: our own deadline aborts each try
    // (Qt's transfer timeout is not used with QCoro 0.8), and the request is retried.
    void aSilentHubTimesOutAndIsRetried()
    {
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
        int connections = 0;
        QList<QTcpSocket*> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* socket = silent.nextPendingConnection()) {
                ++connections;
                held << socket; // read nothing, answer nothing
            }
        });
        HttpTransport transport;
        HttpTransport::Policy policy;
        policy.deadline = std::chrono::milliseconds(300);
        policy.attempts = 3;
        policy.backoff = std::chrono::milliseconds(10);
        transport.setPolicy(policy);
        const auto reply = QCoro::waitFor(transport.post(
            QUrl(QStringLiteral("http://127.0.0.1:%1/v1/ping").arg(silent.serverPort())), QByteArray("x")));
        QVERIFY(!reply.answered());
        QVERIFY(reply.transport.error().message.contains(QStringLiteral("in time")));
        QCOMPARE(connections, 3);
        qDeleteAll(held);
    }

    void aGoodPushStillWorks()
    {
        const auto reply = post(protocol::pushPath, pushOf(envelope().wire()));
        QCOMPARE(reply.status, 200);
        QCOMPARE(m_store->head().value(), 1);
    }
};

QTEST_GUILESS_MAIN(TestHubServer)
#include "TestHubServer.moc"
