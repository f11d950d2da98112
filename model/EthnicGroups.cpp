#include "EthnicGroups.h"

#include "ReferenceData.h"
#include "VietnameseText.h"

namespace wardroll::model {

const EthnicGroups& EthnicGroups::instance()
{
    static const EthnicGroups groups;
    return groups;
}

QString EthnicGroups::key(QStringView name)
{
    // "H'Mông", "HMông", "H Mông" and "hmong" are one spelling.
    QString folded = VietnameseText::foldKey(name);
    folded.removeIf([](QChar c) { return !c.isLetterOrNumber(); });
    return folded;
}

EthnicGroups::EthnicGroups()
{
    const QList<QStringList> rows = ReferenceData::csv(QStringLiteral(":/reference/ethnic-groups.csv"));
    // code_qd121_1979, name_qd121, spelling_variants, code_qd1019_2008_if_verified
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        if (row.size() < 4 || row[2].startsWith(u'(')) // "(extension ...)": not a group
            continue;
        Group group{row[1], {}, row[0], row[3]};
        for (const QString& variant : row[2].split(u';', Qt::SkipEmptyParts)) {
            const QString v = variant.trimmed();
            if (!v.isEmpty() && v != group.name && !group.variants.contains(v))
                group.variants.append(v);
        }
        m_groups.append(group);
    }
    // Names people write that the catalogue does not list.
    const QList<std::pair<QString, QString>> extra = {
        {QStringLiteral("Cơ-ho"), QStringLiteral("Kơ Ho")},
        {QStringLiteral("Ê-đê"), QStringLiteral("Rhađê")},
        {QStringLiteral("Ba-na"), QStringLiteral("Bana")},
    };
    for (const auto& [name, variant] : extra)
        for (Group& group : m_groups)
            if (group.name == name)
                group.variants.append(variant);
    for (qsizetype i = 0; i < m_groups.size(); ++i) {
        m_byKey.insert(key(m_groups[i].name), i);
        for (const QString& variant : m_groups[i].variants)
            if (!m_byKey.contains(key(variant)))
                m_byKey.insert(key(variant), i);
    }
}

const EthnicGroups::Group* EthnicGroups::find(QStringView nameOrVariant) const
{
    QString k = key(nameOrVariant);
    auto it = m_byKey.constFind(k);
    if (it == m_byKey.cend() && k.startsWith(u"nguoi")) // "Người Kinh", "người Hoa"
        it = m_byKey.constFind(k.mid(5));
    return it == m_byKey.cend() ? nullptr : &m_groups[*it];
}

QString EthnicGroups::canonicalName(QStringView nameOrVariant) const
{
    const Group* group = find(nameOrVariant);
    return group ? group->name : QString();
}

const EthnicGroups::Group* EthnicGroups::byCode(QStringView code, Catalogue catalogue) const
{
    if (code.isEmpty())
        return nullptr;
    for (const Group& group : m_groups)
        if (group.code(catalogue) == code)
            return &group;
    return nullptr;
}

} // namespace wardroll::model
