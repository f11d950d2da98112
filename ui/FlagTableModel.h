#pragma once

#include "FlagStore.h"

#include <QAbstractTableModel>
#include <QList>

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

// The flags of a query (FlagStore), ranked (errors first, highest score first), read a page at
// a time with keyset pagination: a page costs the same at the top of the list and deep in it.
// Reads on the calling thread through the ward's connection.
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

private:
    [[nodiscard]] QList<model::Flag> readPage(); // the page after the rows read
    void readNextPage();

    model::FlagStore m_store;
    model::FlagQuery m_query;
    QList<model::Flag> m_rows;
    QString m_error;
    int m_pageSize = 200;
    bool m_atEnd = false;
    bool m_fetching = false;
};

} // namespace wardroll::ui
