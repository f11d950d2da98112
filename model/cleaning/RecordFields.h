#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// The canonical names findings use for a record's fields (Finding::fields, suggestedField):
// the ward database's column names ("full_name", "personal_id", "birth_date", ...), with their
// translated labels for messages.
class RecordFields
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::RecordFields)
public:
    // "ngày sinh" for "birth_date"; the name itself when unknown.
    [[nodiscard]] static QString label(QStringView field);
    // "full name, date of birth" (labels joined for a sentence).
    [[nodiscard]] static QString labels(const QStringList& fields);
};

} // namespace wardroll::model
