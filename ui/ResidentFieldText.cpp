#include "ResidentFieldText.h"

namespace wardroll::ui {

namespace {

QString addressText(const model::Address& address)
{
    QStringList parts;
    if (!address.text.trimmed().isEmpty())
        parts << address.text.trimmed();
    if (!address.village.isEmpty())
        parts << address.village;
    if (!address.unitCode.isEmpty())
        parts << address.unitCode + QStringLiteral(" (") + address.unitScheme + QLatin1Char(')');
    return parts.join(QStringLiteral(", "));
}

} // namespace

QString ResidentFieldText::label(const QString& field)
{
    struct Entry
    {
        const char* field;
        const char* text;
    };
    static constexpr Entry entries[] = {
        {"full_name", QT_TR_NOOP("Full name")},
        {"other_names", QT_TR_NOOP("Other names")},
        {"birth_date", QT_TR_NOOP("Date of birth")},
        {"sex", QT_TR_NOOP("Sex")},
        {"personal_id", QT_TR_NOOP("Personal ID")},
        {"old_id", QT_TR_NOOP("Old ID card (CMND)")},
        {"birth_place", QT_TR_NOOP("Place of birth")},
        {"birth_registration_place", QT_TR_NOOP("Place of birth registration")},
        {"hometown", QT_TR_NOOP("Hometown")},
        {"ethnicity", QT_TR_NOOP("Ethnicity")},
        {"religion", QT_TR_NOOP("Religion")},
        {"nationality", QT_TR_NOOP("Nationality")},
        {"marital_status", QT_TR_NOOP("Marital status")},
        {"permanent_address", QT_TR_NOOP("Permanent residence")},
        {"temporary_address", QT_TR_NOOP("Temporary residence")},
        {"current_address", QT_TR_NOOP("Current residence")},
        {"village", QT_TR_NOOP("Village")},
        {"household_ref", QT_TR_NOOP("Household and relationship to the head")},
        {"father_name", QT_TR_NOOP("Father's name")},
        {"father_id", QT_TR_NOOP("Father's personal ID")},
        {"mother_name", QT_TR_NOOP("Mother's name")},
        {"mother_id", QT_TR_NOOP("Mother's personal ID")},
        {"spouse_name", QT_TR_NOOP("Spouse's name")},
        {"spouse_id", QT_TR_NOOP("Spouse's personal ID")},
        {"phone", QT_TR_NOOP("Phone")},
        {"email", QT_TR_NOOP("E-mail")},
        {"status", QT_TR_NOOP("Status")},
        {"death_date", QT_TR_NOOP("Date of death")},
    };
    for (const Entry& entry : entries)
        if (field == QLatin1String(entry.field))
            return tr(entry.text);
    return field;
}

QString ResidentFieldText::value(const model::Resident& r, const QString& field,
                                 const QString& householdNumber)
{
    if (field == u"full_name")
        return r.fullName;
    if (field == u"other_names")
        return r.otherNames;
    if (field == u"birth_date")
        return r.birthDate.toDisplayString();
    if (field == u"sex") {
        switch (r.sex) {
        case model::Sex::Male:
            return tr("Male");
        case model::Sex::Female:
            return tr("Female");
        case model::Sex::Unknown:
            break;
        }
        return {};
    }
    if (field == u"personal_id")
        return r.personalId;
    if (field == u"old_id")
        return r.oldId;
    if (field == u"birth_place")
        return r.birthPlace;
    if (field == u"birth_registration_place")
        return r.birthRegistrationPlace;
    if (field == u"hometown")
        return r.hometown;
    if (field == u"ethnicity")
        return r.ethnicity;
    if (field == u"religion")
        return r.religion;
    if (field == u"nationality")
        return r.nationality;
    if (field == u"marital_status")
        return r.maritalStatus;
    if (field == u"permanent_address")
        return addressText(r.permanentAddress);
    if (field == u"temporary_address")
        return addressText(r.temporaryAddress);
    if (field == u"current_address")
        return addressText(r.currentAddress);
    if (field == u"village")
        return r.village;
    if (field == u"household_ref") {
        if (r.householdId.isEmpty())
            return {};
        const QString number = householdNumber.isEmpty() ? r.householdId : householdNumber;
        return r.relationToHead.isEmpty() ? number : number + QStringLiteral(" · ") + r.relationToHead;
    }
    if (field == u"father_name")
        return r.fatherName;
    if (field == u"father_id")
        return r.fatherId;
    if (field == u"mother_name")
        return r.motherName;
    if (field == u"mother_id")
        return r.motherId;
    if (field == u"spouse_name")
        return r.spouseName;
    if (field == u"spouse_id")
        return r.spouseId;
    if (field == u"phone")
        return r.phone;
    if (field == u"email")
        return r.email;
    if (field == u"status") {
        switch (r.status) {
        case model::ResidentStatus::Living:
            return tr("Living");
        case model::ResidentStatus::Deceased:
            return tr("Deceased");
        case model::ResidentStatus::Missing:
            return tr("Missing");
        case model::ResidentStatus::MovedOut:
            return tr("Moved out");
        }
        return {};
    }
    if (field == u"death_date")
        return r.deathDate.toDisplayString();
    return {};
}

} // namespace wardroll::ui
