#pragma once

#include <QByteArray>
#include <QString>

namespace wardroll::sync {

// The hub's HTTP API, shared by the hub and the client. Every body is CBOR; every hub reply
// is a SignedMessage (purpose HubReply) so that a device can check that its hub said it.
//   POST /v1/enroll  request signed by the new device key {op, device, key, code, name, at}
//   POST /v1/ping    request signed by the device key      {op, device, at, nonce}
//   POST /v1/push    {device, envelopes: [envelope bytes...]} (each envelope signed)
//   POST /v1/pull    request signed by the device key      {op, device, after, limit, nonce}
// Errors: 4xx/5xx with a signed reply {error: code, reason: text}.
namespace protocol {

inline const QByteArray contentType = QByteArrayLiteral("application/cbor");
inline const QString enrollPath = QStringLiteral("/v1/enroll");
inline const QString pingPath = QStringLiteral("/v1/ping");
inline const QString pushPath = QStringLiteral("/v1/push");
inline const QString pullPath = QStringLiteral("/v1/pull");

constexpr qint64 defaultMaxBody = 64LL * 1024 * 1024;
constexpr int maxEnvelopesPerPush = 5000;
constexpr int maxPullLimit = 5000;
constexpr qint64 pullPageBytes = 8LL * 1024 * 1024;

// Machine-readable error codes (the reason next to them is for people).
inline const QString errorBadRequest = QStringLiteral("bad_request");
inline const QString errorTooLarge = QStringLiteral("too_large");
inline const QString errorContentType = QStringLiteral("content_type");
inline const QString errorUnknownDevice = QStringLiteral("unknown_device");
inline const QString errorRevoked = QStringLiteral("revoked");
inline const QString errorHeld = QStringLiteral("held");
inline const QString errorBadSignature = QStringLiteral("bad_signature");
inline const QString errorMalformed = QStringLiteral("malformed");
inline const QString errorFork = QStringLiteral("fork");
inline const QString errorGap = QStringLiteral("gap");
inline const QString errorSchema = QStringLiteral("schema_too_new");
inline const QString errorCode = QStringLiteral("bad_code");
inline const QString errorEnrolled = QStringLiteral("already_enrolled");
inline const QString errorInternal = QStringLiteral("internal");

} // namespace protocol
} // namespace wardroll::sync
