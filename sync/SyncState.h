#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::sync {

// What a ward knows about its hub (ward_meta "sync.*"): where it is, its id and public key
// (learned at enrollment; every hub reply is checked against it), and the pull cursor: the
// last global sequence applied here.
struct SyncState
{
    QUrl hubUrl;
    QString hubId;
    QByteArray hubPublicKey;
    qint64 cursor = 0;

    [[nodiscard]] bool isEnrolled() const { return !hubId.isEmpty() && !hubPublicKey.isEmpty(); }

    [[nodiscard]] static model::Result<SyncState> load(model::WardDatabase& ward);
    // Writes the hub's identity (enrollment); the cursor starts at 0.
    [[nodiscard]] static model::Status saveEnrollment(model::WardDatabase& ward, const SyncState& state);
    // Inside the caller's transaction, with the page it belongs to.
    [[nodiscard]] static model::Status saveCursor(model::WardDatabase& ward, qint64 cursor);
};

} // namespace wardroll::sync
