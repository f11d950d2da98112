#pragma once

#include "Result.h"
#include "RuleContext.h"

#include <QHash>

namespace wardroll::model {

class SqlConnection;

// Which personal IDs are held by more than one live record (not deleted, not merged), for
// id.shared over the whole ward: IDs are compared normalized (spaces, dots, dashes removed).
// Built from one GROUP BY on the personal-ID index, plus the few IDs written with separators;
// holds only the shared IDs, so it stays small. Read-only once loaded: safe to share between
// threads.
class SharedIdIndex
{
public:
    [[nodiscard]] static Result<SharedIdIndex> load(SqlConnection& connection);

    // The holders of a normalized ID when two or more records hold it; empty otherwise.
    [[nodiscard]] QList<IdHolder> holders(const QString& normalizedId) const
    {
        return m_shared.value(normalizedId);
    }
    [[nodiscard]] qsizetype sharedIdCount() const { return m_shared.size(); }
    // RuleContext::idHolders over this index (which must outlive the function).
    [[nodiscard]] std::function<QList<IdHolder>(const QString&)> lookup() const
    {
        return [this](const QString& id) {
            return holders(id);
        };
    }

private:
    QHash<QString, QList<IdHolder>> m_shared;
};

} // namespace wardroll::model
