#include "WardDatabase.h"

#include "ChangeRecorder.h"
#include "Migrations.h"
#include "SqlConnection.h"
#include "Uuid7.h"

#include <QFileInfo>

namespace wardroll::model {

WardDatabase::WardDatabase(std::unique_ptr<SqlConnection> connection, QString path, QString officer)
    : m_connection(std::move(connection))
    , m_path(std::move(path))
    , m_officer(std::move(officer))
{
}

WardDatabase::~WardDatabase() = default;

Status WardDatabase::startChangeCapture()
{
    auto recorder = std::make_unique<ChangeRecorder>(
        *m_connection, [this] { return m_officer; }, Migrations::latestVersion());
    if (auto status = recorder->attach(); !status.ok())
        return status;
    m_recorder = std::move(recorder);
    return m_recorder->captureExistingRows();
}

Result<std::unique_ptr<WardDatabase>> WardDatabase::open(const QString& path, const Options& options)
{
    if (!options.create && !QFileInfo::exists(path))
        return Error{Error::Kind::NotFound, tr("The ward file does not exist."), path};

    const auto mode = options.readOnly ? SqlConnection::OpenMode::ReadOnly
        : options.create               ? SqlConnection::OpenMode::ReadWriteCreate
                                       : SqlConnection::OpenMode::ReadWrite;
    auto connection = SqlConnection::open(path, mode);
    if (!connection.ok())
        return connection.error();
    SqlConnection& db = *connection.value();

    // Reading the header first turns "not a database" into a clear error before any pragma.
    auto probe = db.queryInt(u"SELECT count(*) FROM sqlite_master");
    if (!probe.ok())
        return probe.error();
    // A new ward gets 16 KiB pages (a page size is chosen once, before the first table). A bulk
    // load writes its gigabytes a page at a time when the cache spills: with 4 KiB pages a 1M
    // import made 700k write calls and spent 13 s in the kernel; with 16 KiB it took 41 s
    // instead of 52 s, and index rebuilds were a third faster (fewer, fuller pages).
    if (probe.value() == 0 && !options.readOnly) {
        if (auto status = db.exec(u"PRAGMA page_size = 16384"); !status.ok())
            return status.error();
    }

    // Reads of a 1M ward's rows go through mmap rather than into the page cache's own memory:
    // the first sorted search of a session reads ~17k scattered pages, 350 ms through the cache
    // and 155 ms mapped (2 GB is Debian's SQLITE_MAX_MMAP_SIZE; a larger ward maps its start).
    static constexpr auto settings = u"PRAGMA foreign_keys = ON;"
                                     u"PRAGMA synchronous = NORMAL;"
                                     u"PRAGMA temp_store = MEMORY;"
                                     u"PRAGMA cache_size = -65536;"
                                     u"PRAGMA mmap_size = 2147418112;";
    if (auto status = db.exec(settings); !status.ok())
        return status.error();
    if (!options.readOnly) {
        if (auto journal = db.queryText(u"PRAGMA journal_mode = WAL"); !journal.ok())
            return journal.error();
        if (auto status = Migrations::migrate(db); !status.ok())
            return status.error();
    } else if (auto version = Migrations::currentVersion(db);
               !version.ok() || version.value() != Migrations::latestVersion()) {
        return Error{Error::Kind::InvalidInput,
                     tr("The ward must be upgraded before it can be opened read-only."), path};
    }

    std::unique_ptr<WardDatabase> ward(
        new WardDatabase(std::move(connection.value()), path, options.officer));
    auto deviceId = ward->meta(QStringLiteral("device_id"));
    if (!deviceId.ok())
        return deviceId.error();
    ward->m_deviceId = deviceId.value();
    if (ward->m_deviceId.isEmpty() && !options.readOnly) {
        ward->m_deviceId = Uuid7::generate();
        if (auto status = ward->setMeta(QStringLiteral("device_id"), ward->m_deviceId); !status.ok())
            return status.error();
    }
    if (!options.readOnly) {
        if (auto status = ward->startChangeCapture(); !status.ok())
            return status.error();
    }
    return ward;
}

Result<std::unique_ptr<WardDatabase>> WardDatabase::openReader() const
{
    Options options;
    options.create = false;
    options.readOnly = true;
    options.officer = m_officer;
    return open(m_path, options);
}

Result<QString> WardDatabase::meta(const QString& key)
{
    auto stmt = m_connection->prepare(u"SELECT value FROM ward_meta WHERE key = ?");
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, key);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    return row.value() ? stmt->text(0) : QString();
}

Status WardDatabase::setMeta(const QString& key, const QString& value)
{
    auto stmt = m_connection->prepare(u"INSERT INTO ward_meta(key, value) VALUES (?, ?) "
                                      u"ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    if (!stmt.ok())
        return stmt.error();
    stmt->bindAll(key, value);
    return stmt->exec();
}

} // namespace wardroll::model
