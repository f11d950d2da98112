#include "RuleBatch.h"

#include "Clock.h"
#include "HouseholdRules.h"
#include "RecordRules.h"
#include "SharedIdIndex.h"
#include "SqlConnection.h"
#include "WardDatabase.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <QThread>
#include <QThreadPool>

namespace wardroll::model {

namespace {

// A range of household ids [lower, upper) (empty bound: open), or the records without a
// household.
struct Chunk
{
    QString lower;
    QString upper;
    bool orphans = false;
};

struct Shared
{
    const std::vector<Household>* households = nullptr;
    const RuleContext* context = nullptr;
    std::atomic<qint64> done{0};
    std::atomic<bool> stop{false};
    std::atomic<int> nextChunk{0};
    // Set when the rules run on the calling thread: reports progress from inside the loop.
    std::function<bool(qint64)> inlineProgress;
    std::mutex mutex;
    QList<Finding> findings;
    qint64 households_ = 0;
    std::optional<Error> error;

    void fail(Error e)
    {
        std::lock_guard lock(mutex);
        if (!error)
            error = std::move(e);
        stop = true;
    }
};

const Household* findHousehold(const std::vector<Household>& households, const QString& id)
{
    const auto it = std::lower_bound(households.begin(), households.end(), id,
                                     [](const Household& h, const QString& key) { return h.id < key; });
    return it != households.end() && it->id == id ? &*it : nullptr;
}

// The columns the rules read, and nothing else: a batch reads every record, and each column is a
// string to decode. A rule that starts reading another field must add it here (TestCleaningRun
// compares the batch with the per-record checks on full records).
const QString& ruleColumns()
{
    static const QString columns = QStringLiteral(
        "id, source_ref, household_id, relation_to_head, full_name, personal_id, birth_date_raw, birth_year, "
        "birth_month, birth_day, sex, birth_registration_place, hometown, ethnicity, religion, nationality, "
        "permanent_unit_code, permanent_unit_scheme, temporary_unit_code, temporary_unit_scheme, "
        "current_unit_code, "
        "current_unit_scheme, status, death_date_raw, death_year, death_month, death_day");
    return columns;
}

PartialDate readDate(const SqlStatement& row, int& i)
{
    const QString raw = row.text(i++);
    const auto year = row.optionalInt(i++);
    const auto month = row.optionalInt(i++);
    const auto day = row.optionalInt(i++);
    return PartialDate::fromParts(year, month, day, raw);
}

Resident readForRules(const SqlStatement& row)
{
    Resident r;
    int i = 0;
    r.id = row.text(i++);
    r.sourceRef = row.text(i++);
    r.householdId = row.text(i++);
    r.relationToHead = row.text(i++);
    r.fullName = row.text(i++);
    r.personalId = row.text(i++);
    r.birthDate = readDate(row, i);
    r.sex = sexFromCode(row.text(i++));
    r.birthRegistrationPlace = row.text(i++);
    r.hometown = row.text(i++);
    r.ethnicity = row.text(i++);
    r.religion = row.text(i++);
    r.nationality = row.text(i++);
    for (Address* a : {&r.permanentAddress, &r.temporaryAddress, &r.currentAddress}) {
        a->unitCode = row.text(i++);
        a->unitScheme = row.text(i++);
    }
    r.status = statusFromCode(row.text(i++));
    r.deathDate = readDate(row, i);
    return r;
}

QString chunkSql(const Chunk& chunk)
{
    QString where;
    if (chunk.orphans)
        where = QStringLiteral("household_id IS NULL");
    else if (chunk.lower.isEmpty() && chunk.upper.isEmpty())
        where = QStringLiteral("household_id IS NOT NULL");
    else if (chunk.lower.isEmpty())
        where = QStringLiteral("household_id < ?2");
    else if (chunk.upper.isEmpty())
        where = QStringLiteral("household_id >= ?1");
    else
        where = QStringLiteral("household_id >= ?1 AND household_id < ?2");
    return QStringLiteral(
               "SELECT %1 FROM residents WHERE deleted_at IS NULL AND merged_into IS NULL AND %2%3")
        .arg(ruleColumns(), where, chunk.orphans ? QString() : QStringLiteral(" ORDER BY household_id"));
}

Status runChunk(SqlConnection& db, const Chunk& chunk, Shared& shared, QList<Finding>& out,
                qint64& households)
{
    auto stmt = db.prepare(chunkSql(chunk));
    if (!stmt.ok())
        return stmt.error();
    if (!chunk.lower.isEmpty())
        stmt->bind(1, chunk.lower);
    if (!chunk.upper.isEmpty())
        stmt->bind(2, chunk.upper);

    const RuleContext& context = *shared.context;
    QList<Resident> members;
    QString current;
    auto flush = [&] {
        if (members.isEmpty())
            return;
        if (const Household* h = findHousehold(*shared.households, current)) {
            HouseholdRules::check(*h, members, context, out);
            ++households;
        }
        members.clear();
    };
    qint64 pending = 0;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        Resident r = readForRules(*stmt);
        RecordRules::check(r, context, out);
        if (!chunk.orphans) {
            if (r.householdId != current) {
                flush();
                current = r.householdId;
            }
            members.append(std::move(r));
        }
        if (++pending == 256) {
            shared.done += pending;
            pending = 0;
            if (shared.inlineProgress && !shared.inlineProgress(shared.done.load()))
                shared.stop = true;
            if (shared.stop.load(std::memory_order_relaxed))
                return {};
        }
    }
    flush();
    shared.done += pending;
    return {};
}

void worker(const WardDatabase& ward, SqlConnection* mainConnection, const std::vector<Chunk>& chunks,
            Shared& shared)
{
    std::unique_ptr<WardDatabase> reader;
    SqlConnection* db = mainConnection;
    if (!db) {
        auto opened = ward.openReader();
        if (!opened.ok())
            return shared.fail(opened.error());
        reader = std::move(opened.value());
        SqlConnection* own = &reader->connection();
        // One pass in order: a modest page cache is enough. No memory map: each connection's
        // mapping would count again in the process's resident memory, for nothing.
        if (auto status = own->exec(u"PRAGMA cache_size = -16384; PRAGMA mmap_size = 0;"); !status.ok())
            return shared.fail(status.error());
        db = own;
    }
    QList<Finding> out;
    qint64 households = 0;
    for (;;) {
        const int i = shared.nextChunk.fetch_add(1);
        if (i >= static_cast<int>(chunks.size()) || shared.stop.load())
            break;
        if (auto status = runChunk(*db, chunks[static_cast<size_t>(i)], shared, out, households);
            !status.ok())
            return shared.fail(status.error());
    }
    std::lock_guard lock(shared.mutex);
    shared.findings.append(std::move(out));
    shared.households_ += households;
}

} // namespace

RuleBatch::RuleBatch(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<RuleBatch::Output> RuleBatch::run(const Options& options)
{
    SqlConnection& db = m_ward.connection();
    auto total
        = db.queryInt(u"SELECT count(*) FROM residents WHERE deleted_at IS NULL AND merged_into IS NULL");
    if (!total.ok())
        return total.error();

    std::vector<Household> households;
    {
        auto stmt
            = db.prepare(u"SELECT id, household_no, address_unit_code, address_unit_scheme, address_village, "
                         u"address_text, village FROM households WHERE deleted_at IS NULL ORDER BY id");
        if (!stmt.ok())
            return stmt.error();
        for (;;) {
            auto row = stmt->step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                break;
            Household h;
            h.id = stmt->text(0);
            h.number = stmt->text(1);
            h.address = Address{stmt->text(2), stmt->text(3), stmt->text(4), stmt->text(5)};
            h.village = stmt->text(6);
            households.push_back(std::move(h));
        }
    }

    auto sharedIds = SharedIdIndex::load(db);
    if (!sharedIds.ok())
        return sharedIds.error();
    RuleContext context;
    context.today = options.today.isValid() ? options.today : Clock::today();
    context.idHolders = sharedIds->lookup();

    const int threads = std::max(1, options.threads > 0 ? options.threads : QThread::idealThreadCount());
    // Several ranges per thread, so that a thread finishing early takes another.
    std::vector<Chunk> chunks;
    const size_t wanted = households.empty() ? 1 : std::min<size_t>(households.size(), size_t(threads) * 8);
    const size_t step = households.empty() ? 1 : (households.size() + wanted - 1) / wanted;
    for (size_t first = 0; first < std::max<size_t>(households.size(), 1); first += step) {
        Chunk chunk;
        if (first > 0)
            chunk.lower = households[first].id;
        if (first + step < households.size())
            chunk.upper = households[first + step].id;
        chunks.push_back(chunk);
    }
    chunks.push_back(Chunk{{}, {}, true});

    Shared shared;
    shared.households = &households;
    shared.context = &context;
    // A file ward is read by one connection per thread; anything else (an in-memory ward) by
    // the ward's own connection on this thread.
    const QString path = m_ward.path();
    const bool parallel = threads > 1 && !path.isEmpty() && path != u":memory:";
    if (!parallel) {
        if (options.progress) {
            const qint64 all = total.value();
            shared.inlineProgress = [&options, all](qint64 done) {
                return options.progress(done, all);
            };
        }
        worker(m_ward, &db, chunks, shared);
    } else {
        QThreadPool pool;
        pool.setMaxThreadCount(threads);
        for (int t = 0; t < threads; ++t)
            pool.start([this, &chunks, &shared] { worker(m_ward, nullptr, chunks, shared); });
        while (!pool.waitForDone(100)) {
            if (options.progress && !shared.stop.load()
                && !options.progress(shared.done.load(), total.value()))
                shared.stop = true;
        }
    }
    if (shared.error)
        return *shared.error;
    if (shared.stop.load() || (options.progress && !options.progress(shared.done.load(), total.value())))
        return Error{Error::Kind::Cancelled, tr("The cleaning run was cancelled.")};

    Output output;
    {
        // Workers finish in any order: sort for a stable output.
        std::vector<std::pair<QString, qsizetype>> keys;
        keys.reserve(size_t(shared.findings.size()));
        for (qsizetype i = 0; i < shared.findings.size(); ++i)
            keys.emplace_back(shared.findings[i].subject() + QChar(0x1F) + shared.findings[i].rule, i);
        std::sort(keys.begin(), keys.end());
        output.findings.reserve(shared.findings.size());
        for (const auto& [key, i] : keys)
            output.findings.append(std::move(shared.findings[i]));
    }
    output.residents = shared.done.load();
    output.households = shared.households_;
    output.sharedIds = sharedIds->sharedIdCount();
    return output;
}

} // namespace wardroll::model
