#pragma once

#include "DemoHousehold.h"

#include <QDate>

namespace wardroll::model {

class DemoIdIssuer;
class DemoNamePicker;
class DemoRandom;
class DemoWardProfile;

// Builds realistic, clean households for a demo ward: sizes 1..9 (mean ≈ 3.6) from single
// people, couples, nuclear families, single parents and three-generation families; relations
// from household-relations.csv; children with the father's family name (the mother's in Ê-đê
// custom); parents at least 21 (fathers) / 19 (mothers) years older than their children, spouses
// of legal age; year-only dates for some elderly; IDs consistent with sex and birth year;
// parents' and spouse's names and IDs filled from the household. Every rule DemoRuleAudit
// knows holds for what it builds. Part of DemoWardGenerator.
class DemoHouseholdBuilder
{
public:
    enum class Shape {
        Any,
        WithTwins, // a family with twins
        UnderageSpouse // a young couple whose wife is under the legal marriage age
    };

    DemoHouseholdBuilder(const DemoWardProfile& ward, const DemoNamePicker& names, DemoRandom& rng,
                         DemoIdIssuer& ids, QDate referenceDate);
    ~DemoHouseholdBuilder();
    DemoHouseholdBuilder(const DemoHouseholdBuilder&) = delete;
    DemoHouseholdBuilder& operator=(const DemoHouseholdBuilder&) = delete;

    // A household of 1..maxMembers people (maxMembers >= 1). Records have no id, source_ref,
    // household id or timestamps yet.
    [[nodiscard]] DemoHousehold build(int number, int maxMembers, Shape shape);
    // A household for `member` alone, who becomes its head (a person recorded again after moving).
    [[nodiscard]] DemoHousehold buildFor(int number, DemoMember member);
    // The address fields of a new household in this ward.
    void setAddress(Household& household);

private:
    struct Plan;
    int add(Sex sex, int year, const QString& relation, const QString& family, const QString& ethnicity);
    int pickChildYears(int fatherYear, int motherYear, int count, QList<int>& years);
    void addChildren(int father, int mother, int count, const QString& relation, bool allowTwins);
    void addElderly(int head, int spouse);
    void singleOrCouple(bool couple);
    void nuclear(bool singleParent, bool elderly, bool twins);
    void threeGenerationsDown();
    void underageCouple();
    [[nodiscard]] DemoHousehold finish(int number);
    [[nodiscard]] bool room() const;

    const DemoWardProfile& m_ward;
    const DemoNamePicker& m_names;
    DemoRandom& m_rng;
    DemoIdIssuer& m_ids;
    QDate m_reference;
    int m_refYear;
    int m_max = 1;
    bool m_forceTwins = false;
    QList<Plan> m_plans;
    QString m_religion;
};

} // namespace wardroll::model
