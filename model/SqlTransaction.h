#pragma once

#include "Result.h"

namespace wardroll::model {

class SqlConnection;

// RAII write transaction: BEGIN IMMEDIATE on construction (so that writers queue instead of
// failing on upgrade), ROLLBACK on destruction unless commit() succeeded.
class SqlTransaction
{
public:
    explicit SqlTransaction(SqlConnection& connection);
    ~SqlTransaction();
    SqlTransaction(const SqlTransaction&) = delete;
    SqlTransaction& operator=(const SqlTransaction&) = delete;

    // The result of BEGIN; a transaction that failed to begin must not be used.
    [[nodiscard]] const Status& begun() const { return m_begun; }
    [[nodiscard]] Status commit();
    void rollback();

private:
    SqlConnection& m_connection;
    Status m_begun;
    bool m_active = false;
};

} // namespace wardroll::model
