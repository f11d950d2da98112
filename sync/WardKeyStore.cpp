#include "WardKeyStore.h"

#include "WardDatabase.h"

namespace wardroll::sync {

namespace {
const QString secretKey = QStringLiteral("sync.device_secret");
}

WardKeyStore::WardKeyStore(model::WardDatabase& ward)
    : m_ward(ward)
{
}

model::Result<std::optional<DeviceKey>> WardKeyStore::load()
{
    auto stored = m_ward.meta(secretKey);
    if (!stored.ok())
        return stored.error();
    if (stored->isEmpty())
        return std::optional<DeviceKey>();
    auto key = DeviceKey::fromSecret(QByteArray::fromBase64(stored->toLatin1()));
    if (!key.ok())
        return key.error();
    return std::optional<DeviceKey>(std::move(key.value()));
}

model::Status WardKeyStore::save(const DeviceKey& key)
{
    return m_ward.setMeta(secretKey, QString::fromLatin1(key.secretKey().toBase64()));
}

} // namespace wardroll::sync
