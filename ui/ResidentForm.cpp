#include "ResidentForm.h"

#include "CatalogueItems.h"
#include "ChipCardQr.h"
#include "Clock.h"
#include "FieldEditCommand.h"
#include "FieldFeedback.h"
#include "HouseholdSearch.h"
#include "RecordRules.h"
#include "ResidentFormFields.h"
#include "SharedIdLookup.h"
#include "SqlTransaction.h"
#include "VietnameseText.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

namespace wardroll::ui {

using namespace wardroll::model;

namespace {

QString householdText(const QString& number, const QString& headName, const QString& village)
{
    QStringList parts{number};
    if (!headName.isEmpty())
        parts << headName;
    if (!village.isEmpty())
        parts << village;
    return parts.join(QStringLiteral(" · "));
}

} // namespace

ResidentForm::ResidentForm(WardDatabase& ward, const QString& residentId, QWidget* parent)
    : QDialog(parent)
    , m_ward(ward)
    , m_idLookup(std::make_unique<SharedIdLookup>(ward))
    , m_undo(new QUndoStack(this))
{
    setObjectName(QStringLiteral("residentForm"));
    m_context.today = Clock::today();
    m_context.idHolders = m_idLookup->lookup();
    createWidgets();
    createActions();
    load(residentId);
    retranslateUi();
    runRules();
    // A new record starts at the scan field (a scanner is the fast path); an opened one at its ID.
    if (residentId.isEmpty())
        m_scan->setFocus(Qt::OtherFocusReason);
    else
        m_fields->editor(QStringLiteral("personal_id"))->setFocus(Qt::OtherFocusReason);
}

ResidentForm::~ResidentForm()
{
    // QDialog's destructor hides the window, and the focused field then reports a focus-out: it
    // must not reach a form that is half gone.
    m_fields->disconnect(this);
    m_scan->removeEventFilter(this);
    for (QLineEdit* line : m_fields->findChildren<QLineEdit*>())
        line->removeEventFilter(this);
}

void ResidentForm::createWidgets()
{
    auto* layout = new QVBoxLayout(this);

    auto* scanRow = new QHBoxLayout;
    m_scanLabel = new QLabel(this);
    m_scan = new QLineEdit(this);
    m_scan->setObjectName(QStringLiteral("scanField"));
    m_scan->setClearButtonEnabled(true);
    m_scanLabel->setBuddy(m_scan);
    m_scanMessage = new QLabel(this);
    m_scanMessage->setObjectName(QStringLiteral("scanMessage"));
    m_scanMessage->setWordWrap(true);
    scanRow->addWidget(m_scanLabel);
    scanRow->addWidget(m_scan, 1);
    scanRow->addWidget(m_scanMessage, 2);
    layout->addLayout(scanRow);

    m_fields = new ResidentFormFields;
    auto* scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("fieldsArea"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus);
    scroll->setWidget(m_fields);
    layout->addWidget(scroll, 1);

    m_saveError = new QLabel(this);
    m_saveError->setObjectName(QStringLiteral("saveError"));
    m_saveError->setWordWrap(true);
    m_saveError->setStyleSheet(QStringLiteral("color: #a4001d; font-weight: bold;"));
    m_saveError->hide();
    layout->addWidget(m_saveError);

    auto* buttons = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("ruleSummary"));
    m_undoButton = new QPushButton(this);
    m_redoButton = new QPushButton(this);
    m_saveButton = new QPushButton(this);
    m_saveButton->setObjectName(QStringLiteral("saveButton"));
    m_closeButton = new QPushButton(this);
    // Enter in a field commits the field (and a scanner ends with Enter): it must never save or
    // close the form, so no button is a default one.
    for (QPushButton* button : {m_undoButton, m_redoButton, m_saveButton, m_closeButton}) {
        button->setAutoDefault(false);
        button->setDefault(false);
    }
    buttons->addWidget(m_summary, 1);
    buttons->addWidget(m_undoButton);
    buttons->addWidget(m_redoButton);
    buttons->addSpacing(12);
    buttons->addWidget(m_saveButton);
    buttons->addWidget(m_closeButton);
    layout->addLayout(buttons);

    m_ruleTimer = new QTimer(this);
    m_ruleTimer->setSingleShot(true);
    m_ruleTimer->setInterval(ruleDelayMs);
    connect(m_ruleTimer, &QTimer::timeout, this, &ResidentForm::runRules);
    connect(m_fields, &ResidentFormFields::edited, m_ruleTimer, qOverload<>(&QTimer::start));
    connect(m_fields, &ResidentFormFields::committed, this, &ResidentForm::onCommitted);
    connect(m_scan, &QLineEdit::returnPressed, this, [this] { (void)fillFromChipCard(m_scan->text()); });
    connect(m_saveButton, &QPushButton::clicked, this, &ResidentForm::saveAndClose);
    connect(m_closeButton, &QPushButton::clicked, this, &ResidentForm::reject);
    connect(m_undo, &QUndoStack::cleanChanged, this, [this](bool clean) { setWindowModified(!clean); });

    for (const QString& field : m_fields->fieldNames()) {
        FieldFeedback* feedback = m_fields->feedback(field);
        connect(feedback, &FieldFeedback::fixRequested, this, [this, field] { applySuggestedFix(field); });
    }
    m_fields->setHouseholdSource(
        [this](const QString& typed) {
            QList<CatalogueItem> items;
            HouseholdSearch search(m_ward);
            const auto hits = search.search(typed, 30);
            if (hits.ok())
                for (const HouseholdSearch::Hit& hit : hits.value())
                    items << CatalogueItem{householdText(hit.number, hit.headName, hit.village), hit.id, {}};
            return items;
        },
        [this](const QString& id) {
            WardStore store(m_ward);
            const auto household = store.household(id);
            return household.ok() ? householdText(household->number, QString(), household->village) : id;
        });

    // Undo/redo belong to the form, also while a field has the focus (a line edit would otherwise
    // undo its own typing only).
    m_scan->installEventFilter(this);
    for (QLineEdit* line : m_fields->findChildren<QLineEdit*>())
        line->installEventFilter(this);

    resize(1300, 660); // with the window frame and a taskbar, within 1366×768
}

void ResidentForm::createActions()
{
    m_undoAction = new QAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    connect(m_undoAction, &QAction::triggered, this, [this] {
        commitPending();
        m_undo->undo();
    });
    m_redoAction = new QAction(this);
    m_redoAction->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    connect(m_redoAction, &QAction::triggered, this, [this] {
        commitPending();
        m_undo->redo();
    });
    m_saveAction = new QAction(this);
    m_saveAction->setShortcut(QKeySequence::Save);
    connect(m_saveAction, &QAction::triggered, this, &ResidentForm::saveAndClose);
    m_fixAction = new QAction(this);
    m_fixAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Period));
    connect(m_fixAction, &QAction::triggered, this, &ResidentForm::applyFocusedFix);
    addActions({m_undoAction, m_redoAction, m_saveAction, m_fixAction});
    connect(m_undoButton, &QPushButton::clicked, m_undoAction, &QAction::trigger);
    connect(m_redoButton, &QPushButton::clicked, m_redoAction, &QAction::trigger);
}

void ResidentForm::retranslateUi()
{
    m_scanLabel->setText(tr("Scan chip card &QR:"));
    m_scan->setPlaceholderText(tr("Scan the QR code on the ID card, or type it and press Enter"));
    m_undoButton->setText(tr("Undo"));
    m_undoButton->setToolTip(m_undoAction->shortcut().toString(QKeySequence::NativeText));
    m_redoButton->setText(tr("Redo"));
    m_redoButton->setToolTip(m_redoAction->shortcut().toString(QKeySequence::NativeText));
    m_saveButton->setText(tr("&Save"));
    m_saveButton->setToolTip(m_saveAction->shortcut().toString(QKeySequence::NativeText));
    m_closeButton->setText(tr("Close"));
    m_undoAction->setText(tr("Undo"));
    m_redoAction->setText(tr("Redo"));
    m_saveAction->setText(tr("Save"));
    m_fixAction->setText(tr("Apply the suggested fix"));
    m_fields->retranslate();
    updateTitle();
    showFindings();
}

void ResidentForm::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

bool ResidentForm::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool undo = key->matches(QKeySequence::Undo);
        const Qt::KeyboardModifiers mods = key->modifiers() & ~Qt::KeypadModifier;
        const bool redo = key->matches(QKeySequence::Redo)
            || (key->key() == Qt::Key_Y && mods == Qt::ControlModifier)
            || (key->key() == Qt::Key_Z && mods == (Qt::ControlModifier | Qt::ShiftModifier));
        if (undo || redo) {
            if (event->type() == QEvent::ShortcutOverride) {
                event->accept(); // ours: the key press comes here, not to a shortcut
            } else {
                (redo ? m_redoAction : m_undoAction)->trigger();
            }
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void ResidentForm::load(const QString& residentId)
{
    if (!residentId.isEmpty()) {
        WardStore store(m_ward);
        auto resident = store.resident(residentId);
        if (!resident.ok()) {
            m_loadError = tr("The record could not be opened: %1").arg(resident.error().message);
            m_saveError->setText(m_loadError);
            m_saveError->show();
            m_saveButton->setEnabled(false);
            m_saveAction->setEnabled(false);
        } else {
            m_original = resident.value();
        }
    }
    m_applying = true;
    m_fields->setResident(m_original);
    m_applying = false;
    for (const QString& field : m_fields->fieldNames())
        m_committed.insert(field, m_fields->value(field));
}

void ResidentForm::setHousehold(const QString& householdId)
{
    pushChange(QStringLiteral("household_id"), householdId, tr("Choose the household"));
    m_undo->clear(); // part of how the form was opened, not an edit to undo
    m_undo->setClean();
}

Resident ResidentForm::currentResident() const
{
    return m_fields->toResident(m_original);
}

bool ResidentForm::hasFinding(QStringView rule) const
{
    return std::any_of(m_findings.cbegin(), m_findings.cend(),
                       [rule](const Finding& f) { return f.rule == rule; });
}

void ResidentForm::onCommitted(const QString& field)
{
    if (m_applying)
        return;
    const QString value = m_fields->value(field);
    if (value == m_committed.value(field))
        return;
    if (field == u"personal_id" && ChipCardQr::looksLikeQr(value)) {
        m_applying = true;
        m_fields->setValue(field, m_committed.value(field));
        m_applying = false;
        (void)fillFromChipCard(value);
        return;
    }
    pushChange(field, m_fields->normalized(field, value), tr("Edit “%1”").arg(m_fields->label(field)));
}

void ResidentForm::pushChange(const QString& field, const QString& value, const QString& text)
{
    const QString before = m_committed.value(field);
    if (before == value) {
        // The text may still differ (a normalisation of what was typed): show the kept value.
        applyValue(field, value);
        return;
    }
    m_undo->push(new FieldEditCommand([this](const QString& f, const QString& v) { applyValue(f, v); }, field,
                                      before, value, text));
}

void ResidentForm::applyValue(const QString& field, const QString& value)
{
    m_committed.insert(field, value);
    m_applying = true;
    m_fields->setValue(field, value);
    m_applying = false;
    m_ruleTimer->start();
}

void ResidentForm::commitPending()
{
    for (const QString& field : m_fields->fieldNames())
        if (m_fields->value(field) != m_committed.value(field))
            onCommitted(field);
}

void ResidentForm::runRules()
{
    m_ruleTimer->stop();
    m_findings = RecordRules::check(currentResident(), m_context);
    showFindings();
    updateTitle();
    Q_EMIT findingsShown();
}

QString ResidentForm::fixValue(const Finding& finding) const
{
    if (finding.suggestedField.endsWith(u"_unit_code"))
        return CatalogueItems::unitValue(unitScheme2025, finding.suggestedValue);
    return finding.suggestedValue;
}

QString ResidentForm::fixLabel(const Finding& finding) const
{
    if (finding.suggestedField.endsWith(u"_unit_code"))
        return tr("Use %1").arg(CatalogueItems::describeUnit(fixValue(finding)));
    return tr("Use “%1”").arg(finding.suggestedValue);
}

void ResidentForm::showFindings()
{
    struct Shown
    {
        Severity severity = Severity::Info;
        QStringList messages;
        QString fix;
    };
    QHash<QString, Shown> byField;
    auto add = [&byField](const QString& field, Severity severity, const QString& message) {
        Shown& shown = byField[field];
        if (shown.messages.isEmpty() || severity < shown.severity)
            shown.severity = severity;
        shown.messages << message;
    };
    int errors = 0;
    int warnings = 0;
    for (const Finding& f : std::as_const(m_findings)) {
        if (f.severity == Severity::Error)
            ++errors;
        else if (f.severity == Severity::Warning)
            ++warnings;
        if (f.rule == u"required.missing") {
            for (const QString& field : f.fields)
                add(field, Severity::Warning, tr("Required."));
            continue;
        }
        QStringList inForm;
        for (const QString& field : f.fields)
            if (m_fields->hasField(field))
                inForm << field;
        if (inForm.isEmpty())
            continue;
        add(inForm.first(), f.severity, f.message);
        for (qsizetype i = 1; i < inForm.size(); ++i)
            add(inForm[i], f.severity, tr("See the note under “%1”.").arg(m_fields->label(inForm.first())));
        if (!f.suggestedField.isEmpty() && m_fields->hasField(f.suggestedField))
            byField[f.suggestedField].fix = fixLabel(f);
    }
    for (const QString& field : m_fields->fieldNames()) {
        FieldFeedback* feedback = m_fields->feedback(field);
        const auto it = byField.constFind(field);
        if (it == byField.cend())
            feedback->clearFeedback();
        else
            feedback->setFeedback(it->severity, it->messages.join(QLatin1Char('\n')), it->fix);
        if (it != byField.cend() && !it->fix.isEmpty())
            feedback->fixButton()->setToolTip(m_fixAction->shortcut().toString(QKeySequence::NativeText));
    }
    if (errors == 0 && warnings == 0)
        m_summary->setText(tr("The rules find nothing to check."));
    else
        m_summary->setText(
            tr("To check: %1, %2.")
                .arg(tr("%n error(s)", nullptr, errors), tr("%n warning(s)", nullptr, warnings)));
}

bool ResidentForm::applySuggestedFix(const QString& field)
{
    commitPending();
    runRules(); // the findings of the record as it is now, not as it was before the last keystroke
    // Copies, not references: pushChange and runRules replace m_findings under our feet.
    const QList<Finding> findings = m_findings;
    for (const Finding& f : findings) {
        if (f.suggestedField != field)
            continue;
        pushChange(field, fixValue(f), tr("Apply the suggested “%1”").arg(m_fields->label(field)));
        runRules();
        return true;
    }
    return false;
}

void ResidentForm::applyFocusedFix()
{
    const QString focused = m_fields->focusedField();
    if (!focused.isEmpty() && applySuggestedFix(focused))
        return;
    for (const Finding& f : std::as_const(m_findings))
        if (!f.suggestedField.isEmpty() && m_fields->hasField(f.suggestedField)) {
            const QString field = f.suggestedField; // applySuggestedFix replaces m_findings
            applySuggestedFix(field);
            return;
        }
}

Status ResidentForm::fillFromChipCard(const QString& text)
{
    auto qr = ChipCardQr::parse(text);
    if (!qr.ok()) {
        m_scanMessage->setStyleSheet(QStringLiteral("color: #a4001d;"));
        m_scanMessage->setText(qr.error().message);
        return qr.error();
    }
    commitPending();
    // The card is the authoritative source: its name is kept in the stored form (cards print
    // UPPERCASE), which changes only case, spacing and tone placement.
    const QString name = VietnameseText::normalizeName(qr->fullName);
    m_undo->beginMacro(tr("Fill from the chip card"));
    pushChange(QStringLiteral("personal_id"), qr->personalId, QString());
    if (!qr->oldId.isEmpty())
        pushChange(QStringLiteral("old_id"), qr->oldId, QString());
    pushChange(QStringLiteral("full_name"), name, QString());
    pushChange(QStringLiteral("birth_date"), qr->birthDate.toDisplayString(), QString());
    pushChange(QStringLiteral("sex"), sexCode(qr->sex), QString());
    if (!qr->permanentAddress.isEmpty())
        pushChange(QStringLiteral("permanent_text"), qr->permanentAddress, QString());
    m_undo->endMacro();
    m_scan->clear();
    m_scanMessage->setStyleSheet(QString());
    m_scanMessage->setText(
        tr("Filled from the chip card of %1: check the card and complete the other fields.").arg(name));
    runRules();
    // On to what the card does not hold.
    for (const QString& field :
         {QStringLiteral("hometown"), QStringLiteral("birth_registration_place"), QStringLiteral("ethnicity"),
          QStringLiteral("religion"), QStringLiteral("nationality")}) {
        if (m_fields->value(field).isEmpty()) {
            m_fields->editor(field)->setFocus(Qt::OtherFocusReason);
            break;
        }
    }
    return {};
}

namespace {

QString plainSaveError(const Error& error)
{
    const QString detail = error.detail.toLower();
    if (error.kind == Error::Kind::Database && (detail.contains(u"locked") || detail.contains(u"busy")))
        return ResidentForm::tr("The ward file is busy: another program is writing to it. Wait a moment and "
                                "save again.");
    if (error.kind == Error::Kind::Database
        && (detail.contains(u"readonly") || detail.contains(u"read-only")))
        return ResidentForm::tr(
            "The ward file is open read-only: the record cannot be saved on this computer.");
    return ResidentForm::tr("The record was not saved: %1").arg(error.message);
}

} // namespace

Status ResidentForm::save()
{
    commitPending();
    if (!m_loadError.isEmpty())
        return Error{Error::Kind::NotFound, m_loadError, {}};
    Resident r = currentResident();
    auto fail = [this](Error error) -> Status {
        showSaveError(error.kind == Error::Kind::InvalidInput || error.kind == Error::Kind::Conflict
                          ? error.message
                          : plainSaveError(error));
        return error;
    };
    if (r.fullName.isEmpty())
        return fail(Error{Error::Kind::InvalidInput, tr("Enter the full name before saving."), {}});
    if (const QStringList unmatched = m_fields->unmatchedFields(); !unmatched.isEmpty())
        return fail(Error{Error::Kind::InvalidInput,
                          tr("“%1”: choose an entry from the list, or clear the field.")
                              .arg(m_fields->label(unmatched.first())),
                          {}});

    SqlTransaction transaction(m_ward.connection());
    if (!transaction.begun().ok())
        return fail(transaction.begun().error());
    WardStore store(m_ward);
    if (r.id.isEmpty()) {
        if (auto status = store.insertResident(r); !status.ok())
            return fail(status.error());
    } else {
        auto stored = store.resident(r.id);
        if (!stored.ok())
            return fail(stored.error());
        if (stored->updatedAt != m_original.updatedAt || stored->updatedBy != m_original.updatedBy)
            return fail(Error{Error::Kind::Conflict,
                              tr("%1 changed this record after you opened it. Your changes are not saved: "
                                 "close the form, open the record again and redo them.")
                                  .arg(stored->updatedBy.isEmpty() ? tr("Someone") : stored->updatedBy),
                              {}});
        if (auto status = store.updateResident(r); !status.ok())
            return fail(status.error());
    }
    if (auto status = transaction.commit(); !status.ok())
        return fail(status.error());
    m_original = r;
    m_undo->setClean();
    m_saveError->hide();
    updateTitle();
    Q_EMIT saved(r.id);
    return {};
}

void ResidentForm::showSaveError(const QString& message)
{
    m_saveError->setText(message);
    m_saveError->show();
}

void ResidentForm::saveAndClose()
{
    if (save().ok())
        accept();
}

void ResidentForm::reject()
{
    commitPending();
    if (!m_undo->isClean()) {
        QMessageBox box(QMessageBox::Question, tr("Unsaved changes"),
                        tr("The changes to this record are not saved. Close the form and lose them?"),
                        QMessageBox::NoButton, this);
        QPushButton* discard = box.addButton(tr("Close without saving"), QMessageBox::DestructiveRole);
        QPushButton* stay = box.addButton(tr("Keep editing"), QMessageBox::RejectRole);
        box.setDefaultButton(stay);
        box.exec();
        if (box.clickedButton() != discard)
            return;
    }
    QDialog::reject();
}

void ResidentForm::updateTitle()
{
    const QString name = m_fields->value(QStringLiteral("full_name")).trimmed();
    if (m_original.id.isEmpty())
        setWindowTitle(tr("New resident") + (name.isEmpty() ? QString() : QStringLiteral(": ") + name)
                       + QStringLiteral("[*]"));
    else
        setWindowTitle(tr("Resident: %1").arg(name) + QStringLiteral("[*]"));
}

} // namespace wardroll::ui
