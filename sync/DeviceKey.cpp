#include "DeviceKey.h"

#include <cstring>
#include <sodium.h>

namespace wardroll::sync {

namespace {
bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}
} // namespace

DeviceKey::DeviceKey()
    : m_secret(static_cast<unsigned char*>(sodium_malloc(crypto_sign_SECRETKEYBYTES)))
{
}

DeviceKey::~DeviceKey()
{
    sodium_free(m_secret);
}

DeviceKey::DeviceKey(DeviceKey&& other) noexcept
    : m_secret(std::exchange(other.m_secret, nullptr))
{
}

DeviceKey& DeviceKey::operator=(DeviceKey&& other) noexcept
{
    if (this != &other) {
        sodium_free(m_secret);
        m_secret = std::exchange(other.m_secret, nullptr);
    }
    return *this;
}

model::Result<DeviceKey> DeviceKey::generate()
{
    if (!sodiumReady())
        return model::Error{model::Error::Kind::Generic, tr("The cryptography library could not start.")};
    DeviceKey key;
    unsigned char publicKey[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_keypair(publicKey, key.m_secret);
    return key;
}

model::Result<DeviceKey> DeviceKey::fromSecret(const QByteArray& secretKey)
{
    if (!sodiumReady())
        return model::Error{model::Error::Kind::Generic, tr("The cryptography library could not start.")};
    if (secretKey.size() != crypto_sign_SECRETKEYBYTES)
        return model::Error{model::Error::Kind::InvalidInput, tr("The device key is damaged.")};
    DeviceKey key;
    std::memcpy(key.m_secret, secretKey.constData(), crypto_sign_SECRETKEYBYTES);
    return key;
}

QByteArray DeviceKey::publicKey() const
{
    QByteArray out(crypto_sign_PUBLICKEYBYTES, Qt::Uninitialized);
    crypto_sign_ed25519_sk_to_pk(reinterpret_cast<unsigned char*>(out.data()), m_secret);
    return out;
}

QByteArray DeviceKey::secretKey() const
{
    return QByteArray(reinterpret_cast<const char*>(m_secret), crypto_sign_SECRETKEYBYTES);
}

QByteArray DeviceKey::sign(const QByteArray& message) const
{
    QByteArray signature(crypto_sign_BYTES, Qt::Uninitialized);
    crypto_sign_detached(reinterpret_cast<unsigned char*>(signature.data()), nullptr,
                         reinterpret_cast<const unsigned char*>(message.constData()),
                         static_cast<unsigned long long>(message.size()), m_secret);
    return signature;
}

bool DeviceKey::verify(const QByteArray& message, const QByteArray& signature, const QByteArray& publicKey)
{
    if (!sodiumReady() || signature.size() != crypto_sign_BYTES
        || publicKey.size() != crypto_sign_PUBLICKEYBYTES)
        return false;
    return crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(signature.constData()),
                                       reinterpret_cast<const unsigned char*>(message.constData()),
                                       static_cast<unsigned long long>(message.size()),
                                       reinterpret_cast<const unsigned char*>(publicKey.constData()))
        == 0;
}

} // namespace wardroll::sync
