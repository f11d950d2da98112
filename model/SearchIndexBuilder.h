#pragma once

#include "Result.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <QCoreApplication>
#include <QString>
#include <string>
#include <thread>
#include <vector>

struct sqlite3_stmt;

namespace wardroll::model {

class SqlConnection;

// Builds a ward's full-text index for a bulk load on a helper thread, while the load writes its
// rows on the caller's. Indexing is a third of a large load's work (7.7 of ~32 s on 1M residents)
// and SQLite does it on the one thread that holds the write transaction; here it runs in a
// private temporary database of its own with the same CREATE VIRTUAL TABLE statement, and
// copyInto() then replaces the ward's (empty) index with it: a copy of ~75 MB of finished index
// pages instead of 7 s of tokenizing on the writer.
//
// The copy recreates the virtual table first, so that no FTS5 state cached by the ward's
// connection (its structure record) outlives the data it described.
class SearchIndexBuilder
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::SearchIndexBuilder)
public:
    // `createSql`: the ward's CREATE VIRTUAL TABLE statement of `table`, as sqlite_master has it.
    // `column`: the one column the documents go to.
    [[nodiscard]] static Result<std::unique_ptr<SearchIndexBuilder>>
    start(const QString& table, const QString& column, const QString& createSql);
    // Stops the helper and drops what it built.
    ~SearchIndexBuilder();
    SearchIndexBuilder(const SearchIndexBuilder&) = delete;
    SearchIndexBuilder& operator=(const SearchIndexBuilder&) = delete;

    // Queues one document under its index key (caller's thread; keys strictly increasing).
    void add(qint64 key, QByteArrayView utf8);
    void add(qint64 key, QStringView text);
    // Documents added, and whether their keys were strictly increasing and consecutive from
    // firstKey(): the caller checks that they cover exactly the rows it loaded.
    [[nodiscard]] qint64 documents() const { return m_documents; }
    [[nodiscard]] qint64 firstKey() const { return m_firstKey; }
    [[nodiscard]] bool keysConsecutive() const { return m_keysConsecutive; }
    // How long add() has waited for the helper, in all.
    [[nodiscard]] qint64 waitedMs() const { return m_waitedNs / 1000000; }

    // No more documents: the helper indexes what is queued and merges the result into one segment
    // while the caller goes on with other work (a bulk load rebuilds its other indexes meanwhile).
    // A document added afterwards is not indexed and makes keysConsecutive() false, so that the
    // caller does not take an index that lacks it.
    void endInput();
    // endInput(), then waits for the helper to finish.
    [[nodiscard]] Status finish();
    // After finish(): makes the index `table` of `ward` (inside its open transaction) exactly the
    // built one. On an error the ward's transaction is left as it was before the call.
    [[nodiscard]] Status copyInto(SqlConnection& ward);

private:
    struct Batch
    {
        std::string text; // the documents' UTF-8, back to back
        std::vector<qint64> keys;
        std::vector<qsizetype> ends; // where each document's text ends
        void clear();
    };

    SearchIndexBuilder(const QString& table, const QString& column, const QString& createSql,
                       std::unique_ptr<SqlConnection> scratch);
    void run();
    [[nodiscard]] Status indexAll();
    [[nodiscard]] Status indexBatch(const Batch& batch, sqlite3_stmt* insert);
    void submit();
    [[nodiscard]] Status replaceIndex(SqlConnection& ward);
    [[nodiscard]] Status copyTable(SqlConnection& ward, const QString& name);

    QString m_table;
    QString m_column;
    QString m_createSql;
    std::unique_ptr<SqlConnection> m_scratch; // used by the helper until it ends

    std::mutex m_mutex;
    std::condition_variable m_wake; // a batch is queued, or the input is over
    std::condition_variable m_returned; // a batch is back in m_spare
    std::deque<Batch> m_queued;
    std::vector<Batch> m_spare;
    int m_batchesOut = 0; // batches queued or being indexed: at most maxBatchesOut
    bool m_inputOver = false;
    bool m_abandon = false;
    std::atomic<bool> m_failed = false;
    Error m_error; // set by the helper when m_failed; read after join
    std::thread m_thread;

    Batch m_filling;
    qint64 m_documents = 0;
    qint64 m_firstKey = 0;
    qint64 m_lastKey = 0;
    bool m_keysConsecutive = true;
    bool m_inputEnded = false; // the caller's view of m_inputOver, without the lock
    bool m_finished = false;
    qint64 m_waitedNs = 0; // by add(), for the helper to take a batch
};

} // namespace wardroll::model
