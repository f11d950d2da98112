#pragma once

#include "Result.h"

#include <memory>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace wardroll::model {

class SearchIndexBuilder;
class SqlConnection;

// Makes a large insert into `residents` several times faster. Inside the caller's write
// transaction, begin() drops the table's non-unique secondary indexes (but those in `keep`, which
// the caller still queries) and the per-row search-index trigger; finish() rebuilds each index in
// one sorted pass from its own stored SQL, indexes the new rows for search in one statement, and
// restores the trigger. Everything is DDL inside the transaction: a rollback (error, cancel)
// restores the schema as it was, and other connections never see the intermediate state.
//
// The trigger is deferred only when its text is the one finish() replays (schema v1's
// residents_search_insert); if a migration changes it, rows are simply indexed one by one.
//
// When the ward's search index is empty (a new ward, a first import), the writer can hand each
// new row's search text to indexForSearch() as it inserts it (WardStore does): a helper thread
// then builds the index during the load (SearchIndexBuilder) and finish() only copies it in.
// finish() checks that the rows handed over are exactly the rows loaded, and indexes them
// itself when they are not (or when the helper failed).
class ResidentBulkInsert
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::ResidentBulkInsert)
public:
    explicit ResidentBulkInsert(SqlConnection& connection);
    ~ResidentBulkInsert();
    ResidentBulkInsert(const ResidentBulkInsert&) = delete;
    ResidentBulkInsert& operator=(const ResidentBulkInsert&) = delete;

    [[nodiscard]] Status begin(const QStringList& keep = {});
    [[nodiscard]] Status finish();

    // The row `rowid` of `residents` was just inserted with this search_text.
    void indexForSearch(qint64 rowid, QByteArrayView searchText); // UTF-8

    [[nodiscard]] qsizetype indexesDeferred() const { return m_indexSql.size(); }
    [[nodiscard]] bool searchDeferred() const { return !m_triggerSql.isEmpty(); }
    // Whether new rows are being indexed for search on a helper thread as they come.
    [[nodiscard]] bool searchBuiltAlongside() const { return m_searchBuilder != nullptr; }
    // After finish(): whether the new rows' search index came from the helper.
    [[nodiscard]] bool searchIndexCopied() const { return m_searchCopied; }

private:
    [[nodiscard]] Status startSearchBuilder();
    [[nodiscard]] Status insertSearchKeys();
    [[nodiscard]] Result<bool> copyBuiltSearchIndex();
    [[nodiscard]] Status indexNewRowsForSearch();

    SqlConnection& m_connection;
    std::unique_ptr<SearchIndexBuilder> m_searchBuilder;
    QStringList m_indexSql;
    QString m_triggerSql;
    qint64 m_lastRowid = 0;
    qint64 m_lastSearchSeq = 0;
    bool m_begun = false;
    bool m_searchCopied = false;
};

} // namespace wardroll::model
