#pragma once

#include "FlagStore.h"

#include <QAbstractTableModel>
#include <QFutureWatcher>
#include <QList>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

// The flags of a query (FlagStore), ranked (errors first, highest score first), read a page at
// a time with keyset pagination: a page costs the same at the top of the list and deep in it.
// Reads on the calling thread through the ward's connection, except refreshInBackground().
class FlagTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeverityColumn,
        RuleColumn,
        RecordColumn,
        VillageColumn,
        StateColumn,
        ScoreColumn,
        MessageColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1; // the flag's id

    explicit FlagTableModel(model::WardDatabase& ward, QObject* parent = nullptr);
    ~FlagTableModel() override;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;
    [[nodiscard]] bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // Which flags; limit, offset and after are the model's own. Re-reads from the first page.
    void setQuery(const model::FlagQuery& query);
    [[nodiscard]] const model::FlagQuery& query() const { return m_query; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    [[nodiscard]] int pageSize() const { return m_pageSize; }
    // Re-reads from the first page.
    void refresh();
    // Re-reads the first page and counts the query's flags on a worker thread, through its own
    // read-only connection, then resets to it and emits refreshed(); the rows read stay until
    // then. For after a cleaning run, when the flags have all changed and the connection's cache
    // is cold: reading and joining a page then takes ~100 ms. setQuery() and refresh() supersede it.
    void refreshInBackground();
    // From refreshInBackground() until its rows are shown (or a newer query takes over).
    [[nodiscard]] bool isRefreshing() const { return m_refreshing; }
    // The flags of the query, as the last background refresh counted them; -1 before.
    [[nodiscard]] qint64 countedFlags() const { return m_counted; }
    // Re-reads one flag after a change, keeping it in place (it may no longer match the query
    // until the next refresh: the officer sees what he just did).
    void refreshRow(int row);

    [[nodiscard]] const model::Flag& flagAt(int row) const { return m_rows.at(row); }
    // The row of a flag among those read, -1 when absent.
    [[nodiscard]] int rowOf(const QString& flagId) const;
    // The row of a flag, reading further pages until it is found; -1 when the query has none.
    [[nodiscard]] int fetchRowOf(const QString& flagId);
    // The flag at a view's index, nullptr when the index points at none.
    [[nodiscard]] const model::Flag* flagAt(const QModelIndex& index) const;
    [[nodiscard]] const QString& errorString() const { return m_error; }
    void retranslate();

Q_SIGNALS:
    void errorOccurred(const QString& message);
    void refreshed();

private:
    struct BackgroundPage
    {
        int generation = 0;
        QList<model::Flag> rows; // one more than a page when another follows
        qint64 count = -1;
        QString error;
    };
    void backgroundPageRead();
    void resetTo(QList<model::Flag> rows);

    [[nodiscard]] QList<model::Flag> readPage(const model::Flag* after); // null: the first page
    void readNextPage();

    model::FlagStore m_store;
    model::FlagQuery m_query;
    QList<model::Flag> m_rows;
    QString m_error;
    int m_pageSize = 200;
    bool m_atEnd = false;
    bool m_fetching = false;
    QString m_wardPath;
    QFutureWatcher<BackgroundPage> m_background;
    int m_generation = 0; // a background read of an older generation is dropped
    qint64 m_counted = -1;
    bool m_refreshing = false;
};

} // namespace wardroll::ui
