#pragma once

#include "Resident.h"

#include <QCoreApplication>
#include <QString>

namespace wardroll::ui {

// How the fields a merge chooses between (MergeOperation::fields()) are shown to an officer:
// their form labels and their values as text.
class ResidentFieldText
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::ui::ResidentFieldText)
public:
    // "Ngày sinh" for "birth_date"; the name itself when unknown.
    [[nodiscard]] static QString label(const QString& field);
    // The value as shown; `householdNumber` stands for the record's household ("household_ref":
    // household number and relationship to the head).
    [[nodiscard]] static QString value(const model::Resident& resident, const QString& field,
                                       const QString& householdNumber = {});
};

} // namespace wardroll::ui
