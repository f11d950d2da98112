#include "SyncConflictStore.h"

#include "Clock.h"
#include "SqlConnection.h"
#include "SqlStatement.h"
#include "SqlTransaction.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QDateTime>

namespace wardroll::model {

namespace {

constexpr auto selectColumns
    = u"c.id, c.global_seq, c.table_name, c.row_id, c.column_name, c.base_value, c.hub_value, "
      u"c.incoming_value, c.hub_device, c.hub_officer, c.incoming_device, c.incoming_officer, c.created_at, "
      u"c.resolution, c.resolved_value, c.resolved_by, c.resolved_at, "
      u"CASE c.table_name WHEN 'residents' THEN (SELECT coalesce(nullif(r.full_name, ''), r.source_ref, "
      u"r.id) "
      u"FROM residents r WHERE r.id = c.row_id) "
      u"WHEN 'households' THEN (SELECT coalesce(nullif(h.household_no, ''), h.id) FROM households h "
      u"WHERE h.id = c.row_id) END";

QCborValue cborOrUndefined(const SqlStatement& stmt, int column)
{
    if (stmt.isNull(column))
        return QCborValue(QCborSimpleType::Undefined);
    return QCborValue::fromCbor(stmt.blob(column));
}

SyncConflict readConflict(const SqlStatement& s)
{
    SyncConflict c;
    int i = 0;
    c.id = s.text(i++);
    c.globalSeq = s.integer(i++);
    c.table = s.text(i++);
    c.rowId = s.text(i++);
    c.column = s.text(i++);
    c.base = cborOrUndefined(s, i++);
    c.hubValue = cborOrUndefined(s, i++);
    c.incomingValue = cborOrUndefined(s, i++);
    c.hubDevice = s.text(i++);
    c.hubOfficer = s.text(i++);
    c.incomingDevice = s.text(i++);
    c.incomingOfficer = s.text(i++);
    c.createdAt = s.integer(i++);
    c.resolution = s.text(i++);
    c.resolvedValue = cborOrUndefined(s, i++);
    c.resolvedBy = s.text(i++);
    c.resolvedAt = s.integer(i++);
    c.rowLabel = s.text(i++);
    return c;
}

void bindValue(SqlStatement& stmt, int index, const QCborValue& value)
{
    if (value.isInteger())
        stmt.bind(index, value.toInteger());
    else if (value.isDouble())
        stmt.bind(index, value.toDouble());
    else if (value.isString())
        stmt.bind(index, value.toString().isNull() ? QStringLiteral("") : value.toString());
    else if (value.isByteArray())
        stmt.bind(index, value.toByteArray());
    else
        stmt.bindNull(index);
}

// Columns a person's choice may not write: the key, the search columns the store derives, and
// the bookkeeping the store stamps itself.
bool isWritable(QStringView column)
{
    return column != u"id" && column != u"name_key" && column != u"search_text" && column != u"updated_at"
        && column != u"updated_by";
}

} // namespace

SyncConflictStore::SyncConflictStore(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<QList<SyncConflict>> SyncConflictStore::list(bool includeResolved, int limit)
{
    auto stmt = m_ward.connection().prepare(
        QStringLiteral("SELECT %1 FROM sync_conflicts c %2 ORDER BY c.global_seq, c.id LIMIT ?")
            .arg(QStringView(selectColumns),
                 includeResolved ? QString() : QStringLiteral("WHERE c.resolved_at IS NULL")));
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, qint64(std::max(1, limit)));
    QList<SyncConflict> out;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        out.append(readConflict(*stmt));
    }
    for (SyncConflict& c : out) {
        auto current = cellValue(c.table, c.rowId, c.column);
        if (!current.ok())
            return current.error();
        c.currentValue = current.value();
    }
    return out;
}

Result<SyncConflict> SyncConflictStore::conflict(const QString& id)
{
    auto stmt = m_ward.connection().prepare(
        QStringLiteral("SELECT %1 FROM sync_conflicts c WHERE c.id = ?").arg(QStringView(selectColumns)));
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return Error{Error::Kind::NotFound, tr("No conflict has this id."), id};
    SyncConflict c = readConflict(*stmt);
    auto current = cellValue(c.table, c.rowId, c.column);
    if (!current.ok())
        return current.error();
    c.currentValue = current.value();
    return c;
}

Result<qint64> SyncConflictStore::openCount()
{
    return m_ward.connection().queryInt(u"SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL");
}

Result<QCborValue> SyncConflictStore::cellValue(const QString& table, const QString& rowId,
                                                const QString& column)
{
    if (table != u"residents" && table != u"households")
        return QCborValue(QCborSimpleType::Undefined);
    // Only names SQLite reports for the table reach the statement text.
    auto known = m_ward.connection().prepare(
        QStringLiteral("SELECT 1 FROM pragma_table_info('%1') WHERE name = ?").arg(table));
    if (!known.ok())
        return known.error();
    known->bind(1, column);
    auto exists = known->step();
    if (!exists.ok())
        return exists.error();
    if (!exists.value())
        return QCborValue(QCborSimpleType::Undefined);
    auto stmt = m_ward.connection().prepare(
        QStringLiteral("SELECT typeof(\"%1\"), \"%1\" FROM %2 WHERE id = ?").arg(column, table));
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, rowId);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return QCborValue(QCborSimpleType::Undefined);
    const QString type = stmt->text(0);
    if (type == u"integer")
        return QCborValue(stmt->integer(1));
    if (type == u"real")
        return QCborValue(stmt->real(1));
    if (type == u"text")
        return QCborValue(stmt->text(1));
    if (type == u"blob")
        return QCborValue(stmt->blob(1));
    return QCborValue(nullptr);
}

Status SyncConflictStore::resolve(const QString& id, Choice choice, const QString& typed)
{
    SqlTransaction transaction(m_ward.connection());
    if (!transaction.begun().ok())
        return transaction.begun();
    auto found = conflict(id);
    if (!found.ok())
        return found.error();
    const SyncConflict& c = found.value();
    if (c.isResolved()) {
        return Error{Error::Kind::Conflict,
                     tr("This conflict was already settled by %1 on %2.")
                         .arg(c.resolvedBy,
                              QDateTime::fromMSecsSinceEpoch(c.resolvedAt, Qt::UTC)
                                  .toString(QStringLiteral("dd/MM/yyyy HH:mm"))),
                     id};
    }
    if (c.currentValue.isUndefined())
        return Error{Error::Kind::NotFound, tr("The record of this conflict is no longer in the ward."),
                     c.table + QLatin1Char('/') + c.rowId};

    if (choice == Choice::Local) {
        if (c.incomingDevice == m_ward.deviceId())
            choice = Choice::Incoming;
        else if (c.hubDevice == m_ward.deviceId())
            choice = Choice::Hub;
        else
            return Error{Error::Kind::InvalidInput,
                         tr("Neither value was entered on this device: choose the hub's value, the other "
                            "value, or type one.")};
    }
    QCborValue chosen;
    QString resolution;
    switch (choice) {
    case Choice::Hub:
        chosen = c.hubValue;
        resolution = QStringLiteral("hub");
        break;
    case Choice::Incoming:
        chosen = c.incomingValue;
        resolution = QStringLiteral("incoming");
        break;
    case Choice::Local: // mapped above
    case Choice::Value: {
        resolution = QStringLiteral("value");
        const QString text = typed.trimmed();
        const bool numeric
            = c.hubValue.isInteger() || c.incomingValue.isInteger() || c.currentValue.isInteger();
        const bool nullable = c.hubValue.isNull() || c.incomingValue.isNull() || c.currentValue.isNull();
        bool isNumber = false;
        const qint64 number = text.toLongLong(&isNumber);
        if (text.isEmpty() && (numeric || nullable))
            chosen = QCborValue(nullptr);
        else if (numeric && isNumber)
            chosen = QCborValue(number);
        else if (numeric)
            return Error{Error::Kind::InvalidInput, tr("This field takes a whole number."), text};
        else
            chosen = QCborValue(text);
        break;
    }
    }
    if (chosen.isUndefined())
        return Error{Error::Kind::InvalidInput, tr("This side of the conflict has no value to take.")};

    if (chosen != c.currentValue) {
        Status written = c.table == u"residents" ? writeResidentCell(c.rowId, c.column, chosen)
            : c.table == u"households"
            ? writeHouseholdCell(c.rowId, c.column, chosen)
            : Status(Error{Error::Kind::InvalidInput, tr("Conflicts in this table cannot be settled here."),
                           c.table});
        if (!written.ok())
            return written;
        auto stored = cellValue(c.table, c.rowId, c.column);
        if (!stored.ok())
            return stored.error();
        if (stored.value() != chosen)
            return Error{Error::Kind::InvalidInput, tr("This value cannot be stored in this field."),
                         displayValue(chosen)};
    }

    auto mark = m_ward.connection().prepare(
        u"UPDATE sync_conflicts SET resolution = ?, resolved_value = ?, resolved_by = ?, resolved_at = ? "
        u"WHERE id = ? AND resolved_at IS NULL");
    if (!mark.ok())
        return mark.error();
    mark->bind(1, resolution);
    mark->bind(2, chosen.toCbor());
    mark->bind(3, m_ward.officer());
    mark->bind(4, Clock::nowMs());
    mark->bind(5, id);
    if (auto status = mark->exec(); !status.ok())
        return status;
    return transaction.commit();
}

Status SyncConflictStore::writeResidentCell(const QString& rowId, const QString& column,
                                            const QCborValue& value)
{
    // The record as it is with the one cell replaced, read the way the store reads records, then
    // written back by the store: stamps, derived columns and change capture all stay the store's.
    QStringList columns = WardStore::residentColumns().split(QStringLiteral(", "));
    const qsizetype at = columns.indexOf(column);
    if (at < 0 || !isWritable(column))
        return Error{Error::Kind::InvalidInput, tr("This field cannot be settled here."), column};
    columns[at] = QStringLiteral("?1");
    auto stmt = m_ward.connection().prepare(
        QStringLiteral("SELECT %1 FROM residents WHERE id = ?2").arg(columns.join(QStringLiteral(", "))));
    if (!stmt.ok())
        return stmt.error();
    bindValue(*stmt, 1, value);
    stmt->bind(2, rowId);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return Error{Error::Kind::NotFound, tr("The record of this conflict is no longer in the ward."),
                     rowId};
    Resident resident = WardStore::readResident(*stmt);
    stmt->reset();
    WardStore store(m_ward);
    return store.updateResident(resident);
}

Status SyncConflictStore::writeHouseholdCell(const QString& rowId, const QString& column,
                                             const QCborValue& value)
{
    WardStore store(m_ward);
    auto household = store.household(rowId);
    if (!household.ok())
        return household.error();
    Household& h = household.value();
    const QString text = value.isString() ? value.toString() : QString();
    if (column == u"household_no")
        h.number = text;
    else if (column == u"address_unit_code")
        h.address.unitCode = text;
    else if (column == u"address_unit_scheme")
        h.address.unitScheme = text;
    else if (column == u"address_village")
        h.address.village = text;
    else if (column == u"address_text")
        h.address.text = text;
    else if (column == u"village")
        h.village = text;
    else if (column == u"deleted_at")
        h.deletedAt = value.isInteger() ? value.toInteger() : 0;
    else
        return Error{Error::Kind::InvalidInput, tr("This field cannot be settled here."), column};
    return store.updateHousehold(h);
}

std::optional<SyncConflictStore::Choice> SyncConflictStore::choiceFromCode(QStringView code)
{
    if (code == u"local")
        return Choice::Local;
    if (code == u"hub")
        return Choice::Hub;
    if (code == u"incoming")
        return Choice::Incoming;
    if (code == u"value")
        return Choice::Value;
    return std::nullopt;
}

QString SyncConflictStore::displayValue(const QCborValue& value)
{
    if (value.isUndefined() || value.isNull())
        return tr("(empty)");
    if (value.isInteger())
        return QString::number(value.toInteger());
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', 17);
    if (value.isByteArray())
        return QString::fromLatin1(value.toByteArray().toBase64());
    if (value.isString())
        return value.toString().isEmpty() ? tr("(empty)") : value.toString();
    return value.toDiagnosticNotation();
}

QString SyncConflictStore::fieldLabel(const QString& table, const QString& column)
{
    struct Label
    {
        const char16_t* column;
        const char* label;
    };
    static const Label residentLabels[] = {
        {u"full_name", QT_TR_NOOP("Full name")},
        {u"other_names", QT_TR_NOOP("Other names")},
        {u"personal_id", QT_TR_NOOP("Personal ID")},
        {u"old_id", QT_TR_NOOP("Old ID card number")},
        {u"birth_date_raw", QT_TR_NOOP("Date of birth")},
        {u"birth_year", QT_TR_NOOP("Year of birth")},
        {u"birth_month", QT_TR_NOOP("Month of birth")},
        {u"birth_day", QT_TR_NOOP("Day of birth")},
        {u"sex", QT_TR_NOOP("Sex")},
        {u"birth_place", QT_TR_NOOP("Place of birth")},
        {u"birth_registration_place", QT_TR_NOOP("Place of birth registration")},
        {u"hometown", QT_TR_NOOP("Hometown")},
        {u"ethnicity", QT_TR_NOOP("Ethnicity")},
        {u"religion", QT_TR_NOOP("Religion")},
        {u"nationality", QT_TR_NOOP("Nationality")},
        {u"marital_status", QT_TR_NOOP("Marital status")},
        {u"phone", QT_TR_NOOP("Phone")},
        {u"email", QT_TR_NOOP("E-mail")},
        {u"village", QT_TR_NOOP("Village")},
        {u"relation_to_head", QT_TR_NOOP("Relationship to household head")},
        {u"permanent_text", QT_TR_NOOP("Permanent residence")},
        {u"temporary_text", QT_TR_NOOP("Temporary residence")},
        {u"current_text", QT_TR_NOOP("Current residence")},
        {u"father_name", QT_TR_NOOP("Father's name")},
        {u"mother_name", QT_TR_NOOP("Mother's name")},
        {u"spouse_name", QT_TR_NOOP("Spouse's name")},
        {u"status", QT_TR_NOOP("Status")},
    };
    static const Label householdLabels[] = {
        {u"household_no", QT_TR_NOOP("Household number")},
        {u"address_text", QT_TR_NOOP("Address")},
        {u"village", QT_TR_NOOP("Village")},
    };
    if (table == u"residents") {
        for (const Label& l : residentLabels) {
            if (column == QStringView(l.column))
                return tr(l.label);
        }
    } else if (table == u"households") {
        for (const Label& l : householdLabels) {
            if (column == QStringView(l.column))
                return tr(l.label);
        }
    }
    return column;
}

} // namespace wardroll::model
