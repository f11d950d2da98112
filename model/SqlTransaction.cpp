#include "SqlTransaction.h"

#include "SqlConnection.h"

namespace wardroll::model {

SqlTransaction::SqlTransaction(SqlConnection& connection, ChangeCapture capture)
    : m_connection(connection)
    , m_hook(connection.transactionHook())
    , m_begun(connection.exec(u"BEGIN IMMEDIATE"))
    , m_active(m_begun.ok())
{
    if (m_active && m_hook)
        m_hook->began(capture);
}

SqlTransaction::~SqlTransaction()
{
    rollback();
}

Status SqlTransaction::commit()
{
    if (!m_active)
        return m_begun.ok() ? Status() : m_begun;
    if (m_hook) {
        // The change record is part of the transaction: if it cannot be written, nothing is.
        if (Status recorded = m_hook->beforeCommit(); !recorded.ok()) {
            rollback();
            return recorded;
        }
    }
    Status status = m_connection.exec(u"COMMIT");
    if (status.ok()) {
        m_active = false;
        if (m_hook)
            m_hook->ended(true);
    }
    return status;
}

void SqlTransaction::rollback()
{
    if (m_active) {
        (void)m_connection.exec(u"ROLLBACK");
        m_active = false;
        if (m_hook)
            m_hook->ended(false);
    }
}

} // namespace wardroll::model
