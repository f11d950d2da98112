#pragma once

#include "Result.h"

#include <QByteArray>
#include <QCoreApplication>

namespace wardroll::sync {

// A device's Ed25519 signing key (libsodium). Generated on the device at enrollment; the
// secret half never leaves it. Where the secret is kept (wrapped by the officer's password)
// is the security layer's business: this class only holds it in locked, zeroed memory.
class DeviceKey
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::sync::DeviceKey)
public:
    static constexpr int publicKeySize = 32;
    static constexpr int signatureSize = 64;

    [[nodiscard]] static model::Result<DeviceKey> generate();
    [[nodiscard]] static model::Result<DeviceKey> fromSecret(const QByteArray& secretKey);
    ~DeviceKey();
    DeviceKey(DeviceKey&& other) noexcept;
    DeviceKey& operator=(DeviceKey&& other) noexcept;
    DeviceKey(const DeviceKey&) = delete;
    DeviceKey& operator=(const DeviceKey&) = delete;

    [[nodiscard]] QByteArray publicKey() const;
    [[nodiscard]] QByteArray secretKey() const;
    [[nodiscard]] QByteArray sign(const QByteArray& message) const;
    [[nodiscard]] static bool verify(const QByteArray& message, const QByteArray& signature,
                                     const QByteArray& publicKey);

private:
    DeviceKey();
    unsigned char* m_secret = nullptr; // sodium_malloc'd, crypto_sign_SECRETKEYBYTES
};

} // namespace wardroll::sync
