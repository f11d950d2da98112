// resident show|update: scripted reads and edits of one resident, by source reference or record
// id, with the canonical CSV field names (model/CsvFieldMap). An update is an ordinary edit:
// stamped with the officer, and captured for sync like one made in the app.
#include "CliVerb.h"
#include "CsvFieldMap.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace wardroll::cli {

namespace {

using Field = model::CsvFieldMap::Field;

QString dateText(const model::PartialDate& date)
{
    return date.raw().isEmpty() ? date.toDisplayString() : date.raw();
}

// The field's value as the CSV exporter writes it (household_ref is resolved by the caller).
QString fieldValue(const model::Resident& r, Field field)
{
    switch (field) {
    case Field::SourceRef:
        return r.sourceRef;
    case Field::FullName:
        return r.fullName;
    case Field::OtherNames:
        return r.otherNames;
    case Field::BirthDate:
        return dateText(r.birthDate);
    case Field::Sex:
        return model::sexCode(r.sex);
    case Field::PersonalId:
        return r.personalId;
    case Field::OldId:
        return r.oldId;
    case Field::BirthPlace:
        return r.birthPlace;
    case Field::BirthRegistrationPlace:
        return r.birthRegistrationPlace;
    case Field::Hometown:
        return r.hometown;
    case Field::Ethnicity:
        return r.ethnicity;
    case Field::Religion:
        return r.religion;
    case Field::Nationality:
        return r.nationality;
    case Field::MaritalStatus:
        return r.maritalStatus;
    case Field::PermanentAddress:
        return r.permanentAddress.text;
    case Field::TemporaryAddress:
        return r.temporaryAddress.text;
    case Field::CurrentAddress:
        return r.currentAddress.text;
    case Field::Village:
        return r.village;
    case Field::HouseholdRef:
        return {};
    case Field::RelationToHead:
        return r.relationToHead;
    case Field::FatherName:
        return r.fatherName;
    case Field::FatherId:
        return r.fatherId;
    case Field::MotherName:
        return r.motherName;
    case Field::MotherId:
        return r.motherId;
    case Field::SpouseName:
        return r.spouseName;
    case Field::SpouseId:
        return r.spouseId;
    case Field::Phone:
        return r.phone;
    case Field::Email:
        return r.email;
    case Field::Status:
        return model::statusCode(r.status);
    case Field::DeathDate:
        return dateText(r.deathDate);
    }
    return {};
}

// Sets a field from text the way the CSV importer reads it; false when the value is not valid.
bool setField(model::Resident& r, Field field, const QString& value)
{
    switch (field) {
    case Field::SourceRef:
        r.sourceRef = value;
        break;
    case Field::FullName:
        r.fullName = value;
        break;
    case Field::OtherNames:
        r.otherNames = value;
        break;
    case Field::BirthDate:
        r.birthDate = model::PartialDate::parse(value);
        break;
    case Field::Sex:
        r.sex = model::parseSex(value);
        return value.isEmpty() || r.sex != model::Sex::Unknown;
    case Field::PersonalId:
        r.personalId = value;
        break;
    case Field::OldId:
        r.oldId = value;
        break;
    case Field::BirthPlace:
        r.birthPlace = value;
        break;
    case Field::BirthRegistrationPlace:
        r.birthRegistrationPlace = value;
        break;
    case Field::Hometown:
        r.hometown = value;
        break;
    case Field::Ethnicity:
        r.ethnicity = value;
        break;
    case Field::Religion:
        r.religion = value;
        break;
    case Field::Nationality:
        r.nationality = value;
        break;
    case Field::MaritalStatus:
        r.maritalStatus = value;
        break;
    case Field::PermanentAddress:
        r.permanentAddress.text = value;
        break;
    case Field::TemporaryAddress:
        r.temporaryAddress.text = value;
        break;
    case Field::CurrentAddress:
        r.currentAddress.text = value;
        break;
    case Field::Village:
        r.village = value;
        break;
    case Field::HouseholdRef:
        return false; // resolved by the caller
    case Field::RelationToHead:
        r.relationToHead = value;
        break;
    case Field::FatherName:
        r.fatherName = value;
        break;
    case Field::FatherId:
        r.fatherId = value;
        break;
    case Field::MotherName:
        r.motherName = value;
        break;
    case Field::MotherId:
        r.motherId = value;
        break;
    case Field::SpouseName:
        r.spouseName = value;
        break;
    case Field::SpouseId:
        r.spouseId = value;
        break;
    case Field::Phone:
        r.phone = value;
        break;
    case Field::Email:
        r.email = value;
        break;
    case Field::Status: {
        const auto status = model::parseStatus(value);
        if (!status)
            return false;
        r.status = *status;
        break;
    }
    case Field::DeathDate:
        r.deathDate = model::PartialDate::parse(value);
        break;
    }
    return true;
}

void print(const CliContext& context, model::WardStore& store, const model::Resident& r, bool json)
{
    QString householdRef;
    if (!r.householdId.isEmpty()) {
        auto household = store.household(r.householdId);
        if (household.ok())
            householdRef = household->number;
    }
    const QStringList& names = model::CsvFieldMap::canonicalNames();
    QJsonObject object{{QStringLiteral("id"), r.id}};
    if (!json)
        context.out << "id\t" << r.id << '\n';
    for (int i = 0; i < names.size(); ++i) {
        const auto field = static_cast<Field>(i);
        const QString value = field == Field::HouseholdRef ? householdRef : fieldValue(r, field);
        if (json)
            object.insert(names[i], value);
        else
            context.out << names[i] << '\t' << value << '\n';
    }
    if (json)
        context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    context.out.flush();
}

} // namespace

int runResident(const CliContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Shows or updates one resident (by source reference or record id)."));
    parser.addOption(CliSupport::dbOption());
    parser.addOption({QStringLiteral("ref"), tr("Source reference or record id."), QStringLiteral("REF")});
    parser.addOption({QStringLiteral("set"), tr("FIELD=VALUE, with the CSV field names (repeatable)."),
                      QStringLiteral("FIELD=VALUE")});
    parser.addOption(
        {QStringLiteral("format"), tr("text or json."), QStringLiteral("FORMAT"), QStringLiteral("text")});
    parser.addPositionalArgument(QStringLiteral("action"), tr("show or update."),
                                 QStringLiteral("show|update"));
    if (!CliSupport::parse(parser, context))
        return parser.isSet(QStringLiteral("help")) ? Success : BadUsage;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.value(0);
    const QString format = parser.value(QStringLiteral("format"));
    const QStringList sets = parser.values(QStringLiteral("set"));
    if (positional.size() != 1 || (action != u"show" && action != u"update")
        || parser.value(QStringLiteral("ref")).isEmpty() || (format != u"text" && format != u"json")
        || (action == u"update" && sets.isEmpty()) || (action == u"show" && !sets.isEmpty())) {
        context.err << tr(
            "Usage: wardroll-cli resident show|update --db FILE --ref REF [--set FIELD=VALUE ...]")
                    << Qt::endl;
        return BadUsage;
    }
    // Check every assignment before opening anything: a typo changes nothing.
    QList<std::pair<Field, QString>> assignments;
    for (const QString& set : sets) {
        const qsizetype equals = set.indexOf(QLatin1Char('='));
        const QString name = equals > 0 ? set.left(equals).trimmed() : QString();
        const qsizetype index = model::CsvFieldMap::canonicalNames().indexOf(name);
        if (index < 0) {
            context.err << tr("Unknown field in “%1”; fields: %2")
                               .arg(set, model::CsvFieldMap::canonicalNames().join(QStringLiteral(", ")))
                        << Qt::endl;
            return BadUsage;
        }
        assignments.append({static_cast<Field>(index), set.mid(equals + 1).trimmed()});
    }

    int code = Success;
    auto ward = CliSupport::openWard(parser, context, false, &code);
    if (!ward)
        return code;
    model::WardStore store(*ward);
    auto found = store.findResident(parser.value(QStringLiteral("ref")));
    if (!found.ok()) {
        context.err << found.error().toString() << Qt::endl;
        return Failure;
    }
    if (!found.value()) {
        context.err
            << tr("No resident has the reference or id “%1”.").arg(parser.value(QStringLiteral("ref")))
            << Qt::endl;
        return Failure;
    }
    model::Resident resident = *found.value();
    if (action == u"update") {
        for (const auto& [field, value] : std::as_const(assignments)) {
            if (field == Field::HouseholdRef) {
                if (value.isEmpty()) {
                    resident.householdId.clear();
                    continue;
                }
                auto household = store.householdByNumber(value);
                if (!household.ok() || !household.value()) {
                    context.err << tr("No household has the number “%1”.").arg(value) << Qt::endl;
                    return Failure;
                }
                resident.householdId = household.value()->id;
                continue;
            }
            if (!setField(resident, field, value)) {
                context.err
                    << tr("“%1” is not a valid %2.").arg(value, model::CsvFieldMap::canonicalName(field))
                    << Qt::endl;
                return BadUsage;
            }
        }
        if (auto status = store.updateResident(resident); !status.ok()) {
            context.err << status.error().toString() << Qt::endl;
            return Failure;
        }
    }
    print(context, store, resident, format == u"json");
    return Success;
}

} // namespace wardroll::cli
