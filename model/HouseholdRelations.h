#pragma once

#include "Sex.h"

#include <optional>
#include <QHash>
#include <QList>
#include <QString>

namespace wardroll::model {

// Relationship to the household head (DOMAIN.md §8). There is no official code list; the
// catalogue gives each value the sex it implies and its generation relative to the head (+1 a
// parent, -1 a child), which is what plausibility checks need.
//
// Loaded once, on first use of instance(), thread-safely.
class HouseholdRelations
{
public:
    enum class Group {
        Head,
        Spouse,
        Child,
        ChildInLaw,
        Parent,
        ParentInLaw,
        Grandparent,
        GreatGrandparent,
        Grandchild,
        GreatGrandchild,
        Sibling,
        SiblingInLaw,
        NephewNiece,
        UncleAunt,
        Guardian,
        Ward,
        NonRelative,
        Other
    };

    struct Relation
    {
        QString value; // as the catalogue writes it: "Cha đẻ (Bố)", "Bố vợ/Bố chồng"
        Sex expectedSex = Sex::Unknown; // Unknown: either
        std::optional<int> generationOffset; // none for guardians, lodgers, "other"
        Group group = Group::Other;
    };

    [[nodiscard]] static const HouseholdRelations& instance();
    [[nodiscard]] static QString headValue() { return QStringLiteral("Chủ hộ"); }

    [[nodiscard]] const QList<Relation>& relations() const { return m_relations; }
    // By value or a common short form ("Bố", "Con", "Bố chồng", "Ở nhờ"), ignoring case, tone
    // and vowel marks and spacing. nullptr when unknown (or empty).
    [[nodiscard]] const Relation* find(QStringView value) const;

    HouseholdRelations(const HouseholdRelations&) = delete;
    HouseholdRelations& operator=(const HouseholdRelations&) = delete;

private:
    HouseholdRelations();
    [[nodiscard]] static QString key(QStringView value);
    QList<Relation> m_relations;
    QHash<QString, qsizetype> m_byKey;
};

} // namespace wardroll::model
