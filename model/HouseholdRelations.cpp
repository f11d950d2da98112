#include "HouseholdRelations.h"

#include "ReferenceData.h"
#include "VietnameseText.h"

namespace wardroll::model {

namespace {

std::optional<HouseholdRelations::Group> groupFromCode(QStringView code)
{
    using G = HouseholdRelations::Group;
    static const QHash<QString, G> groups = {
        {QStringLiteral("head"), G::Head},
        {QStringLiteral("spouse"), G::Spouse},
        {QStringLiteral("child"), G::Child},
        {QStringLiteral("child-in-law"), G::ChildInLaw},
        {QStringLiteral("parent"), G::Parent},
        {QStringLiteral("parent-in-law"), G::ParentInLaw},
        {QStringLiteral("grandparent"), G::Grandparent},
        {QStringLiteral("great-grandparent"), G::GreatGrandparent},
        {QStringLiteral("grandchild"), G::Grandchild},
        {QStringLiteral("great-grandchild"), G::GreatGrandchild},
        {QStringLiteral("sibling"), G::Sibling},
        {QStringLiteral("sibling-in-law"), G::SiblingInLaw},
        {QStringLiteral("nephew/niece"), G::NephewNiece},
        {QStringLiteral("uncle/aunt"), G::UncleAunt},
        {QStringLiteral("guardian"), G::Guardian},
        {QStringLiteral("ward"), G::Ward},
        {QStringLiteral("non-relative"), G::NonRelative},
        {QStringLiteral("other"), G::Other},
    };
    const auto it = groups.constFind(code.toString());
    return it == groups.cend() ? std::nullopt : std::optional<G>(*it);
}

} // namespace

const HouseholdRelations& HouseholdRelations::instance()
{
    static const HouseholdRelations relations;
    return relations;
}

QString HouseholdRelations::key(QStringView value)
{
    QString folded = VietnameseText::foldKey(value);
    folded.removeIf([](QChar c) { return c.isSpace(); });
    return folded;
}

HouseholdRelations::HouseholdRelations()
{
    const QList<QStringList> rows = ReferenceData::csv(QStringLiteral(":/reference/household-relations.csv"));
    // value_vi, expected_gender (M/F/any), generation_offset_vs_head, group
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        if (row.size() < 4)
            continue;
        Relation relation;
        relation.value = row[0];
        relation.expectedSex = sexFromCode(row[1]);
        bool ok = false;
        const int offset = row[2].toInt(&ok);
        if (ok)
            relation.generationOffset = offset;
        relation.group = groupFromCode(row[3]).value_or(Group::Other);
        m_byKey.insert(key(relation.value), m_relations.size());
        m_relations.append(relation);
    }
    // Short forms people write for a catalogue value.
    const QList<std::pair<QString, QStringList>> aliases = {
        {QStringLiteral("Con đẻ"), {QStringLiteral("Con"), QStringLiteral("Con ruột")}},
        {QStringLiteral("Con riêng của vợ/chồng"), {QStringLiteral("Con riêng")}},
        {QStringLiteral("Cha đẻ (Bố)"),
         {QStringLiteral("Cha đẻ"), QStringLiteral("Bố đẻ"), QStringLiteral("Bố"), QStringLiteral("Cha")}},
        {QStringLiteral("Mẹ đẻ"), {QStringLiteral("Mẹ"), QStringLiteral("Mẹ ruột")}},
        {QStringLiteral("Bố vợ/Bố chồng"), {QStringLiteral("Bố vợ"), QStringLiteral("Bố chồng")}},
        {QStringLiteral("Mẹ vợ/Mẹ chồng"), {QStringLiteral("Mẹ vợ"), QStringLiteral("Mẹ chồng")}},
        {QStringLiteral("Cụ (ông/bà cố)"),
         {QStringLiteral("Cụ"), QStringLiteral("Ông cố"), QStringLiteral("Bà cố")}},
        {QStringLiteral("Anh rể/Em rể"), {QStringLiteral("Anh rể"), QStringLiteral("Em rể")}},
        {QStringLiteral("Chị dâu/Em dâu"), {QStringLiteral("Chị dâu"), QStringLiteral("Em dâu")}},
        {QStringLiteral("Người ở nhờ / ở thuê / ở mượn"),
         {QStringLiteral("Ở nhờ"), QStringLiteral("Ở thuê"), QStringLiteral("Ở mượn"),
          QStringLiteral("Người ở nhờ"), QStringLiteral("Người ở thuê")}},
        {QStringLiteral("Khác (ghi rõ)"), {QStringLiteral("Khác")}},
    };
    for (const auto& [value, shortForms] : aliases) {
        const auto target = m_byKey.constFind(key(value));
        if (target == m_byKey.cend())
            continue;
        const qsizetype index = *target;
        for (const QString& shortForm : shortForms)
            if (!m_byKey.contains(key(shortForm)))
                m_byKey.insert(key(shortForm), index);
    }
}

const HouseholdRelations::Relation* HouseholdRelations::find(QStringView value) const
{
    if (value.trimmed().isEmpty())
        return nullptr;
    const auto it = m_byKey.constFind(key(value));
    return it == m_byKey.cend() ? nullptr : &m_relations[*it];
}

} // namespace wardroll::model
