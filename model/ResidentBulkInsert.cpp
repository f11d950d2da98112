#include "ResidentBulkInsert.h"

#include "ParallelSort.h"
#include "SearchIndexBuilder.h"
#include "SqlConnection.h"

#include <QElapsedTimer>
#include <QLoggingCategory>

namespace wardroll::model {

namespace {

// QT_LOGGING_RULES="wardroll.model.bulk.debug=true" prints how long each rebuild step takes.
Q_LOGGING_CATEGORY(lcBulk, "wardroll.model.bulk", QtWarningMsg)

constexpr auto searchTrigger = u"residents_search_insert";

// What finish() does for the new rows, in one pass instead of once per row.
constexpr auto expectedTriggerSql
    = u"CREATE TRIGGER residents_search_insert AFTER INSERT ON residents BEGIN "
      u"INSERT INTO resident_search_keys(resident_id) VALUES (new.id); "
      u"INSERT INTO resident_search(rowid, body) VALUES (last_insert_rowid(), new.search_text); END";

QString squeezed(const QString& sql)
{
    return sql.simplified();
}

Error failed(const Error& cause)
{
    return Error{cause.kind,
                 QCoreApplication::translate("wardroll::model::ResidentBulkInsert",
                                             "The ward's indexes could not be rebuilt after the import."),
                 cause.detail};
}

} // namespace

ResidentBulkInsert::ResidentBulkInsert(SqlConnection& connection)
    : m_connection(connection)
{
}

ResidentBulkInsert::~ResidentBulkInsert() = default;

Status ResidentBulkInsert::begin(const QStringList& keep)
{
    if (!m_connection.inTransaction())
        return Error{Error::Kind::Generic, tr("A bulk insert needs an open transaction."), {}};

    auto lastRowid = m_connection.queryInt(u"SELECT coalesce(max(rowid), 0) FROM residents");
    if (!lastRowid.ok())
        return lastRowid.error();
    auto lastSeq = m_connection.queryInt(u"SELECT coalesce(max(seq), 0) FROM resident_search_keys");
    if (!lastSeq.ok())
        return lastSeq.error();
    m_lastRowid = lastRowid.value();
    m_lastSearchSeq = lastSeq.value();

    // Automatic indexes (UNIQUE, PRIMARY KEY) have no SQL and stay.
    auto indexes = m_connection.prepare(u"SELECT m.name, m.sql FROM sqlite_master m "
                                        u"JOIN pragma_index_list('residents') l ON l.name = m.name "
                                        u"WHERE m.type = 'index' AND m.sql IS NOT NULL AND l.\"unique\" = 0 "
                                        u"ORDER BY m.name");
    if (!indexes.ok())
        return indexes.error();
    QStringList names;
    for (;;) {
        auto row = indexes->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        if (keep.contains(indexes->text(0)))
            continue;
        names.append(indexes->text(0));
        m_indexSql.append(indexes->text(1));
    }
    indexes->reset();

    auto trigger = m_connection.prepare(u"SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?");
    if (!trigger.ok())
        return trigger.error();
    trigger->bind(1, QString::fromUtf16(searchTrigger));
    auto found = trigger->step();
    if (!found.ok())
        return found.error();
    const QString triggerSql = found.value() ? trigger->text(0) : QString();
    trigger->reset();

    for (const QString& name : names) {
        if (auto status = m_connection.exec(QStringLiteral("DROP INDEX \"%1\"").arg(name)); !status.ok())
            return status;
    }
    if (squeezed(triggerSql) == QStringView(expectedTriggerSql)) {
        if (auto status
            = m_connection.exec(QStringLiteral("DROP TRIGGER \"%1\"").arg(QStringView(searchTrigger)));
            !status.ok())
            return status;
        m_triggerSql = triggerSql;
        if (auto status = startSearchBuilder(); !status.ok())
            return status;
    }
    m_begun = true;
    qCDebug(lcBulk) << "began, deferring" << m_indexSql.size() << "indexes";
    return {};
}

Status ResidentBulkInsert::finish()
{
    if (!m_begun)
        return {};
    m_begun = false;
    qCDebug(lcBulk) << "rows written";
    // The helper's last batches and its final merge overlap the index rebuilds below.
    if (m_searchBuilder)
        m_searchBuilder->endInput();
    QElapsedTimer timer;
    timer.start();
    {
        const ParallelSort sort(m_connection);
        for (const QString& sql : std::as_const(m_indexSql)) {
            if (auto status = m_connection.exec(sql); !status.ok())
                return failed(status.error());
            qCDebug(lcBulk) << "index" << sql.section(QLatin1Char(' '), 2, 2) << timer.restart() << "ms";
        }
        // In the same scope: this reads the whole table too (through the memory map, the first
        // read of every page after the rebuilds cost 1.26 s instead of ~0.7 on 1M rows).
        if (!m_triggerSql.isEmpty()) {
            if (auto status = insertSearchKeys(); !status.ok())
                return failed(status.error());
            qCDebug(lcBulk) << "search keys" << timer.restart() << "ms";
        }
    }
    if (!m_triggerSql.isEmpty()) {
        auto copied = copyBuiltSearchIndex();
        if (!copied.ok())
            return failed(copied.error());
        m_searchCopied = copied.value();
        if (!m_searchCopied) {
            if (auto status = indexNewRowsForSearch(); !status.ok())
                return failed(status.error());
        }
        if (auto status = m_connection.exec(m_triggerSql); !status.ok())
            return failed(status.error());
    }
    return {};
}

Status ResidentBulkInsert::insertSearchKeys()
{
    // A new row's key is its rowid shifted past the last key (here, in indexForSearch() and in
    // indexNewRowsForSearch()): unique, above every existing key, and known without looking each
    // record up by id (1 s on 1M rows).
    auto keys
        = m_connection.prepare(u"INSERT INTO resident_search_keys(seq, resident_id) "
                               u"SELECT ?1 + rowid - ?2, id FROM residents WHERE rowid > ?2 ORDER BY rowid");
    if (!keys.ok())
        return keys.error();
    keys->bindAll(m_lastSearchSeq, m_lastRowid);
    return keys->exec();
}

void ResidentBulkInsert::indexForSearch(qint64 rowid, QByteArrayView searchText)
{
    if (m_searchBuilder)
        m_searchBuilder->add(m_lastSearchSeq + rowid - m_lastRowid, searchText);
}

Status ResidentBulkInsert::startSearchBuilder()
{
    if (m_lastSearchSeq != 0)
        return {};
    auto indexed = m_connection.queryInt(u"SELECT EXISTS (SELECT 1 FROM resident_search_keys)");
    if (!indexed.ok())
        return indexed.error();
    if (indexed.value())
        return {};
    auto createSql = m_connection.queryText(
        u"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'resident_search'");
    if (!createSql.ok())
        return createSql.error();
    auto builder = SearchIndexBuilder::start(QStringLiteral("resident_search"), QStringLiteral("body"),
                                             createSql.value());
    if (!builder.ok()) {
        // Only slower: finish() indexes the rows itself.
        qCWarning(lcBulk) << "search index helper not started:" << builder.error().detail;
        return {};
    }
    m_searchBuilder = std::move(builder.value());
    return {};
}

Result<bool> ResidentBulkInsert::copyBuiltSearchIndex()
{
    if (!m_searchBuilder)
        return false;
    const std::unique_ptr<SearchIndexBuilder> builder = std::move(m_searchBuilder);
    auto lastRowid = m_connection.queryInt(u"SELECT coalesce(max(rowid), 0) FROM residents");
    if (!lastRowid.ok())
        return lastRowid.error();
    // Rowids only grow in an insert-only load, so consecutive keys from the first new rowid, as
    // many as there are new rows, are exactly the new rows.
    const qint64 rows = lastRowid.value() - m_lastRowid;
    if (rows == 0 || builder->documents() != rows || !builder->keysConsecutive()
        || builder->firstKey() != m_lastSearchSeq + 1) {
        qCDebug(lcBulk) << "rows handed to the search helper:" << builder->documents() << "of" << rows;
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    if (auto status = builder->finish(); !status.ok()) {
        qCWarning(lcBulk) << "search index helper failed:" << status.error().detail;
        return false;
    }
    qCDebug(lcBulk) << "search helper done" << timer.restart() << "ms; the writer waited for it"
                    << builder->waitedMs() << "ms";
    if (auto status = builder->copyInto(m_connection); !status.ok()) {
        qCWarning(lcBulk) << "search index not copied:" << status.error().detail;
        return false;
    }
    qCDebug(lcBulk) << "search index copied" << timer.restart() << "ms";
    return true;
}

Status ResidentBulkInsert::indexNewRowsForSearch()
{
    QElapsedTimer timer;
    timer.start();
    auto search = m_connection.prepare(u"INSERT INTO resident_search(rowid, body) "
                                       u"SELECT ?1 + rowid - ?2, search_text FROM residents WHERE rowid > ?2 "
                                       u"ORDER BY rowid");
    if (!search.ok())
        return search.error();
    search->bindAll(m_lastSearchSeq, m_lastRowid);
    // FTS5 merges its segments as they are written (automerge); for a whole load it is cheaper to
    // write them all and merge once, which also leaves one segment to search (on 1M records: 8 s
    // of CPU instead of 12, same query times). 4 is FTS5's default.
    if (auto status
        = m_connection.exec(u"INSERT INTO resident_search(resident_search, rank) VALUES ('automerge', 0)");
        !status.ok())
        return status;
    if (auto status = search->exec(); !status.ok())
        return status;
    qCDebug(lcBulk) << "search segments" << timer.restart() << "ms";
    if (auto status
        = m_connection.exec(u"INSERT INTO resident_search(resident_search) VALUES ('optimize');"
                            u"INSERT INTO resident_search(resident_search, rank) VALUES ('automerge', 4)");
        !status.ok())
        return status;
    qCDebug(lcBulk) << "search merge" << timer.restart() << "ms";
    return {};
}

} // namespace wardroll::model
