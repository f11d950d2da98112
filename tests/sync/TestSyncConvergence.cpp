// Several devices edit the same ward at random, offline, and sync through a real hub process
// in random order: afterwards every device holds exactly the same records, nothing is left
// unsynced, and every same-field disagreement is a recorded conflict on every device.
#include "CsvImporter.h"
#include "SyncTestSupport.h"
#include "WardStore.h"

#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;
using namespace wardroll::test;

class TestSyncConvergence : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_hubs = 0;

    std::unique_ptr<HubProcess> startHub()
    {
        ++m_hubs;
        auto hub = std::make_unique<HubProcess>(QStringLiteral("sqlite:")
                                                    + m_dir.filePath(QStringLiteral("hub%1.db").arg(m_hubs)),
                                                m_dir.filePath(QStringLiteral("hub.log")));
        if (!hub->start())
            qFatal("the hub did not start; see %s", qPrintable(m_dir.filePath(QStringLiteral("hub.log"))));
        return hub;
    }

    static void randomEdit(SyncDevice& device, QRandomGenerator& rng, const QString& tag)
    {
        WardStore store(device.ward());
        QList<Resident> live;
        (void)store.forEachResident([&](const Resident& r) {
            live << r;
            return true;
        });
        const int kind = static_cast<int>(rng.bounded(10));
        if (kind == 0 || live.isEmpty()) {
            Resident r;
            r.sourceRef = tag;
            r.fullName = QStringLiteral("Người mới %1").arg(tag);
            QVERIFY(store.insertResident(r).ok());
            return;
        }
        Resident r = live[static_cast<qsizetype>(rng.bounded(static_cast<quint32>(live.size())))];
        // Small pools of values, so that devices sometimes agree and sometimes disagree.
        static const QStringList names
            = {QStringLiteral("Nguyễn Văn A"), QStringLiteral("Trần Thị B"), QStringLiteral("Lê Văn C")};
        static const QStringList villages = {QStringLiteral("Thôn 1"), QStringLiteral("Thôn 2")};
        switch (kind) {
        case 1:
        case 2:
            r.fullName = names[rng.bounded(3)];
            break;
        case 3:
        case 4:
            r.phone = QStringLiteral("09%1").arg(rng.bounded(100));
            break;
        case 5:
            r.village = villages[rng.bounded(2)];
            break;
        case 6:
            r.personalId = QStringLiteral("0010900%1").arg(rng.bounded(10), 5, 10, QLatin1Char('0'));
            break;
        case 7:
            r.religion = tag;
            break;
        case 8:
            QVERIFY(store.softDeleteResident(r.id).ok());
            return;
        default:
            r.maritalStatus = QStringLiteral("Đã kết hôn");
            r.phone = QStringLiteral("08%1").arg(rng.bounded(100));
            break;
        }
        QVERIFY(store.updateResident(r).ok());
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void randomEditsConverge()
    {
        auto hub = startHub();
        constexpr int deviceCount = 3;
        std::vector<std::unique_ptr<SyncDevice>> devices;
        for (int i = 0; i < deviceCount; ++i) {
            devices.push_back(std::make_unique<SyncDevice>());
            const auto enrolled = devices.back()->enroll(*hub, QStringLiteral("Tablet %1").arg(i));
            QVERIFY2(enrolled.ok(), qPrintable(enrolled.ok() ? QString() : enrolled.error().toString()));
        }
        // A starting ward on the first device, shared with the others.
        {
            WardStore store(devices[0]->ward());
            for (int i = 0; i < 15; ++i) {
                Resident r;
                r.sourceRef = QStringLiteral("S%1").arg(i);
                r.fullName = QStringLiteral("Cư dân %1").arg(i);
                r.phone = QStringLiteral("0900");
                QVERIFY(store.insertResident(r).ok());
            }
        }
        for (auto& device : devices)
            QVERIFY(device->sync().status.ok());

        // A fixed seed (WARDROLL_SYNC_SEED tries others), so that a failure can be replayed.
        const quint32 seed = qEnvironmentVariableIsSet("WARDROLL_SYNC_SEED")
            ? qEnvironmentVariable("WARDROLL_SYNC_SEED").toUInt()
            : 20261123u;
        qInfo("seed %u", seed);
        QRandomGenerator rng(seed);
        int conflicts = 0;
        for (int round = 0; round < 6; ++round) {
            for (int d = 0; d < deviceCount; ++d) {
                for (int e = 0; e < 8; ++e)
                    randomEdit(*devices[d], rng, QStringLiteral("r%1d%2e%3").arg(round).arg(d).arg(e));
            }
            // Devices come online in a random order; some stay offline this round.
            for (int d = 0; d < deviceCount; ++d) {
                const int pick = static_cast<int>(rng.bounded(deviceCount));
                if (rng.bounded(4) == 0)
                    continue;
                const auto report = devices[pick]->sync();
                QVERIFY2(report.status.ok(),
                         qPrintable(report.status.ok() ? QString() : report.status.error().toString()));
                conflicts += report.conflicts;
            }
        }
        // Everyone syncs twice: the second pass brings the last pushes to all.
        for (int pass = 0; pass < 2; ++pass) {
            for (auto& device : devices) {
                const auto report = device->sync();
                QVERIFY(report.status.ok());
                conflicts += report.conflicts;
            }
        }
        QVERIFY(conflicts > 0); // the scenario does exercise disagreements
        const QStringList residents = dumpTable(devices[0]->ward(), QStringLiteral("residents"));
        const QStringList households = dumpTable(devices[0]->ward(), QStringLiteral("households"));
        const QStringList conflictList = conflictIds(devices[0]->ward());
        QVERIFY(residents.size() > 15);
        QVERIFY(!conflictList.isEmpty());
        for (auto& device : devices) {
            QCOMPARE(device->unsynced(), 0);
            QCOMPARE(dumpTable(device->ward(), QStringLiteral("residents")), residents);
            QCOMPARE(dumpTable(device->ward(), QStringLiteral("households")), households);
            QCOMPARE(conflictIds(device->ward()), conflictList);
        }
    }

    // A bulk import records its rows as they are written (ChangeCapture::Inserts), in change-sets
    // cut at ChangeRecorder::maxChangeSetBytes: every row reaches a second device identically.
    void aBulkImportReachesAnotherDevice()
    {
        auto hub = startHub();
        SyncDevice a;
        SyncDevice b;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("Tablet A")));
        QVERIFY_OK(b.enroll(*hub, QStringLiteral("Tablet B")));
        const QString csv = m_dir.filePath(QStringLiteral("bulk.csv"));
        {
            QFile file(csv);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(
                "source_ref,full_name,birth_date,sex,personal_id,household_ref,relation_to_head,hometown\n");
            for (int i = 0; i < 3000; ++i)
                file.write(QStringLiteral("B%1,Nguyễn Văn Hùng %1,0%2/03/1985,Nam,00108500%3,HK%4,%5,%6\n")
                               .arg(i)
                               .arg(i % 9 + 1)
                               .arg(i, 4, 10, QLatin1Char('0'))
                               .arg(i / 4)
                               .arg(i % 4 == 0 ? QStringLiteral("Chủ hộ") : QStringLiteral("Con"))
                               .arg(QString(300, QLatin1Char('x')))
                               .toUtf8());
        }
        CsvImporter::Options options;
        options.bulkThresholdBytes = 0; // the bulk path, as for a large file
        auto report = CsvImporter(a.ward()).importFile(csv, options);
        QVERIFY_OK(report);
        QCOMPARE(report->imported, 3000);
        QVERIFY(report->bulkLoaded);
        const auto counts = Outbox(a.ward().connection()).counts();
        QVERIFY_OK(counts);
        QVERIFY(counts->pending >= 2); // more than one change-set
        QVERIFY(a.sync().status.ok());
        QVERIFY(b.sync().status.ok());
        QCOMPARE(a.unsynced(), 0);
        QCOMPARE(dumpTable(b.ward(), QStringLiteral("residents")),
                 dumpTable(a.ward(), QStringLiteral("residents")));
        QCOMPARE(dumpTable(b.ward(), QStringLiteral("households")),
                 dumpTable(a.ward(), QStringLiteral("households")));
    }

    // Two officers edit different fields of one record, and the same field differently.
    void differentFieldsMergeAndTheSameFieldConflicts()
    {
        auto hub = startHub();
        SyncDevice a;
        SyncDevice b;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("A")));
        QVERIFY_OK(b.enroll(*hub, QStringLiteral("B")));
        Resident r;
        r.sourceRef = QStringLiteral("M1");
        r.fullName = QStringLiteral("Đỗ Văn Minh");
        r.phone = QStringLiteral("0911");
        QVERIFY(WardStore(a.ward()).insertResident(r).ok());
        QVERIFY_OK(a.sync().status);
        QVERIFY_OK(b.sync().status);

        Resident onA = WardStore(a.ward()).resident(r.id).value();
        onA.fullName = QStringLiteral("Đỗ Văn Mình");
        onA.village = QStringLiteral("Thôn A");
        QVERIFY(WardStore(a.ward()).updateResident(onA).ok());
        Resident onB = WardStore(b.ward()).resident(r.id).value();
        onB.phone = QStringLiteral("0922");
        onB.village = QStringLiteral("Thôn B");
        QVERIFY(WardStore(b.ward()).updateResident(onB).ok());

        QVERIFY_OK(a.sync().status);
        const auto report = b.sync();
        QVERIFY(report.status.ok());
        QCOMPARE(report.conflicts, 1);
        QVERIFY_OK(a.sync().status);

        for (SyncDevice* device : {&a, &b}) {
            const Resident merged = WardStore(device->ward()).resident(r.id).value();
            QCOMPARE(merged.fullName, QStringLiteral("Đỗ Văn Mình")); // A's field
            QCOMPARE(merged.phone, QStringLiteral("0922")); // B's field
            QCOMPARE(merged.village,
                     QStringLiteral("Thôn A")); // the hub had A's first: kept, not overwritten
            QCOMPARE(conflictIds(device->ward()).size(), 1);
        }
        QCOMPARE(dumpTable(a.ward(), QStringLiteral("residents")),
                 dumpTable(b.ward(), QStringLiteral("residents")));
    }
};

QTEST_GUILESS_MAIN(TestSyncConvergence)
#include "TestSyncConvergence.moc"
