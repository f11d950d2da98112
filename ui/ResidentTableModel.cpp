#include "ResidentTableModel.h"

namespace wardroll::ui {

namespace {

ResidentPageQuery::Order orderFor(int column)
{
    switch (column) {
    case ResidentTableModel::BirthDateColumn:
        return ResidentPageQuery::Order::BirthDate;
    case ResidentTableModel::SexColumn:
        return ResidentPageQuery::Order::Sex;
    case ResidentTableModel::PersonalIdColumn:
        return ResidentPageQuery::Order::PersonalId;
    case ResidentTableModel::VillageColumn:
        return ResidentPageQuery::Order::Village;
    case ResidentTableModel::StatusColumn:
        return ResidentPageQuery::Order::Status;
    default:
        return ResidentPageQuery::Order::Name;
    }
}

} // namespace

ResidentTableModel::ResidentTableModel(model::WardDatabase& ward, QObject* parent)
    : QAbstractTableModel(parent)
    , m_query(ward)
{
    reload();
}

ResidentTableModel::~ResidentTableModel() = default;

int ResidentTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int ResidentTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ResidentTableModel::displayText(const ResidentRow& row, int column) const
{
    switch (column) {
    case NameColumn:
        return row.fullName;
    case BirthDateColumn:
        return row.birthDate;
    case SexColumn:
        switch (row.sex) {
        case model::Sex::Male:
            return tr("Male");
        case model::Sex::Female:
            return tr("Female");
        case model::Sex::Unknown:
            break;
        }
        return {};
    case PersonalIdColumn:
        return row.personalId;
    case VillageColumn:
        return row.village;
    case HouseholdColumn:
        return row.householdNumber;
    case StatusColumn:
        switch (row.status) {
        case model::ResidentStatus::Living:
            return tr("Living");
        case model::ResidentStatus::Deceased:
            return tr("Deceased");
        case model::ResidentStatus::Missing:
            return tr("Missing");
        case model::ResidentStatus::MovedOut:
            return tr("Moved out");
        }
        break;
    default:
        break;
    }
    return {};
}

QVariant ResidentTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ResidentRow& row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return displayText(row, index.column());
    case IdRole:
        return row.id;
    default:
        return {};
    }
}

QVariant ResidentTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case NameColumn:
        return tr("Full name");
    case BirthDateColumn:
        return tr("Date of birth");
    case SexColumn:
        return tr("Sex");
    case PersonalIdColumn:
        return tr("Personal ID");
    case VillageColumn:
        return tr("Village");
    case HouseholdColumn:
        return tr("Household no.");
    case StatusColumn:
        return tr("Status");
    default:
        return {};
    }
}

bool ResidentTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching;
}

void ResidentTableModel::fetchMore(const QModelIndex& parent)
{
    // Views and testers may ask again while rows are being inserted: one page at a time.
    if (parent.isValid() || m_atEnd || m_fetching)
        return;
    m_fetching = true;
    readNextPage();
    m_fetching = false;
}

void ResidentTableModel::readNextPage()
{
    QList<ResidentRow> page;
    auto more = m_query.next(m_pageSize, page);
    if (!more.ok()) {
        m_atEnd = true;
        m_error = more.error().message;
        Q_EMIT errorOccurred(m_error);
        return;
    }
    m_atEnd = !more.value();
    if (page.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(page.size()) - 1);
    m_rows.append(std::move(page));
    endInsertRows();
    Q_EMIT pageLoaded(first, static_cast<int>(m_rows.size()) - first);
}

bool ResidentTableModel::isSortable(int column)
{
    return column >= 0 && column < ColumnCount && column != HouseholdColumn;
}

void ResidentTableModel::sort(int column, Qt::SortOrder order)
{
    if (!isSortable(column) || (column == m_sortColumn && order == m_sortOrder))
        return;
    m_sortColumn = column;
    m_sortOrder = order;
    reload();
}

void ResidentTableModel::setFilter(const QString& text)
{
    if (text == m_filter)
        return;
    m_filter = text;
    reload();
}

void ResidentTableModel::setFilters(const ResidentFilters& filters)
{
    if (filters == m_filters)
        return;
    m_filters = filters;
    reload();
}

void ResidentTableModel::setPageSize(int rows)
{
    m_pageSize = qMax(1, rows);
}

void ResidentTableModel::refresh()
{
    reload();
}

void ResidentTableModel::reload()
{
    beginResetModel();
    m_rows.clear();
    m_atEnd = false;
    const model::Status started = m_query.start(orderFor(m_sortColumn), m_sortOrder, m_filter, m_filters);
    QString error;
    if (started.ok()) {
        auto more = m_query.next(m_pageSize, m_rows);
        if (more.ok())
            m_atEnd = !more.value();
        else
            error = more.error().message;
    } else {
        error = started.error().message;
    }
    if (!error.isEmpty())
        m_atEnd = true;
    m_error = error;
    // Listeners of modelReset must not start fetching before every listener has seen the reset.
    m_fetching = true;
    endResetModel();
    m_fetching = false;
    if (!error.isEmpty())
        Q_EMIT errorOccurred(error);
    else
        Q_EMIT pageLoaded(0, static_cast<int>(m_rows.size()));
}

void ResidentTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, SexColumn), index(static_cast<int>(m_rows.size()) - 1, StatusColumn),
                           {Qt::DisplayRole});
}

} // namespace wardroll::ui
