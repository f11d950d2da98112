#pragma once

#include "RuleContext.h"
#include "SqlStatement.h"

namespace wardroll::model {

class WardDatabase;

// id.shared for one record as it is edited: the live records (not deleted, not merged) that
// hold an ID, read on the personal-ID index. Finds IDs stored exactly as the normalized ID (the
// stored form the app writes); an older record with spaces in its ID is caught by the batch run
// (SharedIdIndex). Keeps its prepared statement: create one per form, on the ward's thread.
class SharedIdLookup
{
public:
    explicit SharedIdLookup(WardDatabase& ward);

    // Errors read as "no holder": a form must not fail because of this lookup.
    [[nodiscard]] QList<IdHolder> holders(const QString& normalizedId);
    // RuleContext::idHolders over this lookup (which must outlive the function).
    [[nodiscard]] std::function<QList<IdHolder>(const QString&)> lookup()
    {
        return [this](const QString& id) {
            return holders(id);
        };
    }

private:
    WardDatabase& m_ward;
    SqlStatement m_statement;
};

} // namespace wardroll::model
