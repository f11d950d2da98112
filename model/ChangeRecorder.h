#pragma once

#include "ChangeSet.h"
#include "Result.h"
#include "SqlStatement.h"
#include "TransactionHook.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QHash>
#include <QStringList>
#include <string>

struct sqlite3;
struct sqlite3_session;

namespace wardroll::model {

class SqlConnection;

// Change capture for a ward (attached by WardDatabase). Each SqlTransaction gets an SQLite
// session on the synced tables; before COMMIT the session's changeset becomes one row of the
// `outbox` table, written in the same transaction, so that an edit and its change record are
// committed together or not at all. A write to a synced table outside an SqlTransaction
// (an ad-hoc BEGIN/COMMIT, an autocommit statement) is refused at COMMIT by SQLite's commit
// hook: nothing reaches the synced tables without its change record.
// The rows a transaction inserted or updated are marked unsynced (UnsyncedRows) with the seq
// of its last outbox row, in the same transaction; a bulk insert's rows by one rowid range.
class ChangeRecorder final : public TransactionHook
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::ChangeRecorder)
public:
    // `officer` is asked at commit time who made the change.
    ChangeRecorder(SqlConnection& connection, std::function<QString()> officer, int schemaVersion);
    ~ChangeRecorder() override;
    ChangeRecorder(const ChangeRecorder&) = delete;
    ChangeRecorder& operator=(const ChangeRecorder&) = delete;

    // Installs the hooks on the connection.
    [[nodiscard]] Status attach();
    // Once per ward: rows that existed before change capture (a ward from an older version)
    // become one change-set of inserts, so that they reach the hub too. Runs in its own
    // transaction; a no-op once done.
    [[nodiscard]] Status captureExistingRows();

    void began(ChangeCapture capture) override;
    [[nodiscard]] Status beforeCommit() override;
    void ended(bool committed) override;

    // The column names of a table, in SQLite's order (what a changeset's positions refer to).
    [[nodiscard]] Result<QStringList> columnsOf(const QString& table);

    // A transaction's changes are cut into change-sets of about this many bytes of CBOR, so
    // that a bulk import never makes an envelope the hub must refuse as oversize (the hub's
    // default limit is 64 MiB) nor one that a slow link cannot carry in one request.
    static constexpr qsizetype maxChangeSetBytes = 1024 * 1024;

    // In a ChangeCapture::Inserts transaction, rows are recorded as they are inserted; each
    // change-set that reaches maxChangeSetBytes waits in memory until writeStreamed() puts it in
    // the outbox (a pre-update hook may not write; WardStore calls it after each insert, COMMIT
    // writes the rest). An insert statement that fails may already have been recorded: the
    // writer takes a mark before it and rewinds to it on failure.
    struct StreamMark
    {
        qsizetype closed = 0;
        qsizetype bytes = 0;
        quint64 rows = 0;
    };
    [[nodiscard]] bool streaming() const { return m_streaming; }
    [[nodiscard]] StreamMark streamMark() const;
    void rewindStream(const StreamMark& mark);
    [[nodiscard]] Status writeStreamed();
    // In a ChangeCapture::Inserts transaction, the outbox seq of the change-set that the next
    // inserted row will be recorded in: the writer stores it as the row's pending_seq, so that
    // a bulk load needs no second pass over its rows (see UnsyncedRows). 0 outside one.
    [[nodiscard]] qint64 nextStreamSeq() const;

private:
    struct StreamTable
    {
        QByteArray name;
        QList<QByteArray> columns; // UTF-8, in SQLite's order
        QList<bool> derived;
        int keyColumn = -1;
        QByteArray rowHead; // CBOR of an inserted row up to its values: [name, (see ChangeSet)
        int pendingColumn = -1; // pending_seq, which the writer should have set
    };
    struct StreamChunk
    {
        std::string rows; // headroom for the array head, then the rows
        quint64 count = 0;
    };
    void closeStreamChunk();
    static void onPreupdate(void* self, sqlite3* db, int op, const char* database, const char* table,
                            long long oldRowid, long long newRowid);
    void streamInsert(sqlite3* db, const StreamTable& table);
    [[nodiscard]] Status writeChunk(StreamChunk& chunk);

    static int onCommit(void* self);
    static void onRollback(void* self);
    static void onUpdate(void* self, int op, const char* database, const char* table, long long rowid);

    // The session's changes as ChangeSet CBOR, split into change-sets of bounded size (see
    // maxChangeSetBytes); empty when only derived columns changed.
    [[nodiscard]] Result<QList<QByteArray>> collect();
    [[nodiscard]] Status writeOutbox(QByteArrayView changes, const QString& changesetId);
    void endSession();

    SqlConnection& m_connection;
    std::function<QString()> m_officer;
    int m_schemaVersion = 0;
    bool m_attached = false;
    sqlite3_session* m_session = nullptr;
    bool m_inTransaction = false; // inside an SqlTransaction (captured or deliberately not)
    bool m_uncapturedWrite = false; // a synced table changed outside any SqlTransaction
    bool m_sessionFailed = false; // beforeCommit() must refuse: the edit could not be captured
    QStringList m_recordedIds; // this transaction's change-set ids, once written
    qint64 m_lastSeq = 0; // the outbox seq this transaction wrote last (0: none yet)
    QHash<QString, QStringList> m_touched; // by table: rows inserted or updated (collect())
    QHash<QString, QStringList> m_columns;
    QHash<QString, QList<QByteArray>> m_columnNames; // the same, UTF-8
    std::optional<SqlStatement> m_insert;

    QList<StreamTable> m_streamTables; // the synced tables, for the pre-update hook
    QByteArray m_streamDeclarations; // their columns, declared for compact inserts (ChangeSet)
    size_t m_streamHeadRoom = 9; // in front of a change-set's rows: array head and declarations
    bool m_streaming = false; // inside a ChangeCapture::Inserts transaction
    bool m_streamRefused = false; // it updated or deleted a synced row: COMMIT must fail
    std::string m_streamRows; // the change-set being filled (see StreamChunk)
    quint64 m_streamCount = 0;
    QList<StreamChunk> m_streamClosed; // full change-sets not yet in the outbox
    // The buffer of the last change-set written, for the next one: a fresh 1 MiB buffer is new
    // memory for the kernel to fault in page by page (5% of a 1M import).
    std::string m_spareStream;
    QList<qint64> m_streamFirstRowids; // by m_streamTables: the first row inserted (-1: none)
    QList<bool> m_streamUnmarked; // by m_streamTables: a row was inserted without its pending_seq
    qint64 m_streamFirstSeq = 0; // the outbox seq the transaction's first change-set gets
    qint64 m_streamChunksWritten = 0;
    bool m_streamSeqMismatch = false; // a change-set got another seq than nextStreamSeq() said
};

} // namespace wardroll::model
