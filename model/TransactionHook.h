#pragma once

#include "Result.h"

namespace wardroll::model {

// Whether a write transaction's changes to the synced tables become a local change-set.
// Off is for applying changes that came from the hub: they are someone else's edits, and
// capturing them again would send them back.
// Inserts is for bulk loads (import, demo): the transaction may only insert into the synced
// tables, and each row is recorded as it is written (through SQLite's pre-update hook) instead
// of being read back by the session at COMMIT; an update or delete of a synced table makes the
// COMMIT fail. The change-sets are the same as On would give, in insertion order.
enum class ChangeCapture { On, Off, Inserts };

// Told by SqlTransaction about each write transaction on a connection, so that change capture
// can write its record inside the same transaction, before COMMIT (SQLite's own commit hook
// may not write). Installed with SqlConnection::setTransactionHook.
class TransactionHook
{
public:
    virtual ~TransactionHook() = default;
    // BEGIN succeeded.
    virtual void began(ChangeCapture capture) = 0;
    // Still inside the transaction; an error makes the transaction roll back instead.
    [[nodiscard]] virtual Status beforeCommit() = 0;
    // After COMMIT or ROLLBACK (committed tells which).
    virtual void ended(bool committed) = 0;
};

} // namespace wardroll::model
