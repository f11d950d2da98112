#include "DeviceKey.h"

#include <QTest>

using namespace wardroll::sync;

class TestDeviceKey : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signsAndVerifies()
    {
        auto key = DeviceKey::generate();
        QVERIFY(key.ok());
        const QByteArray message("change-set 1");
        const QByteArray signature = key->sign(message);
        QCOMPARE(signature.size(), DeviceKey::signatureSize);
        QVERIFY(DeviceKey::verify(message, signature, key->publicKey()));
    }

    void refusesTamperedMessageSignatureOrKey()
    {
        auto key = DeviceKey::generate();
        auto other = DeviceKey::generate();
        QVERIFY(key.ok() && other.ok());
        const QByteArray message("change-set 1");
        QByteArray signature = key->sign(message);
        QVERIFY(!DeviceKey::verify(QByteArray("change-set 2"), signature, key->publicKey()));
        QVERIFY(!DeviceKey::verify(message, signature, other->publicKey()));
        signature[5] = static_cast<char>(signature[5] ^ 0x01);
        QVERIFY(!DeviceKey::verify(message, signature, key->publicKey()));
        QVERIFY(!DeviceKey::verify(message, QByteArray(10, 'x'), key->publicKey()));
    }

    void roundTripsTheSecret()
    {
        auto key = DeviceKey::generate();
        QVERIFY(key.ok());
        auto again = DeviceKey::fromSecret(key->secretKey());
        QVERIFY(again.ok());
        QCOMPARE(again->publicKey(), key->publicKey());
        QVERIFY(!DeviceKey::fromSecret(QByteArray(5, 'x')).ok());
    }
};

QTEST_GUILESS_MAIN(TestDeviceKey)
#include "TestDeviceKey.moc"
