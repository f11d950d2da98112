#include "ResidentPageQuery.h"

#include "ResidentSearch.h"
#include "SqlConnection.h"
#include "WardDatabase.h"

namespace wardroll::ui {

using model::Error;
using model::Result;
using model::SqlStatement;
using model::Status;

namespace {

struct OrderSpec
{
    // Must be written exactly as in the index (Migrations.cpp, schemas v2 and v10) to be used by SQLite.
    QStringView key;
    bool integerKey;
};

OrderSpec spec(ResidentPageQuery::Order order)
{
    switch (order) {
    case ResidentPageQuery::Order::Name:
        break;
    case ResidentPageQuery::Order::BirthDate:
        return {u"(coalesce(r.birth_year, 0) * 10000 + coalesce(r.birth_month, 0) * 100 "
                u"+ coalesce(r.birth_day, 0))",
                true};
    case ResidentPageQuery::Order::Sex:
        return {u"coalesce(r.sex, '')", false};
    case ResidentPageQuery::Order::PersonalId:
        return {u"r.personal_id", false};
    case ResidentPageQuery::Order::Village:
        return {u"r.village", false};
    case ResidentPageQuery::Order::Status:
        return {u"r.status", false};
    }
    return {u"r.name_key", false};
}

const QString live = QStringLiteral("r.deleted_at IS NULL AND r.merged_into IS NULL");
const QString plainFrom
    = QStringLiteral("residents r LEFT JOIN households h ON h.id = r.household_id AND h.deleted_at IS NULL");
// CROSS JOIN fixes the loop order: the search index drives, records are looked up.
const QString searchFrom
    = QStringLiteral("resident_search s CROSS JOIN resident_search_keys k ON k.seq = s.rowid "
                     "CROSS JOIN residents r ON r.id = k.resident_id "
                     "LEFT JOIN households h ON h.id = r.household_id AND h.deleted_at IS NULL");

// Parameters: ?1 page limit, ?2 key, ?3 name key (or rowid for the name order), ?4 rowid, ?5 match.
constexpr int limitParam = 1;
constexpr int keyParam = 2;
constexpr int nameKeyParam = 3;
constexpr int rowidParam = 4;
constexpr int matchParam = 5;
constexpr int villageParam = 6;
constexpr int statusParam = 7;
constexpr int ruleParam = 8;

} // namespace

ResidentPageQuery::ResidentPageQuery(model::WardDatabase& ward)
    : m_ward(ward)
{
}

ResidentPageQuery::~ResidentPageQuery() = default;

QString ResidentPageQuery::liveWhere() const
{
    QString where = live;
    if (!m_filters.village.isEmpty())
        where += QStringLiteral(" AND r.village = ?6");
    if (m_filters.status)
        where += QStringLiteral(" AND r.status = ?7");
    if (m_filters.flagged || !m_filters.rule.isEmpty()) {
        // Each subquery is materialised once per page, then looked up per row.
        const QString active = QStringLiteral("state IN ('open', 'in_verification')")
            + (m_filters.rule.isEmpty() ? QString() : QStringLiteral(" AND rule = ?8"));
        where
            += QStringLiteral(" AND (r.id IN (SELECT resident_id FROM flags WHERE %1 AND resident_id IS NOT "
                              "NULL UNION ALL SELECT other_resident_id FROM flags WHERE %1 AND "
                              "other_resident_id IS NOT NULL) OR r.household_id IN (SELECT household_id "
                              "FROM flags WHERE %1 AND household_id IS NOT NULL AND resident_id IS NULL))")
                   .arg(active);
    }
    if (m_filters.conflicted)
        where += QStringLiteral(" AND r.id IN (SELECT row_id FROM sync_conflicts WHERE table_name = "
                                "'residents' AND resolved_at IS NULL)");
    if (m_filters.unsynced) {
        // Few unsynced records: they drive (read from the partial index, then sorted); many:
        // the sort index drives and most rows it reads are listed. Either stays within tens of
        // milliseconds a page on 200k records, where the other can take seconds.
        where += m_unsyncedFew
            ? QStringLiteral(" AND r.rowid IN (SELECT rowid FROM residents WHERE pending_seq IS NOT NULL)")
            : QStringLiteral(" AND r.pending_seq IS NOT NULL");
    }
    return where;
}

void ResidentPageQuery::bindFilters(SqlStatement& stmt) const
{
    if (!m_filters.village.isEmpty())
        stmt.bind(villageParam, m_filters.village);
    if (m_filters.status)
        stmt.bind(statusParam, model::statusCode(*m_filters.status));
    if (!m_filters.rule.isEmpty())
        stmt.bind(ruleParam, m_filters.rule);
}

Result<QStringList> ResidentPageQuery::villages(model::WardDatabase& ward)
{
    // A skip scan of the live village index: one seek per village, not one step per resident.
    auto stmt = ward.connection().prepare(
        QStringLiteral("WITH RECURSIVE v(name) AS (SELECT min(r.village) FROM residents r WHERE %1 AND "
                       "r.village > '' UNION ALL SELECT (SELECT min(r.village) FROM residents r WHERE %1 AND "
                       "r.village > v.name) FROM v WHERE v.name IS NOT NULL) SELECT name FROM v WHERE name "
                       "IS NOT NULL")
            .arg(live));
    if (!stmt.ok())
        return stmt.error();
    QStringList names;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        names << stmt->text(0);
    }
    return names;
}

Status ResidentPageQuery::start(Order order, Qt::SortOrder direction, const QString& search,
                                const ResidentFilters& filters)
{
    m_filters = filters;
    m_order = order;
    m_direction = direction;
    m_hasPosition = false;
    m_last = {};
    m_match = model::ResidentSearch::matchExpression(search);
    m_matchCount = -1;
    m_plan = Plan::Index;
    m_unsyncedFew = false;
    if (m_filters.unsynced) {
        auto pending = m_ward.connection().queryInt(
            QStringLiteral(
                "SELECT count(*) FROM (SELECT 1 FROM residents WHERE pending_seq IS NOT NULL LIMIT %1)")
                .arg(fewUnsynced + 1));
        if (!pending.ok())
            return pending.error();
        m_unsyncedFew = pending.value() <= fewUnsynced;
    }
    if (m_match.isEmpty())
        return {};

    // The index alone first: cheap, and enough to choose the plan. Only a narrow search is then
    // counted among live records, which costs a lookup per match.
    auto indexed = count(QStringLiteral("SELECT count(*) FROM (SELECT rowid FROM resident_search "
                                        "WHERE resident_search MATCH ?1 LIMIT ?2)"),
                         false);
    if (!indexed.ok())
        return indexed.error();
    if (indexed.value() > sortedSearchLimit) {
        m_matchCount = indexed.value();
        m_plan = Plan::SearchUnsorted;
        return {};
    }
    auto liveMatches = count(QStringLiteral("SELECT count(*) FROM (SELECT 1 FROM %1 WHERE resident_search "
                                            "MATCH ?1 AND %2 LIMIT ?2)")
                                 .arg(searchFrom, liveWhere()),
                             true);
    if (!liveMatches.ok())
        return liveMatches.error();
    m_matchCount = liveMatches.value();
    m_plan = Plan::SearchSorted;
    return {};
}

QString ResidentPageQuery::pageSql() const
{
    const QString key = spec(m_order).key.toString();
    const QString where = liveWhere();
    const bool byName = m_order == Order::Name;
    const bool ascending = m_direction == Qt::AscendingOrder;
    const QString dir = ascending ? QStringLiteral("ASC") : QStringLiteral("DESC");
    const QString after = ascending ? QStringLiteral(">") : QStringLiteral("<");
    // The tie-breakers after the key, and their keyset parameters: the rowid, which ends every
    // entry of the sort indexes, so that a page is read in index order without sorting.
    const QString tail = byName ? QStringLiteral("r.rowid") : QStringLiteral("r.name_key, r.rowid");
    const QString tailParams = byName ? QStringLiteral("?3") : QStringLiteral("?3, ?4");
    const QString tailOrder = byName ? QStringLiteral("r.rowid %1").arg(dir)
                                     : QStringLiteral("r.name_key %1, r.rowid %1").arg(dir);
    const QString columns
        = QStringLiteral("r.id, r.full_name, r.birth_date_raw, r.birth_year, r.birth_month, r.birth_day, "
                         "r.sex, r.personal_id, r.village, h.household_no, r.status, r.name_key, "
                         "%1 AS sort_key, %2 AS seq, r.rowid AS row_id")
              .arg(key, m_plan == Plan::Index ? QStringLiteral("0") : QStringLiteral("s.rowid"));
    const QString fullOrder = QStringLiteral("ORDER BY %1 %2, %3").arg(key, dir, tailOrder);

    if (m_plan == Plan::SearchUnsorted) {
        return QStringLiteral(
                   "SELECT %1 FROM %2 WHERE resident_search MATCH ?5 AND %3%4 ORDER BY s.rowid LIMIT ?1")
            .arg(columns, searchFrom, where, m_hasPosition ? QStringLiteral(" AND s.rowid > ?2") : QString());
    }
    if (m_plan == Plan::SearchSorted) {
        const QString position = m_hasPosition
            ? QStringLiteral(" AND (%1, %2) %3 (?2, %4)").arg(key, tail, after, tailParams)
            : QString();
        return QStringLiteral("SELECT %1 FROM %2 WHERE resident_search MATCH ?5 AND %3%4 %5 LIMIT ?1")
            .arg(columns, searchFrom, where, position, fullOrder);
    }
    const QString select = QStringLiteral("SELECT %1 FROM %2 WHERE %3").arg(columns, plainFrom, where);
    if (!m_hasPosition)
        return QStringLiteral("%1 %2 LIMIT ?1").arg(select, fullOrder);
    const QString sameKey = QStringLiteral("%1 AND %2 = ?2 AND (%3) %4 (%5) ORDER BY %6 LIMIT ?1")
                                .arg(select, key, tail, after, tailParams, tailOrder);
    const QString laterKey = QStringLiteral("%1 AND %2 %3 ?2 %4 LIMIT ?1").arg(select, key, after, fullOrder);
    const QString outerOrder = byName ? QStringLiteral("sort_key %1, row_id %1").arg(dir)
                                      : QStringLiteral("sort_key %1, name_key %1, row_id %1").arg(dir);
    return QStringLiteral(
               "SELECT * FROM (SELECT * FROM (%1) UNION ALL SELECT * FROM (%2)) ORDER BY %3 LIMIT ?1")
        .arg(sameKey, laterKey, outerOrder);
}

Result<qint64> ResidentPageQuery::count(const QString& sql, bool filtered)
{
    auto stmt = statement(sql);
    if (!stmt.ok())
        return stmt.error();
    (*stmt)->bind(1, m_match).bind(2, sortedSearchLimit + 1);
    if (filtered)
        bindFilters(**stmt);
    auto row = (*stmt)->step();
    const qint64 value = row.ok() && row.value() ? (*stmt)->integer(0) : 0;
    (*stmt)->reset();
    if (!row.ok())
        return row.error();
    return value;
}

Result<SqlStatement*> ResidentPageQuery::statement(const QString& sql)
{
    auto found = m_statements.find(sql);
    if (found == m_statements.end()) {
        auto prepared = m_ward.connection().prepare(sql);
        if (!prepared.ok())
            return prepared.error();
        found = m_statements.emplace(sql, std::move(prepared.value())).first;
    }
    found->second.clearBindings();
    return &found->second;
}

void ResidentPageQuery::bindPosition(SqlStatement& stmt, int limit) const
{
    stmt.bind(limitParam, limit);
    bindFilters(stmt);
    if (m_plan != Plan::Index)
        stmt.bind(matchParam, m_match);
    if (!m_hasPosition)
        return;
    if (m_plan == Plan::SearchUnsorted) {
        stmt.bind(keyParam, m_last.searchSeq);
        return;
    }
    if (spec(m_order).integerKey)
        stmt.bind(keyParam, m_last.sortKey.toLongLong());
    else
        stmt.bind(keyParam, m_last.sortKey.toString());
    if (m_order == Order::Name) {
        stmt.bind(nameKeyParam, m_last.rowid);
    } else {
        stmt.bind(nameKeyParam, m_last.nameKey);
        stmt.bind(rowidParam, m_last.rowid);
    }
}

ResidentRow ResidentPageQuery::readRow(const SqlStatement& stmt) const
{
    ResidentRow row;
    row.id = stmt.text(0);
    row.fullName = stmt.text(1);
    row.birthDate = model::PartialDate::fromParts(stmt.optionalInt(3), stmt.optionalInt(4),
                                                  stmt.optionalInt(5), stmt.text(2))
                        .toDisplayString();
    row.sex = model::sexFromCode(stmt.text(6));
    row.personalId = stmt.text(7);
    row.village = stmt.text(8);
    row.householdNumber = stmt.text(9);
    row.status = model::statusFromCode(stmt.text(10));
    row.nameKey = stmt.text(11);
    row.sortKey = spec(m_order).integerKey ? QVariant(stmt.integer(12)) : QVariant(stmt.text(12));
    row.searchSeq = stmt.integer(13);
    row.rowid = stmt.integer(14);
    return row;
}

Result<bool> ResidentPageQuery::next(int limit, QList<ResidentRow>& rows)
{
    auto stmt = statement(pageSql());
    if (!stmt.ok())
        return stmt.error();
    SqlStatement& query = **stmt;
    // One row beyond the page tells whether another page follows.
    bindPosition(query, limit + 1);
    int read = 0;
    bool more = false;
    for (;;) {
        auto row = query.step();
        if (!row.ok())
            return Error{row.error().kind, tr("The list of residents could not be read."),
                         row.error().toString()};
        if (!row.value())
            break;
        if (read == limit) {
            more = true;
            break;
        }
        rows.append(readRow(query));
        ++read;
    }
    // Reset at once: a statement left open would pin this connection's read snapshot.
    query.reset();
    if (read > 0) {
        m_last = rows.constLast();
        m_hasPosition = true;
    }
    return more;
}

} // namespace wardroll::ui
