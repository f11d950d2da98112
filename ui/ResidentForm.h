#pragma once

#include "Finding.h"
#include "Resident.h"
#include "Result.h"
#include "RuleContext.h"

#include <memory>
#include <QDialog>
#include <QHash>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QUndoStack;

namespace wardroll::model {
class SharedIdLookup;
class WardDatabase;
} // namespace wardroll::model

namespace wardroll::ui {

class ResidentFormFields;

// The officer's form for one resident: every field of the record (ResidentFormFields), the
// consistency rules run live on the record as typed and shown under the fields they concern,
// one-step fixes where a rule suggests one, a fast path for the chip-card QR code (a scanner
// types it into the scan field, or into the personal ID, and presses Enter), undo/redo of each
// field change, and saving through WardStore in one transaction.
//
// Nothing is fixed silently: values are NFC'd and IDs lose their spaces when a field is left;
// every other change (a rule's fix, the QR fill) is an undoable command the officer triggers.
class ResidentForm : public QDialog
{
    Q_OBJECT
public:
    // A new resident; `residentId` non-empty opens that record (see loadError()).
    explicit ResidentForm(model::WardDatabase& ward, const QString& residentId = {},
                          QWidget* parent = nullptr);
    ~ResidentForm() override;

    // Pre-sets the household of a new resident (adding a member from the household view).
    void setHousehold(const QString& householdId);
    [[nodiscard]] ResidentFormFields* fields() const { return m_fields; }
    [[nodiscard]] QUndoStack* undoStack() const { return m_undo; }
    [[nodiscard]] QLineEdit* scanField() const { return m_scan; }
    // The record as the form would save it now.
    [[nodiscard]] model::Resident currentResident() const;
    [[nodiscard]] const QString& residentId() const { return m_original.id; }
    // The findings of the last live check.
    [[nodiscard]] const QList<model::Finding>& findings() const { return m_findings; }
    [[nodiscard]] bool hasFinding(QStringView rule) const;
    // Empty when the record opened (or for a new one).
    [[nodiscard]] const QString& loadError() const { return m_loadError; }

    // Writes the record (insert or update) in one transaction. Errors are also shown in the form,
    // in plain words.
    [[nodiscard]] model::Status save();
    // Reads a chip-card QR string into the form (one undoable step).
    [[nodiscard]] model::Status fillFromChipCard(const QString& text);
    // Applies the suggestion of the rule that offers one for `field` (one undoable step).
    bool applySuggestedFix(const QString& field);
    // Commits what is typed but not yet committed (a field still being edited).
    void commitPending();

    // How long the live check waits after a change.
    static constexpr int ruleDelayMs = 80;

public Q_SLOTS:
    void reject() override;

Q_SIGNALS:
    // The live check ran and the findings are shown.
    void findingsShown();
    void saved(const QString& residentId);

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void createWidgets();
    void createActions();
    void retranslateUi();
    void load(const QString& residentId);
    void onCommitted(const QString& field);
    void pushChange(const QString& field, const QString& value, const QString& text);
    void applyValue(const QString& field, const QString& value);
    void runRules();
    void showFindings();
    void updateTitle();
    void saveAndClose();
    void showSaveError(const QString& message);
    void applyFocusedFix();
    [[nodiscard]] QString fixLabel(const model::Finding& finding) const;
    [[nodiscard]] QString fixValue(const model::Finding& finding) const;

    model::WardDatabase& m_ward;
    std::unique_ptr<model::SharedIdLookup> m_idLookup;
    model::RuleContext m_context;
    model::Resident m_original;
    QHash<QString, QString> m_committed;
    QList<model::Finding> m_findings;
    QString m_loadError;
    bool m_applying = false;

    QUndoStack* m_undo = nullptr;
    ResidentFormFields* m_fields = nullptr;
    QTimer* m_ruleTimer = nullptr;
    QLabel* m_scanLabel = nullptr;
    QLineEdit* m_scan = nullptr;
    QLabel* m_scanMessage = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_saveError = nullptr;
    QPushButton* m_saveButton = nullptr;
    QPushButton* m_closeButton = nullptr;
    QPushButton* m_undoButton = nullptr;
    QPushButton* m_redoButton = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_fixAction = nullptr;
};

} // namespace wardroll::ui
