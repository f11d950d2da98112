#pragma once

#include "DeviceKey.h"
#include "Result.h"

#include <optional>

namespace wardroll::sync {

// Where a device's signing key lives. The key is made on the device at enrollment and never
// leaves it; this interface is the seam where the security issue will wrap it (an officer's
// password, the OS keychain) without touching sync.
class KeyStore
{
public:
    virtual ~KeyStore() = default;
    // The key, or nothing when none was stored yet.
    [[nodiscard]] virtual model::Result<std::optional<DeviceKey>> load() = 0;
    [[nodiscard]] virtual model::Status save(const DeviceKey& key) = 0;
};

} // namespace wardroll::sync
