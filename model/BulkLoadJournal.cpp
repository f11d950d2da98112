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
    m_cacheSize.emplace(m_connection, QStringLiteral("cache_size"), -bulkCacheKiB);
    // Index rebuilds at the end of the load sort every row; SQLite can sort on helper threads.
    m_threads.emplace(m_connection, QStringLiteral("threads"), std::max(1, QThread::idealThreadCount()));
    m_writeBehind.emplace(m_connection.path());
}

void BulkLoadJournal::beforeCommit()
{
    if (m_writeBehind)
        m_writeBehind->stop();
}

BulkLoadJournal::~BulkLoadJournal()
{
    if (!m_active)
        return;
    m_writeBehind.reset();
    m_threads.reset();
    m_cacheSize.reset();
    // Best effort: if it fails (someone opened the ward meanwhile), the next open sets WAL.
    (void)m_connection.queryText(u"PRAGMA journal_mode = WAL");
}

} // namespace wardroll::model
