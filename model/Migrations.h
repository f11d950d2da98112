#pragma once

#include "Result.h"

#include <QCoreApplication>

namespace wardroll::model {

class SqlConnection;

// Schema versions through PRAGMA user_version. Each step runs in its own transaction, so a
// failed or interrupted upgrade leaves the ward at the previous version, intact. Steps are
// append-only: a released step is never edited (tests/model/TestMigrations checks each one
// against a golden schema and a golden data fixture).
class Migrations
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::Migrations)
public:
    [[nodiscard]] static int latestVersion();
    [[nodiscard]] static Result<int> currentVersion(SqlConnection& connection);
    // Upgrades to `targetVersion` (default: latest). Refuses a ward newer than this build.
    [[nodiscard]] static Status migrate(SqlConnection& connection, int targetVersion = -1);
};

} // namespace wardroll::model
