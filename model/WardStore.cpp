#include "WardStore.h"

#include "ChangeRecorder.h"
#include "Clock.h"
#include "ResidentBulkInsert.h"
#include "ResidentRowImage.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "Uuid7.h"
#include "VietnameseText.h"
#include "WardDatabase.h"

#include <QStringList>

namespace wardroll::model {

namespace {

enum Slot { InsertResident, UpdateResident, SelectResident, InsertHousehold, UpdateHousehold, SlotCount };

// The writable resident columns, in bind order. readResident reads "id" and these, then the
// bookkeeping columns.
const QStringList& writableColumns()
{
    static const QStringList columns = {
        QStringLiteral("source_ref"),
        QStringLiteral("household_id"),
        QStringLiteral("relation_to_head"),
        QStringLiteral("full_name"),
        QStringLiteral("other_names"),
        QStringLiteral("personal_id"),
        QStringLiteral("old_id"),
        QStringLiteral("birth_date_raw"),
        QStringLiteral("birth_year"),
        QStringLiteral("birth_month"),
        QStringLiteral("birth_day"),
        QStringLiteral("sex"),
        QStringLiteral("birth_place"),
        QStringLiteral("birth_registration_place"),
        QStringLiteral("hometown"),
        QStringLiteral("ethnicity"),
        QStringLiteral("religion"),
        QStringLiteral("nationality"),
        QStringLiteral("marital_status"),
        QStringLiteral("phone"),
        QStringLiteral("email"),
        QStringLiteral("village"),
        QStringLiteral("permanent_unit_code"),
        QStringLiteral("permanent_unit_scheme"),
        QStringLiteral("permanent_village"),
        QStringLiteral("permanent_text"),
        QStringLiteral("temporary_unit_code"),
        QStringLiteral("temporary_unit_scheme"),
        QStringLiteral("temporary_village"),
        QStringLiteral("temporary_text"),
        QStringLiteral("current_unit_code"),
        QStringLiteral("current_unit_scheme"),
        QStringLiteral("current_village"),
        QStringLiteral("current_text"),
        QStringLiteral("father_name"),
        QStringLiteral("father_id"),
        QStringLiteral("mother_name"),
        QStringLiteral("mother_id"),
        QStringLiteral("spouse_name"),
        QStringLiteral("spouse_id"),
        QStringLiteral("status"),
        QStringLiteral("death_date_raw"),
        QStringLiteral("death_year"),
        QStringLiteral("death_month"),
        QStringLiteral("death_day"),
        QStringLiteral("import_raw"),
        QStringLiteral("name_key"),
        QStringLiteral("search_text"),
        QStringLiteral("merged_into"),
    };
    return columns;
}

const QStringList& bookkeepingColumns()
{
    static const QStringList columns
        = {QStringLiteral("created_at"), QStringLiteral("created_by"), QStringLiteral("updated_at"),
           QStringLiteral("updated_by"), QStringLiteral("deleted_at")};
    return columns;
}

QString orNull(const QString& text)
{
    return text.isEmpty() ? QString() : text;
}

QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

void bindAddress(SqlStatement& stmt, int& i, const Address& address)
{
    stmt.bindStaged(i++, notNull(address.unitCode));
    stmt.bindStaged(i++, notNull(address.unitScheme));
    stmt.bindStaged(i++, notNull(address.village));
    stmt.bindStaged(i++, notNull(address.text));
}

Address readAddress(const SqlStatement& row, int& i)
{
    Address address;
    address.unitCode = row.text(i++);
    address.unitScheme = row.text(i++);
    address.village = row.text(i++);
    address.text = row.text(i++);
    return address;
}

PartialDate readDate(const SqlStatement& row, int& i)
{
    const QString raw = row.text(i++);
    const auto year = row.optionalInt(i++);
    const auto month = row.optionalInt(i++);
    const auto day = row.optionalInt(i++);
    return PartialDate::fromParts(year, month, day, raw);
}

} // namespace

WardStore::WardStore(WardDatabase& ward)
    : m_ward(ward)
    , m_statements(SlotCount)
{
}

WardStore::~WardStore() = default;

QString WardStore::residentColumns(QStringView tableAlias)
{
    QStringList all;
    all << QStringLiteral("id") << writableColumns() << bookkeepingColumns();
    if (tableAlias.isEmpty())
        return all.join(QStringLiteral(", "));
    const QString prefix = tableAlias.toString() + QLatin1Char('.');
    for (QString& column : all)
        column.prepend(prefix);
    return all.join(QStringLiteral(", "));
}

void WardStore::bindPendingSeq(SqlStatement& insert, int index)
{
    // A bulk load marks its rows unsynced as it writes them; other transactions are marked at
    // COMMIT by the change recorder, from what their session saw.
    const ChangeRecorder* recorder = m_ward.changeRecorder();
    if (const qint64 seq = recorder ? recorder->nextStreamSeq() : 0; seq > 0)
        insert.bind(index, seq);
    else
        insert.bindNull(index);
}

Status WardStore::insertRecorded(SqlStatement& insert, qint64* rowid)
{
    ChangeRecorder* recorder = m_ward.changeRecorder();
    const bool streaming = recorder && recorder->streaming();
    const ChangeRecorder::StreamMark mark = streaming ? recorder->streamMark() : ChangeRecorder::StreamMark{};
    if (auto status = insert.exec(); !status.ok()) {
        if (streaming)
            recorder->rewindStream(mark); // the row was recorded, then its statement failed
        return status;
    }
    // Before writeStreamed(), whose outbox rows become the connection's last insert.
    if (rowid)
        *rowid = m_ward.connection().lastInsertRowId();
    return streaming ? recorder->writeStreamed() : Status{};
}

Status WardStore::inOwnTransaction(const std::function<Status()>& write)
{
    SqlTransaction transaction(m_ward.connection());
    if (!transaction.begun().ok())
        return transaction.begun();
    if (auto status = write(); !status.ok())
        return status;
    return transaction.commit();
}

Result<SqlStatement*> WardStore::cached(int slot, QStringView sql)
{
    auto& entry = m_statements[static_cast<size_t>(slot)];
    if (!entry) {
        auto stmt = m_ward.connection().prepare(sql);
        if (!stmt.ok())
            return stmt.error();
        entry.emplace(std::move(stmt.value()));
    }
    entry->reset();
    entry->clearBindings();
    return &*entry;
}

QString WardStore::searchText(const Resident& r)
{
    return searchText(r, VietnameseText::foldKey(r.fullName));
}

QString WardStore::searchText(const Resident& r, const QString& nameKey)
{
    QStringList parts;
    parts << nameKey;
    if (!r.otherNames.isEmpty())
        parts << VietnameseText::foldKey(r.otherNames);
    if (!r.personalId.isEmpty())
        parts << r.personalId.toLower();
    if (!r.oldId.isEmpty())
        parts << r.oldId.toLower();
    if (r.birthDate.year())
        parts << QString::number(*r.birthDate.year());
    if (!r.sourceRef.isEmpty())
        parts << r.sourceRef.toLower();
    return parts.join(QLatin1Char(' '));
}

void WardStore::bindResident(SqlStatement& stmt, const Resident& r, const ResidentRowImage& image)
{
    image.bind(stmt);
    stmt.bindStaged(ResidentRowImage::householdParameter, orNull(r.householdId));
    int i = ResidentRowImage::firstBookkeepingParameter;
    stmt.bind(i++, r.createdAt);
    stmt.bindStaged(i++, notNull(r.createdBy));
    stmt.bind(i++, r.updatedAt);
    stmt.bindStaged(i++, notNull(r.updatedBy));
    if (r.deletedAt)
        stmt.bind(i++, r.deletedAt);
    else
        stmt.bindNull(i++);
    stmt.bindStaged(i++, r.id);
}

Resident WardStore::readResident(const SqlStatement& row, int first)
{
    Resident r;
    int i = first;
    r.id = row.text(i++);
    r.sourceRef = row.text(i++);
    r.householdId = row.text(i++);
    r.relationToHead = row.text(i++);
    r.fullName = row.text(i++);
    r.otherNames = row.text(i++);
    r.personalId = row.text(i++);
    r.oldId = row.text(i++);
    r.birthDate = readDate(row, i);
    r.sex = sexFromCode(row.text(i++));
    r.birthPlace = row.text(i++);
    r.birthRegistrationPlace = row.text(i++);
    r.hometown = row.text(i++);
    r.ethnicity = row.text(i++);
    r.religion = row.text(i++);
    r.nationality = row.text(i++);
    r.maritalStatus = row.text(i++);
    r.phone = row.text(i++);
    r.email = row.text(i++);
    r.village = row.text(i++);
    r.permanentAddress = readAddress(row, i);
    r.temporaryAddress = readAddress(row, i);
    r.currentAddress = readAddress(row, i);
    r.fatherName = row.text(i++);
    r.fatherId = row.text(i++);
    r.motherName = row.text(i++);
    r.motherId = row.text(i++);
    r.spouseName = row.text(i++);
    r.spouseId = row.text(i++);
    r.status = statusFromCode(row.text(i++));
    r.deathDate = readDate(row, i);
    r.importRaw = row.text(i++);
    i += 2; // name_key, search_text: derived
    r.mergedInto = row.text(i++);
    r.createdAt = row.integer(i++);
    r.createdBy = row.text(i++);
    r.updatedAt = row.integer(i++);
    r.updatedBy = row.text(i++);
    r.deletedAt = row.integer(i++);
    return r;
}

Status WardStore::insertResident(Resident& r, const ResidentRowImage* image)
{
    if (!m_ward.connection().inTransaction())
        return inOwnTransaction([&] { return insertResident(r, image); });
    if (r.id.isEmpty())
        r.id = Uuid7::generate();
    const qint64 now = Clock::nowMs();
    if (!r.createdAt)
        r.createdAt = now;
    if (r.createdBy.isEmpty())
        r.createdBy = m_ward.officer();
    r.updatedAt = r.createdAt;
    r.updatedBy = r.createdBy;

    static const QStringList columns = [] {
        QStringList columns = writableColumns();
        columns << bookkeepingColumns() << QStringLiteral("id") << QStringLiteral("pending_seq");
        return columns;
    }();
    static const QString sql = [] {
        QStringList marks;
        for (qsizetype i = 0; i < columns.size(); ++i)
            marks << QStringLiteral("?");
        return QStringLiteral("INSERT INTO residents(%1) VALUES (%2)")
            .arg(columns.join(u','), marks.join(u','));
    }();
    auto stmt = cached(InsertResident, sql);
    if (!stmt.ok())
        return stmt.error();
    ResidentRowImage own;
    if (!image || image->isEmpty()) {
        own = ResidentRowImage::of(r);
        image = &own;
    }
    bindResident(*stmt.value(), r, *image);
    bindPendingSeq(*stmt.value(), static_cast<int>(columns.size()));
    qint64 rowid = 0;
    if (auto status = insertRecorded(*stmt.value(), &rowid); !status.ok())
        return status;
    if (m_bulk)
        m_bulk->indexForSearch(rowid, image->searchText());
    return {};
}

Status WardStore::updateResident(Resident& r)
{
    if (!m_ward.connection().inTransaction())
        return inOwnTransaction([&] { return updateResident(r); });
    r.updatedAt = Clock::nowMs();
    r.updatedBy = m_ward.officer();
    static const QString sql = [] {
        QStringList sets;
        QStringList columns = writableColumns();
        columns << bookkeepingColumns();
        for (const QString& column : columns)
            sets << column + QStringLiteral(" = ?");
        return QStringLiteral("UPDATE residents SET %1 WHERE id = ?").arg(sets.join(u','));
    }();
    auto stmt = cached(UpdateResident, sql);
    if (!stmt.ok())
        return stmt.error();
    const ResidentRowImage image = ResidentRowImage::of(r); // bound uncopied: alive until exec()
    bindResident(*stmt.value(), r, image);
    if (auto status = stmt.value()->exec(); !status.ok())
        return status;
    if (m_ward.connection().changes() == 0)
        return Error{Error::Kind::NotFound, tr("The resident's record no longer exists."), r.id};
    return {};
}

Status WardStore::softDeleteResident(const QString& id)
{
    if (!m_ward.connection().inTransaction())
        return inOwnTransaction([&] { return softDeleteResident(id); });
    auto stmt = m_ward.connection().prepare(u"UPDATE residents SET deleted_at = ?, updated_at = ?, "
                                            u"updated_by = ? WHERE id = ? AND deleted_at IS NULL");
    if (!stmt.ok())
        return stmt.error();
    const qint64 now = Clock::nowMs();
    stmt->bindAll(now, now, m_ward.officer(), id);
    return stmt->exec();
}

Result<Resident> WardStore::resident(const QString& id)
{
    static const QString sql = QStringLiteral("SELECT %1 FROM residents WHERE id = ?").arg(residentColumns());
    auto stmt = cached(SelectResident, sql);
    if (!stmt.ok())
        return stmt.error();
    stmt.value()->bind(1, id);
    auto row = stmt.value()->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return Error{Error::Kind::NotFound, tr("No resident has this record id."), id};
    return readResident(*stmt.value());
}

Result<std::optional<Resident>> WardStore::findResident(const QString& ref)
{
    auto stmt = m_ward.connection().prepare(
        QStringLiteral("SELECT %1 FROM residents WHERE source_ref = ?1 OR id = ?1 "
                       "ORDER BY (deleted_at IS NULL AND merged_into IS NULL) DESC, id LIMIT 1")
            .arg(residentColumns()));
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, ref);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<Resident>();
    return std::optional<Resident>(readResident(*stmt));
}

Result<QList<Resident>> WardStore::householdMembers(const QString& householdId)
{
    auto stmt = m_ward.connection().prepare(
        QStringLiteral("SELECT %1 FROM residents WHERE household_id = ? AND deleted_at IS NULL "
                       "AND merged_into IS NULL ORDER BY relation_to_head <> 'Chủ hộ', birth_year, id")
            .arg(residentColumns()));
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, householdId);
    QList<Resident> members;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        members.append(readResident(*stmt));
    }
    return members;
}

Status WardStore::forEachResident(const std::function<bool(const Resident&)>& visit)
{
    auto stmt = m_ward.connection().prepare(
        QStringLiteral(
            "SELECT %1 FROM residents WHERE deleted_at IS NULL AND merged_into IS NULL ORDER BY id")
            .arg(residentColumns()));
    if (!stmt.ok())
        return stmt.error();
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value() || !visit(readResident(*stmt)))
            return {};
    }
}

namespace {
constexpr auto householdColumns
    = u"id, household_no, address_unit_code, address_unit_scheme, address_village, "
      u"address_text, village, created_at, created_by, updated_at, updated_by, deleted_at";

Household readHousehold(const SqlStatement& row)
{
    Household h;
    int i = 0;
    h.id = row.text(i++);
    h.number = row.text(i++);
    h.address = readAddress(row, i);
    h.village = row.text(i++);
    h.createdAt = row.integer(i++);
    h.createdBy = row.text(i++);
    h.updatedAt = row.integer(i++);
    h.updatedBy = row.text(i++);
    h.deletedAt = row.integer(i++);
    return h;
}

void bindHousehold(SqlStatement& stmt, const Household& h)
{
    int i = 1;
    stmt.bindStaged(i++, h.id);
    stmt.bindStaged(i++, notNull(h.number));
    bindAddress(stmt, i, h.address);
    stmt.bindStaged(i++, notNull(h.village));
    stmt.bind(i++, h.createdAt);
    stmt.bindStaged(i++, notNull(h.createdBy));
    stmt.bind(i++, h.updatedAt);
    stmt.bindStaged(i++, notNull(h.updatedBy));
    if (h.deletedAt)
        stmt.bind(i++, h.deletedAt);
    else
        stmt.bindNull(i++);
}
} // namespace

Status WardStore::insertHousehold(Household& h)
{
    if (!m_ward.connection().inTransaction())
        return inOwnTransaction([&] { return insertHousehold(h); });
    if (h.id.isEmpty())
        h.id = Uuid7::generate();
    const qint64 now = Clock::nowMs();
    if (!h.createdAt)
        h.createdAt = now;
    if (h.createdBy.isEmpty())
        h.createdBy = m_ward.officer();
    h.updatedAt = h.createdAt;
    h.updatedBy = h.createdBy;
    static const QString sql
        = QStringLiteral("INSERT INTO households(%1, pending_seq) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)")
              .arg(QStringView(householdColumns));
    auto stmt = cached(InsertHousehold, sql);
    if (!stmt.ok())
        return stmt.error();
    bindHousehold(*stmt.value(), h);
    bindPendingSeq(*stmt.value(), 13);
    return insertRecorded(*stmt.value());
}

Status WardStore::updateHousehold(Household& h)
{
    if (!m_ward.connection().inTransaction())
        return inOwnTransaction([&] { return updateHousehold(h); });
    h.updatedAt = Clock::nowMs();
    h.updatedBy = m_ward.officer();
    // Same parameter order as the insert, so one binder serves both.
    auto stmt
        = cached(UpdateHousehold,
                 u"UPDATE households SET id = ?1, household_no = ?2, address_unit_code = ?3, "
                 u"address_unit_scheme = ?4, address_village = ?5, address_text = ?6, village = ?7, "
                 u"created_at = ?8, created_by = ?9, updated_at = ?10, updated_by = ?11, deleted_at = ?12 "
                 u"WHERE id = ?1");
    if (!stmt.ok())
        return stmt.error();
    bindHousehold(*stmt.value(), h);
    if (auto status = stmt.value()->exec(); !status.ok())
        return status;
    if (m_ward.connection().changes() == 0)
        return Error{Error::Kind::NotFound, tr("The household no longer exists."), h.id};
    return {};
}

Result<Household> WardStore::household(const QString& id)
{
    auto stmt = m_ward.connection().prepare(
        QStringLiteral("SELECT %1 FROM households WHERE id = ?").arg(QStringView(householdColumns)));
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return Error{Error::Kind::NotFound, tr("No household has this id."), id};
    return readHousehold(*stmt);
}

Result<std::optional<Household>> WardStore::householdByNumber(const QString& number)
{
    auto stmt = m_ward.connection().prepare(
        QStringLiteral("SELECT %1 FROM households WHERE household_no = ? AND deleted_at IS NULL LIMIT 1")
            .arg(QStringView(householdColumns)));
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, number);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<Household>();
    return std::optional<Household>(readHousehold(*stmt));
}

Result<qint64> WardStore::countResidents()
{
    return m_ward.connection().queryInt(
        u"SELECT count(*) FROM residents WHERE deleted_at IS NULL AND merged_into IS NULL");
}

Result<qint64> WardStore::countHouseholds()
{
    return m_ward.connection().queryInt(u"SELECT count(*) FROM households WHERE deleted_at IS NULL");
}

} // namespace wardroll::model
