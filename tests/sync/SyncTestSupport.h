#pragma once

// Helpers for the sync tests that run a real hub process: client wards and their comparison.

#include "HubProcess.h"
#include "Outbox.h"
#include "SqlConnection.h"
#include "SyncClient.h"
#include "TempWard.h"
#include "WardKeyStore.h"

#include <memory>
#include <QStringList>
#include <QTest>

// QVERIFY for a Status/Result, printing its error on failure.
#define QVERIFY_OK(expression)                                                                               \
    do {                                                                                                     \
        const auto& result_ = (expression);                                                                  \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString() : result_.error().toString()));           \
    } while (false)

namespace wardroll::test {

// One device: its ward, key store and sync client.
struct SyncDevice
{
    TempWard temp;
    std::unique_ptr<sync::WardKeyStore> keys;
    std::unique_ptr<sync::SyncClient> client;

    SyncDevice()
    {
        keys = std::make_unique<sync::WardKeyStore>(temp.ward());
        client = std::make_unique<sync::SyncClient>(temp.ward(), *keys);
        sync::HttpTransport::Policy policy;
        policy.deadline = std::chrono::seconds(20);
        policy.attempts = 2;
        policy.backoff = std::chrono::milliseconds(50);
        client->transport().setPolicy(policy);
    }
    model::WardDatabase& ward() { return temp.ward(); }

    [[nodiscard]] model::Status enroll(const HubProcess& hub, const QString& name)
    {
        const QString code = hub.enrollmentCode(name);
        if (code.isEmpty())
            return model::Error{model::Error::Kind::Generic, QStringLiteral("no enrollment code")};
        return QCoro::waitFor(client->enroll(hub.url(), code));
    }
    [[nodiscard]] sync::SyncReport sync() { return QCoro::waitFor(client->sync()); }

    [[nodiscard]] qint64 unsynced()
    {
        auto counts = model::Outbox(ward().connection()).counts();
        return counts.ok() ? counts->unsynced() : -1;
    }
};

// Every row of a table, every column, as text (NULL shown apart from ''), in id order.
inline QStringList dumpTable(model::WardDatabase& ward, const QString& table)
{
    QStringList rows;
    auto stmt = ward.connection().prepare(QStringLiteral("SELECT * FROM %1 ORDER BY id").arg(table));
    if (!stmt.ok())
        return {QStringLiteral("error: ") + stmt.error().toString()};
    while (stmt->step().value()) {
        QStringList cells;
        for (int i = 0; i < stmt->columnCount(); ++i)
            cells << (stmt->isNull(i) ? QStringLiteral("<null>") : stmt->text(i));
        rows << cells.join(QLatin1Char('|'));
    }
    return rows;
}

inline QStringList conflictIds(model::WardDatabase& ward)
{
    QStringList ids;
    auto stmt = ward.connection().prepare(u"SELECT id || ':' || column_name FROM sync_conflicts ORDER BY id");
    while (stmt.ok() && stmt->step().value())
        ids << stmt->text(0);
    return ids;
}

} // namespace wardroll::test
