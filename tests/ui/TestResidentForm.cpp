#include "CataloguePicker.h"
#include "FieldFeedback.h"
#include "MainWindow.h"
#include "ResidentForm.h"
#include "ResidentFormFields.h"
#include "SampleWard.h"
#include "TempWard.h"
#include "VietnameseText.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCompleter>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

using namespace wardroll;
using model::Resident;
using ui::ResidentForm;

namespace {

// QTest::keyClicks types Latin-1 only: Vietnamese goes one character at a time as key text.
void typeText(const QString& text)
{
    for (QChar c : text) {
        QWidget* target = QApplication::focusWidget();
        QVERIFY(target);
        if (c == QLatin1Char(' ')) {
            QTest::keyClick(target, Qt::Key_Space);
            continue;
        }
        QTest::sendKeyEvent(QTest::Click, target, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
{
    QWidget* target = QApplication::focusWidget();
    QVERIFY(target);
    QTest::keyClick(target, key, modifiers);
}

QString focusedField()
{
    const QWidget* focus = QApplication::focusWidget();
    return focus ? focus->objectName() : QString();
}

std::optional<Resident> findByPersonalId(model::WardDatabase& ward, const QString& personalId)
{
    std::optional<Resident> found;
    model::WardStore store(ward);
    const auto status = store.forEachResident([&](const Resident& r) {
        if (r.personalId == personalId)
            found = r;
        return !found;
    });
    if (!status.ok())
        qFatal("%s", qPrintable(status.error().toString()));
    return found;
}

} // namespace

class TestResidentForm : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_settings;
    test::TempWard m_temp;
    test::SampleWard m_sample;

    static void showActive(QWidget& window)
    {
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        test::isolateSettings(m_settings.path());
        m_sample = test::fillSampleWard(m_temp.ward(), 60);
    }

    void tabOrderFollowsThePaperForm()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        QCOMPARE(QApplication::focusWidget(), form.scanField());
        const QStringList expected
            = {u"personal_id"_qs, u"full_name"_qs, u"birth_date"_qs, u"sex"_qs,
               u"other_names"_qs, u"old_id"_qs,    u"hometown"_qs,   u"birth_registration_place"_qs};
        for (const QString& field : expected) {
            press(Qt::Key_Tab);
            QCOMPARE(focusedField(), field);
        }
    }

    void entersAResidentWithTheKeyboardOnly()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        QSignalSpy saved(&form, &ResidentForm::saved);

        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"personal_id"_qs);
        typeText(u"001 190 012345"_qs); // spaces as people type them; stored without
        press(Qt::Key_Tab);
        typeText(u"Trần Thị Thuỷ"_qs);
        press(Qt::Key_Tab);
        typeText(u"1/6/1990"_qs);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"sex"_qs);
        press(Qt::Key_Down); // Male
        press(Qt::Key_Down); // Female
        press(Qt::Key_Tab); // other names
        press(Qt::Key_Tab); // old ID
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"hometown"_qs);
        typeText(u"Nam Định"_qs);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"birth_registration_place"_qs);
        typeText(u"Hà Nội"_qs);
        press(Qt::Key_Tab); // place of birth
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"ethnicity"_qs);
        QTest::keyClicks(QApplication::focusWidget(), u"kinh"_qs);
        press(Qt::Key_Tab);
        QTest::keyClicks(QApplication::focusWidget(), u"khong"_qs); // religion, typed without accents
        press(Qt::Key_Tab);
        typeText(u"Việt Nam"_qs);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"permanent_unit_code"_qs);

        // What was committed on leaving each field: canonical catalogue names, ID without spaces,
        // the date in the standard form.
        QCOMPARE(form.fields()->value(u"ethnicity"_qs), u"Kinh"_qs);
        QCOMPARE(form.fields()->value(u"religion"_qs), u"Không"_qs);
        QCOMPARE(form.fields()->value(u"birth_date"_qs), u"01/06/1990"_qs);
        QTRY_VERIFY(!form.hasFinding(u"required.missing"));

        press(Qt::Key_S, Qt::ControlModifier);
        QCOMPARE(saved.count(), 1);
        QVERIFY(!form.isVisible()); // saved and closed

        const auto stored = findByPersonalId(m_temp.ward(), u"001190012345"_qs);
        QVERIFY(stored);
        QCOMPARE(stored->id, saved.first().first().toString());
        QCOMPARE(stored->fullName, u"Trần Thị Thuỷ"_qs);
        QCOMPARE(stored->birthDate, model::PartialDate::fromParts(1990, 6, 1));
        QCOMPARE(stored->sex, model::Sex::Female);
        QCOMPARE(stored->hometown, u"Nam Định"_qs);
        QCOMPARE(stored->birthRegistrationPlace, u"Hà Nội"_qs);
        QCOMPARE(stored->ethnicity, u"Kinh"_qs);
        QCOMPARE(stored->religion, u"Không"_qs);
        QCOMPARE(stored->nationality, u"Việt Nam"_qs);
        QCOMPARE(stored->createdBy, m_temp.ward().officer());
    }

    void partialDatesAreKeptAsWritten()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        QWidget* birth = form.fields()->editor(u"birth_date"_qs);
        birth->setFocus();
        QTest::keyClicks(birth, u"1950"_qs);
        press(Qt::Key_Tab);
        QCOMPARE(form.currentResident().birthDate.precision(), model::PartialDate::Precision::Year);
        QCOMPARE(form.fields()->value(u"birth_date"_qs), u"1950"_qs);
        birth->setFocus();
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(birth, u"6/1985"_qs);
        press(Qt::Key_Tab);
        QCOMPARE(form.fields()->value(u"birth_date"_qs), u"06/1985"_qs);
        QCOMPARE(form.currentResident().birthDate, model::PartialDate::fromParts(1985, 6));
        birth->setFocus();
        press(Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(birth, u"31/02/1990"_qs);
        press(Qt::Key_Tab);
        QTRY_VERIFY(form.hasFinding(u"date.invalid"));
        QVERIFY(form.fields()->feedback(u"birth_date"_qs)->isVisibleTo(&form));
    }

    void chipCardQrFillsTheForm()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        QCOMPARE(QApplication::focusWidget(), form.scanField());
        typeText(
            u"036085001234|162345678|NGUYỄN VĂN HÙNG|15061985|Nam|Xóm 3, Xã Hải Hậu, Nam Định|20042021"_qs);
        press(Qt::Key_Return);
        QVERIFY(form.isVisible()); // Enter neither saves nor closes
        ui::ResidentFormFields* fields = form.fields();
        QCOMPARE(fields->value(u"personal_id"_qs), u"036085001234"_qs);
        QCOMPARE(fields->value(u"old_id"_qs), u"162345678"_qs);
        QCOMPARE(fields->value(u"full_name"_qs), u"Nguyễn Văn Hùng"_qs);
        QCOMPARE(fields->value(u"birth_date"_qs), u"15/06/1985"_qs);
        QCOMPARE(fields->value(u"sex"_qs), u"M"_qs);
        QCOMPARE(fields->value(u"permanent_text"_qs), u"Xóm 3, Xã Hải Hậu, Nam Định"_qs);
        QVERIFY(form.scanField()->text().isEmpty());
        QCOMPARE(focusedField(), u"hometown"_qs); // on to what the card does not say
        QTRY_VERIFY(!form.hasFinding(u"id.birth_year"));

        // One step to undo.
        press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(fields->value(u"personal_id"_qs).isEmpty());
        QVERIFY(fields->value(u"full_name"_qs).isEmpty());
        QVERIFY(fields->value(u"sex"_qs).isEmpty());
    }

    void chipCardQrScannedIntoThePersonalId()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        press(Qt::Key_Tab);
        QCOMPARE(focusedField(), u"personal_id"_qs);
        typeText(u"001190012399||Lê Thị Mai|02031990|Nữ|Hà Nội|01012022"_qs);
        press(Qt::Key_Return);
        QCOMPARE(form.fields()->value(u"personal_id"_qs), u"001190012399"_qs);
        QCOMPARE(form.fields()->value(u"full_name"_qs), u"Lê Thị Mai"_qs);
        QCOMPARE(form.fields()->value(u"sex"_qs), u"F"_qs);
    }

    void badQrIsExplained()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        typeText(u"001190012399|Lê Thị Mai|1990"_qs);
        press(Qt::Key_Return);
        QVERIFY(form.fields()->value(u"personal_id"_qs).isEmpty());
        auto* message = form.findChild<QLabel*>(u"scanMessage"_qs);
        QVERIFY(message);
        QVERIFY(!message->text().isEmpty());
        QCOMPARE(form.undoStack()->count(), 0);
    }

    void badlyWrittenNameOffersTheFix()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        QWidget* name = form.fields()->editor(u"full_name"_qs);
        name->setFocus();
        typeText(u"nguyễn  văn AN"_qs);
        press(Qt::Key_Tab);
        QTRY_VERIFY(form.hasFinding(u"name.format"));
        ui::FieldFeedback* feedback = form.fields()->feedback(u"full_name"_qs);
        QVERIFY(feedback->isVisibleTo(&form));
        QVERIFY(feedback->hasFix());
        QVERIFY(feedback->fixButton()->text().contains(u"Nguyễn Văn An"_qs));

        // One step, from the keyboard, wherever the focus is.
        press(Qt::Key_Period, Qt::ControlModifier);
        QCOMPARE(form.fields()->value(u"full_name"_qs), u"Nguyễn Văn An"_qs);
        QTRY_VERIFY(!form.hasFinding(u"name.format"));
        QVERIFY(!feedback->hasFix());

        // The fix is an edit like any other.
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(form.fields()->value(u"full_name"_qs), u"nguyễn  văn AN"_qs);
        QTRY_VERIFY(form.hasFinding(u"name.format"));
    }

    void fixButtonAppliesTheSuggestion()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        form.fields()->editor(u"full_name"_qs)->setFocus();
        typeText(u"TRẦN VĂN BA"_qs);
        press(Qt::Key_Tab);
        QTRY_VERIFY(form.fields()->feedback(u"full_name"_qs)->hasFix());
        QTest::mouseClick(form.fields()->feedback(u"full_name"_qs)->fixButton(), Qt::LeftButton);
        QCOMPARE(form.fields()->value(u"full_name"_qs), u"Trần Văn Ba"_qs);
    }

    void undoRestoresThePreviousValue()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        QWidget* name = form.fields()->editor(u"full_name"_qs);
        name->setFocus();
        typeText(u"Lê Văn Tám"_qs);
        press(Qt::Key_Tab);
        QCOMPARE(form.undoStack()->count(), 1); // one command per field change

        name->setFocus();
        press(Qt::Key_A, Qt::ControlModifier);
        typeText(u"Lê Văn Chín"_qs);
        // Still in the field, not yet committed: Ctrl+Z is the form's undo, not the line edit's.
        press(Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(form.fields()->value(u"full_name"_qs), u"Lê Văn Tám"_qs);
        press(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(form.fields()->value(u"full_name"_qs), u"Lê Văn Chín"_qs);
        press(Qt::Key_Z, Qt::ControlModifier);
        press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(form.fields()->value(u"full_name"_qs).isEmpty());

        // A combo box change is a command too.
        QWidget* sex = form.fields()->editor(u"sex"_qs);
        sex->setFocus();
        press(Qt::Key_Down);
        QCOMPARE(form.fields()->value(u"sex"_qs), u"M"_qs);
        press(Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(form.fields()->value(u"sex"_qs).isEmpty());
    }

    void typeAheadIgnoresAccents()
    {
        ResidentForm form(m_temp.ward());
        showActive(form);
        auto* ethnicity = qobject_cast<ui::CataloguePicker*>(form.fields()->editor(u"ethnicity"_qs));
        QVERIFY(ethnicity);
        ethnicity->setFocus();
        QTest::keyClicks(ethnicity, u"muong"_qs);
        const QAbstractItemModel* shown = ethnicity->suggestions()->model();
        QCOMPARE(shown->rowCount(), 1);
        QCOMPARE(shown->index(0, 0).data().toString(), u"Mường"_qs);

        auto* unit = qobject_cast<ui::CataloguePicker*>(form.fields()->editor(u"permanent_unit_code"_qs));
        unit->setFocus();
        QTest::keyClicks(unit, u"ba dinh ha noi"_qs);
        QVERIFY(unit->suggestions()->model()->rowCount() >= 1);
        QCOMPARE(unit->suggestions()->model()->index(0, 0).data().toString(),
                 u"Phường Ba Đình, Thành phố Hà Nội"_qs);
        // Typed text that names no unit has no code; a save is refused with a plain message.
        QVERIFY(unit->value().isEmpty());
        form.fields()->editor(u"full_name"_qs)->setFocus();
        typeText(u"Lê Văn Tư"_qs);
        QVERIFY(!form.save().ok());
        QVERIFY(!form.findChild<QLabel*>(u"saveError"_qs)->isHidden());
    }

    void editingAnExistingRecordKeepsTheOtherFields()
    {
        model::WardStore store(m_temp.ward());
        const QString id = m_sample.liveIds.at(3);
        const Resident before = store.resident(id).value();
        {
            ResidentForm form(m_temp.ward(), id);
            QVERIFY(form.loadError().isEmpty());
            showActive(form);
            QWidget* phone = form.fields()->editor(u"phone"_qs);
            phone->setFocus();
            QTest::keyClicks(phone, u"0912345678"_qs);
            QVERIFY(form.save().ok());
        }
        Resident after = store.resident(id).value();
        QCOMPARE(after.phone, u"0912345678"_qs);
        after.phone = before.phone;
        after.updatedAt = before.updatedAt;
        after.updatedBy = before.updatedBy;
        QCOMPARE(after.fullName, before.fullName);
        QCOMPARE(after.birthDate, before.birthDate);
        QCOMPARE(after.birthDate.raw(), before.birthDate.raw());
        QCOMPARE(after.sex, before.sex);
        QCOMPARE(after.personalId, before.personalId);
        QCOMPARE(after.householdId, before.householdId);
        QCOMPARE(after.status, before.status);
        QCOMPARE(after.village, before.village);
        QCOMPARE(after.sourceRef, before.sourceRef);
    }

    void aChangeMadeElsewhereIsNotOverwritten()
    {
        model::WardStore store(m_temp.ward());
        const QString id = m_sample.liveIds.at(5);
        ResidentForm form(m_temp.ward(), id);
        showActive(form);
        Resident elsewhere = store.resident(id).value();
        elsewhere.phone = u"0987654321"_qs;
        QTest::qSleep(2); // a later updated_at
        QVERIFY(store.updateResident(elsewhere).ok());
        QWidget* email = form.fields()->editor(u"email"_qs);
        email->setFocus();
        QTest::keyClicks(email, u"a@example.vn"_qs);
        const auto status = form.save();
        QVERIFY(!status.ok());
        QCOMPARE(status.error().kind, model::Error::Kind::Conflict);
        QCOMPARE(store.resident(id).value().phone, u"0987654321"_qs);
        QVERIFY(store.resident(id).value().email.isEmpty());
    }

    void mainWindowOpensTheForm()
    {
        auto opened = model::WardDatabase::open(m_temp.path());
        QVERIFY(opened.ok());
        ui::MainWindow window(std::move(opened.value()));
        showActive(window);

        press(Qt::Key_N, Qt::ControlModifier);
        auto* created = window.findChild<ResidentForm*>();
        QVERIFY(created);
        QVERIFY(created->residentId().isEmpty());
        created->close();
        QTRY_VERIFY(!window.findChild<ResidentForm*>()); // deleted on close

        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* table = window.findChild<QTableView*>(u"residentTable"_qs);
        QVERIFY(table);
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        auto* form = window.findChild<ResidentForm*>();
        QVERIFY(form);
        QCOMPARE(form->residentId(), table->model()->index(0, 0).data(Qt::UserRole + 1).toString());
        QVERIFY(form->loadError().isEmpty());
    }
};

QTEST_MAIN(TestResidentForm)
#include "TestResidentForm.moc"
