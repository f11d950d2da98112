// Sync in the desktop app against a real hub process: two wards edit the same field, sync, the
// conflict dialog lists the disagreement with both values, a person chooses one, both sync again
// and hold the same records. Also the status corner and the sync panel, online and offline.
#include "ConflictDialog.h"
#include "HubProcess.h"
#include "Outbox.h"
#include "SyncController.h"
#include "SyncPanel.h"
#include "SyncStatusWidget.h"
#include "SyncTestSupport.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>

using namespace wardroll;
using namespace wardroll::test;
using ui::SyncController;

namespace {

void fastPolicy(SyncController& controller, std::chrono::milliseconds deadline, int attempts)
{
    sync::HttpTransport::Policy policy;
    policy.deadline = deadline;
    policy.attempts = attempts;
    policy.backoff = std::chrono::milliseconds(50);
    controller.client().transport().setPolicy(policy);
}

// One round through the controller, as the status bar's button starts it; true when it succeeded.
bool round(SyncController& controller)
{
    QSignalSpy finished(&controller, &SyncController::roundFinished);
    controller.syncNow();
    if (!finished.wait(60000))
        return false;
    return finished.first().first().toBool();
}

QString phoneOf(model::WardDatabase& ward, const QString& ref)
{
    model::WardStore store(ward);
    auto found = store.findResident(ref);
    return found.ok() && found.value() ? found.value()->phone : QStringLiteral("<missing>");
}

} // namespace

class TestSyncUi : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<HubProcess> m_hub;

    bool enroll(SyncController& controller, const QString& name)
    {
        const QString code = m_hub->enrollmentCode(name);
        if (code.isEmpty())
            return false;
        const auto status = QCoro::waitFor(controller.client().enroll(m_hub->url(), code));
        if (!status.ok())
            qWarning("%s", qPrintable(status.error().toString()));
        controller.refreshCounts();
        return status.ok();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        test::isolateSettings(m_dir.path());
        m_hub = std::make_unique<HubProcess>(QStringLiteral("sqlite:")
                                                 + m_dir.filePath(QStringLiteral("hub.db")),
                                             m_dir.filePath(QStringLiteral("hub.log")));
        QVERIFY2(m_hub->start(), "the hub did not start");
    }

    void notEnrolledWardSaysSo()
    {
        TempWard temp;
        SyncController controller(temp.ward());
        ui::SyncStatusWidget status(controller);
        QVERIFY(!controller.isEnrolled());
        QVERIFY(status.text().contains(QStringLiteral("Not enrolled")));
        QVERIFY(!status.findChild<QToolButton*>(QStringLiteral("syncNowButton"))->isEnabled());
    }

    void conflictChosenInTheDialogReachesBothWards()
    {
        TempWard wardA;
        TempWard wardB;
        wardA.ward().setOfficer(QStringLiteral("Cán bộ An"));
        wardB.ward().setOfficer(QStringLiteral("Cán bộ Bình"));
        SyncController a(wardA.ward());
        SyncController b(wardB.ward());
        fastPolicy(a, std::chrono::seconds(20), 2);
        fastPolicy(b, std::chrono::seconds(20), 2);
        QVERIFY(enroll(a, QStringLiteral("Máy A")));
        QVERIFY(enroll(b, QStringLiteral("Máy B")));
        ui::SyncStatusWidget statusB(b);

        {
            model::WardStore store(wardA.ward());
            model::Resident r;
            r.sourceRef = QStringLiteral("R1");
            r.fullName = QStringLiteral("Nguyễn Văn Thành");
            r.phone = QStringLiteral("0900");
            QVERIFY_OK(store.insertResident(r));
        }
        QVERIFY(round(a));
        QVERIFY(round(b));
        QCOMPARE(phoneOf(wardB.ward(), QStringLiteral("R1")), QStringLiteral("0900"));
        QVERIFY(b.isOnline());
        QVERIFY(b.lastSyncAt().isValid());
        QVERIFY2(statusB.text().contains(QStringLiteral("Online")), qPrintable(statusB.text()));

        // Both officers change the same field while offline.
        for (auto [ward, phone] :
             {std::pair{&wardA, QStringLiteral("0911")}, std::pair{&wardB, QStringLiteral("0922")}}) {
            model::WardStore store(ward->ward());
            model::Resident r = store.findResident(QStringLiteral("R1")).value().value();
            r.phone = phone;
            QVERIFY_OK(store.updateResident(r));
        }
        b.refreshCounts();
        QCOMPARE(b.unsyncedCount(), qint64(1));
        QVERIFY2(statusB.text().contains(QStringLiteral("1 change")), qPrintable(statusB.text()));

        QVERIFY(round(a)); // the hub keeps A's value: it came first
        QVERIFY(round(b));
        QVERIFY(round(a));
        QCOMPARE(phoneOf(wardB.ward(), QStringLiteral("R1")), QStringLiteral("0911"));
        QCOMPARE(b.openConflicts(), qint64(1));
        QVERIFY2(statusB.text().contains(QStringLiteral("conflict")), qPrintable(statusB.text()));

        // B's officer opens the conflicts: both values side by side, B's own marked as this device's.
        ui::ConflictDialog dialog(wardB.ward());
        dialog.show();
        QCOMPARE(dialog.conflictCount(), 1);
        QTableWidget* table = dialog.table();
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("Nguyễn Văn Thành"));
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Phone"));
        QCOMPARE(table->item(0, 2)->text(), QStringLiteral("0911"));
        QCOMPARE(table->item(0, 3)->text(), QStringLiteral("0922"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("hubValue"))->text(), QStringLiteral("0911"));
        QCOMPARE(dialog.findChild<QLabel*>(QStringLiteral("incomingValue"))->text(), QStringLiteral("0922"));
        QVERIFY(dialog.findChildren<QLabel*>().size() > 0);
        bool thisDeviceShown = false;
        for (QLabel* label : dialog.findChildren<QLabel*>())
            thisDeviceShown
                = thisDeviceShown || label->text().contains(QStringLiteral("Cán bộ Bình, on this device"));
        QVERIFY(thisDeviceShown);

        QSignalSpy resolved(&dialog, &ui::ConflictDialog::resolved);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("incomingTake")), Qt::LeftButton);
        QCOMPARE(resolved.size(), 1);
        QCOMPARE(dialog.conflictCount(), 0);
        QCOMPARE(phoneOf(wardB.ward(), QStringLiteral("R1")), QStringLiteral("0922"));

        // The choice waits in the outbox like any edit, shown in the panel.
        ui::SyncPanel panel(b);
        QTreeWidget* list = panel.list();
        QVERIFY(list->topLevelItemCount() >= 2);
        QCOMPARE(list->topLevelItem(0)->data(4, Qt::UserRole).toString(), QStringLiteral("pending"));
        QCOMPARE(list->topLevelItem(1)->data(4, Qt::UserRole).toString(), QStringLiteral("acked"));
        QCOMPARE(b.openConflicts(), qint64(0));

        QVERIFY(round(b));
        QVERIFY(round(a));
        QCOMPARE(phoneOf(wardA.ward(), QStringLiteral("R1")), QStringLiteral("0922"));
        QCOMPARE(dumpTable(wardA.ward(), QStringLiteral("residents")),
                 dumpTable(wardB.ward(), QStringLiteral("residents")));
        QCOMPARE(dumpTable(wardA.ward(), QStringLiteral("households")),
                 dumpTable(wardB.ward(), QStringLiteral("households")));
        QCOMPARE(b.unsyncedCount(), qint64(0));
        QCOMPARE(panel.list()->topLevelItem(0)->data(4, Qt::UserRole).toString(), QStringLiteral("acked"));
    }

    // Last: stops the hub.
    void hubGoneMeansOfflineAndBackoff()
    {
        TempWard temp;
        SyncController controller(temp.ward());
        fastPolicy(controller, std::chrono::seconds(5), 1);
        QVERIFY(enroll(controller, QStringLiteral("Máy C")));
        QVERIFY(round(controller));
        QVERIFY(controller.isOnline());
        ui::SyncStatusWidget status(controller);

        m_hub->kill();
        QVERIFY(!round(controller));
        QVERIFY(!controller.isOnline());
        QCOMPARE(controller.failures(), 1);
        QVERIFY(!controller.lastError().isEmpty());
        QVERIFY2(status.text().contains(QStringLiteral("Offline")), qPrintable(status.text()));
        // The last good sync is still shown.
        QVERIFY(controller.lastSyncAt().isValid());
    }
};

QTEST_MAIN(TestSyncUi)
#include "TestSyncUi.moc"
