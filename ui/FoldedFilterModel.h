#pragma once

#include <QSortFilterProxyModel>
#include <QStringList>

namespace wardroll::ui {

// Accent-insensitive type-ahead over a list: a row matches when every word the officer typed
// occurs in the row's key (VietnameseText::foldKey of its text and variants, held in KeyRole).
// "muong" finds "Mường", "hmong" finds "Mông" (by its variant "H'Mông").
class FoldedFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    static constexpr int KeyRole = Qt::UserRole + 100;

    explicit FoldedFilterModel(QObject* parent = nullptr);
    void setQuery(QStringView text);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
};

} // namespace wardroll::ui
