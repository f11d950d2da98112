#pragma once

#include "Flag.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QProgressDialog;
class QPushButton;
class QTableView;
class QTableWidget;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

class CleaningRunner;
class FlagChoicesLoader;
class FlagTableModel;

// "Làm sạch dữ liệu": the ward's flags, ranked and filtered by rule, severity, state and village,
// with the selected flag's explanation and history (who did what, when), and the review steps:
// open → in verification → corrected, escalated to the commune police chief, or dismissed with a
// reason. Escalated flags form the chief's queue ("waiting for the chief"), where only he
// decides (FlagStore enforces it). Runs the cleaning in the background with progress and cancel.
class CleaningQueuePage : public QWidget
{
    Q_OBJECT
public:
    enum class StateFilter { Active, Open, InVerification, AwaitingChief, Resolved, Dismissed, Closed, All };

    explicit CleaningQueuePage(QWidget* parent = nullptr);
    ~CleaningQueuePage() override;

    // The ward to review; null detaches (before the ward is closed).
    void setWard(model::WardDatabase* ward);
    // Re-reads the list and its count, and the filter choices in the background.
    void refresh();

    void setStateFilter(StateFilter filter);
    [[nodiscard]] StateFilter stateFilter() const;
    // Selects a flag of the list (reading pages until it shows); false when it is not listed.
    bool selectFlag(const QString& flagId);
    [[nodiscard]] QString currentFlagId() const;

    [[nodiscard]] FlagTableModel* flagModel() const { return m_model; }
    [[nodiscard]] QTableView* flagTable() const { return m_table; }
    [[nodiscard]] CleaningRunner* runner() const { return m_runner; }
    [[nodiscard]] QProgressDialog* progressDialog() const { return m_progress; }
    [[nodiscard]] QTableWidget* historyTable() const { return m_history; }

public Q_SLOTS:
    // The review steps, on the selected flag. Errors are shown to the officer.
    void startVerification();
    void markCorrected(); // for the chief, on an escalated flag: approves it
    void escalate();
    void dismissFlag(); // asks the reason
    void reopenFlag(); // for the chief, on an escalated flag: sends it back
    // Runs the cleaning in the background (progress dialog with Cancel); the list refreshes after.
    void runCleaning();

Q_SIGNALS:
    void cleaningFinished(bool completed);
    void flagChanged(const QString& flagId);

protected:
    void changeEvent(QEvent* event) override;

private:
    void createWidgets();
    void retranslateUi();
    void fillFilters(); // from the choices last loaded
    void choicesLoaded(const QStringList& rules, const QStringList& villages);
    void applyFilters();
    void selectFirstAndCount();
    void showCurrent();
    void updateActions();
    void updateCount();
    [[nodiscard]] bool isChief() const;
    [[nodiscard]] const model::Flag* current() const;
    void move(model::FlagState to, model::Resolution resolution, const QString& note);
    void cleaningDone();
    void showError(const QString& message);

    model::WardDatabase* m_ward = nullptr;
    FlagTableModel* m_model = nullptr;
    CleaningRunner* m_runner = nullptr;
    FlagChoicesLoader* m_choicesLoader = nullptr;
    QStringList m_ruleChoices;
    QStringList m_villageChoices;
    QProgressDialog* m_progress = nullptr;

    QLabel* m_ruleLabel = nullptr;
    QComboBox* m_rule = nullptr;
    QLabel* m_severityLabel = nullptr;
    QComboBox* m_severity = nullptr;
    QLabel* m_stateLabel = nullptr;
    QComboBox* m_state = nullptr;
    QLabel* m_villageLabel = nullptr;
    QComboBox* m_village = nullptr;
    QPushButton* m_runButton = nullptr;
    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_explanation = nullptr;
    QLabel* m_historyLabel = nullptr;
    QTableWidget* m_history = nullptr;
    QPushButton* m_verifyButton = nullptr;
    QPushButton* m_correctedButton = nullptr;
    QPushButton* m_escalateButton = nullptr;
    QPushButton* m_dismissButton = nullptr;
    QPushButton* m_reopenButton = nullptr;
    QLabel* m_runInfo = nullptr;
};

} // namespace wardroll::ui
