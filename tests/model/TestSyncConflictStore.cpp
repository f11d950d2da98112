// Settling sync conflicts on a ward with fabricated conflict rows (the rows PageApplier writes
// when the hub reports a same-field disagreement). The sync tests cover the whole path with a
// real hub (tests/ui/TestSyncUi).
#include "ChangeSet.h"
#include "Clock.h"
#include "Outbox.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "SyncConflictStore.h"
#include "TempWard.h"
#include "WardStore.h"

#include <memory>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;
using Choice = SyncConflictStore::Choice;

#define QVERIFY_OK(expression)                                                                               \
    do {                                                                                                     \
        const auto& result_ = (expression);                                                                  \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString() : result_.error().toString()));           \
    } while (false)

namespace {

struct Fabricated
{
    QString table = QStringLiteral("residents");
    QString rowId;
    QString column;
    QCborValue hub;
    QCborValue incoming;
    QString hubDevice = QStringLiteral("device-hub-side");
    QString incomingDevice = QStringLiteral("device-incoming-side");
};

QString addConflict(WardDatabase& ward, const Fabricated& f)
{
    static int next = 0;
    const QString id = QStringLiteral("conflict-%1").arg(++next);
    SqlTransaction transaction(ward.connection(), ChangeCapture::Off);
    auto stmt = ward.connection().prepare(
        u"INSERT INTO sync_conflicts(id, global_seq, table_name, row_id, column_name, hub_value, "
        u"incoming_value, "
        u"hub_device, hub_officer, incoming_device, incoming_officer, created_at) "
        u"VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Cán bộ A', ?, 'Cán bộ B', 1700000000000)");
    if (!stmt.ok())
        return {};
    stmt->bindAll(id, qint64(next), f.table, f.rowId, f.column, f.hub.toCbor(), f.incoming.toCbor(),
                  f.hubDevice, f.incomingDevice);
    if (!stmt->exec().ok() || !transaction.commit().ok())
        return {};
    return id;
}

qint64 outboxSize(WardDatabase& ward)
{
    auto counts = Outbox(ward.connection()).counts();
    return counts.ok() ? counts->unsynced() + counts->acked : -1;
}

// The columns of the last outbox entry's changes.
QStringList lastChangedColumns(WardDatabase& ward)
{
    auto entries = Outbox(ward.connection()).unsynced(0, 100000);
    if (!entries.ok() || entries->isEmpty())
        return {};
    auto changes = ChangeSet::fromCbor(entries->last().changes);
    if (!changes.ok() || changes->rows.isEmpty())
        return {};
    QStringList columns;
    for (const QCborValue& key : changes->rows.first().after.keys())
        columns << key.toString();
    return columns;
}

} // namespace

class TestSyncConflictStore : public QObject
{
    Q_OBJECT

    std::unique_ptr<test::TempWard> m_temp;
    QString m_residentId;

    WardDatabase& ward() { return m_temp->ward(); }

private Q_SLOTS:
    void init()
    {
        m_temp = std::make_unique<test::TempWard>();
        ward().setOfficer(QStringLiteral("Trung úy Lê Văn Tâm"));
        WardStore store(ward());
        Resident r;
        r.sourceRef = QStringLiteral("R1");
        r.fullName = QStringLiteral("Nguyễn Văn Bình");
        r.birthDate = PartialDate::parse(u"1985");
        r.phone = QStringLiteral("0901");
        QVERIFY_OK(store.insertResident(r));
        m_residentId = r.id;
    }
    void cleanup() { Clock::setSource({}); }

    void takingThisDevicesValueWritesAnEditAndMarksTheConflict()
    {
        Fabricated f;
        f.rowId = m_residentId;
        f.column = QStringLiteral("phone");
        f.hub = QCborValue(QStringLiteral("0901")); // what the ward holds: the hub's value won
        f.incoming = QCborValue(QStringLiteral("0987"));
        f.incomingDevice = ward().deviceId();
        const QString id = addConflict(ward(), f);
        QVERIFY(!id.isEmpty());
        SyncConflictStore conflicts(ward());
        QCOMPARE(conflicts.openCount().value(), 1);
        auto listed = conflicts.list();
        QVERIFY_OK(listed);
        QCOMPARE(listed->size(), 1);
        QCOMPARE(listed->first().rowLabel, QStringLiteral("Nguyễn Văn Bình"));
        QCOMPARE(listed->first().currentValue, QCborValue(QStringLiteral("0901")));
        QCOMPARE(SyncConflictStore::fieldLabel(f.table, f.column), QStringLiteral("Phone"));

        Clock::setSource([] { return qint64(1763900000000); });
        const qint64 before = outboxSize(ward());
        QVERIFY_OK(conflicts.resolve(id, Choice::Local));

        WardStore store(ward());
        QCOMPARE(store.resident(m_residentId)->phone, QStringLiteral("0987"));
        QCOMPARE(outboxSize(ward()), before + 1); // captured: it will be synced
        QVERIFY(lastChangedColumns(ward()).contains(QStringLiteral("phone")));
        QCOMPARE(conflicts.openCount().value(), 0);
        QVERIFY(conflicts.list()->isEmpty());
        auto settled = conflicts.conflict(id);
        QVERIFY_OK(settled);
        QVERIFY(settled->isResolved());
        QCOMPARE(settled->resolution, QStringLiteral("incoming"));
        QCOMPARE(settled->resolvedValue, QCborValue(QStringLiteral("0987")));
        QCOMPARE(settled->resolvedBy, QStringLiteral("Trung úy Lê Văn Tâm"));
        QCOMPARE(settled->resolvedAt, qint64(1763900000000));
        QCOMPARE(conflicts.list(true)->size(), 1);

        // Settled once: a second choice is refused and changes nothing.
        const auto again = conflicts.resolve(id, Choice::Hub);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, Error::Kind::Conflict);
        QCOMPARE(store.resident(m_residentId)->phone, QStringLiteral("0987"));
        QCOMPARE(outboxSize(ward()), before + 1);
    }

    void keepingTheValueTheWardHoldsWritesNothing()
    {
        Fabricated f;
        f.rowId = m_residentId;
        f.column = QStringLiteral("full_name");
        f.hub = QCborValue(QStringLiteral("Nguyễn Văn Bình"));
        f.incoming = QCborValue(QStringLiteral("Nguyễn Văn Bính"));
        const QString id = addConflict(ward(), f);
        SyncConflictStore conflicts(ward());
        const qint64 before = outboxSize(ward());
        QVERIFY_OK(conflicts.resolve(id, Choice::Hub));
        QCOMPARE(outboxSize(ward()), before);
        QVERIFY(conflicts.conflict(id)->isResolved());
    }

    void takingTheOtherSideOnAThirdDevice()
    {
        Fabricated f;
        f.rowId = m_residentId;
        f.column = QStringLiteral("full_name");
        f.hub = QCborValue(QStringLiteral("Nguyễn Văn Bình"));
        f.incoming = QCborValue(QStringLiteral("Nguyễn Văn Bính"));
        const QString id = addConflict(ward(), f);
        SyncConflictStore conflicts(ward());
        // This device made neither value: "local" has no meaning here.
        const auto local = conflicts.resolve(id, Choice::Local);
        QVERIFY(!local.ok());
        QCOMPARE(local.error().kind, Error::Kind::InvalidInput);
        QVERIFY(!conflicts.conflict(id)->isResolved());

        QVERIFY_OK(conflicts.resolve(id, Choice::Incoming));
        WardStore store(ward());
        const Resident r = store.resident(m_residentId).value();
        QCOMPARE(r.fullName, QStringLiteral("Nguyễn Văn Bính"));
        // Written by the store: derived search columns follow the new name.
        QCOMPARE(WardStore::searchText(r).contains(QStringLiteral("binh")), true);
        QCOMPARE(ward().connection().queryText(u"SELECT name_key FROM residents").value(),
                 QStringLiteral("nguyen van binh"));
    }

    void typedValues()
    {
        Fabricated year;
        year.rowId = m_residentId;
        year.column = QStringLiteral("birth_year");
        year.hub = QCborValue(1985);
        year.incoming = QCborValue(1958);
        const QString yearId = addConflict(ward(), year);
        SyncConflictStore conflicts(ward());
        const qint64 before = outboxSize(ward());

        // Not a number for a number field: refused, nothing written, still open.
        const auto bad = conflicts.resolve(yearId, Choice::Value, QStringLiteral("năm 1958"));
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, Error::Kind::InvalidInput);
        QCOMPARE(outboxSize(ward()), before);
        QVERIFY(!conflicts.conflict(yearId)->isResolved());

        QVERIFY_OK(conflicts.resolve(yearId, Choice::Value, QStringLiteral(" 1959 ")));
        QCOMPARE(ward().connection().queryInt(u"SELECT birth_year FROM residents").value(), 1959);
        QCOMPARE(conflicts.conflict(yearId)->resolution, QStringLiteral("value"));
        QCOMPARE(conflicts.conflict(yearId)->resolvedValue, QCborValue(1959));
        QCOMPARE(outboxSize(ward()), before + 1);

        Fabricated phone;
        phone.rowId = m_residentId;
        phone.column = QStringLiteral("phone");
        phone.hub = QCborValue(QStringLiteral("0901"));
        phone.incoming = QCborValue(QStringLiteral("0902"));
        const QString phoneId = addConflict(ward(), phone);
        QVERIFY_OK(conflicts.resolve(phoneId, Choice::Value, QStringLiteral("0903 111 222")));
        WardStore store(ward());
        QCOMPARE(store.resident(m_residentId)->phone, QStringLiteral("0903 111 222"));
    }

    void householdConflict()
    {
        WardStore store(ward());
        Household h;
        h.number = QStringLiteral("HK-01");
        h.village = QStringLiteral("Thôn 1");
        QVERIFY_OK(store.insertHousehold(h));
        Fabricated f;
        f.table = QStringLiteral("households");
        f.rowId = h.id;
        f.column = QStringLiteral("village");
        f.hub = QCborValue(QStringLiteral("Thôn 1"));
        f.incoming = QCborValue(QStringLiteral("Thôn 2"));
        const QString id = addConflict(ward(), f);
        SyncConflictStore conflicts(ward());
        QCOMPARE(conflicts.conflict(id)->rowLabel, QStringLiteral("HK-01"));
        QVERIFY_OK(conflicts.resolve(id, Choice::Incoming));
        QCOMPARE(store.household(h.id)->village, QStringLiteral("Thôn 2"));
    }

    void unknownAndVanished()
    {
        SyncConflictStore conflicts(ward());
        const auto unknown = conflicts.resolve(QStringLiteral("nope"), Choice::Hub);
        QVERIFY(!unknown.ok());
        QCOMPARE(unknown.error().kind, Error::Kind::NotFound);

        Fabricated f;
        f.rowId = QStringLiteral("a-row-this-ward-never-had");
        f.column = QStringLiteral("phone");
        f.hub = QCborValue(QStringLiteral("1"));
        f.incoming = QCborValue(QStringLiteral("2"));
        const QString id = addConflict(ward(), f);
        const auto gone = conflicts.resolve(id, Choice::Hub);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, Error::Kind::NotFound);
        QVERIFY(!conflicts.conflict(id)->isResolved());
    }

    void displayValues()
    {
        QCOMPARE(SyncConflictStore::displayValue(QCborValue(QStringLiteral("Hà Nội"))),
                 QStringLiteral("Hà Nội"));
        QCOMPARE(SyncConflictStore::displayValue(QCborValue(1985)), QStringLiteral("1985"));
        QCOMPARE(SyncConflictStore::displayValue(QCborValue(nullptr)), QStringLiteral("(empty)"));
        QCOMPARE(SyncConflictStore::choiceFromCode(u"local"), Choice::Local);
        QVERIFY(!SyncConflictStore::choiceFromCode(u"mine"));
    }
};

QTEST_GUILESS_MAIN(TestSyncConflictStore)
#include "TestSyncConflictStore.moc"
