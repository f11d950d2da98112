#pragma once

#include "Finding.h"
#include "Resident.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace wardroll::ui {

// A household's members with their relation to the head and what the household rules say about
// each of them. Holds a copy of the members (a household has a handful): the view reloads it
// after each change.
class MemberTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        NameColumn,
        RelationColumn,
        BirthDateColumn,
        SexColumn,
        PersonalIdColumn,
        StatusColumn,
        NotesColumn,
        ColumnCount
    };
    static constexpr int IdRole = Qt::UserRole + 1;

    explicit MemberTableModel(QObject* parent = nullptr);

    void setMembers(const QList<model::Resident>& members, const QList<model::Finding>& findings);
    [[nodiscard]] const QList<model::Resident>& members() const { return m_members; }
    [[nodiscard]] int rowOf(const QString& residentId) const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role = Qt::DisplayRole) const override;

private:
    QList<model::Resident> m_members;
    QHash<QString, QStringList> m_notes; // by resident id
    QHash<QString, model::Severity> m_worst;
};

} // namespace wardroll::ui
