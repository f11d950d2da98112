#pragma once

#include "Result.h"

#include <memory>
#include <optional>
#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

class QSqlQuery;

namespace wardroll::sync {

// The hub's storage, through Qt SQL: an embedded SQLite file (the default) or PostgreSQL,
// with the same tables and the same code. Holds the enrolled devices, one-time enrollment
// codes, every accepted envelope with its acknowledgement, the merged records as cells
// (table, row, column → value), the global log that devices pull, and conflicts.
// Not thread-safe: one store per thread.
class HubStore
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::sync::HubStore)
public:
    struct Device
    {
        enum class State { Active, Held, Revoked };
        QString id;
        QString name;
        QByteArray publicKey;
        State state = State::Active;
        QString reason; // why held or revoked
        qint64 enrolledAt = 0;
        qint64 lastSeq = 0;
        QByteArray lastHash;
        qint64 lastSeenAt = 0;
    };
    struct EnrollmentCode
    {
        QString deviceName;
        qint64 createdAt = 0;
        qint64 expiresAt = 0;
        QString usedBy; // device id, once used
    };
    struct StoredEnvelope
    {
        QString changesetId;
        QByteArray hash;
        qint64 globalSeq = 0;
        QByteArray ack; // the acknowledgement as first sent (CBOR)
    };
    struct Cell
    {
        QByteArray value; // CBOR of the value
        qint64 globalSeq = 0; // the log entry that set it
    };
    struct LogEntry
    {
        qint64 globalSeq = 0;
        QString changesetId;
        QString deviceId;
        QString officer;
        QByteArray entry; // CBOR map served to devices
    };
    struct Conflict
    {
        QString id;
        qint64 globalSeq = 0;
        QString table;
        QString rowId;
        QString column;
        QByteArray baseValue; // CBOR; empty = none
        QByteArray hubValue;
        QByteArray incomingValue;
        QString hubDevice;
        QString hubOfficer;
        QString hubChangeset;
        QString incomingDevice;
        QString incomingOfficer;
        QString incomingChangeset;
        qint64 createdAt = 0;
    };

    // `location`: "sqlite:PATH" or "postgresql://[user[:password]@][host][:port]/database"
    // (a host starting with '/' is a Unix socket directory; "?host=/dir" works too).
    [[nodiscard]] static model::Result<std::unique_ptr<HubStore>> open(const QString& location);
    ~HubStore();
    HubStore(const HubStore&) = delete;
    HubStore& operator=(const HubStore&) = delete;

    [[nodiscard]] bool isPostgres() const { return m_postgres; }

    // One write transaction at a time; serialises writers across processes.
    [[nodiscard]] model::Status begin();
    [[nodiscard]] model::Status commit();
    void rollback();

    [[nodiscard]] model::Result<QString> meta(const QString& key);
    [[nodiscard]] model::Status setMeta(const QString& key, const QString& value);

    [[nodiscard]] model::Result<std::optional<Device>> device(const QString& id);
    [[nodiscard]] model::Result<QList<Device>> devices();
    [[nodiscard]] model::Status insertDevice(const Device& device);
    [[nodiscard]] model::Status advanceDevice(const QString& id, qint64 seq, const QByteArray& hash);
    [[nodiscard]] model::Status setDeviceState(const QString& id, Device::State state, const QString& reason);
    [[nodiscard]] model::Status touchDevice(const QString& id, qint64 at);

    [[nodiscard]] model::Status insertCode(const QString& codeHash, const EnrollmentCode& code);
    [[nodiscard]] model::Result<std::optional<EnrollmentCode>> code(const QString& codeHash);
    [[nodiscard]] model::Status useCode(const QString& codeHash, const QString& deviceId);

    [[nodiscard]] model::Result<std::optional<StoredEnvelope>> envelope(const QString& deviceId, qint64 seq);
    [[nodiscard]] model::Result<bool> hasChangeset(const QString& changesetId);
    // Which of `changesetIds` the hub already has (a few queries for a whole push).
    [[nodiscard]] model::Result<QSet<QString>> knownChangesets(const QStringList& changesetIds);
    [[nodiscard]] model::Status insertEnvelope(const QString& deviceId, qint64 seq,
                                               const StoredEnvelope& stored, const QByteArray& wire,
                                               qint64 receivedAt);

    [[nodiscard]] model::Result<QHash<QString, Cell>> cells(const QString& table, const QString& rowId);
    // Only the named cells of a row (an update reads what it touches, not the whole row).
    [[nodiscard]] model::Result<QHash<QString, Cell>> cells(const QString& table, const QString& rowId,
                                                            const QStringList& columns);
    [[nodiscard]] model::Status putCell(const QString& table, const QString& rowId, const QString& column,
                                        const QByteArray& value, qint64 globalSeq);
    // Several cells of one row in one statement: `cells` are column → CBOR value.
    [[nodiscard]] model::Status putCells(const QString& table, const QString& rowId,
                                         const QList<std::pair<QString, QByteArray>>& cells,
                                         qint64 globalSeq);
    [[nodiscard]] model::Status deleteRow(const QString& table, const QString& rowId);
    // Every row of a table as column → CBOR value (tests, convergence checks).
    [[nodiscard]] model::Result<QHash<QString, QHash<QString, QByteArray>>> rows(const QString& table);

    [[nodiscard]] model::Result<qint64> head(); // the highest global sequence, 0 when empty
    [[nodiscard]] model::Status appendLog(const LogEntry& entry);
    [[nodiscard]] model::Result<QList<LogEntry>> log(qint64 after, int limit, qint64 maxBytes);
    [[nodiscard]] model::Result<std::optional<LogEntry>> logEntry(qint64 globalSeq);

    [[nodiscard]] model::Status insertConflict(const Conflict& conflict);
    [[nodiscard]] model::Result<QList<Conflict>> conflicts();

    [[nodiscard]] static QString stateCode(Device::State state);

private:
    HubStore(QString connectionName, bool postgres);
    [[nodiscard]] model::Status createSchema();
    // A prepared query kept for the store's lifetime.
    [[nodiscard]] model::Result<QSqlQuery*> query(int slot, const QString& sql);
    // A prepared query whose text depends on a count (IN lists, multi-row VALUES), kept too.
    [[nodiscard]] model::Result<QSqlQuery*> sizedQuery(int slot, int count, const QString& sql);
    [[nodiscard]] model::Status run(QSqlQuery& query, const QVariantList& values);
    [[nodiscard]] model::Error error(const QSqlQuery& query) const;

    QString m_connectionName;
    bool m_postgres = false;
    std::vector<std::unique_ptr<QSqlQuery>> m_queries;
    QHash<qint64, std::shared_ptr<QSqlQuery>> m_sizedQueries; // by (slot << 32 | count)
};

} // namespace wardroll::sync
