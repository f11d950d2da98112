#pragma once

#include "Result.h"

#include <memory>
#include <QCoreApplication>
#include <QString>

namespace wardroll::model {

class ChangeRecorder;
class SqlConnection;

// The one way to open a ward file: applies the connection settings (WAL, foreign keys),
// upgrades the schema, and knows who is working (every write is attributed to an officer).
// Encryption and accounts slot in here: callers never open a ward's SqlConnection themselves.
class WardDatabase
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::WardDatabase)
public:
    struct Options
    {
        bool create = true; // create the file when missing
        bool readOnly = false;
        QString officer = QStringLiteral("local");
    };

    [[nodiscard]] static Result<std::unique_ptr<WardDatabase>> open(const QString& path,
                                                                    const Options& options);
    [[nodiscard]] static Result<std::unique_ptr<WardDatabase>> open(const QString& path)
    {
        return open(path, Options{});
    }
    // A second, read-only handle on this ward's file, for a worker thread (SQLite connections
    // are not shared between threads); same officer. Everything that opens a ward goes through
    // here or open(), so that encryption, once added, covers background readers too.
    [[nodiscard]] Result<std::unique_ptr<WardDatabase>> openReader() const;
    ~WardDatabase();
    WardDatabase(const WardDatabase&) = delete;
    WardDatabase& operator=(const WardDatabase&) = delete;

    [[nodiscard]] SqlConnection& connection() { return *m_connection; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] const QString& officer() const { return m_officer; }
    void setOfficer(const QString& officer) { m_officer = officer; }

    // Ward-level facts (ward name, unit code, device id) in ward_meta.
    [[nodiscard]] Result<QString> meta(const QString& key);
    [[nodiscard]] Status setMeta(const QString& key, const QString& value);
    // This file's device id, created on first open; never changes afterwards.
    [[nodiscard]] const QString& deviceId() const { return m_deviceId; }
    // Change capture for sync: every SqlTransaction that changes residents or households
    // leaves one change-set in the outbox (null on a read-only ward).
    [[nodiscard]] ChangeRecorder* changeRecorder() { return m_recorder.get(); }

private:
    WardDatabase(std::unique_ptr<SqlConnection> connection, QString path, QString officer);
    [[nodiscard]] Status startChangeCapture();
    std::unique_ptr<SqlConnection> m_connection;
    std::unique_ptr<ChangeRecorder> m_recorder; // after m_connection: detaches before it closes
    QString m_path;
    QString m_officer;
    QString m_deviceId;
};

} // namespace wardroll::model
