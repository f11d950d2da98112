#include "ScopedPragma.h"

#include "SqlConnection.h"

namespace wardroll::model {

ScopedPragma::ScopedPragma(SqlConnection& connection, const QString& name, qint64 value)
    : m_connection(connection)
    , m_name(name)
{
    auto previous = m_connection.queryInt(QStringLiteral("PRAGMA %1").arg(m_name));
    if (!previous.ok())
        return;
    m_previous = previous.value();
    m_set = m_connection.exec(QStringLiteral("PRAGMA %1 = %2").arg(m_name).arg(value)).ok();
}

ScopedPragma::~ScopedPragma()
{
    if (m_set)
        (void)m_connection.exec(QStringLiteral("PRAGMA %1 = %2").arg(m_name).arg(m_previous));
}

} // namespace wardroll::model
