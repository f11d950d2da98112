#include "MatchDictionary.h"

namespace wardroll::model {

MatchDictionary::MatchDictionary()
    : m_counts(1, 0)
{
}

quint32 MatchDictionary::intern(const QString& key)
{
    if (key.isEmpty())
        return 0;
    const auto it = m_ids.constFind(key);
    if (it != m_ids.constEnd())
        return *it;
    const auto id = static_cast<quint32>(m_counts.size());
    m_ids.insert(key, id);
    if (m_values.size() < id)
        m_values.resize(id);
    m_values.push_back(key);
    m_counts.push_back(0);
    return id;
}

quint32 MatchDictionary::internHash(quint64 key)
{
    if (key == 0)
        return 0;
    const auto it = m_hashIds.constFind(key);
    if (it != m_hashIds.constEnd())
        return *it;
    const auto id = static_cast<quint32>(m_counts.size());
    m_hashIds.insert(key, id);
    m_counts.push_back(0);
    return id;
}

void MatchDictionary::setSpan(quint32 id, Span span)
{
    if (m_spans.size() <= id)
        m_spans.resize(m_counts.size());
    m_spans[id] = span;
}

} // namespace wardroll::model
