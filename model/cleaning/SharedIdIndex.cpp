#include "SharedIdIndex.h"

#include "RecordRules.h"
#include "SqlConnection.h"

#include <QSet>

namespace wardroll::model {

Result<SharedIdIndex> SharedIdIndex::load(SqlConnection& connection)
{
    // Holders of IDs stored identically. The GROUP BY and the scan for odd IDs read only the
    // partial index of live records' IDs (schema v2), which covers them: without INDEXED BY,
    // SQLite (no statistics) picks residents_personal_id and reads every row of the table, ten
    // times slower.
    static constexpr auto sameRaw
        = u"SELECT id, coalesce(source_ref, ''), full_name, personal_id FROM residents "
          u"WHERE deleted_at IS NULL AND merged_into IS NULL AND personal_id IN ("
          u"SELECT personal_id FROM residents INDEXED BY residents_live_personal_id "
          u"WHERE deleted_at IS NULL AND merged_into IS NULL AND personal_id <> '' "
          u"GROUP BY personal_id HAVING count(*) > 1)";
    // IDs written with something else than digits: spaces or dots may hide an equal ID.
    static constexpr auto odd = u"SELECT DISTINCT personal_id FROM residents INDEXED BY "
                                u"residents_live_personal_id WHERE deleted_at IS NULL AND "
                                u"merged_into IS NULL AND personal_id <> '' AND personal_id GLOB '*[^0-9]*'";
    static constexpr auto byRaw
        = u"SELECT id, coalesce(source_ref, ''), full_name, personal_id FROM residents "
          u"WHERE deleted_at IS NULL AND merged_into IS NULL AND personal_id = ?";

    QHash<QString, QList<IdHolder>> groups;
    QSet<QString> seenRaw;
    auto collect = [&groups](SqlStatement& stmt) -> Status {
        for (;;) {
            auto row = stmt.step();
            if (!row.ok())
                return row.error();
            if (!row.value())
                return {};
            groups[RecordRules::normalizedId(stmt.text(3))].append(
                IdHolder{stmt.text(0), stmt.text(1), stmt.text(2)});
        }
    };

    auto same = connection.prepare(sameRaw);
    if (!same.ok())
        return same.error();
    if (auto status = collect(*same); !status.ok())
        return status.error();
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        for (const IdHolder& h : it.value())
            seenRaw.insert(h.residentId);

    auto oddIds = connection.prepare(odd);
    if (!oddIds.ok())
        return oddIds.error();
    QStringList raws;
    for (;;) {
        auto row = oddIds->step();
        if (!row.ok())
            return row.error();
        if (!row.value())
            break;
        const QString raw = oddIds->text(0);
        raws << raw;
        const QString normalized = RecordRules::normalizedId(raw);
        if (!normalized.isEmpty() && normalized != raw)
            raws << normalized;
    }
    if (!raws.isEmpty()) {
        auto stmt = connection.prepare(byRaw);
        if (!stmt.ok())
            return stmt.error();
        QSet<QString> done;
        for (const QString& raw : std::as_const(raws)) {
            if (done.contains(raw))
                continue;
            done.insert(raw);
            stmt->reset();
            stmt->bind(1, raw);
            for (;;) {
                auto row = stmt->step();
                if (!row.ok())
                    return row.error();
                if (!row.value())
                    break;
                const QString id = stmt->text(0);
                if (seenRaw.contains(id))
                    continue; // already read by the first query
                seenRaw.insert(id);
                groups[RecordRules::normalizedId(stmt->text(3))].append(
                    IdHolder{id, stmt->text(1), stmt->text(2)});
            }
        }
    }

    SharedIdIndex index;
    for (auto it = groups.begin(); it != groups.end(); ++it)
        if (it.value().size() > 1 && !it.key().isEmpty())
            index.m_shared.insert(it.key(), std::move(it.value()));
    return index;
}

} // namespace wardroll::model
