#include "OfficerRoles.h"

#include "SqlConnection.h"
#include "WardDatabase.h"

namespace wardroll::model {

namespace {

QString keyOf(const QString& officer)
{
    return QStringLiteral("officer_role:") + officer;
}

} // namespace

OfficerRoles::OfficerRoles(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<OfficerRole> OfficerRoles::role(const QString& officer)
{
    auto stored = m_ward.meta(keyOf(officer));
    if (!stored.ok())
        return stored.error();
    return stored.value() == roleCode(OfficerRole::Chief) ? OfficerRole::Chief : OfficerRole::Officer;
}

Result<OfficerRole> OfficerRoles::currentRole()
{
    return role(m_ward.officer());
}

Result<bool> OfficerRoles::hasChief()
{
    auto stmt = m_ward.connection().prepare(
        u"SELECT 1 FROM ward_meta WHERE key GLOB 'officer_role:*' AND value = 'chief' LIMIT 1");
    if (!stmt.ok())
        return stmt.error();
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    return row.value();
}

Status OfficerRoles::setRole(const QString& officer, OfficerRole role)
{
    if (officer.trimmed().isEmpty())
        return Error{Error::Kind::InvalidInput, tr("Give the officer's name.")};
    auto chiefExists = hasChief();
    if (!chiefExists.ok())
        return chiefExists.error();
    if (chiefExists.value()) {
        auto mine = currentRole();
        if (!mine.ok())
            return mine.error();
        if (mine.value() != OfficerRole::Chief)
            return Error{Error::Kind::Conflict,
                         tr("Only the commune police chief may change officers' roles."), m_ward.officer()};
    }
    return m_ward.setMeta(keyOf(officer), roleCode(role));
}

QString OfficerRoles::roleCode(OfficerRole role)
{
    return role == OfficerRole::Chief ? QStringLiteral("chief") : QStringLiteral("officer");
}

QString OfficerRoles::roleLabel(OfficerRole role)
{
    return role == OfficerRole::Chief ? tr("commune police chief") : tr("officer");
}

} // namespace wardroll::model
