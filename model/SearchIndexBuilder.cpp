#include "SearchIndexBuilder.h"

#include "SqlConnection.h"
#include "SqlStatement.h"

#include <QElapsedTimer>
#include <sqlite3.h>

#ifdef Q_OS_LINUX
#include <sys/resource.h>
#endif

namespace wardroll::model {

namespace {

// A batch is ~0.3 MB of text. The helper runs below the writer's priority (see run()), so on a
// machine with fewer free cores than busy threads it falls behind while rows are written and
// catches up while the writer rebuilds the other indexes alone: the queue holds a 1M load's
// documents (~250 batches, ~75 MB) so that the writer does not wait for it.
constexpr qsizetype batchDocuments = 4096;
constexpr int maxBatchesOut = 256;

// A bulk load's writer is its critical path: while rows are written it keeps a core busy, and so
// do the CSV reader and this helper between them. On two cores the helper only took turns from
// the other two; below their priority it runs when a core is free, which it is once the rows are
// written (1M rows: rows written after 15.3-15.5 s instead of 15.8-16.6 s, same total work).
// Linux keeps a nice value per thread; elsewhere the helper keeps its priority.
void yieldToTheWriter()
{
#ifdef Q_OS_LINUX
    (void)::setpriority(PRIO_PROCESS, 0, 19);
#endif
}

QString quoted(const QString& name)
{
    return QLatin1Char('"') + QString(name).replace(QLatin1Char('"'), QLatin1String("\"\""))
        + QLatin1Char('"');
}

} // namespace

void SearchIndexBuilder::Batch::clear()
{
    text.clear();
    keys.clear();
    ends.clear();
}

Result<std::unique_ptr<SearchIndexBuilder>>
SearchIndexBuilder::start(const QString& table, const QString& column, const QString& createSql)
{
    // An empty path is a private temporary database that SQLite deletes when it is closed; with
    // this cache its pages stay in memory unless the index outgrows 256 MiB. A 1M load's index is
    // ~75 MB, and twice that while its segments are merged at the end: with 128 MiB it spilled to
    // the temporary file (sqlite3 shell, same documents: 6.97 s, 1.18 s of it in the kernel,
    // against 6.24 s and 0.44 s).
    auto scratch = SqlConnection::open(QString());
    if (!scratch.ok())
        return scratch.error();
    SqlConnection& db = *scratch.value();
    if (auto status = db.exec(u"PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
                              u"PRAGMA cache_size = -262144");
        !status.ok())
        return status.error();
    if (auto status = db.exec(createSql); !status.ok())
        return status.error();
    // Segments are merged once, at the end, rather than as they are written (as
    // ResidentBulkInsert does in the ward): no automatic merges, and no "crisis" merges either,
    // which FTS5 otherwise runs whenever 16 segments pile up at one level, rewriting every entry
    // once more per level. The final optimize then merges ~120 segments in one pass. sqlite3
    // shell, a 1M ward's documents: 3.05 s to add them and 1.84 s to optimize, against 5.39 s and
    // 1.18 s with the default crisismerge (16). The ward keeps its own settings (replaceIndex()).
    if (auto status = db.exec(QStringLiteral("INSERT INTO %1(%1, rank) VALUES ('automerge', 0); "
                                             "INSERT INTO %1(%1, rank) VALUES ('crisismerge', 1000); BEGIN")
                                  .arg(quoted(table)));
        !status.ok())
        return status.error();
    return std::unique_ptr<SearchIndexBuilder>(
        new SearchIndexBuilder(table, column, createSql, std::move(scratch.value())));
}

SearchIndexBuilder::SearchIndexBuilder(const QString& table, const QString& column, const QString& createSql,
                                       std::unique_ptr<SqlConnection> scratch)
    : m_table(table)
    , m_column(column)
    , m_createSql(createSql)
    , m_scratch(std::move(scratch))
{
    m_thread = std::thread(&SearchIndexBuilder::run, this);
}

SearchIndexBuilder::~SearchIndexBuilder()
{
    if (m_thread.joinable()) {
        {
            const std::lock_guard lock(m_mutex);
            m_abandon = true;
        }
        m_wake.notify_all();
        m_thread.join();
    }
}

void SearchIndexBuilder::add(qint64 key, QStringView text)
{
    add(key, QByteArrayView(text.toUtf8()));
}

void SearchIndexBuilder::add(qint64 key, QByteArrayView utf8)
{
    if (m_documents == 0)
        m_firstKey = key;
    else if (key != m_lastKey + 1)
        m_keysConsecutive = false;
    m_lastKey = key;
    ++m_documents;
    if (m_inputEnded)
        m_keysConsecutive = false;
    if (m_inputEnded || m_failed.load(std::memory_order_relaxed))
        return;

    Batch& batch = m_filling;
    batch.text.append(utf8.data(), static_cast<size_t>(utf8.size()));
    batch.keys.push_back(key);
    batch.ends.push_back(static_cast<qsizetype>(batch.text.size()));
    if (static_cast<qsizetype>(batch.keys.size()) >= batchDocuments)
        submit();
}

void SearchIndexBuilder::submit()
{
    std::unique_lock lock(m_mutex);
    QElapsedTimer waiting;
    waiting.start();
    m_returned.wait(lock, [this] { return m_batchesOut < maxBatchesOut; });
    m_waitedNs += waiting.nsecsElapsed();
    m_queued.push_back(std::move(m_filling));
    ++m_batchesOut;
    if (m_spare.empty()) {
        m_filling = Batch();
    } else {
        m_filling = std::move(m_spare.back());
        m_spare.pop_back();
    }
    lock.unlock();
    m_wake.notify_one();
}

void SearchIndexBuilder::run()
{
    yieldToTheWriter();
    if (auto status = indexAll(); !status.ok()) {
        m_error = status.error();
        m_failed.store(true);
        // Keep handing batches back so that the writer never waits on a helper that stopped.
        std::unique_lock lock(m_mutex);
        for (;;) {
            m_wake.wait(lock, [this] { return m_abandon || m_inputOver || !m_queued.empty(); });
            m_batchesOut -= static_cast<int>(m_queued.size());
            m_queued.clear();
            m_returned.notify_all();
            if (m_abandon || m_inputOver)
                return;
        }
    }
}

Status SearchIndexBuilder::indexAll()
{
    auto insert = m_scratch->prepare(
        QStringLiteral("INSERT INTO %1(rowid, %2) VALUES (?, ?)").arg(quoted(m_table), quoted(m_column)));
    if (!insert.ok())
        return insert.error();
    for (;;) {
        Batch batch;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_abandon || m_inputOver || !m_queued.empty(); });
            if (m_abandon)
                return {};
            if (m_queued.empty())
                break;
            batch = std::move(m_queued.front());
            m_queued.pop_front();
        }
        const Status indexed = indexBatch(batch, insert->handle());
        batch.clear();
        {
            const std::lock_guard lock(m_mutex);
            m_spare.push_back(std::move(batch));
            --m_batchesOut;
        }
        m_returned.notify_all();
        if (!indexed.ok())
            return indexed;
    }
    return m_scratch->exec(
        QStringLiteral("INSERT INTO %1(%1) VALUES ('optimize'); COMMIT").arg(quoted(m_table)));
}

Status SearchIndexBuilder::indexBatch(const Batch& batch, sqlite3_stmt* insert)
{
    qsizetype begin = 0;
    for (size_t i = 0; i < batch.keys.size(); ++i) {
        const qsizetype end = batch.ends[i];
        sqlite3_bind_int64(insert, 1, batch.keys[i]);
        sqlite3_bind_text(insert, 2, batch.text.data() + begin, static_cast<int>(end - begin), SQLITE_STATIC);
        const int rc = sqlite3_step(insert);
        sqlite3_reset(insert);
        if (rc != SQLITE_DONE)
            return m_scratch->lastError(tr("The search index could not be built."));
        begin = end;
    }
    return {};
}

void SearchIndexBuilder::endInput()
{
    if (m_inputEnded)
        return;
    m_inputEnded = true;
    if (!m_filling.keys.empty())
        submit();
    {
        const std::lock_guard lock(m_mutex);
        m_inputOver = true;
    }
    m_wake.notify_all();
}

Status SearchIndexBuilder::finish()
{
    endInput();
    if (m_thread.joinable())
        m_thread.join();
    m_finished = true;
    if (m_failed.load())
        return m_error;
    return {};
}

Status SearchIndexBuilder::copyInto(SqlConnection& ward)
{
    if (!m_finished || m_failed.load())
        return Error{Error::Kind::Generic, tr("The search index could not be built."),
                     QStringLiteral("copyInto() before a successful finish()")};
    if (auto status = ward.exec(u"SAVEPOINT search_index_copy"); !status.ok())
        return status;
    Status copied = replaceIndex(ward);
    if (!copied.ok())
        (void)ward.exec(u"ROLLBACK TO search_index_copy");
    Status released = ward.exec(u"RELEASE search_index_copy");
    return copied.ok() ? released : copied;
}

Status SearchIndexBuilder::replaceIndex(SqlConnection& ward)
{
    const QString table = quoted(m_table);
    // The ward's settings of its index (automerge, …) survive the re-creation: FTS5 is told
    // them again through its own interface, which also keeps its cached copy right.
    QList<std::pair<QString, QString>> settings;
    {
        auto stmt = ward.prepare(
            QStringLiteral("SELECT k, v FROM %1 WHERE k <> 'version'").arg(quoted(m_table + u"_config")));
        if (!stmt.ok())
            return stmt.error();
        if (auto status = stmt->forEachRow([&] {
                settings.append({stmt->text(0), stmt->text(1)});
                return Status{};
            });
            !status.ok())
            return status;
    }
    if (auto status = ward.exec(QStringLiteral("DROP TABLE %1").arg(table)); !status.ok())
        return status;
    if (auto status = ward.exec(m_createSql); !status.ok())
        return status;

    auto shadows = m_scratch->prepare(u"SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    if (!shadows.ok())
        return shadows.error();
    if (auto status = shadows->forEachRow([&] {
            const QString name = shadows->text(0);
            if (!name.startsWith(m_table + u'_') || name == m_table + u"_config")
                return Status{};
            return copyTable(ward, name);
        });
        !status.ok())
        return status;

    auto configure = ward.prepare(QStringLiteral("INSERT INTO %1(%1, rank) VALUES (?, ?)").arg(table));
    if (!configure.ok())
        return configure.error();
    for (const auto& [key, value] : std::as_const(settings)) {
        bool isNumber = false;
        const qint64 number = value.toLongLong(&isNumber);
        configure->bind(1, key);
        if (isNumber)
            configure->bind(2, number);
        else
            configure->bind(2, value);
        if (auto status = configure->exec(); !status.ok())
            return status;
    }
    return {};
}

Status SearchIndexBuilder::copyTable(SqlConnection& ward, const QString& name)
{
    if (auto status = ward.exec(QStringLiteral("DELETE FROM main.%1").arg(quoted(name))); !status.ok())
        return status;
    auto from = m_scratch->prepare(QStringLiteral("SELECT * FROM %1").arg(quoted(name)));
    if (!from.ok())
        return from.error();
    QStringList marks;
    for (int i = 0; i < from->columnCount(); ++i)
        marks.append(QStringLiteral("?"));
    auto to
        = ward.prepare(QStringLiteral("INSERT INTO main.%1 VALUES (%2)").arg(quoted(name), marks.join(u',')));
    if (!to.ok())
        return to.error();
    return from->forEachRow([&] {
        for (int i = 0; i < from->columnCount(); ++i)
            sqlite3_bind_value(to->handle(), i + 1, sqlite3_column_value(from->handle(), i));
        return to->exec();
    });
}

} // namespace wardroll::model
