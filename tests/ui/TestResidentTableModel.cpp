#include "ResidentPageQuery.h"
#include "ResidentSearch.h"
#include "ResidentTableModel.h"
#include "SampleWard.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "TempWard.h"
#include "UnsyncedRows.h"
#include "Uuid7.h"
#include "VietnameseText.h"
#include "WardStore.h"

#include <algorithm>
#include <QAbstractItemModelTester>
#include <QSet>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;
using ui::ResidentTableModel;

namespace {

using Column = ResidentTableModel::Column;

// Reads every page; returns the ids in list order.
QStringList fetchAllIds(ResidentTableModel& model)
{
    while (model.canFetchMore({}))
        model.fetchMore({});
    QStringList ids;
    for (int row = 0; row < model.rowCount(); ++row)
        ids << model.index(row, 0).data(ResidentTableModel::IdRole).toString();
    return ids;
}

// SQLite compares text byte-wise in UTF-8: so does this.
int compareText(const QString& a, const QString& b)
{
    const QByteArray x = a.toUtf8();
    const QByteArray y = b.toUtf8();
    return x < y ? -1 : (y < x ? 1 : 0);
}

// The list order the model promises: the column's key, then the folded name, then the record's
// rowid (which ends every entry of the sort indexes).
struct Expected
{
    QString id;
    qint64 rowid = 0;
    qint64 intKey = 0;
    QString textKey;
    QString nameKey;
};

Expected expectedKey(const Resident& r, qint64 rowid, int column)
{
    Expected e{r.id, rowid, 0, {}, VietnameseText::foldKey(r.fullName)};
    switch (column) {
    case Column::BirthDateColumn:
        e.intKey = r.birthDate.year().value_or(0) * 10000 + r.birthDate.month().value_or(0) * 100
            + r.birthDate.day().value_or(0);
        break;
    case Column::SexColumn:
        e.textKey = sexCode(r.sex);
        break;
    case Column::PersonalIdColumn:
        e.textKey = r.personalId;
        break;
    case Column::VillageColumn:
        e.textKey = r.village;
        break;
    case Column::StatusColumn:
        e.textKey = statusCode(r.status);
        break;
    default:
        e.textKey = e.nameKey;
        e.nameKey.clear(); // the name order is (name key, rowid)
        break;
    }
    return e;
}

bool lessThan(const Expected& a, const Expected& b)
{
    if (a.intKey != b.intKey)
        return a.intKey < b.intKey;
    if (const int c = compareText(a.textKey, b.textKey); c != 0)
        return c < 0;
    if (const int c = compareText(a.nameKey, b.nameKey); c != 0)
        return c < 0;
    return a.rowid < b.rowid;
}

QHash<QString, qint64> rowidsById(WardDatabase& ward)
{
    QHash<QString, qint64> rowids;
    auto stmt = ward.connection().prepare(u"SELECT id, rowid FROM residents");
    if (!stmt.ok())
        qFatal("rowidsById: %s", qPrintable(stmt.error().toString()));
    while (stmt->step().valueOr(false))
        rowids.insert(stmt->text(0), stmt->integer(1));
    return rowids;
}

QStringList expectedOrder(WardDatabase& ward, int column, Qt::SortOrder order,
                          const std::function<bool(const Resident&)>& keep = {})
{
    QList<Expected> keys;
    const QHash<QString, qint64> rowids = rowidsById(ward);
    WardStore store(ward);
    const Status status = store.forEachResident([&](const Resident& r) {
        if (!keep || keep(r))
            keys << expectedKey(r, rowids.value(r.id), column);
        return true;
    });
    if (!status.ok())
        qFatal("expectedOrder: %s", qPrintable(status.error().toString()));
    std::sort(keys.begin(), keys.end(), lessThan);
    if (order == Qt::DescendingOrder)
        std::reverse(keys.begin(), keys.end());
    QStringList ids;
    for (const Expected& e : keys)
        ids << e.id;
    return ids;
}

struct PlanStep
{
    int parent;
    QString detail;
};

// EXPLAIN QUERY PLAN of a statement, by step id.
QMap<int, PlanStep> queryPlan(WardDatabase& ward, const QString& sql)
{
    QMap<int, PlanStep> plan;
    auto stmt = ward.connection().prepare(QString(u"EXPLAIN QUERY PLAN " + sql));
    if (!stmt.ok())
        qFatal("queryPlan: %s", qPrintable(stmt.error().toString()));
    while (stmt->step().valueOr(false))
        plan.insert(static_cast<int>(stmt->integer(0)), {static_cast<int>(stmt->integer(1)), stmt->text(3)});
    return plan;
}

QString planText(const QMap<int, PlanStep>& plan)
{
    QString text;
    for (auto it = plan.cbegin(); it != plan.cend(); ++it)
        text += QStringLiteral("\n  %1 <- %2: %3").arg(it.key()).arg(it->parent).arg(it->detail);
    return text;
}

QSet<QString> searchOracle(WardDatabase& ward, const QString& text)
{
    ResidentSearch search(ward);
    auto hits = search.search(text, 1000000);
    QSet<QString> ids;
    for (const auto& hit : hits.value())
        ids.insert(hit.id);
    return ids;
}

} // namespace

class TestResidentTableModel : public QObject
{
    Q_OBJECT
private:
    test::TempWard m_temp;
    test::SampleWard m_sample;

private Q_SLOTS:
    void initTestCase()
    {
        // 1,000 records: 20 pages of 50, with deleted and merged ones in between.
        m_sample = test::fillSampleWard(m_temp.ward(), 1000);
        QVERIFY(m_sample.deletedIds.size() > 10);
        QVERIFY(m_sample.mergedIds.size() > 10);
    }

    void passesTheModelTester()
    {
        ResidentTableModel model(m_temp.ward());
        model.setPageSize(64);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        while (model.canFetchMore({}))
            model.fetchMore({});
        model.sort(Column::BirthDateColumn, Qt::DescendingOrder);
        model.setFilter(u"nguyen"_qs);
        model.fetchMore({});
        model.setFilter({});
        model.retranslate();
        model.refresh();
    }

    void growsPageByPageUpToTheLiveResidents()
    {
        ResidentTableModel model(m_temp.ward());
        model.setPageSize(50);
        model.refresh();
        QCOMPARE(model.rowCount(), 50);
        QVERIFY(model.canFetchMore({}));
        int expectedRows = 50;
        const int live = static_cast<int>(m_sample.liveIds.size());
        while (model.canFetchMore({})) {
            model.fetchMore({});
            expectedRows = qMin(expectedRows + 50, live);
            QCOMPARE(model.rowCount(), expectedRows);
        }
        QCOMPARE(model.rowCount(), live);
        QCOMPARE(WardStore(m_temp.ward()).countResidents().value(), live);
        model.fetchMore({}); // at the end: nothing happens
        QCOMPARE(model.rowCount(), live);
        QVERIFY(!model.canFetchMore({}));
    }

    void neverShowsDeletedOrMergedResidents()
    {
        ResidentTableModel model(m_temp.ward());
        model.setPageSize(37);
        const QStringList ids = fetchAllIds(model);
        const QSet<QString> shown(ids.cbegin(), ids.cend());
        QCOMPARE(shown.size(), ids.size());
        QCOMPARE(shown, QSet<QString>(m_sample.liveIds.cbegin(), m_sample.liveIds.cend()));
        for (const QString& id : m_sample.deletedIds + m_sample.mergedIds)
            QVERIFY2(!shown.contains(id), qPrintable(id));
    }

    void sortsEveryColumnAcrossPages_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<Qt::SortOrder>("order");
        const std::pair<int, const char*> columns[] = {
            {Column::NameColumn, "name"},       {Column::BirthDateColumn, "birth date"},
            {Column::SexColumn, "sex"},         {Column::PersonalIdColumn, "personal id"},
            {Column::VillageColumn, "village"}, {Column::StatusColumn, "status"},
        };
        for (const auto& [column, name] : columns) {
            QTest::addRow("%s ascending", name) << column << Qt::AscendingOrder;
            QTest::addRow("%s descending", name) << column << Qt::DescendingOrder;
        }
    }
    void sortsEveryColumnAcrossPages()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        ResidentTableModel model(m_temp.ward());
        model.setPageSize(23); // page ends fall inside runs of equal keys
        model.sort(column, order);
        QCOMPARE(model.sortColumn(), column);
        QVERIFY(model.isSortApplied());
        QCOMPARE(fetchAllIds(model), expectedOrder(m_temp.ward(), column, order));
    }

    // Hundreds of records alike in every sort key (name, birth date, sex, ID, village, status):
    // only the last tie-breaker, the rowid, tells them apart. Their ids run against their rowids,
    // so an order by id would differ. Pages of 7 end inside the run, in both directions.
    void pagesThroughManyEqualKeysBothWays_data() { sortsEveryColumnAcrossPages_data(); }
    void pagesThroughManyEqualKeysBothWays()
    {
        QFETCH(int, column);
        QFETCH(Qt::SortOrder, order);
        test::TempWard temp;
        WardStore store(temp.ward());
        QStringList twinIds;
        for (int i = 0; i < 300; ++i)
            twinIds << Uuid7::generate();
        std::sort(twinIds.begin(), twinIds.end(), std::greater<>());
        {
            SqlTransaction tx(temp.ward().connection());
            const QStringList otherNames = {u"An Văn Bình"_qs, u"Nguyễn Văn Ba"_qs, u"Vũ Thị Lan"_qs};
            const QStringList villages = {u"Thôn Một"_qs, u"Thôn Hai"_qs, u"Xóm Chợ"_qs};
            for (int i = 0; i < 330; ++i) {
                Resident r;
                const bool twin = i % 11 != 0; // others in between, before and after in every order
                if (twin) {
                    r.id = twinIds.takeFirst();
                    r.fullName = u"Nguyễn Văn An"_qs;
                    r.village = u"Thôn Một"_qs;
                    r.birthDate = PartialDate::fromParts(1980, 5, 1);
                    r.sex = Sex::Male;
                    r.personalId = u"001080012345"_qs;
                } else {
                    r.fullName = otherNames.at(i % 3);
                    r.village = villages.at(i / 11 % 3);
                    r.birthDate = PartialDate::fromParts(1960 + i % 40);
                    r.sex = i % 2 ? Sex::Female : Sex::Male;
                    r.personalId = QStringLiteral("0010%1").arg(i, 8, 10, QLatin1Char('0'));
                    r.status = i % 3 ? ResidentStatus::Living : ResidentStatus::MovedOut;
                }
                QVERIFY(store.insertResident(r).ok());
                if (twin)
                    twinIds << r.id; // back at the end: insertion (rowid) order
            }
            QVERIFY(tx.commit().ok());
        }
        QCOMPARE(twinIds.size(), 300);
        QVERIFY(twinIds.first() > twinIds.last());
        // Deleted and merged-away twins leave the run.
        QVERIFY(store.softDeleteResident(twinIds.at(5)).ok());
        QVERIFY(store.softDeleteResident(twinIds.at(150)).ok());
        {
            SqlConnection& db = temp.ward().connection();
            SqlTransaction tx(db, ChangeCapture::Off);
            QVERIFY(db.exec(QStringLiteral("UPDATE residents SET merged_into = '%1' WHERE id = '%2'")
                                .arg(twinIds.at(0), twinIds.at(200)))
                        .ok());
            QVERIFY(tx.commit().ok());
        }
        const QStringList gone = {twinIds.at(5), twinIds.at(150), twinIds.at(200)};

        ResidentTableModel model(temp.ward());
        model.setPageSize(7);
        model.sort(column, order);
        const QStringList ids = fetchAllIds(model);
        QCOMPARE(ids.size(), 330 - gone.size());
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
        QCOMPARE(ids, expectedOrder(temp.ward(), column, order));

        // The twins, in one block, in rowid order (reversed when descending).
        QStringList expectedTwins = twinIds;
        for (const QString& id : gone)
            expectedTwins.removeOne(id);
        if (order == Qt::DescendingOrder)
            std::reverse(expectedTwins.begin(), expectedTwins.end());
        const qsizetype first = ids.indexOf(expectedTwins.first());
        QVERIFY(first >= 0);
        QCOMPARE(ids.mid(first, expectedTwins.size()), expectedTwins);
    }

    // Every page of every sort order is read by walking the order's live index: the rowid ends
    // each index entry, so neither the first page nor a continuation sorts what it reads. (A later
    // page merges two seeks of at most a page each; each arm of that merge sorts only its page.)
    void sortedPagesWalkTheirIndex_data()
    {
        QTest::addColumn<int>("order");
        QTest::addColumn<QString>("index");
        QTest::addColumn<Qt::SortOrder>("direction");
        using Order = ui::ResidentPageQuery::Order;
        const std::pair<Order, const char*> orders[] = {
            {Order::Name, "residents_live_order"},      {Order::BirthDate, "residents_live_birth"},
            {Order::Sex, "residents_live_sex"},         {Order::PersonalId, "residents_live_personal_id"},
            {Order::Village, "residents_live_village"}, {Order::Status, "residents_live_status"},
        };
        for (const auto& [order, index] : orders) {
            for (const Qt::SortOrder direction : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                QTest::addRow("%s %s", index, direction == Qt::AscendingOrder ? "asc" : "desc")
                    << int(order) << QString::fromLatin1(index) << direction;
            }
        }
    }
    void sortedPagesWalkTheirIndex()
    {
        QFETCH(int, order);
        QFETCH(QString, index);
        QFETCH(Qt::SortOrder, direction);
        ui::ResidentPageQuery query(m_temp.ward());
        QVERIFY(query.start(static_cast<ui::ResidentPageQuery::Order>(order), direction, {}).ok());
        for (const bool continued : {false, true}) {
            const QMap<int, PlanStep> plan = queryPlan(m_temp.ward(), query.pageSql());
            const QString text = planText(plan);
            int residentSteps = 0;
            for (const PlanStep& step : plan) {
                if (step.detail.startsWith(u"SCAN r") || step.detail.startsWith(u"SEARCH r")) {
                    ++residentSteps;
                    const QString uses = u"USING INDEX " + index;
                    QVERIFY2(step.detail.endsWith(uses) || step.detail.contains(uses + u" "),
                             qPrintable(text));
                }
                if (step.detail.contains(u"TEMP B-TREE")) {
                    const QString parent = plan.value(step.parent).detail;
                    QVERIFY2(continued && (parent == u"LEFT" || parent == u"RIGHT"), qPrintable(text));
                }
            }
            QCOMPARE(residentSteps, continued ? 2 : 1);
            QList<ui::ResidentRow> rows;
            QVERIFY(query.next(50, rows).value());
            QCOMPARE(rows.size(), 50);
        }
    }

    void sortsByNameShowingNames()
    {
        ResidentTableModel model(m_temp.ward());
        model.sort(Column::NameColumn, Qt::DescendingOrder);
        while (model.canFetchMore({}))
            model.fetchMore({});
        QVERIFY(model.rowCount() > 1);
        for (int row = 1; row < model.rowCount(); ++row) {
            const QString above
                = VietnameseText::foldKey(model.index(row - 1, Column::NameColumn).data().toString());
            const QString below
                = VietnameseText::foldKey(model.index(row, Column::NameColumn).data().toString());
            QVERIFY2(compareText(above, below) >= 0, qPrintable(above + u" / "_qs + below));
        }
    }

    void ignoresTheHouseholdColumnForSorting()
    {
        ResidentTableModel model(m_temp.ward());
        model.sort(Column::VillageColumn, Qt::AscendingOrder);
        model.sort(Column::HouseholdColumn, Qt::DescendingOrder);
        QCOMPARE(model.sortColumn(), int(Column::VillageColumn));
        QCOMPARE(model.sortOrder(), Qt::AscendingOrder);
    }

    void filterNarrowsAndClearingRestores()
    {
        ResidentTableModel model(m_temp.ward());
        model.setPageSize(10);
        const int live = static_cast<int>(fetchAllIds(model).size());

        model.setFilter(u"Nguyễn Thị"_qs);
        QVERIFY(model.isSortApplied());
        const QStringList ids = fetchAllIds(model);
        const QSet<QString> expected = searchOracle(m_temp.ward(), u"nguyen thi"_qs);
        QVERIFY(!expected.isEmpty());
        QVERIFY(ids.size() < live);
        QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()), expected);
        QCOMPARE(model.matchCount(), qint64(expected.size()));
        // Sorted by name like the whole list, across pages of 10.
        QCOMPARE(ids,
                 expectedOrder(m_temp.ward(), Column::NameColumn, Qt::AscendingOrder,
                               [&](const Resident& r) { return expected.contains(r.id); }));
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(VietnameseText::foldKey(model.index(row, Column::NameColumn).data().toString())
                        .startsWith(u"nguyen thi"_qs));

        model.sort(Column::BirthDateColumn, Qt::DescendingOrder);
        QCOMPARE(fetchAllIds(model),
                 expectedOrder(m_temp.ward(), Column::BirthDateColumn, Qt::DescendingOrder,
                               [&](const Resident& r) { return expected.contains(r.id); }));

        model.setFilter(QString());
        QCOMPARE(model.matchCount(), -1);
        QCOMPARE(fetchAllIds(model).size(), live);
    }

    // "Not yet synced": exactly the live records whose changes the hub has not acknowledged,
    // in the list's order, across pages, with or without a search.
    void unsyncedFilterListsExactlyTheUnsyncedRecords()
    {
        // More records than ResidentPageQuery reads first and sorts: both plans are used.
        test::TempWard temp;
        const test::SampleWard sample = test::fillSampleWard(temp.ward(), 4500, 3);
        SqlConnection& db = temp.ward().connection();
        ResidentTableModel model(temp.ward());
        model.setPageSize(64);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        ui::ResidentFilters unsynced;
        unsynced.unsynced = true;
        // Nothing reached a hub yet: every live record is listed.
        model.setFilters(unsynced);
        const QSet<QString> live(sample.liveIds.cbegin(), sample.liveIds.cend());
        QCOMPARE(fetchAllIds(model),
                 expectedOrder(temp.ward(), Column::NameColumn, Qt::AscendingOrder,
                               [&](const Resident& r) { return live.contains(r.id); }));
        model.setPageSize(7);

        // The hub acknowledges everything; then some records are edited, one of them deleted.
        {
            SqlTransaction tx(db, ChangeCapture::Off);
            QVERIFY(db.exec(u"UPDATE outbox SET state = 'acked', device_seq = seq, global_seq = seq").ok());
            QVERIFY(UnsyncedRows(db).settle().ok());
            QVERIFY(tx.commit().ok());
        }
        model.refresh();
        QCOMPARE(fetchAllIds(model), QStringList());
        WardStore store(temp.ward());
        QSet<QString> edited;
        for (qsizetype i = 0; i < sample.liveIds.size(); i += 23) {
            Resident r = store.resident(sample.liveIds[i]).value();
            r.phone = QStringLiteral("0977%1").arg(i);
            QVERIFY(store.updateResident(r).ok());
            edited.insert(r.id);
        }
        QVERIFY(edited.size() > 10);
        const QString deleted = sample.liveIds[1];
        QVERIFY(store.softDeleteResident(deleted).ok());
        QCOMPARE(UnsyncedRows(db).countResidents().value(), qint64(edited.size()));

        model.refresh();
        QCOMPARE(fetchAllIds(model),
                 expectedOrder(temp.ward(), Column::NameColumn, Qt::AscendingOrder,
                               [&](const Resident& r) { return edited.contains(r.id); }));
        model.sort(Column::BirthDateColumn, Qt::DescendingOrder);
        QCOMPARE(fetchAllIds(model),
                 expectedOrder(temp.ward(), Column::BirthDateColumn, Qt::DescendingOrder,
                               [&](const Resident& r) { return edited.contains(r.id); }));

        // With a search: the unsynced ones among its matches.
        const Resident first = store.resident(*edited.cbegin()).value();
        const QString word = first.fullName.section(QLatin1Char(' '), -1);
        model.setFilter(word);
        const QSet<QString> matches = searchOracle(temp.ward(), word);
        const QStringList found = fetchAllIds(model);
        QVERIFY(found.contains(first.id));
        for (const QString& id : found)
            QVERIFY(edited.contains(id) && matches.contains(id));
        for (const QString& id : std::as_const(edited))
            QVERIFY(found.contains(id) == matches.contains(id));

        model.setFilter(QString());
        model.setFilters({});
        QCOMPARE(fetchAllIds(model).size(), sample.liveIds.size() - 1);
    }

    void filterFindsNothingForDeletedOnlyMatches()
    {
        WardStore store(m_temp.ward());
        const Resident gone = store.resident(m_sample.deletedIds.first()).value();
        const Resident merged = store.resident(m_sample.mergedIds.first()).value();
        ResidentTableModel model(m_temp.ward());
        model.setFilter(gone.sourceRef); // the source ref is indexed
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, 0).data(ResidentTableModel::IdRole).toString() != gone.id);
        model.setFilter(merged.sourceRef);
        for (int row = 0; row < model.rowCount(); ++row)
            QVERIFY(model.index(row, 0).data(ResidentTableModel::IdRole).toString() != merged.id);
    }

    void showsColumnsAsOfficersReadThem()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Household household;
        household.number = u"HK-0042"_qs;
        QVERIFY(store.insertHousehold(household).ok());
        Resident r;
        r.fullName = u"Lê Thị Ánh"_qs;
        r.birthDate = PartialDate::fromParts(1950);
        r.sex = Sex::Female;
        r.personalId = u"001150012345"_qs;
        r.village = u"Thôn Đông"_qs;
        r.householdId = household.id;
        r.status = ResidentStatus::Deceased;
        QVERIFY(store.insertResident(r).ok());

        ResidentTableModel model(temp.ward());
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.canFetchMore({}));
        auto cell = [&](int column) {
            return model.index(0, column).data().toString();
        };
        QCOMPARE(cell(Column::NameColumn), u"Lê Thị Ánh"_qs);
        QCOMPARE(cell(Column::BirthDateColumn), u"1950"_qs); // never an invented 01/01
        QCOMPARE(cell(Column::SexColumn), u"Female"_qs); // no translator installed here
        QCOMPARE(cell(Column::PersonalIdColumn), u"001150012345"_qs);
        QCOMPARE(cell(Column::VillageColumn), u"Thôn Đông"_qs);
        QCOMPARE(cell(Column::HouseholdColumn), u"HK-0042"_qs);
        QCOMPARE(cell(Column::StatusColumn), u"Deceased"_qs);
        QCOMPARE(model.headerData(Column::PersonalIdColumn, Qt::Horizontal).toString(), u"Personal ID"_qs);
    }

    void refreshShowsNewRecords()
    {
        test::TempWard temp;
        ResidentTableModel model(temp.ward());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.canFetchMore({}));
        Resident r;
        r.fullName = u"Trần Văn Nam"_qs;
        QVERIFY(WardStore(temp.ward()).insertResident(r).ok());
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
    }

    // More matches than the sorted-search limit: listed in record order, still complete.
    void broadSearchIsListedUnsortedButComplete()
    {
        test::TempWard temp;
        const auto sample
            = test::fillSampleWard(temp.ward(), ResidentTableModel::sortedSearchLimit + 1000, 7);
        // Every source reference ("S123") starts with an s.
        const QSet<QString> expected = searchOracle(temp.ward(), u"s"_qs);
        QVERIFY(expected.size() > ResidentTableModel::sortedSearchLimit);
        ResidentTableModel model(temp.ward());
        model.setPageSize(500);
        model.setFilter(u"s"_qs);
        QVERIFY(!model.isSortApplied());
        QCOMPARE(model.matchCount(), qint64(ResidentTableModel::sortedSearchLimit + 1));
        const QStringList ids = fetchAllIds(model);
        const QSet<QString> shown(ids.cbegin(), ids.cend());
        QCOMPARE(shown.size(), ids.size());
        QCOMPARE(shown, expected);
        for (const QString& id : sample.deletedIds + sample.mergedIds)
            QVERIFY(!shown.contains(id));

        model.setFilter(u"nguyen thi hoa"_qs);
        QVERIFY(model.isSortApplied());
    }
};

QTEST_MAIN(TestResidentTableModel)
#include "TestResidentTableModel.moc"
