#pragma once

#include "Result.h"
#include "TransactionHook.h"

namespace wardroll::model {

class SqlConnection;

// RAII write transaction: BEGIN IMMEDIATE on construction (so that writers queue instead of
// failing on upgrade), ROLLBACK on destruction unless commit() succeeded.
// The connection's TransactionHook (change capture on a ward) hears of each one: commit() lets
// it write its change record inside the transaction first. `capture` Off is only for applying
// changes that came from elsewhere (sync).
class SqlTransaction
{
public:
    explicit SqlTransaction(SqlConnection& connection, ChangeCapture capture = ChangeCapture::On);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    // The result of BEGIN; a transaction that failed to begin must not be used.
    [[nodiscard]] const Status& begun() const { return m_begun; }
    [[nodiscard]] Status commit();
    void rollback();

private:
    SqlConnection& m_connection;
    TransactionHook* m_hook = nullptr;
    Status m_begun;
    bool m_active = false;
};

} // namespace wardroll::model
