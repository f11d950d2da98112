#pragma once

#include "CataloguePicker.h"
#include "Resident.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;

namespace wardroll::ui {

class FieldFeedback;
class PartialDateEdit;

// Every field of a resident's record as the paper forms group them (identity; origin;
// residence and household; family; status and contact), in three columns that fit a 1366×768
// screen, with the tab order following the groups. Each field has a canonical name (the ward
// database's column, as findings use them: "full_name", "birth_date", "permanent_unit_code", ...),
// a string value (codes for sex, status, units: see value()), and a FieldFeedback under it for
// what the rules say. Knows nothing of undo or storage: the form does.
class ResidentFormFields : public QWidget
{
    Q_OBJECT
public:
    explicit ResidentFormFields(QWidget* parent = nullptr);

    [[nodiscard]] const QStringList& fieldNames() const { return m_order; }
    [[nodiscard]] bool hasField(const QString& field) const { return m_fields.contains(field); }
    // Text fields: the text. Dates: the text as typed. Sex: "M"/"F"/"". Status: its code.
    // Units: "scheme:code" (CatalogueItems::unitValue). Household: the household's id.
    [[nodiscard]] QString value(const QString& field) const;
    // Sets a value without emitting committed() (edited() still follows, for the rules).
    void setValue(const QString& field, const QString& value);
    // The form in which a committed value is kept: NFC and trimmed everywhere; IDs without
    // spaces, dots or dashes; catalogue names in their canonical spelling; real dates in
    // dd/mm/yyyy. Never changes a personal name beyond NFC (the name rule offers that fix).
    [[nodiscard]] QString normalized(const QString& field, const QString& value) const;

    [[nodiscard]] QWidget* editor(const QString& field) const;
    [[nodiscard]] FieldFeedback* feedback(const QString& field) const;
    [[nodiscard]] QString label(const QString& field) const;
    // The field whose editor (or a child of it) has the focus; empty when none.
    [[nodiscard]] QString focusedField() const;
    // Coded pickers holding typed text that names no item (the form refuses to save those).
    [[nodiscard]] QStringList unmatchedFields() const;

    void setResident(const model::Resident& resident);
    // `base` with every field of the form written into it.
    [[nodiscard]] model::Resident toResident(model::Resident base) const;

    void setHouseholdSource(CataloguePicker::Source source, std::function<QString(const QString&)> describe);
    void retranslate();

Q_SIGNALS:
    // The officer is done with a field (Enter, Tab, a suggestion or an item chosen).
    void committed(const QString& field);
    // The value changed in any way (typing included).
    void edited(const QString& field);

private:
    enum class Kind { Text, Picker, Date, Combo };
    struct Field
    {
        Kind kind = Kind::Text;
        QWidget* editor = nullptr;
        QLabel* label = nullptr;
        FieldFeedback* feedback = nullptr;
    };

    QFormLayout* addGroup(QWidget* column, const QString& objectName);
    void addField(QFormLayout* form, const QString& name, Kind kind, QWidget* editor);
    QLineEdit* addText(QFormLayout* form, const QString& name);
    CataloguePicker* addPicker(QFormLayout* form, const QString& name, const QList<CatalogueItem>& items,
                               bool coded);
    void addAddress(QFormLayout* form, const QString& prefix);
    void retranslateCombos();

    QHash<QString, Field> m_fields;
    QStringList m_order;
    QList<QGroupBox*> m_groups;
    QComboBox* m_sex = nullptr;
    QComboBox* m_status = nullptr;
    bool m_settingValue = false;
};

} // namespace wardroll::ui
