#include "SqlTransaction.h"

#include "SqlConnection.h"

namespace wardroll::model {

SqlTransaction::SqlTransaction(SqlConnection& connection)
    : m_connection(connection)
    , m_begun(connection.exec(u"BEGIN IMMEDIATE"))
    , m_active(m_begun.ok())
{
}

SqlTransaction::~SqlTransaction()
{
    rollback();
}

Status SqlTransaction::commit()
{
    if (!m_active)
        return m_begun.ok() ? Status() : m_begun;
    Status status = m_connection.exec(u"COMMIT");
    if (status.ok())
        m_active = false;
    return status;
}

void SqlTransaction::rollback()
{
    if (m_active) {
        (void)m_connection.exec(u"ROLLBACK");
        m_active = false;
    }
}

} // namespace wardroll::model
