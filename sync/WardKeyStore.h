#pragma once

#include "KeyStore.h"

#include <QCoreApplication>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::sync {

// For now: the device key's secret half in the ward file itself (ward_meta), readable by
// anyone who can read the file. The security issue replaces this with a wrapped key behind
// the same KeyStore interface. The secret is never logged or printed.
class WardKeyStore final : public KeyStore
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::sync::WardKeyStore)
public:
    explicit WardKeyStore(model::WardDatabase& ward);
    [[nodiscard]] model::Result<std::optional<DeviceKey>> load() override;
    [[nodiscard]] model::Status save(const DeviceKey& key) override;

private:
    model::WardDatabase& m_ward;
};

} // namespace wardroll::sync
