// "Not yet synced" through a real hub process on loopback: an edit is unsynced until the hub
// acknowledges it, a change pulled by another device is not unsynced there, and a bulk import is
// unsynced as a whole until its last change-set is acknowledged.
#include "CsvImporter.h"
#include "SyncTestSupport.h"
#include "UnsyncedRows.h"
#include "WardStore.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;
using namespace wardroll::test;

namespace {

// The ids of the residents marked unsynced, in order.
QStringList unsyncedIds(WardDatabase& ward)
{
    QStringList ids;
    auto stmt
        = ward.connection().prepare(u"SELECT id FROM residents WHERE pending_seq IS NOT NULL ORDER BY id");
    while (stmt.ok() && stmt->step().value())
        ids << stmt->text(0);
    return ids;
}

qint64 unsyncedHouseholds(WardDatabase& ward)
{
    return ward.connection()
        .queryInt(u"SELECT count(*) FROM households WHERE pending_seq IS NOT NULL")
        .value();
}

} // namespace

class TestUnsyncedSync : public QObject
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

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void anEditIsUnsyncedUntilTheHubHasIt()
    {
        auto hub = startHub();
        SyncDevice a;
        SyncDevice b;
        QVERIFY_OK(a.enroll(*hub, QStringLiteral("Tablet A")));
        QVERIFY_OK(b.enroll(*hub, QStringLiteral("Tablet B")));

        WardStore storeA(a.ward());
        Resident r;
        r.fullName = QStringLiteral("Trần Thị Bích");
        QVERIFY_OK(storeA.insertResident(r));
        Resident other;
        other.fullName = QStringLiteral("Lê Văn Cường");
        QVERIFY_OK(storeA.insertResident(other));
        QCOMPARE(unsyncedIds(a.ward()).size(), 2);

        QVERIFY_OK(a.sync().status);
        QCOMPARE(a.unsynced(), 0);
        QCOMPARE(unsyncedIds(a.ward()), QStringList());

        // B pulls both records: they are the hub's, not B's unsynced work.
        QVERIFY_OK(b.sync().status);
        QCOMPARE(WardStore(b.ward()).resident(r.id).value().fullName, r.fullName);
        QCOMPARE(unsyncedIds(b.ward()), QStringList());

        // B edits one: unsynced on B only, until B syncs; A pulls it and stays clear.
        WardStore storeB(b.ward());
        Resident onB = storeB.resident(r.id).value();
        onB.phone = QStringLiteral("0987654321");
        QVERIFY_OK(storeB.updateResident(onB));
        QCOMPARE(unsyncedIds(b.ward()), QStringList{r.id});
        QCOMPARE(UnsyncedRows(b.ward().connection()).countResidents().value(), 1);
        QVERIFY_OK(b.sync().status);
        QCOMPARE(unsyncedIds(b.ward()), QStringList());
        QVERIFY_OK(a.sync().status);
        QCOMPARE(storeA.resident(r.id).value().phone, onB.phone);
        QCOMPARE(unsyncedIds(a.ward()), QStringList());

        // A edits while B's change is on its way: A's own edit stays unsynced through the pull,
        // cleared by A's next push.
        Resident onA = storeA.resident(other.id).value();
        onA.religion = QStringLiteral("Công giáo");
        QVERIFY_OK(storeA.updateResident(onA));
        onB = storeB.resident(other.id).value();
        onB.phone = QStringLiteral("0911111111");
        QVERIFY_OK(storeB.updateResident(onB));
        QVERIFY_OK(b.sync().status);
        QCOMPARE(unsyncedIds(a.ward()), QStringList{other.id});
        QVERIFY_OK(a.sync().status);
        QCOMPARE(unsyncedIds(a.ward()), QStringList());
        QVERIFY_OK(b.sync().status);
        QCOMPARE(unsyncedIds(b.ward()), QStringList());
        QCOMPARE(dumpTable(b.ward(), QStringLiteral("residents")),
                 dumpTable(a.ward(), QStringLiteral("residents")));
    }

    void aBulkImportIsUnsyncedUntilItReachesTheHub()
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
            file.write("source_ref,full_name,birth_date,sex,household_ref,relation_to_head,hometown\n");
            for (int i = 0; i < 2500; ++i)
                file.write(QStringLiteral("U%1,Phạm Văn Đức %1,1%2/05/1979,Nam,HK%3,%4,%5\n")
                               .arg(i)
                               .arg(i % 9)
                               .arg(i / 5)
                               .arg(i % 5 == 0 ? QStringLiteral("Chủ hộ") : QStringLiteral("Con"))
                               .arg(QString(400, QLatin1Char('y')))
                               .toUtf8());
        }
        CsvImporter::Options options;
        options.bulkThresholdBytes = 0; // the streamed bulk path
        auto report = CsvImporter(a.ward()).importFile(csv, options);
        QVERIFY_OK(report);
        QVERIFY(report->bulkLoaded);
        QCOMPARE(report->imported, 2500);
        QVERIFY(a.unsynced() >= 2);
        QCOMPARE(UnsyncedRows(a.ward().connection()).countResidents().value(), 2500);
        QCOMPARE(unsyncedHouseholds(a.ward()), 500);

        QVERIFY_OK(a.sync().status);
        QCOMPARE(a.unsynced(), 0);
        QCOMPARE(UnsyncedRows(a.ward().connection()).countResidents().value(), 0);
        QCOMPARE(unsyncedHouseholds(a.ward()), 0);
        QVERIFY_OK(b.sync().status);
        QCOMPARE(WardStore(b.ward()).countResidents().value(), 2500);
        QCOMPARE(UnsyncedRows(b.ward().connection()).countResidents().value(), 0);
        QCOMPARE(unsyncedHouseholds(b.ward()), 0);
    }
};

QTEST_GUILESS_MAIN(TestUnsyncedSync)
#include "TestUnsyncedSync.moc"
