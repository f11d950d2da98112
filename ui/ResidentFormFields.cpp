#include "ResidentFormFields.h"

#include "CatalogueItems.h"
#include "EthnicGroups.h"
#include "FieldFeedback.h"
#include "HouseholdRelations.h"
#include "PartialDateEdit.h"
#include "RecordRules.h"
#include "Religions.h"

#include <QApplication>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>
#include <utility>

namespace wardroll::ui {

using namespace wardroll::model;

namespace {

const QStringList groupNames
    = {QStringLiteral("identityGroup"), QStringLiteral("originGroup"), QStringLiteral("residenceGroup"),
       QStringLiteral("familyGroup"), QStringLiteral("statusGroup")};

bool isIdField(const QString& field)
{
    return field == u"personal_id" || field == u"old_id" || field == u"father_id" || field == u"mother_id"
        || field == u"spouse_id";
}

// The date typed, or the stored one when the text still shows it (keeps what was written, e.g.
// "00/00/1950", as it was).
PartialDate dateFrom(const QString& text, const PartialDate& stored)
{
    const QString storedText = stored.raw().isEmpty() ? stored.toDisplayString() : stored.raw();
    if (PartialDateEdit::standardText(text) == PartialDateEdit::standardText(storedText))
        return stored;
    return PartialDate::parse(text);
}

bool isUnitField(const QString& field)
{
    return field.endsWith(u"_unit_code");
}

} // namespace

ResidentFormFields::ResidentFormFields(QWidget* parent)
    : QWidget(parent)
{
    auto* columns = new QHBoxLayout(this);
    columns->setContentsMargins(0, 0, 0, 0);
    QWidget* column1 = new QWidget(this);
    QWidget* column2 = new QWidget(this);
    QWidget* column3 = new QWidget(this);
    // The residence column holds the long labels ("Thôn, tổ dân phố (để lập danh sách)") and the
    // long values (three addresses, the household): a larger share of the width, so that its
    // fields are as wide as the others' at 1366×768.
    for (auto [column, share] : {std::pair{column1, 3}, std::pair{column2, 4}, std::pair{column3, 3}}) {
        auto* layout = new QVBoxLayout(column);
        layout->setContentsMargins(0, 0, 0, 0);
        columns->addWidget(column, share, Qt::AlignTop);
    }

    // Created in tab order: identity, origin, residence, family, status.
    QFormLayout* identity = addGroup(column1, groupNames[0]);
    addText(identity, QStringLiteral("personal_id")); // no length limit: a scanner may type a QR code here
    addText(identity, QStringLiteral("full_name"));
    addField(identity, QStringLiteral("birth_date"), Kind::Date, new PartialDateEdit);
    m_sex = new QComboBox;
    addField(identity, QStringLiteral("sex"), Kind::Combo, m_sex);
    addText(identity, QStringLiteral("other_names"));
    addText(identity, QStringLiteral("old_id"))->setMaxLength(20);

    QFormLayout* origin = addGroup(column1, groupNames[1]);
    addPicker(origin, QStringLiteral("hometown"), CatalogueItems::places(), false);
    addPicker(origin, QStringLiteral("birth_registration_place"), CatalogueItems::places(), false);
    addPicker(origin, QStringLiteral("birth_place"), CatalogueItems::places(), false);
    addPicker(origin, QStringLiteral("ethnicity"), CatalogueItems::ethnicGroups(), false);
    addPicker(origin, QStringLiteral("religion"), CatalogueItems::religions(), false);
    addPicker(origin, QStringLiteral("nationality"), CatalogueItems::nationalities(), false);

    QFormLayout* residence = addGroup(column2, groupNames[2]);
    addAddress(residence, QStringLiteral("permanent"));
    addAddress(residence, QStringLiteral("current"));
    addAddress(residence, QStringLiteral("temporary"));
    addPicker(residence, QStringLiteral("household_id"), {}, true);
    addPicker(residence, QStringLiteral("relation_to_head"), CatalogueItems::relations(), false);
    addText(residence, QStringLiteral("village"));

    QFormLayout* family = addGroup(column3, groupNames[3]);
    for (const QString& who :
         {QStringLiteral("father"), QStringLiteral("mother"), QStringLiteral("spouse")}) {
        addText(family, who + QStringLiteral("_name"));
        addText(family, who + QStringLiteral("_id"))->setMaxLength(20);
    }
    addPicker(family, QStringLiteral("marital_status"), CatalogueItems::maritalStatuses(), false);

    QFormLayout* status = addGroup(column3, groupNames[4]);
    m_status = new QComboBox;
    addField(status, QStringLiteral("status"), Kind::Combo, m_status);
    addField(status, QStringLiteral("death_date"), Kind::Date, new PartialDateEdit);
    addText(status, QStringLiteral("phone"))->setMaxLength(40);
    addText(status, QStringLiteral("email"))->setMaxLength(120);

    for (QWidget* column : {column1, column2, column3})
        static_cast<QVBoxLayout*>(column->layout())->addStretch(1);

    for (const QString& prefix :
         {QStringLiteral("permanent"), QStringLiteral("current"), QStringLiteral("temporary")})
        static_cast<CataloguePicker*>(editor(prefix + QStringLiteral("_unit_code")))
            ->setDescriber(&CatalogueItems::describeUnit);
    retranslate();
}

QFormLayout* ResidentFormFields::addGroup(QWidget* column, const QString& objectName)
{
    auto* group = new QGroupBox(column);
    group->setObjectName(objectName);
    auto* form = new QFormLayout(group);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setVerticalSpacing(4);
    column->layout()->addWidget(group);
    m_groups << group;
    return form;
}

void ResidentFormFields::addField(QFormLayout* form, const QString& name, Kind kind, QWidget* editor)
{
    QWidget* group = form->parentWidget();
    auto* cell = new QWidget(group);
    auto* layout = new QVBoxLayout(cell);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    editor->setParent(cell);
    editor->setObjectName(name);
    layout->addWidget(editor);
    auto* feedback = new FieldFeedback(cell);
    feedback->setObjectName(name + QStringLiteral("_feedback"));
    layout->addWidget(feedback);
    auto* label = new QLabel(group);
    label->setBuddy(editor);
    form->addRow(label, cell);

    m_fields.insert(name, Field{kind, editor, label, feedback});
    m_order << name;

    auto changed = [this, name] {
        Q_EMIT edited(name);
    };
    auto done = [this, name] {
        if (!m_settingValue)
            Q_EMIT committed(name);
    };
    if (auto* picker = qobject_cast<CataloguePicker*>(editor)) {
        connect(picker, &QLineEdit::textChanged, this, changed);
        connect(picker, &CataloguePicker::valueChanged, this, changed);
        connect(picker, &CataloguePicker::committed, this, done);
    } else if (auto* line = qobject_cast<QLineEdit*>(editor)) {
        connect(line, &QLineEdit::textChanged, this, changed);
        connect(line, &QLineEdit::editingFinished, this, done);
    } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
        connect(combo, &QComboBox::currentIndexChanged, this, changed);
        connect(combo, &QComboBox::currentIndexChanged, this, done);
    }
}

QLineEdit* ResidentFormFields::addText(QFormLayout* form, const QString& name)
{
    auto* line = new QLineEdit;
    addField(form, name, Kind::Text, line);
    return line;
}

CataloguePicker* ResidentFormFields::addPicker(QFormLayout* form, const QString& name,
                                               const QList<CatalogueItem>& items, bool coded)
{
    auto* picker = new CataloguePicker;
    picker->setCoded(coded);
    picker->setItems(items);
    addField(form, name, Kind::Picker, picker);
    return picker;
}

void ResidentFormFields::addAddress(QFormLayout* form, const QString& prefix)
{
    addPicker(form, prefix + QStringLiteral("_unit_code"), CatalogueItems::communes(), true);
    addText(form, prefix + QStringLiteral("_village"));
    addText(form, prefix + QStringLiteral("_text"));
}

void ResidentFormFields::setHouseholdSource(CataloguePicker::Source source,
                                            std::function<QString(const QString&)> describe)
{
    auto* picker = static_cast<CataloguePicker*>(editor(QStringLiteral("household_id")));
    picker->setSource(std::move(source));
    picker->setDescriber(std::move(describe));
}

QString ResidentFormFields::label(const QString& field) const
{
    if (field == u"personal_id")
        return tr("Personal ID");
    if (field == u"full_name")
        return tr("Full name");
    if (field == u"birth_date")
        return tr("Date of birth");
    if (field == u"sex")
        return tr("Sex");
    if (field == u"other_names")
        return tr("Other names");
    if (field == u"old_id")
        return tr("Old ID card (CMND)");
    if (field == u"hometown")
        return tr("Hometown");
    if (field == u"birth_registration_place")
        return tr("Place of birth registration");
    if (field == u"birth_place")
        return tr("Place of birth");
    if (field == u"ethnicity")
        return tr("Ethnicity");
    if (field == u"religion")
        return tr("Religion");
    if (field == u"nationality")
        return tr("Nationality");
    if (field == u"permanent_unit_code")
        return tr("Permanent residence");
    if (field == u"current_unit_code")
        return tr("Current residence");
    if (field == u"temporary_unit_code")
        return tr("Temporary residence");
    if (field.endsWith(u"_village"))
        return tr("Village / residential group");
    if (field.endsWith(u"_text"))
        return tr("House number, street");
    if (field == u"household_id")
        return tr("Household");
    if (field == u"relation_to_head")
        return tr("Relationship to the household head");
    if (field == u"village")
        return tr("Village (for lists)");
    if (field == u"father_name")
        return tr("Father's full name");
    if (field == u"father_id")
        return tr("Father's personal ID");
    if (field == u"mother_name")
        return tr("Mother's full name");
    if (field == u"mother_id")
        return tr("Mother's personal ID");
    if (field == u"spouse_name")
        return tr("Spouse's full name");
    if (field == u"spouse_id")
        return tr("Spouse's personal ID");
    if (field == u"marital_status")
        return tr("Marital status");
    if (field == u"status")
        return tr("Status");
    if (field == u"death_date")
        return tr("Date of death or going missing");
    if (field == u"phone")
        return tr("Phone");
    if (field == u"email")
        return tr("E-mail");
    return field;
}

void ResidentFormFields::retranslate()
{
    const QStringList titles = {tr("Identity"), tr("Origin"), tr("Residence and household"), tr("Family"),
                                tr("Status and contact")};
    for (qsizetype i = 0; i < m_groups.size(); ++i)
        m_groups[i]->setTitle(titles.value(i));
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        it->label->setText(label(it.key()) + QLatin1Char(':'));
    // Mnemonics on the first field of each group and on the fields officers jump to.
    m_fields[QStringLiteral("personal_id")].label->setText(tr("Personal &ID:"));
    m_fields[QStringLiteral("full_name")].label->setText(tr("Full &name:"));
    m_fields[QStringLiteral("birth_date")].label->setText(tr("Date of &birth:"));
    m_fields[QStringLiteral("hometown")].label->setText(tr("&Hometown:"));
    m_fields[QStringLiteral("permanent_unit_code")].label->setText(tr("&Permanent residence:"));
    m_fields[QStringLiteral("household_id")].label->setText(tr("Hous&ehold:"));
    m_fields[QStringLiteral("father_name")].label->setText(tr("&Father's full name:"));
    m_fields[QStringLiteral("status")].label->setText(tr("S&tatus:"));
    static_cast<QLineEdit*>(editor(QStringLiteral("household_id")))
        ->setPlaceholderText(tr("Type a household number or a member's name"));
    for (const QString& prefix :
         {QStringLiteral("permanent"), QStringLiteral("current"), QStringLiteral("temporary")})
        static_cast<QLineEdit*>(editor(prefix + QStringLiteral("_unit_code")))
            ->setPlaceholderText(tr("Commune or ward (2025 catalogue)"));
    for (const QString& field : {QStringLiteral("birth_date"), QStringLiteral("death_date")})
        static_cast<PartialDateEdit*>(editor(field))->retranslate();
    retranslateCombos();
}

void ResidentFormFields::retranslateCombos()
{
    const bool setting = m_settingValue;
    m_settingValue = true;
    const int sex = m_sex->currentIndex();
    m_sex->clear();
    m_sex->addItem(tr("(not known)"), QString());
    m_sex->addItem(tr("Male"), sexCode(Sex::Male));
    m_sex->addItem(tr("Female"), sexCode(Sex::Female));
    m_sex->setCurrentIndex(qMax(0, sex));
    const int status = m_status->currentIndex();
    m_status->clear();
    m_status->addItem(tr("Living"), statusCode(ResidentStatus::Living));
    m_status->addItem(tr("Deceased"), statusCode(ResidentStatus::Deceased));
    m_status->addItem(tr("Missing"), statusCode(ResidentStatus::Missing));
    m_status->addItem(tr("Moved out"), statusCode(ResidentStatus::MovedOut));
    m_status->setCurrentIndex(qMax(0, status));
    m_settingValue = setting;
}

QWidget* ResidentFormFields::editor(const QString& field) const
{
    return m_fields.value(field).editor;
}

FieldFeedback* ResidentFormFields::feedback(const QString& field) const
{
    return m_fields.value(field).feedback;
}

QString ResidentFormFields::focusedField() const
{
    const QWidget* focus = QApplication::focusWidget();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it)
        if (focus && (focus == it->editor || it->editor->isAncestorOf(focus)))
            return it.key();
    return {};
}

QStringList ResidentFormFields::unmatchedFields() const
{
    QStringList out;
    for (const QString& field : m_order)
        if (auto* picker = qobject_cast<CataloguePicker*>(editor(field));
            picker && picker->hasUnmatchedText())
            out << field;
    return out;
}

QString ResidentFormFields::value(const QString& field) const
{
    const Field f = m_fields.value(field);
    if (!f.editor)
        return {};
    switch (f.kind) {
    case Kind::Picker:
        return static_cast<CataloguePicker*>(f.editor)->value();
    case Kind::Combo:
        return static_cast<QComboBox*>(f.editor)->currentData().toString();
    case Kind::Text:
    case Kind::Date:
        break;
    }
    return static_cast<QLineEdit*>(f.editor)->text();
}

void ResidentFormFields::setValue(const QString& field, const QString& value)
{
    const Field f = m_fields.value(field);
    if (!f.editor)
        return;
    const bool setting = m_settingValue;
    m_settingValue = true;
    switch (f.kind) {
    case Kind::Picker:
        static_cast<CataloguePicker*>(f.editor)->setValue(value);
        break;
    case Kind::Combo: {
        auto* combo = static_cast<QComboBox*>(f.editor);
        combo->setCurrentIndex(qMax(0, combo->findData(value)));
        break;
    }
    case Kind::Text:
    case Kind::Date:
        if (static_cast<QLineEdit*>(f.editor)->text() != value)
            static_cast<QLineEdit*>(f.editor)->setText(value);
        break;
    }
    m_settingValue = setting;
    Q_EMIT edited(field);
}

QString ResidentFormFields::normalized(const QString& field, const QString& value) const
{
    const Field f = m_fields.value(field);
    if (f.kind == Kind::Combo || isUnitField(field) || field == u"household_id")
        return value;
    const QString text = value.normalized(QString::NormalizationForm_C).trimmed();
    if (isIdField(field))
        return RecordRules::normalizedId(text);
    if (f.kind == Kind::Date)
        return PartialDateEdit::standardText(text);
    if (field == u"ethnicity") {
        const QString canonical = EthnicGroups::instance().canonicalName(text);
        return canonical.isEmpty() ? text : canonical;
    }
    if (field == u"religion") {
        const QString canonical = Religions::instance().canonicalName(text);
        return canonical.isEmpty() ? text : canonical;
    }
    if (field == u"relation_to_head") {
        const HouseholdRelations::Relation* relation = HouseholdRelations::instance().find(text);
        return relation ? relation->value : text;
    }
    return text;
}

void ResidentFormFields::setResident(const Resident& r)
{
    auto setAddress = [this](const QString& prefix, const Address& a) {
        setValue(prefix + QStringLiteral("_unit_code"), CatalogueItems::unitValue(a.unitScheme, a.unitCode));
        setValue(prefix + QStringLiteral("_village"), a.village);
        setValue(prefix + QStringLiteral("_text"), a.text);
    };
    setValue(QStringLiteral("personal_id"), r.personalId);
    setValue(QStringLiteral("full_name"), r.fullName);
    static_cast<PartialDateEdit*>(editor(QStringLiteral("birth_date")))->setDate(r.birthDate);
    setValue(QStringLiteral("sex"), sexCode(r.sex));
    setValue(QStringLiteral("other_names"), r.otherNames);
    setValue(QStringLiteral("old_id"), r.oldId);
    setValue(QStringLiteral("hometown"), r.hometown);
    setValue(QStringLiteral("birth_registration_place"), r.birthRegistrationPlace);
    setValue(QStringLiteral("birth_place"), r.birthPlace);
    setValue(QStringLiteral("ethnicity"), r.ethnicity);
    setValue(QStringLiteral("religion"), r.religion);
    setValue(QStringLiteral("nationality"), r.nationality);
    setAddress(QStringLiteral("permanent"), r.permanentAddress);
    setAddress(QStringLiteral("current"), r.currentAddress);
    setAddress(QStringLiteral("temporary"), r.temporaryAddress);
    setValue(QStringLiteral("household_id"), r.householdId);
    setValue(QStringLiteral("relation_to_head"), r.relationToHead);
    setValue(QStringLiteral("village"), r.village);
    setValue(QStringLiteral("father_name"), r.fatherName);
    setValue(QStringLiteral("father_id"), r.fatherId);
    setValue(QStringLiteral("mother_name"), r.motherName);
    setValue(QStringLiteral("mother_id"), r.motherId);
    setValue(QStringLiteral("spouse_name"), r.spouseName);
    setValue(QStringLiteral("spouse_id"), r.spouseId);
    setValue(QStringLiteral("marital_status"), r.maritalStatus);
    setValue(QStringLiteral("status"), statusCode(r.status));
    static_cast<PartialDateEdit*>(editor(QStringLiteral("death_date")))->setDate(r.deathDate);
    setValue(QStringLiteral("phone"), r.phone);
    setValue(QStringLiteral("email"), r.email);
}

Resident ResidentFormFields::toResident(Resident r) const
{
    auto text = [this](const char* field) {
        return value(QString::fromLatin1(field)).trimmed();
    };
    auto address = [this](const QString& prefix, const Address& old) {
        Address a;
        const auto [scheme, code]
            = CatalogueItems::unitFromValue(value(prefix + QStringLiteral("_unit_code")));
        a.unitCode = code;
        a.unitScheme = code.isEmpty() ? QString() : scheme;
        a.village = value(prefix + QStringLiteral("_village")).trimmed();
        a.text = value(prefix + QStringLiteral("_text")).trimmed();
        // Keep the stored empty/null distinction when nothing changed.
        return a == old ? old : a;
    };
    r.personalId = text("personal_id");
    r.fullName = text("full_name");
    r.birthDate = dateFrom(text("birth_date"), r.birthDate);
    r.sex = sexFromCode(value(QStringLiteral("sex")));
    r.otherNames = text("other_names");
    r.oldId = text("old_id");
    r.hometown = text("hometown");
    r.birthRegistrationPlace = text("birth_registration_place");
    r.birthPlace = text("birth_place");
    r.ethnicity = text("ethnicity");
    r.religion = text("religion");
    r.nationality = text("nationality");
    r.permanentAddress = address(QStringLiteral("permanent"), r.permanentAddress);
    r.currentAddress = address(QStringLiteral("current"), r.currentAddress);
    r.temporaryAddress = address(QStringLiteral("temporary"), r.temporaryAddress);
    r.householdId = value(QStringLiteral("household_id"));
    r.relationToHead = text("relation_to_head");
    r.village = text("village");
    r.fatherName = text("father_name");
    r.fatherId = text("father_id");
    r.motherName = text("mother_name");
    r.motherId = text("mother_id");
    r.spouseName = text("spouse_name");
    r.spouseId = text("spouse_id");
    r.maritalStatus = text("marital_status");
    r.status = statusFromCode(value(QStringLiteral("status")));
    r.deathDate = dateFrom(text("death_date"), r.deathDate);
    r.phone = text("phone");
    r.email = text("email");
    return r;
}

} // namespace wardroll::ui
