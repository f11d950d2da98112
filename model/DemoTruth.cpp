#include "DemoTruth.h"

#include <algorithm>
#include <QDir>
#include <QSaveFile>

namespace wardroll::model {

namespace {

QString csvField(const QString& text)
{
    if (!text.contains(u',') && !text.contains(u'"') && !text.contains(u'\n') && !text.contains(u'\r'))
        return text;
    QString quoted = text;
    quoted.replace(QStringLiteral("\""), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

std::optional<quint64> asNumber(const QString& id)
{
    if (id.size() != 12)
        return std::nullopt;
    quint64 value = 0;
    for (QChar c : id) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + static_cast<quint64>(c.unicode() - u'0');
    }
    return value;
}

} // namespace

QString DemoTruth::recordRef(qint64 record)
{
    return QStringLiteral("DEMO-%1").arg(record, 6, 10, QLatin1Char('0'));
}

QString DemoTruth::householdRef(qint64 household)
{
    return QStringLiteral("HK-%1").arg(household, 5, 10, QLatin1Char('0'));
}

void DemoTruth::addDefect(const QString& rule, qint64 record, qint64 household, bool householdRule,
                          const QString& detail)
{
    m_defects.push_back(Defect{rule, record, household, householdRule, detail});
    m_rulesSeen.insert(rule);
}

void DemoTruth::noteId(const QString& normalizedId, qint64 record, qint64 household)
{
    if (normalizedId.isEmpty())
        return;
    if (const auto number = asNumber(normalizedId))
        m_numericIds.push_back(NumericId{*number, record, household});
    else
        m_otherIds[normalizedId].append({record, household});
}

int DemoTruth::newCluster()
{
    m_clusters.append(QList<Copy>());
    return static_cast<int>(m_clusters.size() - 1);
}

void DemoTruth::addToCluster(int cluster, qint64 record, const QString& variation)
{
    m_clusters[cluster].append(Copy{record, variation});
}

void DemoTruth::addTwins(const QList<qint64>& records)
{
    m_twins.append(records);
}

qint64 DemoTruth::duplicateCopies() const
{
    qint64 copies = 0;
    for (const auto& cluster : m_clusters)
        copies += std::max<qint64>(0, cluster.size() - 1);
    return copies;
}

void DemoTruth::finish()
{
    auto shared = [this](const QString& id, const QList<std::pair<qint64, qint64>>& holders) {
        for (const auto& [record, household] : holders)
            addDefect(QStringLiteral("id.shared"), record, household, false,
                      QStringLiteral("personal_id=%1 on %2 records").arg(id).arg(holders.size()));
    };
    std::sort(m_numericIds.begin(), m_numericIds.end(), [](const NumericId& a, const NumericId& b) {
        return a.id < b.id || (a.id == b.id && a.record < b.record);
    });
    for (size_t i = 0; i < m_numericIds.size();) {
        size_t end = i + 1;
        while (end < m_numericIds.size() && m_numericIds[end].id == m_numericIds[i].id)
            ++end;
        if (end - i > 1) {
            QList<std::pair<qint64, qint64>> holders;
            for (size_t k = i; k < end; ++k)
                holders.append({m_numericIds[k].record, m_numericIds[k].household});
            shared(QStringLiteral("%1").arg(m_numericIds[i].id, 12, 10, QLatin1Char('0')), holders);
        }
        i = end;
    }
    // QHash order is not stable across runs: visit malformed IDs sorted.
    QStringList others = m_otherIds.keys();
    std::sort(others.begin(), others.end());
    for (const QString& id : std::as_const(others))
        if (m_otherIds.value(id).size() > 1)
            shared(id, m_otherIds.value(id));
    m_numericIds = {};
    m_otherIds.clear();
    std::sort(m_defects.begin(), m_defects.end(), [](const Defect& a, const Defect& b) {
        if (a.household != b.household)
            return a.household < b.household;
        if (a.record != b.record)
            return a.record < b.record;
        return a.rule < b.rule;
    });
}

Status DemoTruth::write(const QString& dir) const
{
    if (!QDir().mkpath(dir))
        return Error{Error::Kind::Io, tr("The folder for the truth files could not be created."), dir};
    auto save = [&dir](const QString& name, const QString& content) -> Status {
        QSaveFile file(QDir(dir).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content.toUtf8()) < 0 || !file.commit())
            return Error{Error::Kind::Io, tr("A truth file could not be written."),
                         file.fileName() + QStringLiteral(": ") + file.errorString()};
        return {};
    };
    QString duplicates = QStringLiteral("cluster,source_ref,variation\n");
    int number = 0;
    for (const auto& cluster : m_clusters) {
        if (cluster.size() < 2)
            continue;
        ++number;
        for (const Copy& copy : cluster)
            duplicates += QString::number(number) + QLatin1Char(',') + recordRef(copy.record)
                + QLatin1Char(',') + copy.variation + QLatin1Char('\n');
    }
    QString twins = QStringLiteral("group,source_ref\n");
    for (qsizetype g = 0; g < m_twins.size(); ++g)
        for (qint64 record : m_twins[g])
            twins += QString::number(g + 1) + QLatin1Char(',') + recordRef(record) + QLatin1Char('\n');
    QString defects = QStringLiteral("rule,source_ref,household_ref,detail\n");
    defects.reserve(static_cast<qsizetype>(m_defects.size()) * 80);
    for (const Defect& d : m_defects)
        defects += d.rule + QLatin1Char(',') + (d.record ? recordRef(d.record) : QString()) + QLatin1Char(',')
            + (d.householdRef ? householdRef(d.household) : QString()) + QLatin1Char(',') + csvField(d.detail)
            + QLatin1Char('\n');
    if (auto status = save(QStringLiteral("duplicates.csv"), duplicates); !status.ok())
        return status;
    if (auto status = save(QStringLiteral("twins.csv"), twins); !status.ok())
        return status;
    return save(QStringLiteral("defects.csv"), defects);
}

} // namespace wardroll::model
