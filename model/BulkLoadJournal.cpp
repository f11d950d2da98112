#include "BulkLoadJournal.h"

#include "SqlConnection.h"

#include <algorithm>
#include <QThread>

namespace wardroll::model {

namespace {
// In KiB; the ward's usual cache is a quarter of it. A bulk load rebuilds indexes over every row
// it brought.
constexpr qint64 bulkCacheKiB = 262144;
} // namespace

BulkLoadJournal::BulkLoadJournal(SqlConnection& connection)
    : m_connection(connection)
{
    if (m_connection.inTransaction())
        return;
    auto mode = m_connection.queryText(u"PRAGMA journal_mode = DELETE");
    if (!mode.ok() || mode.value().compare(u"delete", Qt::CaseInsensitive) != 0) {
        // Refused (another connection is open): stay in WAL, whatever the pragma left.
        (void)m_connection.queryText(u"PRAGMA journal_mode = WAL");
        return;
    }
    m_active = true;
    if (auto cache = m_connection.queryInt(u"PRAGMA cache_size"); cache.ok()) {
        m_cacheSize = cache.value();
        (void)m_connection.exec(QStringLiteral("PRAGMA cache_size = %1").arg(-bulkCacheKiB));
    }
    // Index rebuilds at the end of the load sort every row; SQLite can sort on helper threads.
    if (auto threads = m_connection.queryInt(u"PRAGMA threads"); threads.ok()) {
        m_threads = threads.value();
        (void)m_connection.exec(
            QStringLiteral("PRAGMA threads = %1").arg(std::max(1, QThread::idealThreadCount())));
    }
}

BulkLoadJournal::~BulkLoadJournal()
{
    if (!m_active)
        return;
    (void)m_connection.exec(QStringLiteral("PRAGMA threads = %1").arg(m_threads));
    if (m_cacheSize != 0)
        (void)m_connection.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize));
    // Best effort: if it fails (someone opened the ward meanwhile), the next open sets WAL.
    (void)m_connection.queryText(u"PRAGMA journal_mode = WAL");
}

} // namespace wardroll::model
