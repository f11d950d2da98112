#pragma once

#include "Resident.h"
#include "Result.h"
#include "SqlStatement.h"

#include <map>
#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QVariant>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

// One row of the resident list, with what the next page's keyset needs.
struct ResidentRow
{
    QString id;
    QString fullName;
    QString birthDate; // PartialDate::toDisplayString()
    model::Sex sex = model::Sex::Unknown;
    QString personalId;
    QString village;
    QString householdNumber;
    model::ResidentStatus status = model::ResidentStatus::Living;

    QVariant sortKey;
    QString nameKey;
    // The record's rowid in this file, the last tie-breaker: the sort indexes end with it (every
    // entry of a rowid table's index does). Only a position within one listing: VACUUM may
    // renumber it.
    qint64 rowid = 0;
    qint64 searchSeq = 0;
};

// What the list is narrowed to besides the search: the main window's filter row.
struct ResidentFilters
{
    QString village; // empty: any
    std::optional<model::ResidentStatus> status;
    // Records with an open (or in verification) flag about them, as subject, as the other record
    // of a duplicate pair, or through their household; `rule` narrows to one rule's flags.
    bool flagged = false;
    QString rule;
    bool conflicted = false; // records with a sync conflict waiting for a person
    bool unsynced = false; // records with changes the hub has not acknowledged (UnsyncedRows)
    [[nodiscard]] bool isEmpty() const
    {
        return village.isEmpty() && !status && !flagged && rule.isEmpty() && !conflicted && !unsynced;
    }
    bool operator==(const ResidentFilters&) const = default;
};

// Reads the live residents of a ward page by page in a chosen order, optionally narrowed by a
// search. Keyset pagination: each page continues after the last row read, so the cost of a page
// does not grow with its position.
//
// Three plans, each a bounded index walk:
// Ties are broken by the name key, then by the rowid (not the id), which the indexes end with.
//
// - no search: the sort column's live index (schema v10), as two seeks, "same key, later tail"
//   UNION ALL "later key", because SQLite does not seek a row value that starts with an indexed
//   expression;
// - a narrow search (at most `sortedSearchLimit` matches): every match is read from the search
//   index and the top of them sorted, cheap because they are few;
// - a broad search: the search index's own order (record order), continuing after its rowid.
class ResidentPageQuery
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::ui::ResidentPageQuery)
public:
    enum class Order { Name, BirthDate, Sex, PersonalId, Village, Status };
    static constexpr int sortedSearchLimit = 5000;

    explicit ResidentPageQuery(model::WardDatabase& ward);
    ~ResidentPageQuery();
    ResidentPageQuery(const ResidentPageQuery&) = delete;
    ResidentPageQuery& operator=(const ResidentPageQuery&) = delete;

    // Starts over from the first row. With a search, counts its live matches (bounded).
    [[nodiscard]] model::Status start(Order order, Qt::SortOrder direction, const QString& search,
                                      const ResidentFilters& filters = {});
    // Appends up to `limit` rows after the previous ones; returns whether more rows follow.
    [[nodiscard]] model::Result<bool> next(int limit, QList<ResidentRow>& rows);

    // The villages of the ward's live residents, in order (one index seek per village).
    [[nodiscard]] static model::Result<QStringList> villages(model::WardDatabase& ward);

    // Live matches of the search, -1 without a search; sortedSearchLimit + 1 stands for "more"
    // (counted in the search index, which also holds deleted records: a close upper bound).
    [[nodiscard]] qint64 matchCount() const { return m_matchCount; }
    // False when a broad search is read in record order.
    [[nodiscard]] bool isSorted() const { return m_plan != Plan::SearchUnsorted; }

    // The statement next() runs for the next page (its query plan is checked by the tests).
    [[nodiscard]] QString pageSql() const;

private:
    enum class Plan { Index, SearchSorted, SearchUnsorted };
    // Runs a count over the current search (?1 match, ?2 bound, filters when `filtered`).
    [[nodiscard]] model::Result<qint64> count(const QString& sql, bool filtered);
    // The live-record condition with the filters' conditions (?6 village, ?7 status, ?8 rule).
    [[nodiscard]] QString liveWhere() const;
    void bindFilters(model::SqlStatement& stmt) const;
    [[nodiscard]] model::Result<model::SqlStatement*> statement(const QString& sql);
    void bindPosition(model::SqlStatement& stmt, int limit) const;
    [[nodiscard]] ResidentRow readRow(const model::SqlStatement& stmt) const;

    model::WardDatabase& m_ward;
    std::map<QString, model::SqlStatement> m_statements; // by SQL text: a handful of shapes
    Order m_order = Order::Name;
    Qt::SortOrder m_direction = Qt::AscendingOrder;
    Plan m_plan = Plan::Index;
    QString m_match;
    ResidentFilters m_filters;
    qint64 m_matchCount = -1;
    // At most this many unsynced records are read first and sorted (measured crossover on 200k).
    static constexpr int fewUnsynced = 4000;
    bool m_unsyncedFew = false;
    bool m_hasPosition = false;
    ResidentRow m_last; // keyset position: the last row returned
};

} // namespace wardroll::ui
