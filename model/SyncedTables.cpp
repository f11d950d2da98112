#include "SyncedTables.h"

namespace wardroll::model {

const QStringList& SyncedTables::tables()
{
    static const QStringList names = {QStringLiteral("households"), QStringLiteral("residents")};
    return names;
}

bool SyncedTables::isSynced(QStringView table)
{
    return table == u"households" || table == u"residents";
}

bool SyncedTables::isDerived(QStringView table, QStringView column)
{
    if (column == u"pending_seq") // UnsyncedRows: this device's own sync bookkeeping
        return table == u"residents" || table == u"households";
    return table == u"residents" && (column == u"name_key" || column == u"search_text");
}

bool SyncedTables::isBookkeeping(QStringView column)
{
    return column == u"updated_at" || column == u"updated_by";
}

} // namespace wardroll::model
