#include "Religions.h"

#include "ReferenceData.h"
#include "VietnameseText.h"

namespace wardroll::model {

const Religions& Religions::instance()
{
    static const Religions religions;
    return religions;
}

QString Religions::key(QStringView name)
{
    QString folded = VietnameseText::foldKey(name);
    folded.removeIf([](QChar c) { return !c.isLetterOrNumber(); });
    return folded;
}

Religions::Religions()
{
    const QList<QStringList> rows = ReferenceData::csv(QStringLiteral(":/reference/religions.csv"));
    // code_gso_1019_2008, name, in_16_recognized_religions. A name may carry its long form in
    // parentheses: "Minh Lý đạo (Minh Lý đạo - Tam Tông Miếu)".
    for (qsizetype i = 1; i < rows.size(); ++i) {
        const QStringList& row = rows[i];
        if (row.size() < 3)
            continue;
        Religion religion;
        religion.code = row[0].trimmed();
        religion.recognised = row[2].startsWith(u"yes");
        const qsizetype open = row[1].indexOf(QStringLiteral(" ("));
        if (open > 0 && row[1].endsWith(u')')) {
            religion.name = row[1].left(open).trimmed();
            religion.variants.append(row[1].mid(open + 2, row[1].size() - open - 3).trimmed());
        } else {
            religion.name = row[1].trimmed();
        }
        m_religions.append(religion);
    }
    // What records and spreadsheets write instead of the catalogue's names.
    const QList<std::pair<QString, QStringList>> extra = {
        {QStringLiteral("Không"),
         {QStringLiteral("Lương"), QStringLiteral("Không tôn giáo"), QStringLiteral("Không có"),
          QStringLiteral("Không theo đạo"), QStringLiteral("KTG")}},
        {QStringLiteral("Công giáo"),
         {QStringLiteral("Thiên Chúa giáo"), QStringLiteral("Thiên Chúa"), QStringLiteral("Đạo Thiên Chúa"),
          QStringLiteral("Công giáo La Mã"), QStringLiteral("Giáo dân")}},
        {QStringLiteral("Phật giáo"), {QStringLiteral("Đạo Phật"), QStringLiteral("Phật")}},
        {QStringLiteral("Phật giáo Hòa Hảo"), {QStringLiteral("Hòa Hảo"), QStringLiteral("Đạo Hòa Hảo")}},
        {QStringLiteral("Tin lành"), {QStringLiteral("Đạo Tin lành"), QStringLiteral("Kitô giáo Tin lành")}},
        {QStringLiteral("Cao Đài"), {QStringLiteral("Đạo Cao Đài"), QStringLiteral("Cao Đài giáo")}},
        {QStringLiteral("Hồi giáo"), {QStringLiteral("Islam"), QStringLiteral("Đạo Hồi")}},
        {QStringLiteral("Baha'i"), {QStringLiteral("Bahá'í")}},
    };
    for (const auto& [name, variants] : extra)
        for (Religion& religion : m_religions)
            if (religion.name == name)
                religion.variants.append(variants);
    for (qsizetype i = 0; i < m_religions.size(); ++i) {
        m_byKey.insert(key(m_religions[i].name), i);
        for (const QString& variant : m_religions[i].variants)
            if (!m_byKey.contains(key(variant)))
                m_byKey.insert(key(variant), i);
    }
}

const Religions::Religion* Religions::find(QStringView nameOrVariant) const
{
    const auto it = m_byKey.constFind(key(nameOrVariant));
    return it == m_byKey.cend() ? nullptr : &m_religions[*it];
}

QString Religions::canonicalName(QStringView nameOrVariant) const
{
    const Religion* religion = find(nameOrVariant);
    return religion ? religion->name : QString();
}

} // namespace wardroll::model
