#include "FoldedFilterModel.h"

#include "VietnameseText.h"

namespace wardroll::ui {

FoldedFilterModel::FoldedFilterModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
}

void FoldedFilterModel::setQuery(QStringView text)
{
    const QStringList words
        = model::VietnameseText::foldKey(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    invalidateRowsFilter();
}

bool FoldedFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    if (m_words.isEmpty())
        return true;
    const QString key = sourceModel()->index(sourceRow, 0, sourceParent).data(KeyRole).toString();
    for (const QString& word : m_words)
        if (!key.contains(word))
            return false;
    return true;
}

} // namespace wardroll::ui
