#pragma once

#include "ResidentPageQuery.h"

#include <QAbstractTableModel>
#include <QList>

namespace wardroll::ui {

// The ward's live residents as a table, read a page at a time (keyset pagination: never OFFSET,
// never the whole ward), sorted in SQL through the live-record indexes and filtered through the
// search index. Reads on the calling thread through the ward's connection: each page is one
// indexed query of a few milliseconds even on a million residents.
//
// A search with more than `sortedSearchLimit` matches is listed in record order, unsorted:
// sorting it would read every match on each page. `isSortApplied()` says which case holds.
class ResidentTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        BirthDateColumn,
        SexColumn,
        PersonalIdColumn,
        VillageColumn,
        HouseholdColumn,
        StatusColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1; // the resident's record id

    explicit ResidentTableModel(model::WardDatabase& ward, QObject* parent = nullptr);
    ~ResidentTableModel() override;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;
    // Re-reads from the first page. Columns that cannot be sorted in SQL are ignored.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    [[nodiscard]] static bool isSortable(int column);
    [[nodiscard]] int sortColumn() const { return m_sortColumn; }
    [[nodiscard]] Qt::SortOrder sortOrder() const { return m_sortOrder; }
    // False while a broad search is listed in record order (see above).
    [[nodiscard]] bool isSortApplied() const { return m_query.isSorted(); }

    // What the officer typed in the search box; empty lists everyone. Re-reads from page one.
    void setFilter(const QString& text);
    [[nodiscard]] const QString& filter() const { return m_filter; }
    // The filter row's choices (village, status, flags, sync); re-reads from page one.
    void setFilters(const ResidentFilters& filters);
    [[nodiscard]] const ResidentFilters& filters() const { return m_filters; }
    // Live matches of the current filter, -1 without a filter; sortedSearchLimit + 1 means "more".
    [[nodiscard]] qint64 matchCount() const { return m_query.matchCount(); }
    static constexpr int sortedSearchLimit = ResidentPageQuery::sortedSearchLimit;

    // Rows per fetchMore(); the first page is read at once.
    void setPageSize(int rows);
    [[nodiscard]] int pageSize() const { return m_pageSize; }

    // Re-reads from the first page (after an import or an edit), keeping sort and filter.
    void refresh();
    // Headers and status words follow the current translator.
    void retranslate();
    // The last read error (also signalled by errorOccurred), empty after a good read.
    [[nodiscard]] const QString& errorString() const { return m_error; }

Q_SIGNALS:
    // A page could not be read; the list stops growing. `message` is translated.
    void errorOccurred(const QString& message);
    void pageLoaded(int firstRow, int rowCount);

private:
    void reload();
    void readNextPage();
    [[nodiscard]] QString displayText(const ResidentRow& row, int column) const;

    ResidentPageQuery m_query;
    QList<ResidentRow> m_rows;
    QString m_filter;
    ResidentFilters m_filters;
    QString m_error;
    int m_sortColumn = NameColumn;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    int m_pageSize = 200;
    bool m_atEnd = false;
    bool m_fetching = false;
};

} // namespace wardroll::ui
