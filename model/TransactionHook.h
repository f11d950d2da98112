#pragma once

#include "Result.h"

namespace wardroll::model {

// Whether a write transaction's changes to the synced tables become a local change-set.
// Off is for applying changes that came from the hub: they are someone else's edits, and
// capturing them again would send them back.
enum class ChangeCapture { On, Off };

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
