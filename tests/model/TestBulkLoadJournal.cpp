#include "BulkLoadJournal.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QTest>

using namespace wardroll;

namespace {
QString journalMode(model::SqlConnection& db)
{
    auto mode = db.queryText(u"PRAGMA journal_mode");
    return mode.ok() ? mode.value() : QString();
}

model::Resident resident(const QString& name)
{
    model::Resident r;
    r.fullName = name;
    return r;
}
} // namespace

class TestBulkLoadJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aWardNoOneElseHasOpenLoadsWithoutWal()
    {
        test::TempWard temp;
        model::SqlConnection& db = temp.ward().connection();
        QCOMPARE(journalMode(db), u"wal"_qs);
        const qint64 cacheBefore = db.queryInt(u"PRAGMA cache_size").value();
        {
            model::BulkLoadJournal journal(db);
            QVERIFY(journal.active());
            QCOMPARE(journalMode(db), u"delete"_qs);
            QVERIFY(db.queryInt(u"PRAGMA cache_size").value() != cacheBefore);
            model::SqlTransaction transaction(db, model::ChangeCapture::Inserts);
            QVERIFY(transaction.begun().ok());
            model::WardStore store(temp.ward());
            model::Resident r = resident(u"Lê Văn An"_qs);
            QVERIFY(store.insertResident(r).ok());
            journal.beforeCommit(); // the write-behind helper stops; the commit does the rest
            QVERIFY(transaction.commit().ok());
        }
        QCOMPARE(journalMode(db), u"wal"_qs);
        QCOMPARE(db.queryInt(u"PRAGMA cache_size").value(), cacheBefore);
        QCOMPARE(model::WardStore(temp.ward()).countResidents().value(), 1);
        // The load's change record is there for sync, as in WAL.
        QCOMPARE(db.queryInt(u"SELECT count(*) FROM outbox").value(), 1);
    }

    void anotherOpenConnectionKeepsWal()
    {
        test::TempWard temp;
        model::SqlConnection& db = temp.ward().connection();
        auto reader = model::SqlConnection::open(temp.path(), model::SqlConnection::OpenMode::ReadOnly);
        QVERIFY(reader.ok());
        QCOMPARE(reader.value()->queryInt(u"SELECT count(*) FROM residents").value(), 0);
        {
            model::BulkLoadJournal journal(db);
            QVERIFY(!journal.active());
            QCOMPARE(journalMode(db), u"wal"_qs);
            model::SqlTransaction transaction(db, model::ChangeCapture::Inserts);
            model::WardStore store(temp.ward());
            model::Resident r = resident(u"Trần Thị Bích"_qs);
            QVERIFY(store.insertResident(r).ok());
            QVERIFY(transaction.commit().ok());
        }
        QCOMPARE(journalMode(db), u"wal"_qs);
        QCOMPARE(reader.value()->queryInt(u"SELECT count(*) FROM residents").value(), 1);
    }

    void aRolledBackLoadLeavesTheWardAsItWas()
    {
        test::TempWard temp;
        model::WardStore store(temp.ward());
        {
            model::SqlTransaction transaction(temp.ward().connection());
            model::Resident r = resident(u"Phạm Văn Cường"_qs);
            QVERIFY(store.insertResident(r).ok());
            QVERIFY(transaction.commit().ok());
        }
        {
            model::BulkLoadJournal journal(temp.ward().connection());
            QVERIFY(journal.active());
            model::SqlTransaction transaction(temp.ward().connection(), model::ChangeCapture::Inserts);
            for (int i = 0; i < 2000; ++i) {
                model::Resident r = resident(u"Nguyễn Văn Hùng %1"_qs.arg(i));
                QVERIFY(store.insertResident(r).ok());
            }
            // No commit: the transaction rolls back from the rollback journal.
        }
        QCOMPARE(store.countResidents().value(), 1);
        QCOMPARE(temp.ward().connection().queryInt(u"SELECT count(*) FROM outbox").value(), 1);
        QCOMPARE(temp.ward().connection().queryText(u"PRAGMA integrity_check").value(), u"ok"_qs);
    }

    void insideATransactionItDoesNothing()
    {
        test::TempWard temp;
        model::SqlConnection& db = temp.ward().connection();
        model::SqlTransaction transaction(db, model::ChangeCapture::Off);
        QVERIFY(transaction.begun().ok());
        model::BulkLoadJournal journal(db);
        QVERIFY(!journal.active());
        QCOMPARE(journalMode(db), u"wal"_qs);
    }
};

QTEST_GUILESS_MAIN(TestBulkLoadJournal)
#include "TestBulkLoadJournal.moc"
