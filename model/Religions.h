#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace wardroll::model {

// Religions as records hold them (DOMAIN.md §5): the 16 recognised religions and "Không"
// (none), the most common value. Common variants resolve to the canonical name: "Thiên Chúa
// giáo" and "Đạo Thiên Chúa" are Công giáo, "Lương" and "Không tôn giáo" are Không.
//
// Loaded once, on first use of instance(), thread-safely.
class Religions
{
public:
    struct Religion
    {
        QString code; // Decision 1019/QĐ-TCTK (2008); "00" for Không; empty when not numbered
        QString name; // canonical: "Công giáo", "Minh Lý đạo", "Không"
        QStringList variants;
        bool recognised = false; // one of the 16 recognised religions
    };

    [[nodiscard]] static const Religions& instance();
    [[nodiscard]] static QString none() { return QStringLiteral("Không"); }

    [[nodiscard]] const QList<Religion>& religions() const { return m_religions; } // 17
    // By name or variant, ignoring case, tone and vowel marks, spaces, hyphens and apostrophes.
    [[nodiscard]] const Religion* find(QStringView nameOrVariant) const;
    // The canonical name, or an empty string for an unknown name.
    [[nodiscard]] QString canonicalName(QStringView nameOrVariant) const;

    Religions(const Religions&) = delete;
    Religions& operator=(const Religions&) = delete;

private:
    Religions();
    [[nodiscard]] static QString key(QStringView name);
    QList<Religion> m_religions;
    QHash<QString, qsizetype> m_byKey;
};

} // namespace wardroll::model
