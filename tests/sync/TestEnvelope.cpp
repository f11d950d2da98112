#include "DeviceKey.h"
#include "Envelope.h"
#include "SignedMessage.h"
#include "Uuid7.h"

#include <QCborMap>
#include <QCborValue>
#include <QTest>

using namespace wardroll;
using namespace wardroll::sync;

namespace {

EnvelopeFields sampleFields(qint64 seq, const QByteArray& previous)
{
    EnvelopeFields f;
    f.changesetId = model::Uuid7::generate();
    f.deviceId = model::Uuid7::generate();
    f.officer = QStringLiteral("officer-1");
    f.deviceSeq = seq;
    f.previousHash = previous;
    f.schemaVersion = 5;
    f.createdAt = 1'700'000'000'000;
    f.changes = QByteArray("\x80", 1); // an empty CBOR array
    return f;
}

DeviceKey newKey()
{
    auto key = DeviceKey::generate();
    if (!key.ok())
        qFatal("no key");
    return std::move(key.value());
}

} // namespace

class TestEnvelope : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sealsParsesAndVerifies()
    {
        const DeviceKey key = newKey();
        const EnvelopeFields fields = sampleFields(1, {});
        const Envelope sealed = Envelope::seal(fields, key);
        auto parsed = Envelope::parse(sealed.wire());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->fields(), fields);
        QVERIFY(parsed->verify(key.publicKey()));
        QCOMPARE(parsed->hash(), sealed.hash());
        QCOMPARE(parsed->hash().size(), SignedMessage::hashSize);
    }

    void chainsByTheHashOfThePreviousEnvelope()
    {
        const DeviceKey key = newKey();
        const Envelope first = Envelope::seal(sampleFields(1, {}), key);
        const Envelope second = Envelope::seal(sampleFields(2, first.hash()), key);
        auto parsed = Envelope::parse(second.wire());
        QVERIFY(parsed.ok());
        QCOMPARE(parsed->fields().previousHash, first.hash());
        QVERIFY(first.hash() != second.hash());
        // The first envelope has no previous hash; the others must have one of the right size.
        QVERIFY(!Envelope::parse(Envelope::seal(sampleFields(1, first.hash()), key).wire()).ok());
        QVERIFY(!Envelope::parse(Envelope::seal(sampleFields(2, {}), key).wire()).ok());
        QVERIFY(!Envelope::parse(Envelope::seal(sampleFields(0, {}), key).wire()).ok());
    }

    // Flipping any single bit anywhere either breaks the structure or the signature.
    void everyTamperedByteIsCaught()
    {
        const DeviceKey key = newKey();
        const QByteArray wire = Envelope::seal(sampleFields(3, QByteArray(32, 'h')), key).wire();
        for (qsizetype i = 0; i < wire.size(); ++i) {
            for (int bit : {0, 7}) {
                QByteArray tampered = wire;
                tampered[i] = static_cast<char>(tampered[i] ^ (1 << bit));
                auto parsed = Envelope::parse(tampered);
                QVERIFY2(!parsed.ok() || !parsed->verify(key.publicKey()), qPrintable(QString::number(i)));
            }
        }
    }

    void truncatedOrPaddedEnvelopesAreRefused()
    {
        const DeviceKey key = newKey();
        const QByteArray wire = Envelope::seal(sampleFields(1, {}), key).wire();
        for (qsizetype n : {qsizetype(0), qsizetype(1), wire.size() / 2, wire.size() - 1})
            QVERIFY(!Envelope::parse(wire.left(n)).ok());
        // Bytes after a valid envelope would give the same signature another hash.
        QVERIFY(!Envelope::parse(wire + QByteArray(1, '\0')).ok());
        QVERIFY(!Envelope::parse(QByteArray("garbage")).ok());
    }

    void aForgedEnvelopeDoesNotVerify()
    {
        const DeviceKey device = newKey();
        const DeviceKey forger = newKey();
        const Envelope forged = Envelope::seal(sampleFields(1, {}), forger);
        auto parsed = Envelope::parse(forged.wire());
        QVERIFY(parsed.ok());
        QVERIFY(!parsed->verify(device.publicKey()));
    }

    // A signature made for one purpose is worthless for another.
    void signaturesAreBoundToTheirPurpose()
    {
        const DeviceKey key = newKey();
        QCborMap body;
        body.insert(QStringLiteral("op"), QStringLiteral("ping"));
        const SignedMessage request = SignedMessage::sign(SignedMessage::Purpose::DeviceRequest, body, key);
        auto parsed = SignedMessage::parse(request.wire());
        QVERIFY(parsed.ok());
        QVERIFY(parsed->verify(SignedMessage::Purpose::DeviceRequest, key.publicKey()));
        QVERIFY(!parsed->verify(SignedMessage::Purpose::Envelope, key.publicKey()));
        QVERIFY(!parsed->verify(SignedMessage::Purpose::HubReply, key.publicKey()));
    }

    void reorderedFieldsAreNotTheSameMessage()
    {
        const DeviceKey key = newKey();
        const QByteArray wire = Envelope::seal(sampleFields(1, {}), key).wire();
        const QCborMap outer = QCborValue::fromCbor(wire).toMap();
        QCborMap reordered;
        reordered.insert(QStringLiteral("sig"), outer.value(QStringLiteral("sig")));
        reordered.insert(QStringLiteral("body"), outer.value(QStringLiteral("body")));
        reordered.insert(QStringLiteral("v"), outer.value(QStringLiteral("v")));
        QVERIFY(!Envelope::parse(QCborValue(reordered).toCbor()).ok());
    }
};

QTEST_GUILESS_MAIN(TestEnvelope)
#include "TestEnvelope.moc"
