#include "ReviewSample.h"

#include "FlagStore.h"
#include "MatchComparison.h"
#include "SampleWard.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace wardroll::test {

using namespace wardroll::model;

namespace {

Resident person(const QString& ref, const QString& name, const QString& id, int day)
{
    Resident r;
    r.sourceRef = ref;
    r.fullName = name;
    r.personalId = id;
    r.birthDate = PartialDate::fromParts(1985, 3, day);
    r.sex = Sex::Male;
    r.village = QStringLiteral("Thôn Đông");
    r.ethnicity = QStringLiteral("Kinh");
    r.religion = QStringLiteral("Không");
    return r;
}

// The "why" of a pair as DuplicateExplanation writes it: one entry per compared field.
QString details(double score)
{
    QJsonArray fields;
    for (int id = 0; id < MatchComparison::Count && id < 3; ++id)
        fields.append(QJsonObject{{QStringLiteral("field"), MatchComparison::fieldCode(id)},
                                  {QStringLiteral("a"), QStringLiteral("x")},
                                  {QStringLiteral("b"), QStringLiteral("x")},
                                  {QStringLiteral("level"), MatchComparison::levelCode(id, 0)},
                                  {QStringLiteral("weight"), 4.5 - id}});
    return QString::fromUtf8(QJsonDocument(QJsonObject{{QStringLiteral("level"), QStringLiteral("probable")},
                                                       {QStringLiteral("score"), score},
                                                       {QStringLiteral("fields"), fields}})
                                 .toJson(QJsonDocument::Compact));
}

Finding pair(const QString& rule, const QString& a, const QString& b, double score)
{
    Finding f;
    f.rule = rule;
    f.severity = Severity::Warning;
    f.residentId = a;
    f.otherResidentId = b;
    f.fields = {QStringLiteral("full_name"), QStringLiteral("birth_date")};
    f.message = QStringLiteral("Records %1 and %2 look like one person").arg(a, b);
    f.score = score;
    f.details = details(score);
    f.fingerprint = a + b;
    return f;
}

} // namespace

ReviewSample fillReviewSample(WardDatabase& ward)
{
    const SampleWard sample = fillSampleWard(ward, 40, 7);
    WardStore store(ward);
    ReviewSample out;
    Resident first
        = person(QStringLiteral("D1"), QStringLiteral("Nguyễn Văn An"), QStringLiteral("001085012345"), 12);
    Resident second = first;
    second.sourceRef = QStringLiteral("D2");
    second.phone = QStringLiteral("0912345678");
    Resident twinA
        = person(QStringLiteral("T1"), QStringLiteral("Trần Minh Khoa"), QStringLiteral("001085099001"), 5);
    Resident twinB
        = person(QStringLiteral("T2"), QStringLiteral("Trần Minh Khôi"), QStringLiteral("001085099002"), 5);
    for (Resident* r : {&first, &second, &twinA, &twinB})
        if (!store.insertResident(*r).ok())
            qFatal("fillReviewSample: insert failed");
    out.firstId = first.id;
    out.secondId = second.id;

    QList<Finding> findings;
    Finding birthYear;
    birthYear.rule = QStringLiteral("id.birth_year");
    birthYear.severity = Severity::Error;
    birthYear.residentId = sample.liveIds.at(0);
    birthYear.fields = {QStringLiteral("personal_id"), QStringLiteral("birth_date")};
    birthYear.message = QStringLiteral("The personal ID says born in 1990, the record says 1985.");
    birthYear.fingerprint = QStringLiteral("by");
    findings << birthYear;
    for (int i = 1; i <= 4; ++i) {
        Finding name;
        name.rule = QStringLiteral("name.format");
        name.severity = Severity::Warning;
        name.residentId = sample.liveIds.at(i);
        name.fields = {QStringLiteral("full_name")};
        name.message = QStringLiteral("Name written irregularly");
        name.fingerprint = QStringLiteral("n%1").arg(i);
        findings << name;
    }
    findings << pair(QStringLiteral("dup.probable"), first.id, second.id, 12.5);
    findings << pair(QStringLiteral("dup.possible"), twinA.id, twinB.id, -2.0);
    FlagStore flags(ward);
    if (!flags.reconcile(findings).ok())
        qFatal("fillReviewSample: reconcile failed");
    out.flags = static_cast<int>(findings.size());
    out.birthYearFlagId = flags.find(birthYear.rule, birthYear.subject()).value()->id;
    out.duplicateFlagId = flags.find(QStringLiteral("dup.probable"), findings.at(5).subject()).value()->id;
    out.twinFlagId = flags.find(QStringLiteral("dup.possible"), findings.at(6).subject()).value()->id;
    return out;
}

} // namespace wardroll::test
