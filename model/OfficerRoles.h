#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QString>

namespace wardroll::model {

class WardDatabase;

// What an officer may decide in a ward. Every officer collects, verifies and corrects records;
// the commune police chief (trưởng công an xã) also decides on the flags escalated to him
// (DOMAIN.md §1: the chief approves corrections). Kept per ward in ward_meta
// ("officer_role:<name>" = "chief"); an officer without an entry is an ordinary officer.
enum class OfficerRole { Officer, Chief };

class OfficerRoles
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::OfficerRoles)
public:
    explicit OfficerRoles(WardDatabase& ward);

    [[nodiscard]] Result<OfficerRole> role(const QString& officer);
    // The role of the officer the ward is opened for.
    [[nodiscard]] Result<OfficerRole> currentRole();
    // Whether any officer of the ward is its chief.
    [[nodiscard]] Result<bool> hasChief();
    // Only a chief gives or takes the role, except for the ward's first chief (a fresh ward has
    // none: whoever sets the ward up names him).
    [[nodiscard]] Status setRole(const QString& officer, OfficerRole role);

    [[nodiscard]] static QString roleCode(OfficerRole role); // "officer", "chief"
    [[nodiscard]] static QString roleLabel(OfficerRole role); // translated

private:
    WardDatabase& m_ward;
};

} // namespace wardroll::model
