#pragma once

#include "ResidentPageQuery.h"

#include <QWidget>

class QComboBox;
class QLabel;

namespace wardroll::model {
class WardDatabase;
}

namespace wardroll::ui {

// The row of filters above the resident list: village, status, flags (any open flag, or one
// rule's) and sync state (an open sync conflict, or changes not yet synced). Each choice
// narrows the list at once, in SQL (ResidentPageQuery). Keyboard: each combo has a mnemonic on
// its label.
class ResidentFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit ResidentFilterBar(QWidget* parent = nullptr);

    // Re-reads the ward's villages (keeps the chosen one when it is still there).
    void setWard(model::WardDatabase* ward);
    [[nodiscard]] ResidentFilters filters() const;
    // Back to "all".
    void clear();

    [[nodiscard]] QComboBox* villageCombo() const { return m_village; }
    [[nodiscard]] QComboBox* statusCombo() const { return m_status; }
    [[nodiscard]] QComboBox* flagCombo() const { return m_flags; }
    [[nodiscard]] QComboBox* syncCombo() const { return m_sync; }

Q_SIGNALS:
    void filtersChanged(const wardroll::ui::ResidentFilters& filters);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void fillChoices();
    void emitChanged();

    QStringList m_villages;
    bool m_filling = false;
    QLabel* m_villageLabel = nullptr;
    QComboBox* m_village = nullptr;
    QLabel* m_statusLabel = nullptr;
    QComboBox* m_status = nullptr;
    QLabel* m_flagsLabel = nullptr;
    QComboBox* m_flags = nullptr;
    QLabel* m_syncLabel = nullptr;
    QComboBox* m_sync = nullptr;
};

} // namespace wardroll::ui
