#include "FlagTableModel.h"

#include "BackgroundPool.h"
#include "RuleLabels.h"
#include "WardDatabase.h"

#include <QBrush>
#include <QColor>
#include <QLocale>
#include <QtConcurrent/QtConcurrentRun>

namespace wardroll::ui {

FlagTableModel::FlagTableModel(model::WardDatabase& ward, QObject* parent)
    : QAbstractTableModel(parent)
    , m_store(ward)
    , m_wardPath(ward.path())
{
    connect(&m_background, &QFutureWatcher<BackgroundPage>::finished, this,
            &FlagTableModel::backgroundPageRead);
}

FlagTableModel::~FlagTableModel()
{
    m_background.waitForFinished(); // reads nothing of ours, but the ward file may go next
}

int FlagTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

int FlagTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlagTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const model::Flag& flag = m_rows.at(index.row());
    if (role == IdRole)
        return flag.id;
    if (role == Qt::ForegroundRole && index.column() == SeverityColumn
        && flag.finding.severity == model::Severity::Error)
        return QBrush(QColor(0xb0, 0x1c, 0x1c));
    if (role == Qt::ToolTipRole && index.column() == MessageColumn)
        return flag.finding.message;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case SeverityColumn:
        return model::severityLabel(flag.finding.severity);
    case RuleColumn:
        return RuleLabels::label(flag.finding.rule);
    case RecordColumn: {
        if (!flag.otherResidentRef.isEmpty())
            return QString(flag.residentRef + QStringLiteral(" ↔ ") + flag.otherResidentRef);
        if (!flag.residentRef.isEmpty())
            return flag.residentRef;
        return flag.householdRef;
    }
    case VillageColumn:
        return flag.village;
    case StateColumn:
        if (flag.state == model::FlagState::Resolved)
            return QString(model::flagStateLabel(flag.state) + QStringLiteral(" (")
                           + model::resolutionLabel(flag.resolution) + QLatin1Char(')'));
        return model::flagStateLabel(flag.state);
    case ScoreColumn:
        return QLocale().toString(flag.finding.score, 'f', 1);
    case MessageColumn:
        return flag.finding.message;
    default:
        return {};
    }
}

QVariant FlagTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case SeverityColumn:
        return tr("Severity");
    case RuleColumn:
        return tr("Rule");
    case RecordColumn:
        return tr("Record");
    case VillageColumn:
        return tr("Village");
    case StateColumn:
        return tr("State");
    case ScoreColumn:
        return tr("Score");
    case MessageColumn:
        return tr("Explanation");
    default:
        return {};
    }
}

bool FlagTableModel::canFetchMore(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_atEnd && !m_fetching;
}

void FlagTableModel::fetchMore(const QModelIndex& parent)
{
    if (parent.isValid() || m_atEnd || m_fetching)
        return;
    m_fetching = true;
    readNextPage();
    m_fetching = false;
}

QList<model::Flag> FlagTableModel::readPage(const model::Flag* after)
{
    m_error.clear();
    model::FlagQuery page = m_query;
    page.offset = 0;
    page.limit = m_pageSize + 1; // one more tells whether another page follows
    page.after.reset();
    if (after)
        page.after = model::FlagStore::positionOf(*after);
    auto read = m_store.list(page);
    if (!read.ok()) {
        m_atEnd = true;
        m_error = read.error().message;
        return {};
    }
    QList<model::Flag> flags = std::move(read.value());
    m_atEnd = flags.size() <= m_pageSize;
    if (!m_atEnd)
        flags.removeLast();
    return flags;
}

void FlagTableModel::readNextPage()
{
    QList<model::Flag> flags = readPage(m_rows.isEmpty() ? nullptr : &m_rows.constLast());
    if (!m_error.isEmpty()) {
        Q_EMIT errorOccurred(m_error);
        return;
    }
    if (flags.isEmpty())
        return;
    const int first = static_cast<int>(m_rows.size());
    beginInsertRows({}, first, first + static_cast<int>(flags.size()) - 1);
    m_rows.append(std::move(flags));
    endInsertRows();
}

void FlagTableModel::setQuery(const model::FlagQuery& query)
{
    m_query = query;
    refresh();
}

void FlagTableModel::refresh()
{
    ++m_generation;
    m_refreshing = false;
    m_counted = -1;
    m_atEnd = false;
    resetTo(readPage(nullptr));
}

void FlagTableModel::resetTo(QList<model::Flag> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    // Listeners of modelReset must not start fetching before every listener has seen the reset.
    m_fetching = true;
    endResetModel();
    m_fetching = false;
    if (!m_error.isEmpty())
        Q_EMIT errorOccurred(m_error);
}

void FlagTableModel::refreshInBackground()
{
    const int generation = ++m_generation;
    m_refreshing = true;
    model::FlagQuery page = m_query;
    page.offset = 0;
    page.limit = m_pageSize + 1;
    page.after.reset();
    m_background.setFuture(QtConcurrent::run(backgroundPool(), [path = m_wardPath, page, generation] {
        lowerCurrentThreadPriority();
        BackgroundPage read;
        read.generation = generation;
        model::WardDatabase::Options options;
        options.create = false;
        options.readOnly = true;
        auto ward = model::WardDatabase::open(path, options);
        if (!ward.ok()) {
            read.error = ward.error().message;
            return read;
        }
        model::FlagStore store(**ward);
        auto rows = store.list(page);
        if (!rows.ok()) {
            read.error = rows.error().message;
            return read;
        }
        read.rows = std::move(rows.value());
        read.count = store.count(page).valueOr(-1);
        return read;
    }));
}

void FlagTableModel::backgroundPageRead()
{
    BackgroundPage read = m_background.result();
    if (read.generation != m_generation)
        return; // a newer query or refresh took over
    m_refreshing = false;
    m_error = read.error;
    m_counted = read.count;
    m_atEnd = !m_error.isEmpty() || read.rows.size() <= m_pageSize;
    if (read.rows.size() > m_pageSize)
        read.rows.removeLast();
    resetTo(std::move(read.rows));
    Q_EMIT refreshed();
}

void FlagTableModel::refreshRow(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    auto flag = m_store.flag(m_rows.at(row).id);
    if (!flag.ok()) {
        m_error = flag.error().message;
        Q_EMIT errorOccurred(m_error);
        return;
    }
    m_rows[row] = flag.value();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

int FlagTableModel::rowOf(const QString& flagId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows.at(row).id == flagId)
            return row;
    return -1;
}

int FlagTableModel::fetchRowOf(const QString& flagId)
{
    int row = rowOf(flagId);
    while (row < 0 && canFetchMore({})) {
        fetchMore({});
        row = rowOf(flagId);
    }
    return row;
}

const model::Flag* FlagTableModel::flagAt(const QModelIndex& index) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return nullptr;
    return &m_rows.at(index.row());
}

void FlagTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(static_cast<int>(m_rows.size()) - 1, ColumnCount - 1));
}

} // namespace wardroll::ui
