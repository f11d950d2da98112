#include "ResidentJson.h"

namespace wardroll::model {

namespace {

QJsonObject dateJson(const PartialDate& d)
{
    QJsonObject o{{QStringLiteral("raw"), d.raw()}};
    if (d.year())
        o.insert(QStringLiteral("year"), *d.year());
    if (d.month())
        o.insert(QStringLiteral("month"), *d.month());
    if (d.day())
        o.insert(QStringLiteral("day"), *d.day());
    return o;
}

PartialDate dateFrom(const QJsonObject& o)
{
    auto part = [&](const char* key) -> std::optional<int> {
        const QJsonValue v = o.value(QLatin1String(key));
        return v.isDouble() ? std::optional<int>(v.toInt()) : std::nullopt;
    };
    return PartialDate::fromParts(part("year"), part("month"), part("day"), o.value(u"raw").toString());
}

QJsonObject addressJson(const Address& a)
{
    return {{QStringLiteral("unit_code"), a.unitCode},
            {QStringLiteral("unit_scheme"), a.unitScheme},
            {QStringLiteral("village"), a.village},
            {QStringLiteral("text"), a.text}};
}

Address addressFrom(const QJsonObject& o)
{
    return {o.value(u"unit_code").toString(), o.value(u"unit_scheme").toString(),
            o.value(u"village").toString(), o.value(u"text").toString()};
}

} // namespace

QJsonObject ResidentJson::toJson(const Resident& r)
{
    return {
        {QStringLiteral("id"), r.id},
        {QStringLiteral("source_ref"), r.sourceRef},
        {QStringLiteral("household_id"), r.householdId},
        {QStringLiteral("relation_to_head"), r.relationToHead},
        {QStringLiteral("full_name"), r.fullName},
        {QStringLiteral("other_names"), r.otherNames},
        {QStringLiteral("personal_id"), r.personalId},
        {QStringLiteral("old_id"), r.oldId},
        {QStringLiteral("birth_date"), dateJson(r.birthDate)},
        {QStringLiteral("sex"), sexCode(r.sex)},
        {QStringLiteral("birth_place"), r.birthPlace},
        {QStringLiteral("birth_registration_place"), r.birthRegistrationPlace},
        {QStringLiteral("hometown"), r.hometown},
        {QStringLiteral("ethnicity"), r.ethnicity},
        {QStringLiteral("religion"), r.religion},
        {QStringLiteral("nationality"), r.nationality},
        {QStringLiteral("marital_status"), r.maritalStatus},
        {QStringLiteral("phone"), r.phone},
        {QStringLiteral("email"), r.email},
        {QStringLiteral("village"), r.village},
        {QStringLiteral("permanent_address"), addressJson(r.permanentAddress)},
        {QStringLiteral("temporary_address"), addressJson(r.temporaryAddress)},
        {QStringLiteral("current_address"), addressJson(r.currentAddress)},
        {QStringLiteral("father_name"), r.fatherName},
        {QStringLiteral("father_id"), r.fatherId},
        {QStringLiteral("mother_name"), r.motherName},
        {QStringLiteral("mother_id"), r.motherId},
        {QStringLiteral("spouse_name"), r.spouseName},
        {QStringLiteral("spouse_id"), r.spouseId},
        {QStringLiteral("status"), statusCode(r.status)},
        {QStringLiteral("death_date"), dateJson(r.deathDate)},
        {QStringLiteral("import_raw"), r.importRaw},
        {QStringLiteral("merged_into"), r.mergedInto},
        {QStringLiteral("created_at"), r.createdAt},
        {QStringLiteral("created_by"), r.createdBy},
        {QStringLiteral("updated_at"), r.updatedAt},
        {QStringLiteral("updated_by"), r.updatedBy},
        {QStringLiteral("deleted_at"), r.deletedAt},
    };
}

Resident ResidentJson::fromJson(const QJsonObject& o)
{
    Resident r;
    const auto text = [&](const char* key) {
        return o.value(QLatin1String(key)).toString();
    };
    const auto integer = [&](const char* key) {
        return static_cast<qint64>(o.value(QLatin1String(key)).toDouble());
    };
    r.id = text("id");
    r.sourceRef = text("source_ref");
    r.householdId = text("household_id");
    r.relationToHead = text("relation_to_head");
    r.fullName = text("full_name");
    r.otherNames = text("other_names");
    r.personalId = text("personal_id");
    r.oldId = text("old_id");
    r.birthDate = dateFrom(o.value(u"birth_date").toObject());
    r.sex = sexFromCode(text("sex"));
    r.birthPlace = text("birth_place");
    r.birthRegistrationPlace = text("birth_registration_place");
    r.hometown = text("hometown");
    r.ethnicity = text("ethnicity");
    r.religion = text("religion");
    r.nationality = text("nationality");
    r.maritalStatus = text("marital_status");
    r.phone = text("phone");
    r.email = text("email");
    r.village = text("village");
    r.permanentAddress = addressFrom(o.value(u"permanent_address").toObject());
    r.temporaryAddress = addressFrom(o.value(u"temporary_address").toObject());
    r.currentAddress = addressFrom(o.value(u"current_address").toObject());
    r.fatherName = text("father_name");
    r.fatherId = text("father_id");
    r.motherName = text("mother_name");
    r.motherId = text("mother_id");
    r.spouseName = text("spouse_name");
    r.spouseId = text("spouse_id");
    r.status = statusFromCode(text("status"));
    r.deathDate = dateFrom(o.value(u"death_date").toObject());
    r.importRaw = text("import_raw");
    r.mergedInto = text("merged_into");
    r.createdAt = integer("created_at");
    r.createdBy = text("created_by");
    r.updatedAt = integer("updated_at");
    r.updatedBy = text("updated_by");
    r.deletedAt = integer("deleted_at");
    return r;
}

} // namespace wardroll::model
