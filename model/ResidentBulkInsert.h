#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace wardroll::model {

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
class ResidentBulkInsert
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::ResidentBulkInsert)
public:
    explicit ResidentBulkInsert(SqlConnection& connection);
    ResidentBulkInsert(const ResidentBulkInsert&) = delete;
    ResidentBulkInsert& operator=(const ResidentBulkInsert&) = delete;

    [[nodiscard]] Status begin(const QStringList& keep = {});
    [[nodiscard]] Status finish();

    [[nodiscard]] qsizetype indexesDeferred() const { return m_indexSql.size(); }
    [[nodiscard]] bool searchDeferred() const { return !m_triggerSql.isEmpty(); }

private:
    SqlConnection& m_connection;
    QStringList m_indexSql;
    QString m_triggerSql;
    qint64 m_lastRowid = 0;
    qint64 m_lastSearchSeq = 0;
    bool m_begun = false;
};

} // namespace wardroll::model
