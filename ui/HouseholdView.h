#pragma once

#include "Finding.h"
#include "Household.h"
#include "Result.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

class MemberTableModel;

// One household: its members with their relation to the head, what the household rules
// (HouseholdRules) find, and the changes officers make to a household: change of head, moving a
// member to another household, opening a member's record, adding a member. Each change is one
// transaction through HouseholdMembership; the view re-reads and re-checks after it.
class HouseholdView : public QDialog
{
    Q_OBJECT
public:
    HouseholdView(model::WardDatabase& ward, const QString& householdId, QWidget* parent = nullptr);

    [[nodiscard]] const model::Household& household() const { return m_household; }
    [[nodiscard]] MemberTableModel* memberModel() const { return m_members; }
    [[nodiscard]] QTableView* memberTable() const { return m_table; }
    [[nodiscard]] const QList<model::Finding>& findings() const { return m_findings; }
    [[nodiscard]] bool hasFinding(QStringView rule) const;
    // Selects a member's row (by record id); false when not a member.
    bool selectMember(const QString& residentId);
    [[nodiscard]] QString selectedMemberId() const;

    // The operations behind the buttons, without their questions (also for tests).
    [[nodiscard]] model::Status changeHead(const QString& newHeadId, const QString& formerHeadRelation);
    [[nodiscard]] model::Status moveMember(const QString& residentId, const QString& toHouseholdId,
                                           const QString& relation);
    // Re-reads the household and its members and runs the rules.
    void reload();

Q_SIGNALS:
    // Something was written: lists elsewhere should re-read.
    void changed();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void askChangeHead();
    void askMove();
    void openMember();
    void addMember();
    void updateButtons();
    void showError(const QString& message);
    [[nodiscard]] model::Status afterWrite(model::Status status);

    model::WardDatabase& m_ward;
    QString m_householdId;
    model::Household m_household;
    QList<model::Finding> m_findings;
    QString m_loadError;

    QLabel* m_header = nullptr;
    QTableView* m_table = nullptr;
    MemberTableModel* m_members = nullptr;
    QLabel* m_findingsLabel = nullptr;
    QListWidget* m_findingList = nullptr;
    QLabel* m_error = nullptr;
    QPushButton* m_headButton = nullptr;
    QPushButton* m_moveButton = nullptr;
    QPushButton* m_openButton = nullptr;
    QPushButton* m_addButton = nullptr;
    QPushButton* m_closeButton = nullptr;
};

} // namespace wardroll::ui
