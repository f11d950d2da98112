#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>
#include <vector>

namespace wardroll::model {

// Interns the normalized values of one field for the duplicate detector: each distinct value
// gets a small integer id (0 = empty), so that records compare by id and the value's frequency
// (for term-frequency weights) is one lookup. Values are keyed by their text, or by a 64-bit
// hash when the text is not needed afterwards (addresses, households). Raw values as read from
// SQLite (UTF-8) may be cached too, so that a value repeated across the ward is decoded and
// normalized once.
class MatchDictionary
{
public:
    struct Span
    {
        quint32 offset = 0;
        quint32 count = 0;
    };

    MatchDictionary();

    // The id of `key` (created when new); 0 for an empty key. Does not count.
    quint32 intern(const QString& key);
    // The same for a value known by its hash (0 = empty); value() is empty for these.
    quint32 internHash(quint64 key);
    // Counts one record holding the value (term frequency).
    void count(quint32 id)
    {
        if (id != 0) {
            ++m_counts[id];
            ++m_total;
        }
    }
    // The id cached for a raw UTF-8 value, or -1 when not cached yet.
    [[nodiscard]] qint64 cachedRaw(const char* utf8, int size) const
    {
        const auto it = m_raw.constFind(QByteArray::fromRawData(utf8, size));
        return it == m_raw.constEnd() ? -1 : static_cast<qint64>(*it);
    }
    void cacheRaw(const char* utf8, int size, quint32 id) { m_raw.insert(QByteArray(utf8, size), id); }
    // Keys and raw caches are for loading only.
    void finishLoading()
    {
        m_raw = {};
        m_ids = {};
        m_hashIds = {};
    }

    [[nodiscard]] const QString& value(quint32 id) const
    {
        return id < m_values.size() ? m_values[id] : m_none;
    }
    [[nodiscard]] quint32 count(quint32 id) const { return id == 0 ? 0 : m_counts[id]; }
    [[nodiscard]] quint64 total() const { return m_total; }
    [[nodiscard]] qsizetype size() const { return static_cast<qsizetype>(m_counts.size()); }
    // Optional facts kept per value: a span of word or token ids in an arena the owner keeps.
    void setSpan(quint32 id, Span span);
    [[nodiscard]] Span span(quint32 id) const { return id < m_spans.size() ? m_spans[id] : Span{}; }
    // How many records hold the value (at least 1) among how many hold any value.
    struct Frequency
    {
        double count = 1;
        double total = 1;
    };
    [[nodiscard]] Frequency frequency(quint32 id) const
    {
        return {static_cast<double>(std::max<quint32>(count(id), 1)),
                static_cast<double>(std::max<quint64>(m_total, 1))};
    }

private:
    QHash<QString, quint32> m_ids;
    QHash<quint64, quint32> m_hashIds;
    QHash<QByteArray, quint32> m_raw;
    std::vector<QString> m_values; // text-keyed values only
    QString m_none;
    std::vector<quint32> m_counts;
    std::vector<Span> m_spans;
    quint64 m_total = 0;
};

} // namespace wardroll::model
