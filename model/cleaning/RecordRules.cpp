#include "RecordRules.h"

#include "AdminUnits.h"
#include "Fingerprint.h"
#include "PersonalId.h"
#include "RecordFields.h"
#include "VietnameseText.h"

#include <algorithm>

namespace wardroll::model {

namespace {

Finding finding(const Resident& r, const QString& rule, Severity severity, QStringList fields,
                QString message, const Fingerprint& fingerprint)
{
    Finding f;
    f.rule = rule;
    f.severity = severity;
    f.residentId = r.id;
    f.fields = std::move(fields);
    f.message = std::move(message);
    f.fingerprint = fingerprint.hex();
    return f;
}

// How a date was written: the text when there is one, else the parts.
QString written(const PartialDate& date)
{
    return date.raw().isEmpty() ? date.toDisplayString() : date.raw();
}

void addDate(Fingerprint& fp, const PartialDate& date)
{
    fp.add(date.raw()).add(date.year()).add(date.month()).add(date.day());
}

// Full years between two days (the age reached on `at`).
int fullYears(QDate birth, QDate at)
{
    int years = at.year() - birth.year();
    if (at.month() < birth.month() || (at.month() == birth.month() && at.day() < birth.day()))
        --years;
    return years;
}

} // namespace

QString RecordRules::normalizedId(QStringView id)
{
    QString out;
    out.reserve(id.size());
    for (QChar c : id)
        if (!c.isSpace() && c != QLatin1Char('.') && c != QLatin1Char('-'))
            out.append(c);
    return out;
}

const QList<std::pair<QString, Severity>>& RecordRules::rules()
{
    static const QList<std::pair<QString, Severity>> codes = {
        {QStringLiteral("id.format"), Severity::Error},
        {QStringLiteral("id.prefix"), Severity::Warning},
        {QStringLiteral("id.sex_century"), Severity::Error},
        {QStringLiteral("id.birth_year"), Severity::Error},
        {QStringLiteral("id.shared"), Severity::Error},
        {QStringLiteral("id.missing"), Severity::Warning},
        {QStringLiteral("date.invalid"), Severity::Error},
        {QStringLiteral("date.future"), Severity::Error},
        {QStringLiteral("date.age"), Severity::Warning},
        {QStringLiteral("date.death_before_birth"), Severity::Error},
        {QStringLiteral("name.format"), Severity::Warning},
        {QStringLiteral("name.chars"), Severity::Error},
        {QStringLiteral("required.missing"), Severity::Warning},
        {QStringLiteral("status.deceased_listed"), Severity::Error},
        {QStringLiteral("address.legacy_unit"), Severity::Warning},
        {QStringLiteral("address.unknown_unit"), Severity::Error},
    };
    return codes;
}

QList<Finding> RecordRules::check(const Resident& resident, const RuleContext& context)
{
    QList<Finding> out;
    check(resident, context, out);
    return out;
}

void RecordRules::check(const Resident& resident, const RuleContext& context, QList<Finding>& out)
{
    checkId(resident, context, out);
    checkDates(resident, context, out);
    checkName(resident, out);
    checkRequired(resident, out);
    checkStatus(resident, out);
    checkAddresses(resident, out);
}

void RecordRules::checkId(const Resident& r, const RuleContext& context, QList<Finding>& out)
{
    const QString personalIdField = QStringLiteral("personal_id");
    const std::optional<int> birthYear = r.birthDate.year();
    const PersonalId::Check c = PersonalId::check(r.personalId, r.sex, birthYear);
    auto fingerprint = [&](const char* rule) {
        Fingerprint fp{QString::fromLatin1(rule)};
        fp.add(r.personalId).add(sexCode(r.sex)).add(birthYear);
        return fp;
    };

    if (c.has(PersonalId::Problem::Empty)) {
        out << finding(r, QStringLiteral("id.missing"), Severity::Warning, {personalIdField},
                       tr("The personal ID is empty."), fingerprint("id.missing"));
        return;
    }
    if (c.has(PersonalId::Problem::WrongLength) || c.has(PersonalId::Problem::NotDigits)) {
        QStringList sentences;
        for (PersonalId::Problem p : c.problems)
            sentences << PersonalId::describe(p, c);
        out << finding(r, QStringLiteral("id.format"), Severity::Error, {personalIdField},
                       tr("Personal ID “%1”: %2").arg(r.personalId, sentences.join(QLatin1Char(' '))),
                       fingerprint("id.format"));
        checkSharedId(r, c.normalized, context, out);
        return;
    }
    if (c.has(PersonalId::Problem::UnknownPrefix))
        out << finding(r, QStringLiteral("id.prefix"), Severity::Warning, {personalIdField},
                       PersonalId::describe(PersonalId::Problem::UnknownPrefix, c), fingerprint("id.prefix"));

    const bool sexWrong = c.has(PersonalId::Problem::SexMismatch);
    const bool centuryWrong = c.has(PersonalId::Problem::CenturyMismatch);
    if (sexWrong || centuryWrong) {
        QStringList fields{personalIdField};
        QStringList sentences;
        if (sexWrong) {
            fields << QStringLiteral("sex");
            sentences << PersonalId::describe(PersonalId::Problem::SexMismatch, c);
        }
        if (centuryWrong) {
            fields << QStringLiteral("birth_date");
            sentences << PersonalId::describe(PersonalId::Problem::CenturyMismatch, c);
        }
        out << finding(r, QStringLiteral("id.sex_century"), Severity::Error, fields,
                       sentences.join(QLatin1Char(' ')), fingerprint("id.sex_century"));
    }
    if (c.has(PersonalId::Problem::BirthYearMismatch))
        out << finding(r, QStringLiteral("id.birth_year"), Severity::Error,
                       {personalIdField, QStringLiteral("birth_date")},
                       PersonalId::describe(PersonalId::Problem::BirthYearMismatch, c),
                       fingerprint("id.birth_year"));
    checkSharedId(r, c.normalized, context, out);
}

void RecordRules::checkSharedId(const Resident& r, const QString& id, const RuleContext& context,
                                QList<Finding>& out)
{
    if (!context.idHolders || id.isEmpty())
        return;
    QList<IdHolder> others = context.idHolders(id);
    others.removeIf([&r](const IdHolder& h) { return !r.id.isEmpty() && h.residentId == r.id; });
    if (others.isEmpty())
        return;
    std::sort(others.begin(), others.end(),
              [](const IdHolder& a, const IdHolder& b) { return a.residentId < b.residentId; });
    Fingerprint fp(u"id.shared");
    fp.add(id);
    QStringList names;
    for (const IdHolder& h : std::as_const(others)) {
        fp.add(h.residentId);
        names << (h.fullName.isEmpty() ? h.ref() : tr("%1 (%2)").arg(h.ref(), h.fullName));
    }
    out << finding(r, QStringLiteral("id.shared"), Severity::Error, {QStringLiteral("personal_id")},
                   tr("The personal ID %1 is also on %n other record(s): %2. One person has one ID: "
                      "these are duplicates of one person, or an ID was written wrongly.",
                      nullptr, int(others.size()))
                       .arg(id, names.join(QStringLiteral("; "))),
                   fp);
}

void RecordRules::checkDates(const Resident& r, const RuleContext& context, QList<Finding>& out)
{
    const QDate today = context.today.isValid() ? context.today : QDate::currentDate();
    struct Dated
    {
        const PartialDate& date;
        QString field;
    };
    const Dated dates[]
        = {{r.birthDate, QStringLiteral("birth_date")}, {r.deathDate, QStringLiteral("death_date")}};

    QStringList invalidFields;
    QStringList invalidSentences;
    QStringList futureFields;
    QStringList futureSentences;
    Fingerprint invalidFp(u"date.invalid");
    Fingerprint futureFp(u"date.future");
    for (const Dated& d : dates) {
        if (d.date.isEmpty())
            continue;
        const QString label = RecordFields::label(d.field);
        if (!d.date.isValid()) {
            invalidFields << d.field;
            addDate(invalidFp, d.date);
            invalidSentences << (d.date.isUnreadable() ? tr("The %1 “%2” cannot be read as a date.")
                                                       : tr("The %1 “%2” is not a real date."))
                                    .arg(label, written(d.date));
        } else if (*d.date.earliest() > today) {
            futureFields << d.field;
            addDate(futureFp, d.date);
            futureSentences << tr("The %1 %2 is in the future.").arg(label, d.date.toDisplayString());
        }
    }
    if (!invalidFields.isEmpty())
        out << finding(r, QStringLiteral("date.invalid"), Severity::Error, invalidFields,
                       invalidSentences.join(QLatin1Char(' ')), invalidFp);
    if (!futureFields.isEmpty())
        out << finding(r, QStringLiteral("date.future"), Severity::Error, futureFields,
                       futureSentences.join(QLatin1Char(' ')), futureFp);

    if (r.status == ResidentStatus::Living && r.birthDate.isValid()) {
        const int age = fullYears(*r.birthDate.latest(), today);
        if (age > 120) {
            Fingerprint fp(u"date.age");
            addDate(fp, r.birthDate);
            fp.add(statusCode(r.status));
            out << finding(r, QStringLiteral("date.age"), Severity::Warning,
                           {QStringLiteral("birth_date"), QStringLiteral("status")},
                           tr("Born %1, this person would be %2 years old, but the status is living: check "
                              "the date of birth, or record the death.")
                               .arg(r.birthDate.toDisplayString())
                               .arg(age),
                           fp);
        }
    }
    if (r.birthDate.isValid() && r.deathDate.isValid() && *r.deathDate.latest() < *r.birthDate.earliest()) {
        Fingerprint fp(u"date.death_before_birth");
        addDate(fp, r.birthDate);
        addDate(fp, r.deathDate);
        out << finding(r, QStringLiteral("date.death_before_birth"), Severity::Error,
                       {QStringLiteral("birth_date"), QStringLiteral("death_date")},
                       tr("The date of death %1 is before the date of birth %2.")
                           .arg(r.deathDate.toDisplayString(), r.birthDate.toDisplayString()),
                       fp);
    }
}

void RecordRules::checkName(const Resident& r, QList<Finding>& out)
{
    if (r.fullName.isEmpty())
        return;
    const QString normalized = VietnameseText::normalizeName(r.fullName);
    if (normalized != r.fullName) {
        // Say what differs, stage by stage, so that the officer sees why.
        QStringList why;
        const QString cleaned = VietnameseText::clean(r.fullName);
        if (cleaned != r.fullName) {
            if (r.fullName.contains(QChar(0x00D0)) || r.fullName.contains(QChar(0x00F0)))
                why << tr("“Ð” (a mis-decoded “Đ”)");
            if (r.fullName.normalized(QString::NormalizationForm_C) != r.fullName)
                why << tr("decomposed accents");
            if (why.isEmpty())
                why << tr("spaces or punctuation");
        }
        const QString toned = VietnameseText::canonicalTones(cleaned);
        if (toned != cleaned)
            why << tr("tone mark placement");
        if (VietnameseText::titleCase(toned) != toned)
            why << tr("capitalisation");
        Fingerprint fp(u"name.format");
        fp.add(r.fullName);
        Finding f
            = finding(r, QStringLiteral("name.format"), Severity::Warning, {QStringLiteral("full_name")},
                      tr("The full name “%1” is not written in the standard form (%2): “%3”.")
                          .arg(r.fullName, why.join(QStringLiteral(", ")), normalized),
                      fp);
        f.suggestedField = QStringLiteral("full_name");
        f.suggestedValue = normalized;
        out << f;
    }
    if (VietnameseText::hasNonNameCharacters(r.fullName)) {
        // The characters to show: what hasNonNameCharacters objects to, roughly (message only).
        QString odd;
        for (QChar c : r.fullName) {
            const bool nameLike = c.isLetter() || c.isMark() || c.isSpace() || c == QLatin1Char('\'')
                || c == QLatin1Char('.') || c == QChar(0x2019) || c == QChar(0x02BC)
                || c.category() == QChar::Punctuation_Dash || c.category() == QChar::Other_Format;
            if (!nameLike && !odd.contains(c))
                odd += c;
            if (odd.size() >= 8)
                break;
        }
        Fingerprint fp(u"name.chars");
        fp.add(r.fullName);
        out << finding(
            r, QStringLiteral("name.chars"), Severity::Error, {QStringLiteral("full_name")},
            odd.isEmpty() ? tr("The full name “%1” contains characters that are not letters.").arg(r.fullName)
                          : tr("The full name “%1” contains digits or symbols: “%2”.").arg(r.fullName, odd),
            fp);
    }
}

void RecordRules::checkRequired(const Resident& r, QList<Finding>& out)
{
    QStringList missing;
    auto require = [&missing](const QString& value, const QString& field) {
        if (value.trimmed().isEmpty())
            missing << field;
    };
    require(r.fullName, QStringLiteral("full_name"));
    if (r.birthDate.isEmpty())
        missing << QStringLiteral("birth_date");
    if (r.sex == Sex::Unknown)
        missing << QStringLiteral("sex");
    require(r.birthRegistrationPlace, QStringLiteral("birth_registration_place"));
    require(r.hometown, QStringLiteral("hometown"));
    require(r.ethnicity, QStringLiteral("ethnicity"));
    require(r.religion, QStringLiteral("religion"));
    require(r.nationality, QStringLiteral("nationality"));
    if (missing.isEmpty())
        return;
    Fingerprint fp(u"required.missing");
    for (const QString& field : std::as_const(missing))
        fp.add(field);
    out << finding(r, QStringLiteral("required.missing"), Severity::Warning, missing,
                   tr("Mandatory fields are empty: %1.").arg(RecordFields::labels(missing)), fp);
}

void RecordRules::checkStatus(const Resident& r, QList<Finding>& out)
{
    if (r.status != ResidentStatus::Living || r.deathDate.isEmpty())
        return;
    Fingerprint fp(u"status.deceased_listed");
    addDate(fp, r.deathDate);
    fp.add(statusCode(r.status));
    out << finding(r, QStringLiteral("status.deceased_listed"), Severity::Error,
                   {QStringLiteral("status"), QStringLiteral("death_date")},
                   tr("A date of death (%1) is recorded, but the status is living: record the death, or "
                      "remove the date if it is wrong.")
                       .arg(written(r.deathDate)),
                   fp);
}

void RecordRules::checkAddresses(const Resident& r, QList<Finding>& out)
{
    const AdminUnits& units = AdminUnits::instance();
    struct Place
    {
        const Address& address;
        QString field;
    };
    const Place places[] = {{r.permanentAddress, QStringLiteral("permanent_unit_code")},
                            {r.temporaryAddress, QStringLiteral("temporary_unit_code")},
                            {r.currentAddress, QStringLiteral("current_unit_code")}};

    QStringList legacyFields;
    QStringList legacySentences;
    QStringList unknownFields;
    QStringList unknownSentences;
    Fingerprint legacyFp(u"address.legacy_unit");
    Fingerprint unknownFp(u"address.unknown_unit");
    QString suggestion;
    bool suggestionAmbiguous = false;
    for (const Place& p : places) {
        const Address& a = p.address;
        if (a.unitCode.isEmpty())
            continue;
        const QString label = RecordFields::label(p.field);
        const AdminUnits::Unit* unit = units.unit(a.unitCode, a.unitScheme);
        if (!unit) {
            unknownFields << p.field;
            unknownFp.add(a.unitCode).add(a.unitScheme);
            if (a.unitScheme == unitScheme2025 || a.unitScheme == unitSchemeLegacy)
                unknownSentences
                    << tr("The %1 has the unit code %2, which is not a commune of the %3 scheme.")
                           .arg(label, a.unitCode,
                                a.unitScheme == unitSchemeLegacy ? tr("legacy (before 2025)") : tr("2025"));
            else
                unknownSentences << tr("The %1 has the unit code %2 without a known scheme (2025 or legacy): "
                                       "the code cannot be read.")
                                        .arg(label, a.unitCode);
            continue;
        }
        if (a.unitScheme != unitSchemeLegacy)
            continue;
        legacyFields << p.field;
        legacyFp.add(a.unitCode).add(a.unitScheme);
        const QList<AdminUnits::Unit> successors = units.newUnitsFor(a.unitCode);
        QString sentence = tr("The %1 is coded with %2, a commune of the legacy scheme (before the July 2025 "
                              "reform).")
                               .arg(label, unit->fullName());
        if (units.isDividedWard(a.unitCode) || successors.size() > 1) {
            QStringList names;
            for (const AdminUnits::Unit& s : successors)
                names << tr("%1 (%2)").arg(s.fullName(), s.code);
            sentence += QLatin1Char(' ')
                + tr("It was split between %1: ask the resident which one applies.")
                      .arg(names.join(QStringLiteral("; ")));
            suggestionAmbiguous = true;
        } else if (successors.size() == 1) {
            sentence += QLatin1Char(' ')
                + tr("It is now %1 (code %2).").arg(successors.first().fullName(), successors.first().code);
            if (!suggestion.isEmpty() && suggestion != successors.first().code)
                suggestionAmbiguous = true;
            suggestion = successors.first().code;
        } else {
            sentence += QLatin1Char(' ') + tr("The catalogue has no 2025 commune for it: ask the resident.");
            suggestionAmbiguous = true;
        }
        legacySentences << sentence;
    }
    if (!legacyFields.isEmpty()) {
        Finding f = finding(r, QStringLiteral("address.legacy_unit"), Severity::Warning, legacyFields,
                            legacySentences.join(QLatin1Char(' ')), legacyFp);
        // One field, one successor: unambiguous. Applying it sets that address's code and
        // its scheme ("2025").
        if (legacyFields.size() == 1 && !suggestionAmbiguous && !suggestion.isEmpty()) {
            f.suggestedField = legacyFields.first();
            f.suggestedValue = suggestion;
        }
        out << f;
    }
    if (!unknownFields.isEmpty())
        out << finding(r, QStringLiteral("address.unknown_unit"), Severity::Error, unknownFields,
                       unknownSentences.join(QLatin1Char(' ')), unknownFp);
}

} // namespace wardroll::model
