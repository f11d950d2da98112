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
    // Only the word still being typed is a prefix, and so are short words ("ngu v hu"), which the
    // index's 2-4 letter prefix tables answer directly. A long word the officer has finished
    // (a space follows it) is matched whole: FTS5 answers a long prefix by merging the lists of
    // every term it starts, 355k entries for "nguyen" on a 1M ward, 25 ms per keystroke.
    static const QRegularExpression letters(QStringLiteral("^\\p{L}+$"));
    QStringList terms;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString& word = words[i];
        const bool finished = i + 1 < words.size() || query.back().isSpace();
        const bool whole = finished && word.size() > 4 && letters.match(word).hasMatch();
        terms << QLatin1Char('"') + word + (whole ? QStringLiteral("\"") : QStringLiteral("\"*"));
    }
    return terms.join(QStringLiteral(" AND ")); // quoted: no FTS syntax from users
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
