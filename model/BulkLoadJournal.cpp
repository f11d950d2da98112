#include "BulkLoadJournal.h"

#include "SqlConnection.h"

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
}

BulkLoadJournal::~BulkLoadJournal()
{
    if (!m_active)
        return;
    if (m_cacheSize != 0)
        (void)m_connection.exec(QStringLiteral("PRAGMA cache_size = %1").arg(m_cacheSize));
    // Best effort: if it fails (someone opened the ward meanwhile), the next open sets WAL.
    (void)m_connection.queryText(u"PRAGMA journal_mode = WAL");
}

} // namespace wardroll::model
