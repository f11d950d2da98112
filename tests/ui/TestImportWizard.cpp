// The CSV import wizard: file, encoding with preview, column mapping, dry run listing the rows it
// would reject (line and reason) without touching the ward, then the import off the UI thread.
#include "CsvExportRunner.h"
#include "ImportWizard.h"
#include "SqlConnection.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using model::LegacyVietnameseEncoding;
using ui::ImportWizard;

namespace {

qint64 residentCount(model::WardDatabase& ward)
{
    return ward.connection().queryInt(u"SELECT count(*) FROM residents").valueOr(-1);
}

void next(ImportWizard& wizard)
{
    QTest::mouseClick(wizard.button(QWizard::NextButton), Qt::LeftButton);
}

QComboBox* fieldCombo(ImportWizard& wizard, const QString& column)
{
    QTableWidget* table = wizard.mappingTable();
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == column)
            return qobject_cast<QComboBox*>(table->cellWidget(row, 2));
    }
    return nullptr;
}

} // namespace

class TestImportWizard : public QObject
{
    Q_OBJECT
    QTemporaryDir m_settings;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        test::isolateSettings(m_settings.path());
    }

    void dryRunListsTheBadRowAndImportStoresTheOthers()
    {
        test::TempWard temp;
        ImportWizard wizard(temp.ward());
        wizard.setFilePath(test::testData(QStringLiteral("csv/import-one-bad-row.csv")));
        wizard.show();
        QCOMPARE(wizard.currentId(), int(ImportWizard::FilePage));

        next(wizard);
        QCOMPARE(wizard.currentId(), int(ImportWizard::EncodingPage));
        QCOMPARE(wizard.encoding(), LegacyVietnameseEncoding::Encoding::Utf8);
        QVERIFY(wizard.preview().contains(QStringLiteral("Nguyễn Văn Thành")));

        next(wizard);
        QCOMPARE(wizard.currentId(), int(ImportWizard::MappingPage));
        QCOMPARE(wizard.mappingTable()->rowCount(), 5);
        // Vietnamese headers come pre-matched.
        QCOMPARE(fieldCombo(wizard, QStringLiteral("Họ và tên"))->currentText(), QStringLiteral("Full name"));
        QCOMPARE(fieldCombo(wizard, QStringLiteral("Ngày sinh"))->currentText(),
                 QStringLiteral("Date of birth"));
        QCOMPARE(fieldCombo(wizard, QStringLiteral("Thôn/Tổ dân phố"))->currentText(),
                 QStringLiteral("Village"));

        QSignalSpy dryRun(&wizard, &ImportWizard::dryRunFinished);
        next(wizard);
        QCOMPARE(wizard.currentId(), int(ImportWizard::DryRunPage));
        QVERIFY(dryRun.wait(30000));
        QTableWidget* rejected = wizard.rejectedTable();
        QCOMPARE(rejected->rowCount(), 1);
        QCOMPARE(rejected->item(0, 0)->text(), QStringLiteral("4"));
        QVERIFY2(rejected->item(0, 1)->text().contains(QStringLiteral("5"))
                     && rejected->item(0, 1)->text().contains(QStringLiteral("3")),
                 qPrintable(rejected->item(0, 1)->text()));
        QCOMPARE(wizard.report()->imported, qint64(3));
        QCOMPARE(residentCount(temp.ward()), 0); // a trial run only
        QTRY_VERIFY(wizard.button(QWizard::NextButton)->isEnabled());

        QSignalSpy imported(&wizard, &ImportWizard::importFinished);
        next(wizard);
        QCOMPARE(wizard.currentId(), int(ImportWizard::ImportPage));
        QVERIFY(imported.wait(30000));
        QCOMPARE(imported.first().first().toBool(), true);
        QCOMPARE(residentCount(temp.ward()), 3);
        model::WardStore store(temp.ward());
        QCOMPARE(store.findResident(QStringLiteral("IW-4"))->value().village, QStringLiteral("Thôn Tây"));
        QVERIFY(!store.findResident(QStringLiteral("IW-3"))->has_value());
        QTRY_VERIFY(wizard.button(QWizard::FinishButton)->isEnabled());

        // And back out through File > Export to CSV, off the UI thread.
        ui::CsvExportRunner exporter(temp.ward().path(), temp.ward().officer());
        QSignalSpy exported(&exporter, &ui::CsvExportRunner::finished);
        const QString target = temp.filePath(QStringLiteral("export.csv"));
        exporter.start(target);
        QVERIFY(exporter.isRunning());
        QVERIFY(exported.wait(30000));
        QCOMPARE(exported.first().at(0).toBool(), true);
        QCOMPARE(exported.first().at(1).toLongLong(), qint64(3));
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY(text.contains(QStringLiteral("Phạm Quốc Việt")));
        QCOMPARE(text.count(QStringLiteral("\r\n")), 4); // header + 3 rows
    }

    void legacyEncodingIsDetectedConvertedAndColumnsCanBeLeftOut()
    {
        test::TempWard temp;
        ImportWizard wizard(temp.ward());
        wizard.setFilePath(test::testData(QStringLiteral("csv/tcvn3-names.csv")));
        wizard.show();
        next(wizard);
        QCOMPARE(wizard.encoding(), LegacyVietnameseEncoding::Encoding::Tcvn3);
        QVERIFY(wizard.preview().contains(QStringLiteral("Hà Nội")));
        QVERIFY(wizard.preview().contains(QStringLiteral("Trần Thị Thuỷ")));
        // Another encoding shows another (wrong) text: the officer sees the difference.
        wizard.setEncoding(LegacyVietnameseEncoding::Encoding::Cp1258);
        QVERIFY(!wizard.preview().contains(QStringLiteral("Hà Nội")));
        wizard.setEncoding(LegacyVietnameseEncoding::Encoding::Tcvn3);

        next(wizard);
        QComboBox* village = fieldCombo(wizard, QStringLiteral("village"));
        QVERIFY(village);
        village->setCurrentIndex(0); // not imported
        QSignalSpy dryRun(&wizard, &ImportWizard::dryRunFinished);
        next(wizard);
        QVERIFY(dryRun.wait(30000));
        QCOMPARE(wizard.rejectedTable()->rowCount(), 0);
        QSignalSpy imported(&wizard, &ImportWizard::importFinished);
        next(wizard);
        QVERIFY(imported.wait(30000));
        QVERIFY(imported.first().first().toBool());
        model::WardStore store(temp.ward());
        const model::Resident r = store.findResident(QStringLiteral("T-1"))->value();
        QCOMPARE(r.fullName, QStringLiteral("Nguyễn Văn Thành"));
        QCOMPARE(r.village, QString());
        QCOMPARE(r.birthDate.year(), 1985);
    }
};

QTEST_MAIN(TestImportWizard)
#include "TestImportWizard.moc"
