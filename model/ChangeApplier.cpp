#include "ChangeApplier.h"

#include "ChangeRecorder.h"
#include "SqlConnection.h"
#include "SyncedTables.h"
#include "VietnameseText.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QLoggingCategory>

namespace wardroll::model {

namespace {

Q_LOGGING_CATEGORY(lcApply, "wardroll.model.apply")

QString cellKey(const QString& table, const QString& rowId, const QString& column)
{
    return table + QChar(0x1f) + rowId + QChar(0x1f) + column;
}

void bindCell(SqlStatement& stmt, int index, const QCborValue& value)
{
    if (value.isInteger())
        stmt.bind(index, value.toInteger());
    else if (value.isDouble())
        stmt.bind(index, value.toDouble());
    else if (value.isString())
        stmt.bind(index, value.toString().isNull() ? QStringLiteral("") : value.toString()); // '' is not NULL
    else if (value.isByteArray())
        stmt.bind(index, value.toByteArray());
    else
        stmt.bindNull(index);
}

} // namespace

ChangeApplier::ChangeApplier(WardDatabase& ward, LocalEditCache* cache)
    : m_ward(ward)
    , m_store(std::make_unique<WardStore>(ward))
    , m_cache(cache ? cache : &m_ownCache)
{
}

ChangeApplier::~ChangeApplier() = default;

Status ChangeApplier::loadLocalEdits(qint64 cursor)
{
    m_localCells.clear();
    m_touchedResidents.clear();
    // Rows may arrive before the rows they refer to are complete (a kept local edit, a page
    // boundary); the references are checked at COMMIT instead.
    if (auto status = m_ward.connection().exec(u"PRAGMA defer_foreign_keys = ON"); !status.ok())
        return status;
    // Read on the first change: a page of this device's own change-sets needs none of it.
    m_cursor = cursor;
    m_loaded = false;
    return {};
}

Status ChangeApplier::readLocalEdits()
{
    m_loaded = true;
    const qint64 cursor = m_cursor;
    auto entries = m_ward.connection().prepare(
        u"SELECT seq, CASE state WHEN 'acked' THEN global_seq ELSE NULL END FROM outbox "
        u"WHERE state <> 'acked' OR global_seq > ? ORDER BY seq");
    if (!entries.ok())
        return entries.error();
    entries->bind(1, cursor);
    auto changes = m_ward.connection().prepare(u"SELECT changes FROM outbox WHERE seq = ?");
    if (!changes.ok())
        return changes.error();
    for (;;) {
        auto row = entries->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        const qint64 seq = entries->integer(0);
        const qint64 position = entries->isNull(1) ? notYetOrdered : entries->integer(1);
        auto cached = m_cache->constFind(seq);
        if (cached == m_cache->constEnd()) {
            changes->reset();
            changes->bind(1, seq);
            if (auto found = changes->step(); !found.ok() || !found.value())
                return found.ok() ? Error{Error::Kind::Database, tr("The outbox changed while it was read.")}
                                  : found.error();
            auto decoded = ChangeSet::fromCbor(changes->blob(0));
            if (!decoded.ok())
                return decoded.error();
            QStringList cells;
            for (const RowChange& change : decoded->rows) {
                if (change.op != RowChange::Op::Update) {
                    cells << cellKey(change.table, change.rowId, QStringLiteral("*"));
                    continue;
                }
                for (auto it = change.after.constBegin(); it != change.after.constEnd(); ++it)
                    cells << cellKey(change.table, change.rowId, it.key().toString());
            }
            cached = m_cache->insert(seq, cells);
        }
        for (const QString& cell : *cached) {
            qint64& latest = m_localCells[cell];
            latest = std::max(latest, position);
        }
    }
    return {};
}

bool ChangeApplier::hasLocalEdit(const QString& table, const QString& rowId, const QString& column,
                                 qint64 position) const
{
    return m_localCells.value(cellKey(table, rowId, column), -1) > position
        || m_localCells.value(cellKey(table, rowId, QStringLiteral("*")), -1) > position;
}

Result<SqlStatement*> ChangeApplier::statement(const QString& sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        auto stmt = m_ward.connection().prepare(sql);
        if (!stmt.ok())
            return stmt.error();
        it = m_statements.emplace(sql, std::move(stmt.value())).first;
    }
    it->second.reset();
    it->second.clearBindings();
    return &it->second;
}

Result<bool> ChangeApplier::rowExists(const QString& table, const QString& rowId)
{
    auto stmt = statement(QStringLiteral("SELECT 1 FROM %1 WHERE id = ?").arg(table));
    if (!stmt.ok())
        return stmt.error();
    (*stmt)->bind(1, rowId);
    auto row = (*stmt)->step();
    if (!row.ok())
        return row.error();
    const bool exists = row.value();
    (*stmt)->reset();
    return exists;
}

Status ChangeApplier::apply(const RowChange& change, qint64 position)
{
    if (!m_loaded) {
        if (auto status = readLocalEdits(); !status.ok())
            return status;
    }
    ChangeRecorder* recorder = m_ward.changeRecorder();
    if (!SyncedTables::isSynced(change.table) || !recorder) {
        ++m_skippedRows;
        qCWarning(lcApply) << "skipped a change to an unknown table" << change.table;
        return {};
    }
    auto known = m_knownColumns.find(change.table);
    if (known == m_knownColumns.end()) {
        auto columns = recorder->columnsOf(change.table);
        if (!columns.ok())
            return columns.error();
        known = m_knownColumns.insert(change.table, QSet<QString>(columns->cbegin(), columns->cend()));
    }
    if (change.table == u"residents")
        m_touchedResidents.insert(change.rowId);

    if (change.op == RowChange::Op::Delete) {
        if (hasLocalEdit(change.table, change.rowId, QStringLiteral("*"), position)) {
            ++m_keptLocal;
            return {};
        }
        auto stmt = statement(QStringLiteral("DELETE FROM %1 WHERE id = ?").arg(change.table));
        if (!stmt.ok())
            return stmt.error();
        (*stmt)->bind(1, change.rowId);
        return (*stmt)->exec();
    }

    QStringList columns;
    QList<QCborValue> values;
    for (auto it = change.after.constBegin(); it != change.after.constEnd(); ++it) {
        const QString column = it.key().toString();
        if (column == u"id" || !known->contains(column) || SyncedTables::isDerived(change.table, column))
            continue;
        if (hasLocalEdit(change.table, change.rowId, column, position)) {
            ++m_keptLocal;
            continue;
        }
        columns << column;
        values << it.value();
    }
    if (columns.isEmpty())
        return {};

    auto exists = rowExists(change.table, change.rowId);
    if (!exists.ok())
        return exists.error();
    QString sql;
    if (exists.value()) {
        QStringList sets;
        for (const QString& column : columns)
            sets << column + QStringLiteral(" = ?");
        sql = QStringLiteral("UPDATE %1 SET %2 WHERE id = ?").arg(change.table, sets.join(u','));
    } else {
        QStringList marks(columns.size() + 1, QStringLiteral("?"));
        sql = QStringLiteral("INSERT INTO %1(%2, id) VALUES (%3)")
                  .arg(change.table, columns.join(u','), marks.join(u','));
    }
    auto stmt = statement(sql);
    if (!stmt.ok())
        return stmt.error();
    int i = 1;
    for (const QCborValue& value : std::as_const(values))
        bindCell(**stmt, i++, value);
    (*stmt)->bind(i, change.rowId);
    if (auto status = (*stmt)->exec(); !status.ok()) {
        // A row that cannot exist here (a partial row whose insert never came): keep going, so
        // that one bad row cannot stop every later change.
        ++m_skippedRows;
        qCWarning(lcApply) << "could not apply a change to" << change.table << status.error().detail;
    }
    return {};
}

Status ChangeApplier::finish()
{
    if (m_touchedResidents.isEmpty())
        return {};
    auto update = m_ward.connection().prepare(u"UPDATE residents SET name_key = ?1, search_text = ?2 WHERE "
                                              u"id = ?3 AND (name_key <> ?1 OR search_text <> ?2)");
    if (!update.ok())
        return update.error();
    for (const QString& id : std::as_const(m_touchedResidents)) {
        auto resident = m_store->resident(id);
        if (!resident.ok()) {
            if (resident.error().kind == Error::Kind::NotFound)
                continue; // deleted
            return resident.error();
        }
        update->reset();
        update->bindAll(VietnameseText::foldKey(resident->fullName), WardStore::searchText(resident.value()),
                        id);
        if (auto status = update->exec(); !status.ok())
            return status;
    }
    m_touchedResidents.clear();
    return {};
}

} // namespace wardroll::model
