#include "SyncState.h"

#include "WardDatabase.h"

namespace wardroll::sync {

namespace {
const QString keyUrl = QStringLiteral("sync.hub_url");
const QString keyHubId = QStringLiteral("sync.hub_id");
const QString keyHubKey = QStringLiteral("sync.hub_key");
const QString keyCursor = QStringLiteral("sync.cursor");
} // namespace

model::Result<SyncState> SyncState::load(model::WardDatabase& ward)
{
    SyncState state;
    for (const auto& [key, apply] :
         std::initializer_list<std::pair<QString, std::function<void(const QString&)>>>{
             {keyUrl,
              [&](const QString& v) {
                  state.hubUrl = QUrl(v);
              }},
             {keyHubId,
              [&](const QString& v) {
                  state.hubId = v;
              }},
             {keyHubKey,
              [&](const QString& v) {
                  state.hubPublicKey = QByteArray::fromBase64(v.toLatin1());
              }},
             {keyCursor,
              [&](const QString& v) {
                  state.cursor = v.toLongLong();
              }},
         }) {
        auto value = ward.meta(key);
        if (!value.ok())
            return value.error();
        apply(value.value());
    }
    return state;
}

model::Status SyncState::saveEnrollment(model::WardDatabase& ward, const SyncState& state)
{
    if (auto status = ward.setMeta(keyUrl, state.hubUrl.toString()); !status.ok())
        return status;
    if (auto status = ward.setMeta(keyHubId, state.hubId); !status.ok())
        return status;
    if (auto status = ward.setMeta(keyHubKey, QString::fromLatin1(state.hubPublicKey.toBase64()));
        !status.ok())
        return status;
    return ward.setMeta(keyCursor, QString::number(state.cursor));
}

model::Status SyncState::saveCursor(model::WardDatabase& ward, qint64 cursor)
{
    return ward.setMeta(keyCursor, QString::number(cursor));
}

} // namespace wardroll::sync
