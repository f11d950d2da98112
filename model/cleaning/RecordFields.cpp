#include "RecordFields.h"

namespace wardroll::model {

QString RecordFields::label(QStringView field)
{
    // Sentence-internal labels: lowercase, as they appear in messages.
    if (field == u"full_name")
        return tr("full name");
    if (field == u"other_names")
        return tr("other names");
    if (field == u"personal_id")
        return tr("personal ID");
    if (field == u"birth_date")
        return tr("date of birth");
    if (field == u"death_date")
        return tr("date of death");
    if (field == u"sex")
        return tr("sex");
    if (field == u"birth_place")
        return tr("place of birth");
    if (field == u"birth_registration_place")
        return tr("place of birth registration");
    if (field == u"hometown")
        return tr("hometown");
    if (field == u"ethnicity")
        return tr("ethnicity");
    if (field == u"religion")
        return tr("religion");
    if (field == u"nationality")
        return tr("nationality");
    if (field == u"status")
        return tr("status");
    if (field == u"household_id")
        return tr("household");
    if (field == u"relation_to_head")
        return tr("relationship to the household head");
    if (field == u"permanent_unit_code")
        return tr("permanent residence");
    if (field == u"temporary_unit_code")
        return tr("temporary residence");
    if (field == u"current_unit_code")
        return tr("current residence");
    if (field == u"address_unit_code")
        return tr("household address");
    return field.toString();
}

QString RecordFields::labels(const QStringList& fields)
{
    QStringList out;
    out.reserve(fields.size());
    for (const QString& field : fields)
        out << label(field);
    return out.join(QStringLiteral(", "));
}

} // namespace wardroll::model
