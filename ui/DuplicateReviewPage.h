#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QRadioButton;
class QTableView;

namespace wardroll::model {
class WardDatabase;
struct Flag;
} // namespace wardroll::model

namespace wardroll::ui {

class DuplicateComparisonTable;
class FlagTableModel;

// "Trùng lặp": the pairs of records flagged as one person recorded twice, highest score first,
// read a page at a time; the selected pair side by side with the differing fields highlighted
// and the field-by-field "why"; merge choosing the survivor and, field by field, which value the
// merged record keeps; "not the same person" with a reason (dismisses the flag); and undo of the
// last merge. Writes go through MergeOperation and FlagStore.
class DuplicateReviewPage : public QWidget
{
    Q_OBJECT
public:
    explicit DuplicateReviewPage(QWidget* parent = nullptr);
    ~DuplicateReviewPage() override;

    // The ward to review; null detaches (before the ward is closed).
    void setWard(model::WardDatabase* ward);
    void refresh();
    // Re-reads the pairs in the background (FlagTableModel::refreshInBackground), as after a
    // cleaning run; the review buttons wait for it.
    void refreshInBackground();

    // Selects a pair by its flag (reading pages until it shows); false when it is not listed.
    bool selectPair(const QString& flagId);
    [[nodiscard]] QString currentFlagId() const;

    [[nodiscard]] FlagTableModel* pairModel() const { return m_model; }
    [[nodiscard]] QTableView* pairTable() const { return m_table; }
    [[nodiscard]] DuplicateComparisonTable* comparison() const { return m_comparison; }
    [[nodiscard]] const QString& lastMergeId() const { return m_lastMergeId; }
    [[nodiscard]] QLabel* whyLabel() const { return m_why; }

public Q_SLOTS:
    // Merges the selected pair as the comparison table says; returns the merge id, empty when
    // nothing was merged (errors are shown).
    QString mergeCurrent();
    // Asks the reason, then dismisses the pair's flag.
    bool dismissCurrent();
    bool undoLastMerge();

Q_SIGNALS:
    // Records changed (merge or undo): lists of residents should re-read.
    void recordsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    void createWidgets();
    void retranslateUi();
    void showCurrent();
    void selectFirstAndCount();
    void updateActions();
    [[nodiscard]] const model::Flag* current() const;
    [[nodiscard]] QString whyHtml(const model::Flag& flag) const;
    void showError(const QString& message);

    model::WardDatabase* m_ward = nullptr;
    FlagTableModel* m_model = nullptr;
    QString m_lastMergeId;

    QLabel* m_count = nullptr;
    QTableView* m_table = nullptr;
    QLabel* m_survivorLabel = nullptr;
    QRadioButton* m_keepFirst = nullptr;
    QRadioButton* m_keepSecond = nullptr;
    DuplicateComparisonTable* m_comparison = nullptr;
    QLabel* m_whyTitle = nullptr;
    QLabel* m_why = nullptr;
    QPushButton* m_mergeButton = nullptr;
    QPushButton* m_notSameButton = nullptr;
    QPushButton* m_undoButton = nullptr;
    QLabel* m_info = nullptr;
};

} // namespace wardroll::ui
