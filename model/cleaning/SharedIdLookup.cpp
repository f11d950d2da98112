#include "SharedIdLookup.h"

#include "SqlConnection.h"
#include "WardDatabase.h"

namespace wardroll::model {

SharedIdLookup::SharedIdLookup(WardDatabase& ward)
    : m_ward(ward)
{
}

QList<IdHolder> SharedIdLookup::holders(const QString& normalizedId)
{
    QList<IdHolder> out;
    if (normalizedId.isEmpty())
        return out;
    if (!m_statement.isValid()) {
        auto stmt = m_ward.connection().prepare(
            u"SELECT id, coalesce(source_ref, ''), full_name FROM residents "
            u"WHERE personal_id = ? AND deleted_at IS NULL AND merged_into IS NULL ORDER BY id LIMIT 50");
        if (!stmt.ok())
            return out;
        m_statement = std::move(stmt.value());
    }
    m_statement.reset();
    m_statement.bind(1, normalizedId);
    for (;;) {
        auto row = m_statement.step();
        if (!row.ok() || !row.value())
            break;
        out.append(IdHolder{m_statement.text(0), m_statement.text(1), m_statement.text(2)});
    }
    m_statement.reset();
    return out;
}

} // namespace wardroll::model
