#include "HouseholdSearch.h"

#include "HouseholdRelations.h"
#include "ResidentSearch.h"
#include "SqlConnection.h"
#include "WardDatabase.h"

namespace wardroll::model {

namespace {

// How many member matches a name search reads at most: a common name ("nguyen") matches a
// third of the ward, and a picker shows a few dozen households anyway.
constexpr int memberMatchLimit = 2000;

QString likePrefix(QStringView text)
{
    QString out;
    for (QChar c : text) {
        if (c == u'%' || c == u'_' || c == u'\\')
            out += u'\\';
        out += c;
    }
    return out + u'%';
}

} // namespace

HouseholdSearch::HouseholdSearch(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<QList<HouseholdSearch::Hit>> HouseholdSearch::search(QStringView query, int limit)
{
    const QString trimmed = query.trimmed().toString();
    const QString match = ResidentSearch::matchExpression(trimmed);
    const QString memberBranch = match.isEmpty()
        ? QString()
        : QStringLiteral("UNION SELECT household_id FROM (SELECT r.household_id FROM resident_search s "
                         "JOIN resident_search_keys k ON k.seq = s.rowid JOIN residents r ON r.id = "
                         "k.resident_id WHERE resident_search MATCH ?2 AND r.deleted_at IS NULL AND "
                         "r.merged_into IS NULL AND r.household_id IS NOT NULL LIMIT %1)")
              .arg(memberMatchLimit);
    const QString live
        = QStringLiteral("m.household_id = h.id AND m.deleted_at IS NULL AND m.merged_into IS NULL");
    const QString sql
        = QStringLiteral("WITH found(id) AS (SELECT id FROM households WHERE deleted_at IS NULL AND "
                         "household_no LIKE ?1 ESCAPE '\\' %1) "
                         "SELECT h.id, h.household_no, h.village, "
                         "(SELECT m.full_name FROM residents m WHERE %2 AND m.relation_to_head = ?3 "
                         "ORDER BY m.id LIMIT 1), "
                         "(SELECT count(*) FROM residents m WHERE %2) "
                         "FROM households h JOIN found f ON f.id = h.id WHERE h.deleted_at IS NULL "
                         "ORDER BY h.household_no, h.id LIMIT ?4")
              .arg(memberBranch, live);
    auto stmt = m_ward.connection().prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, likePrefix(trimmed));
    if (!match.isEmpty())
        stmt->bind(2, match);
    stmt->bind(3, HouseholdRelations::headValue()).bind(4, limit);
    QList<Hit> hits;
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        Hit hit;
        hit.id = stmt->text(0);
        hit.number = stmt->text(1);
        hit.village = stmt->text(2);
        hit.headName = stmt->text(3);
        hit.members = static_cast<int>(stmt->integer(4));
        hits.append(hit);
    }
    return hits;
}

} // namespace wardroll::model
