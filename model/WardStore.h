#pragma once

#include "Household.h"
#include "Resident.h"
#include "Result.h"
#include "SqlStatement.h"

#include <optional>
#include <QCoreApplication>
#include <QList>

namespace wardroll::model {

class ResidentBulkInsert;
class ResidentRowImage;
class WardDatabase;

// Reads and writes residents and households of one ward. Every write stamps the time and the
// ward's current officer. Callers group writes in an SqlTransaction when several belong
// together (an import, a merge); a single write outside one opens its own, so that change
// capture records it (WardDatabase::changeRecorder).
// Prepared statements are kept for the store's lifetime, so bulk inserts stay fast.
class WardStore
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::WardStore)
public:
    explicit WardStore(WardDatabase& ward);
    ~WardStore();
    WardStore(const WardStore&) = delete;
    WardStore& operator=(const WardStore&) = delete;

    // Assigns id (when empty) and bookkeeping, then inserts. `image`, when given, is
    // ResidentRowImage::of(resident) made beforehand (a bulk import makes it on another thread).
    [[nodiscard]] Status insertResident(Resident& resident, const ResidentRowImage* image = nullptr);
    // While set, each inserted resident's search text is handed to `bulk` (not owned), which
    // may index it on a helper thread (see ResidentBulkInsert::indexForSearch).
    void setBulkInsert(ResidentBulkInsert* bulk) { m_bulk = bulk; }
    // Updates every field of an existing live or deleted record; stamps updated_at/by.
    [[nodiscard]] Status updateResident(Resident& resident);
    [[nodiscard]] Status softDeleteResident(const QString& id);
    [[nodiscard]] Result<Resident> resident(const QString& id);
    // By source reference, falling back to the record id; live records first.
    [[nodiscard]] Result<std::optional<Resident>> findResident(const QString& ref);
    [[nodiscard]] Result<QList<Resident>> householdMembers(const QString& householdId);
    // Calls `visit` for every live resident in id order; stop early by returning false.
    [[nodiscard]] Status forEachResident(const std::function<bool(const Resident&)>& visit);

    [[nodiscard]] Status insertHousehold(Household& household);
    [[nodiscard]] Status updateHousehold(Household& household);
    [[nodiscard]] Result<Household> household(const QString& id);
    [[nodiscard]] Result<std::optional<Household>> householdByNumber(const QString& number);

    [[nodiscard]] Result<qint64> countResidents(); // live: not deleted, not merged away
    [[nodiscard]] Result<qint64> countHouseholds(); // not deleted

    // The accent-folded text the search index holds for a resident.
    [[nodiscard]] static QString searchText(const Resident& resident);
    // The same, with the folded full name the caller has already made.
    [[nodiscard]] static QString searchText(const Resident& resident, const QString& nameKey);
    // Reads the resident columns of `residentColumns()` from a row, starting at `first`.
    [[nodiscard]] static Resident readResident(const SqlStatement& row, int first = 0);
    // "id, source_ref, ..." in the order readResident expects.
    [[nodiscard]] static QString residentColumns(QStringView tableAlias = {});

private:
    // Runs `write` in an SqlTransaction of its own (for a write outside the caller's).
    [[nodiscard]] Status inOwnTransaction(const std::function<Status()>& write);
    // Runs an insert; in a ChangeCapture::Inserts transaction, keeps the streamed change record
    // in step with it (see ChangeRecorder::streamMark).
    void bindPendingSeq(SqlStatement& insert, int index);
    // `rowid`, when given, receives the inserted row's rowid.
    [[nodiscard]] Status insertRecorded(SqlStatement& insert, qint64* rowid = nullptr);
    [[nodiscard]] Result<SqlStatement*> cached(int slot, QStringView sql);
    // Binds every parameter of the resident insert and update but pending_seq.
    static void bindResident(SqlStatement& stmt, const Resident& resident, const ResidentRowImage& image);
    WardDatabase& m_ward;
    ResidentBulkInsert* m_bulk = nullptr;
    std::vector<std::optional<SqlStatement>> m_statements;
};

} // namespace wardroll::model
