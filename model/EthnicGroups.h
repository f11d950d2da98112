#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// The 54 ethnic groups of Vietnam (DOMAIN.md §5). Two official numberings disagree (1979:
// 04 = Hoa; 2008: 04 = Mường), so records store the canonical name and a code is only ever read
// together with its catalogue. Names written in other ways (Khmer/Khơ-me, Mông/H'Mông/Mèo,
// K'Ho/Cơ-ho, Việt/Kinh) resolve to the canonical name.
//
// Loaded once, on first use of instance(), thread-safely. The CSV's two extension rows
// ("Người nước ngoài", "Không rõ") are not ethnic groups and are not loaded.
class EthnicGroups
{
public:
    enum class Catalogue {
        Decision121of1979, // Decision 121-TCTK/PPCĐ: codes 01..54
        Decision1019of2008 // Decision 1019/QĐ-TCTK: codes verified for 01..20 only
    };

    struct Group
    {
        QString name; // canonical: "Khơ-me"
        QStringList variants; // "Khmer", "Khơ Me"
        QString code1979; // "05"
        QString code2008; // empty when not verified
        [[nodiscard]] QString code(Catalogue catalogue) const
        {
            return catalogue == Catalogue::Decision121of1979 ? code1979 : code2008;
        }
    };

    [[nodiscard]] static const EthnicGroups& instance();

    [[nodiscard]] const QList<Group>& groups() const { return m_groups; } // 54, 1979 order
    // By name or variant, ignoring case, tone and vowel marks, spaces, hyphens and apostrophes.
    [[nodiscard]] const Group* find(QStringView nameOrVariant) const;
    // The canonical name, or an empty string for an unknown name.
    [[nodiscard]] QString canonicalName(QStringView nameOrVariant) const;
    [[nodiscard]] const Group* byCode(QStringView code, Catalogue catalogue) const;

    EthnicGroups(const EthnicGroups&) = delete;
    EthnicGroups& operator=(const EthnicGroups&) = delete;

private:
    EthnicGroups();
    [[nodiscard]] static QString key(QStringView name);
    QList<Group> m_groups;
    QHash<QString, qsizetype> m_byKey;
};

} // namespace wardroll::model
