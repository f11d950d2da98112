#include "ResidentSearch.h"

#include "SqlConnection.h"
#include "VietnameseText.h"
#include "WardDatabase.h"

#include <QRegularExpression>

namespace wardroll::model {

ResidentSearch::ResidentSearch(WardDatabase& ward)
    : m_ward(ward)
{
}

QString ResidentSearch::matchExpression(QStringView query)
{
    // Fold exactly as the index was built, then split on what the unicode61 tokenizer splits on.
    static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
    const QStringList words = VietnameseText::foldKey(query).split(separators, Qt::SkipEmptyParts);
    QStringList terms;
    for (const QString& word : words)
        terms << QLatin1Char('"') + word + QStringLiteral("\"*"); // quoted: no FTS syntax from users
    return terms.join(QStringLiteral(" AND "));
}

Result<QList<ResidentSearch::Hit>> ResidentSearch::search(QStringView query, int limit)
{
    QList<Hit> hits;
    const QString match = matchExpression(query);
    if (match.isEmpty())
        return hits;
    auto stmt = m_ward.connection().prepare(
        u"SELECT r.id, r.source_ref, r.full_name, r.birth_date_raw, r.birth_year, r.birth_month, "
        u"r.birth_day, "
        u"r.personal_id FROM resident_search s "
        u"JOIN resident_search_keys k ON k.seq = s.rowid "
        u"JOIN residents r ON r.id = k.resident_id "
        u"WHERE resident_search MATCH ?1 AND r.deleted_at IS NULL AND r.merged_into IS NULL "
        u"LIMIT ?2");
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, match).bind(2, limit);
    for (;;) {
        auto row = stmt->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        Hit hit;
        hit.id = stmt->text(0);
        hit.sourceRef = stmt->text(1);
        hit.fullName = stmt->text(2);
        hit.birthDate = PartialDate::fromParts(stmt->optionalInt(4), stmt->optionalInt(5),
                                               stmt->optionalInt(6), stmt->text(3));
        hit.personalId = stmt->text(7);
        hits.append(hit);
    }
    return hits;
}

} // namespace wardroll::model
