#pragma once

#include "Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <vector>

namespace wardroll::model {

// What a demo ward is known to contain, written as the truth files described in
// resources/README.md: duplicates.csv, twins.csv, defects.csv. Records and households are
// numbered from 1 in insertion order: record n is "DEMO-00000n", household n "HK-0000n".
// Part of DemoWardGenerator.
class DemoTruth
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::DemoTruth)
public:
    [[nodiscard]] static QString recordRef(qint64 record);
    [[nodiscard]] static QString householdRef(qint64 household);

    // A rule raised on a record (record > 0), a household (record == 0) or a household member
    // (both, `both` true).
    void addDefect(const QString& rule, qint64 record, qint64 household, bool householdRule,
                   const QString& detail);
    // Every record's personal ID, for id.shared.
    void noteId(const QString& normalizedId, qint64 record, qint64 household);
    [[nodiscard]] int newCluster();
    void addToCluster(int cluster, qint64 record, const QString& variation);
    void addTwins(const QList<qint64>& records);
    // Adds the id.shared findings and sorts; call once, after the last record.
    void finish();

    [[nodiscard]] Status write(const QString& dir) const;

    [[nodiscard]] qint64 defectCount() const { return static_cast<qint64>(m_defects.size()); }
    [[nodiscard]] qint64 duplicateCopies() const;
    [[nodiscard]] qint64 twinGroups() const { return static_cast<qint64>(m_twins.size()); }
    [[nodiscard]] bool hasRule(const QString& rule) const { return m_rulesSeen.contains(rule); }

private:
    struct Defect
    {
        QString rule;
        qint64 record = 0;
        qint64 household = 0;
        bool householdRef = false;
        QString detail;
    };
    struct Copy
    {
        qint64 record;
        QString variation;
    };
    std::vector<Defect> m_defects;
    struct NumericId
    {
        quint64 id;
        qint64 record;
        qint64 household;
    };
    std::vector<NumericId> m_numericIds; // 12-digit IDs: most of them, kept compact
    QHash<QString, QList<std::pair<qint64, qint64>>> m_otherIds; // malformed IDs
    QList<QList<Copy>> m_clusters;
    QList<QList<qint64>> m_twins;
    QSet<QString> m_rulesSeen;
};

} // namespace wardroll::model
