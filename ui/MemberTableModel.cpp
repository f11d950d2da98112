#include "MemberTableModel.h"

#include <QBrush>
#include <QColor>

namespace wardroll::ui {

using namespace wardroll::model;

MemberTableModel::MemberTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void MemberTableModel::setMembers(const QList<Resident>& members, const QList<Finding>& findings)
{
    beginResetModel();
    m_members = members;
    m_notes.clear();
    m_worst.clear();
    for (const Finding& f : findings) {
        if (f.residentId.isEmpty())
            continue;
        m_notes[f.residentId] << f.message;
        if (!m_worst.contains(f.residentId) || f.severity < m_worst.value(f.residentId))
            m_worst.insert(f.residentId, f.severity);
    }
    endResetModel();
}

int MemberTableModel::rowOf(const QString& residentId) const
{
    for (int row = 0; row < m_members.size(); ++row)
        if (m_members[row].id == residentId)
            return row;
    return -1;
}

int MemberTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_members.size());
}

int MemberTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MemberTableModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_members.size())
        return {};
    const Resident& r = m_members[index.row()];
    if (role == IdRole)
        return r.id;
    if (role == Qt::ForegroundRole && index.column() == NotesColumn && m_worst.contains(r.id))
        return QBrush(m_worst.value(r.id) == Severity::Error ? QColor(0xa4, 0x00, 0x1d)
                                                             : QColor(0x7a, 0x4f, 0x00));
    if (role == Qt::ToolTipRole && index.column() == NotesColumn)
        return m_notes.value(r.id).join(QLatin1Char('\n'));
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return r.fullName;
    case RelationColumn:
        return r.relationToHead;
    case BirthDateColumn:
        return r.birthDate.toDisplayString();
    case SexColumn:
        return r.sex == Sex::Male ? tr("Male") : r.sex == Sex::Female ? tr("Female") : QString();
    case PersonalIdColumn:
        return r.personalId;
    case StatusColumn:
        switch (r.status) {
        case ResidentStatus::Living:
            return tr("Living");
        case ResidentStatus::Deceased:
            return tr("Deceased");
        case ResidentStatus::Missing:
            return tr("Missing");
        case ResidentStatus::MovedOut:
            return tr("Moved out");
        }
        return {};
    case NotesColumn:
        return m_notes.value(r.id).join(QStringLiteral(" "));
    default:
        return {};
    }
}

QVariant MemberTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Full name");
    case RelationColumn:
        return tr("Relationship to the head");
    case BirthDateColumn:
        return tr("Date of birth");
    case SexColumn:
        return tr("Sex");
    case PersonalIdColumn:
        return tr("Personal ID");
    case StatusColumn:
        return tr("Status");
    case NotesColumn:
        return tr("To check");
    default:
        return {};
    }
}

} // namespace wardroll::ui
