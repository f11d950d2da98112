#include "RecordRules.h"

#include <functional>
#include <optional>
#include <QTest>

using namespace wardroll::model;

namespace {

const QDate today(2026, 7, 1);

// A complete, correct record: no rule has anything to say about it.
Resident cleanResident()
{
    Resident r;
    r.id = QStringLiteral("0190a000-0000-7000-8000-000000000001");
    r.sourceRef = QStringLiteral("R-1");
    r.fullName = QStringLiteral("Nguyễn Văn An");
    r.personalId = QStringLiteral("001085012345"); // Hà Nội, man born in the 1900s, 85
    r.birthDate = PartialDate::parse(u"15/06/1985");
    r.sex = Sex::Male;
    r.birthPlace = QStringLiteral("Thành phố Hà Nội");
    r.birthRegistrationPlace = QStringLiteral("Phường Trúc Bạch, Quận Ba Đình, Thành phố Hà Nội");
    r.hometown = QStringLiteral("Xã Giao Thủy, Huyện Giao Thủy, Tỉnh Nam Định");
    r.ethnicity = QStringLiteral("Kinh");
    r.religion = QStringLiteral("Không");
    r.nationality = QStringLiteral("Việt Nam");
    r.permanentAddress = Address{QStringLiteral("00004"), unitScheme2025, QStringLiteral("Tổ dân phố 3"),
                                 QStringLiteral("12 Phố Quán Thánh")};
    r.currentAddress = r.permanentAddress;
    return r;
}

RuleContext context()
{
    RuleContext c;
    c.today = today;
    return c;
}

// A copy: callers often pass a temporary list of findings.
std::optional<Finding> findRule(const QList<Finding>& findings, const QString& rule)
{
    for (const Finding& f : findings)
        if (f.rule == rule)
            return f;
    return std::nullopt;
}

struct Case
{
    const char* name;
    std::function<void(Resident&)> spoil;
    QString rule;
    Severity severity;
    QStringList fields; // all of them in Finding::fields
    QStringList mentions; // all of them in the message
};

const QList<Case>& cases()
{
    static const QList<Case> all = {
        {"id too short",
         [](Resident& r) { r.personalId = QStringLiteral("00108501234"); },
         QStringLiteral("id.format"),
         Severity::Error,
         {QStringLiteral("personal_id")},
         {QStringLiteral("00108501234"), QStringLiteral("12")}},
        {"id with a letter",
         [](Resident& r) { r.personalId = QStringLiteral("00108501234O"); },
         QStringLiteral("id.format"),
         Severity::Error,
         {QStringLiteral("personal_id")},
         {QStringLiteral("00108501234O")}},
        {"id unknown prefix",
         [](Resident& r) { r.personalId = QStringLiteral("003085012345"); },
         QStringLiteral("id.prefix"),
         Severity::Warning,
         {QStringLiteral("personal_id")},
         {QStringLiteral("003")}},
        {"id says woman",
         [](Resident& r) { r.sex = Sex::Female; },
         QStringLiteral("id.sex_century"),
         Severity::Error,
         {QStringLiteral("personal_id"), QStringLiteral("sex")},
         {QStringLiteral("(0)"), QStringLiteral("female")}},
        {"id says 1900s",
         [](Resident& r) {
             r.personalId = QStringLiteral("001005012345");
             r.birthDate = PartialDate::parse(u"2005");
         },
         QStringLiteral("id.sex_century"),
         Severity::Error,
         {QStringLiteral("personal_id"), QStringLiteral("birth_date")},
         {QStringLiteral("1900"), QStringLiteral("2005")}},
        {"id says 86",
         [](Resident& r) { r.personalId = QStringLiteral("001086012345"); },
         QStringLiteral("id.birth_year"),
         Severity::Error,
         {QStringLiteral("personal_id"), QStringLiteral("birth_date")},
         {QStringLiteral("86"), QStringLiteral("1985")}},
        {"id missing",
         [](Resident& r) { r.personalId = QStringLiteral("  "); },
         QStringLiteral("id.missing"),
         Severity::Warning,
         {QStringLiteral("personal_id")},
         {QStringLiteral("personal ID")}},
        {"31 February",
         [](Resident& r) { r.birthDate = PartialDate::parse(u"31/02/1985"); },
         QStringLiteral("date.invalid"),
         Severity::Error,
         {QStringLiteral("birth_date")},
         {QStringLiteral("31/02/1985"), QStringLiteral("date of birth")}},
        {"unreadable death date",
         [](Resident& r) {
             r.status = ResidentStatus::Deceased;
             r.deathDate = PartialDate::parse(u"mùa xuân");
         },
         QStringLiteral("date.invalid"),
         Severity::Error,
         {QStringLiteral("death_date")},
         {QStringLiteral("mùa xuân"), QStringLiteral("date of death")}},
        {"born in the future",
         [](Resident& r) {
             r.birthDate = PartialDate::parse(u"15/06/2085");
             r.personalId = QStringLiteral("001285012345");
         },
         QStringLiteral("date.future"),
         Severity::Error,
         {QStringLiteral("birth_date")},
         {QStringLiteral("15/06/2085")}},
        {"older than 120",
         [](Resident& r) {
             r.birthDate = PartialDate::parse(u"1901");
             r.personalId = QStringLiteral("001001012345");
         },
         QStringLiteral("date.age"),
         Severity::Warning,
         {QStringLiteral("birth_date"), QStringLiteral("status")},
         {QStringLiteral("1901"), QStringLiteral("124")}},
        {"died before birth",
         [](Resident& r) {
             r.status = ResidentStatus::Deceased;
             r.deathDate = PartialDate::parse(u"03/04/1980");
         },
         QStringLiteral("date.death_before_birth"),
         Severity::Error,
         {QStringLiteral("birth_date"), QStringLiteral("death_date")},
         {QStringLiteral("03/04/1980"), QStringLiteral("15/06/1985")}},
        {"name in capitals",
         [](Resident& r) { r.fullName = QStringLiteral("NGUYỄN VĂN AN"); },
         QStringLiteral("name.format"),
         Severity::Warning,
         {QStringLiteral("full_name")},
         {QStringLiteral("NGUYỄN VĂN AN"), QStringLiteral("Nguyễn Văn An"),
          QStringLiteral("capitalisation")}},
        {"name with eth",
         [](Resident& r) { r.fullName = QStringLiteral("Ðỗ Văn An"); },
         QStringLiteral("name.format"),
         Severity::Warning,
         {QStringLiteral("full_name")},
         {QStringLiteral("Đỗ Văn An"), QStringLiteral("Ð")}},
        {"name decomposed",
         [](Resident& r) {
             r.fullName = QStringLiteral("Nguyễn Văn An").normalized(QString::NormalizationForm_D);
         },
         QStringLiteral("name.format"),
         Severity::Warning,
         {QStringLiteral("full_name")},
         {QStringLiteral("decomposed")}},
        {"name old tone placement",
         [](Resident& r) { r.fullName = QStringLiteral("Nguyễn Thị Thủy"); },
         QStringLiteral("name.format"),
         Severity::Warning,
         {QStringLiteral("full_name")},
         {QStringLiteral("Nguyễn Thị Thuỷ"), QStringLiteral("tone")}},
        {"name double space",
         [](Resident& r) { r.fullName = QStringLiteral("Nguyễn  Văn An"); },
         QStringLiteral("name.format"),
         Severity::Warning,
         {QStringLiteral("full_name")},
         {QStringLiteral("spaces")}},
        {"name with a digit",
         [](Resident& r) { r.fullName = QStringLiteral("Nguyễn Văn An2"); },
         QStringLiteral("name.chars"),
         Severity::Error,
         {QStringLiteral("full_name")},
         {QStringLiteral("“2”")}},
        {"hometown and religion empty",
         [](Resident& r) {
             r.hometown.clear();
             r.religion = QStringLiteral(" ");
         },
         QStringLiteral("required.missing"),
         Severity::Warning,
         {QStringLiteral("hometown"), QStringLiteral("religion")},
         {QStringLiteral("hometown"), QStringLiteral("religion")}},
        {"no sex, no birth date",
         [](Resident& r) {
             r.sex = Sex::Unknown;
             r.birthDate = PartialDate();
         },
         QStringLiteral("required.missing"),
         Severity::Warning,
         {QStringLiteral("sex"), QStringLiteral("birth_date")},
         {QStringLiteral("sex"), QStringLiteral("date of birth")}},
        {"death date but living",
         [](Resident& r) { r.deathDate = PartialDate::parse(u"02/03/2024"); },
         QStringLiteral("status.deceased_listed"),
         Severity::Error,
         {QStringLiteral("status"), QStringLiteral("death_date")},
         {QStringLiteral("02/03/2024"), QStringLiteral("living")}},
        {"legacy commune",
         [](Resident& r) {
             r.permanentAddress.unitScheme = unitSchemeLegacy; // 00004: Phường Trúc Bạch, now in Ba Đình
         },
         QStringLiteral("address.legacy_unit"),
         Severity::Warning,
         {QStringLiteral("permanent_unit_code")},
         {QStringLiteral("Trúc Bạch"), QStringLiteral("Ba Đình"), QStringLiteral("permanent residence")}},
        {"legacy ward that was split",
         [](Resident& r) {
             r.currentAddress = Address{QStringLiteral("00007"), unitSchemeLegacy, {}, {}}; // Phường Cống Vị
         },
         QStringLiteral("address.legacy_unit"),
         Severity::Warning,
         {QStringLiteral("current_unit_code")},
         {QStringLiteral("Cống Vị"), QStringLiteral("Giảng Võ"), QStringLiteral("Ngọc Hà"),
          QStringLiteral("ask")}},
        {"unknown commune",
         [](Resident& r) { r.permanentAddress.unitCode = QStringLiteral("99999"); },
         QStringLiteral("address.unknown_unit"),
         Severity::Error,
         {QStringLiteral("permanent_unit_code")},
         {QStringLiteral("99999")}},
        {"code without scheme",
         [](Resident& r) {
             r.temporaryAddress = Address{QStringLiteral("00004"), {}, {}, {}};
         },
         QStringLiteral("address.unknown_unit"),
         Severity::Error,
         {QStringLiteral("temporary_unit_code")},
         {QStringLiteral("00004"), QStringLiteral("temporary residence")}},
    };
    return all;
}

} // namespace

class TestRecordRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanRecordRaisesNothing()
    {
        const QList<Finding> findings = RecordRules::check(cleanResident(), context());
        for (const Finding& f : findings)
            qWarning() << f.rule << f.message;
        QVERIFY(findings.isEmpty());
    }

    // Records the form cannot get wrong either way: year-only and month-year dates, a deceased
    // person with a real death date, a minority name with particles, a woman born in 2003.
    void otherCleanRecordsRaiseNothing()
    {
        Resident elder = cleanResident();
        elder.birthDate = PartialDate::parse(u"00/00/1931");
        elder.personalId = QStringLiteral("036031000123");
        elder.status = ResidentStatus::Deceased;
        elder.deathDate = PartialDate::parse(u"12/2019");
        QVERIFY(RecordRules::check(elder, context()).isEmpty());

        Resident young = cleanResident();
        young.fullName = QStringLiteral("H'Hen Niê");
        young.sex = Sex::Female;
        young.personalId = QStringLiteral("066304004567");
        young.birthDate = PartialDate::parse(u"29/02/2004");
        young.ethnicity = QStringLiteral("Ê Đê");
        young.religion = QStringLiteral("Tin Lành");
        QVERIFY(RecordRules::check(young, context()).isEmpty());
    }

    void eachRuleFires_data()
    {
        QTest::addColumn<int>("index");
        for (int i = 0; i < cases().size(); ++i)
            QTest::addRow("%s", cases()[i].name) << i;
    }

    void eachRuleFires()
    {
        QFETCH(int, index);
        const Case& c = cases()[index];
        Resident r = cleanResident();
        c.spoil(r);
        const QList<Finding> findings = RecordRules::check(r, context());
        const std::optional<Finding> f = findRule(findings, c.rule);
        QVERIFY2(f, qPrintable(c.rule));
        QCOMPARE(f->severity, c.severity);
        QCOMPARE(f->residentId, r.id);
        QVERIFY(f->householdId.isEmpty());
        QCOMPARE(f->subject(), r.id);
        QVERIFY(!f->fingerprint.isEmpty());
        for (const QString& field : c.fields)
            QVERIFY2(f->fields.contains(field),
                     qPrintable(field + QStringLiteral(" in ") + f->fields.join(u',')));
        for (const QString& word : c.mentions)
            QVERIFY2(f->message.contains(word), qPrintable(word + QStringLiteral(" in: ") + f->message));
        // One finding per rule and record.
        QCOMPARE(std::count_if(findings.cbegin(), findings.cend(),
                               [&c](const Finding& x) { return x.rule == c.rule; }),
                 1);
    }

    void nameFormatSuggestsTheNormalizedName()
    {
        Resident r = cleanResident();
        r.fullName = QStringLiteral("  hoàng thị thủy ");
        const std::optional<Finding> f
            = findRule(RecordRules::check(r, context()), QStringLiteral("name.format"));
        QVERIFY(f);
        QCOMPARE(f->suggestedField, QStringLiteral("full_name"));
        QCOMPARE(f->suggestedValue, QStringLiteral("Hoàng Thị Thuỷ"));
    }

    void legacyUnitSuggestsTheNewCommuneOnlyWhenThereIsOne()
    {
        Resident merged = cleanResident();
        merged.permanentAddress.unitScheme = unitSchemeLegacy;
        std::optional<Finding> f
            = findRule(RecordRules::check(merged, context()), QStringLiteral("address.legacy_unit"));
        QVERIFY(f);
        QCOMPARE(f->suggestedField, QStringLiteral("permanent_unit_code"));
        QCOMPARE(f->suggestedValue, QStringLiteral("00004"));

        Resident split = cleanResident();
        split.permanentAddress = Address{QStringLiteral("00007"), unitSchemeLegacy, {}, {}};
        split.currentAddress = split.permanentAddress;
        const QList<Finding> findings = RecordRules::check(split, context());
        f = findRule(findings, QStringLiteral("address.legacy_unit"));
        QVERIFY(f);
        QVERIFY(f->suggestedValue.isEmpty());
        QCOMPARE(f->fields,
                 (QStringList{QStringLiteral("permanent_unit_code"), QStringLiteral("current_unit_code")}));
    }

    void sharedIdListsTheOtherRecords()
    {
        RuleContext c = context();
        const Resident r = cleanResident();
        c.idHolders = [&r](const QString& id) {
            if (id != QStringLiteral("001085012345"))
                return QList<IdHolder>();
            return QList<IdHolder>{
                IdHolder{r.id, r.sourceRef, r.fullName},
                IdHolder{QStringLiteral("other-1"), QStringLiteral("R-77"), QStringLiteral("Trần Văn Bình")},
                IdHolder{QStringLiteral("other-2"), QString(), QString()}};
        };
        const QList<Finding> findings = RecordRules::check(r, c);
        const std::optional<Finding> f = findRule(findings, QStringLiteral("id.shared"));
        QVERIFY(f);
        QCOMPARE(f->severity, Severity::Error);
        QVERIFY(f->message.contains(QStringLiteral("R-77 (Trần Văn Bình)")));
        QVERIFY(f->message.contains(QStringLiteral("other-2")));
        QVERIFY(!f->message.contains(QStringLiteral("R-1")));
        QVERIFY(f->message.contains(QStringLiteral("001085012345")));

        // Alone with its ID: nothing. Spaces in the ID are read through.
        c.idHolders = [&r](const QString&) {
            return QList<IdHolder>{IdHolder{r.id, r.sourceRef, r.fullName}};
        };
        QVERIFY(!findRule(RecordRules::check(r, c), QStringLiteral("id.shared")));
        Resident spaced = r;
        spaced.personalId = QStringLiteral("001 085 012345");
        QString asked;
        c.idHolders = [&asked](const QString& id) {
            asked = id;
            return QList<IdHolder>();
        };
        QVERIFY(RecordRules::check(spaced, c).isEmpty());
        QCOMPARE(asked, QStringLiteral("001085012345"));
    }

    // The fingerprint changes with what the rule looked at, and only with that.
    void fingerprintFollowsTheInputs()
    {
        Resident r = cleanResident();
        r.fullName = QStringLiteral("NGUYỄN VĂN AN");
        const QString before
            = findRule(RecordRules::check(r, context()), QStringLiteral("name.format"))->fingerprint;
        Resident phoneChanged = r;
        phoneChanged.phone = QStringLiteral("0912345678");
        QCOMPARE(
            findRule(RecordRules::check(phoneChanged, context()), QStringLiteral("name.format"))->fingerprint,
            before);
        Resident nameChanged = r;
        nameChanged.fullName = QStringLiteral("NGUYỄN VĂN ANH");
        QVERIFY(
            findRule(RecordRules::check(nameChanged, context()), QStringLiteral("name.format"))->fingerprint
            != before);
    }

    void ageCountsFullYearsFromTheLatestPossibleDay()
    {
        Resident r = cleanResident();
        r.personalId.clear();
        r.birthDate = PartialDate::parse(u"02/07/1905"); // 121 only tomorrow
        QVERIFY(!findRule(RecordRules::check(r, context()), QStringLiteral("date.age")));
        r.birthDate = PartialDate::parse(u"01/07/1905"); // 121 today
        QVERIFY(findRule(RecordRules::check(r, context()), QStringLiteral("date.age")));
        r.birthDate = PartialDate::parse(u"1905"); // may be 31/12/1905: 120
        QVERIFY(!findRule(RecordRules::check(r, context()), QStringLiteral("date.age")));
        r.status = ResidentStatus::Deceased;
        r.birthDate = PartialDate::parse(u"1880");
        QVERIFY(!findRule(RecordRules::check(r, context()), QStringLiteral("date.age")));
    }
};

QTEST_GUILESS_MAIN(TestRecordRules)
#include "TestRecordRules.moc"
