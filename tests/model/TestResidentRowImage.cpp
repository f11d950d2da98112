#include "CsvExporter.h"
#include "ResidentRowImage.h"
#include "SqlConnection.h"
#include "TempWard.h"
#include "VietnameseText.h"
#include "WardStore.h"

#include <QTest>
#include <thread>
#include <vector>

using namespace wardroll;
using namespace wardroll::model;

namespace {

// The stored value of `column` of the resident `id`, with its SQL type: "text:…", "integer:…"
// or "null".
QString stored(test::TempWard& temp, const QString& id, const QString& column)
{
    auto stmt = temp.ward().connection().prepare(
        QStringLiteral("SELECT typeof(%1), %1 FROM residents WHERE id = ?").arg(column));
    if (!stmt.ok())
        return QStringLiteral("error: ") + stmt.error().detail;
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row.ok() || !row.value())
        return QStringLiteral("missing");
    const QString type = stmt->text(0);
    return type == u"null" ? type : type + QLatin1Char(':') + stmt->text(1);
}

Resident sparseResident()
{
    Resident r;
    r.fullName = QStringLiteral("  Ðỗ Thị Hoà ");
    r.birthDate = PartialDate::parse(QStringLiteral("../../1950"));
    r.deathDate = PartialDate::parse(QStringLiteral("31/02/2020"));
    r.status = ResidentStatus::Deceased;
    r.personalId = QStringLiteral("03815000123A");
    r.currentAddress.village = QStringLiteral("Thôn Đông");
    return r;
}

} // namespace

class TestResidentRowImage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A bulk import makes the image on its reader thread; the row must hold what the columns'
    // rules say, whatever thread encoded it.
    void anImageMadeOnAnotherThreadStoresTheColumnsRules()
    {
        test::TempWard temp;
        Resident r = sparseResident();
        ResidentRowImage image;
        std::thread([&] { image = ResidentRowImage::of(r); }).join();
        WardStore store(temp.ward());
        QVERIFY(store.insertResident(r, &image).ok());

        // Nullable text is NULL when empty; NOT NULL text is '' when empty.
        QCOMPARE(stored(temp, r.id, u"source_ref"_qs), u"null"_qs);
        QCOMPARE(stored(temp, r.id, u"sex"_qs), u"null"_qs);
        QCOMPARE(stored(temp, r.id, u"merged_into"_qs), u"null"_qs);
        QCOMPARE(stored(temp, r.id, u"household_id"_qs), u"null"_qs);
        QCOMPARE(stored(temp, r.id, u"other_names"_qs), u"text:"_qs);
        QCOMPARE(stored(temp, r.id, u"current_unit_code"_qs), u"text:"_qs);
        QCOMPARE(stored(temp, r.id, u"current_village"_qs), u"text:Thôn Đông"_qs);
        QCOMPARE(stored(temp, r.id, u"full_name"_qs), u"text:" + r.fullName);
        QCOMPARE(stored(temp, r.id, u"personal_id"_qs), u"text:03815000123A"_qs);
        QCOMPARE(stored(temp, r.id, u"status"_qs), u"text:deceased"_qs);
        // A year-only date keeps its precision; an impossible one keeps its text.
        QCOMPARE(stored(temp, r.id, u"birth_date_raw"_qs), u"text:../../1950"_qs);
        QCOMPARE(stored(temp, r.id, u"birth_year"_qs), u"integer:1950"_qs);
        QCOMPARE(stored(temp, r.id, u"birth_month"_qs), u"null"_qs);
        QCOMPARE(stored(temp, r.id, u"death_date_raw"_qs), u"text:31/02/2020"_qs);
        QCOMPARE(stored(temp, r.id, u"name_key"_qs), u"text:" + VietnameseText::foldKey(r.fullName));
        QCOMPARE(stored(temp, r.id, u"search_text"_qs), u"text:" + WardStore::searchText(r));
        QCOMPARE(QString::fromUtf8(image.searchText()), WardStore::searchText(r));
        // The writer's own columns are not the image's.
        QCOMPARE(stored(temp, r.id, u"id"_qs), u"text:" + r.id);
        QCOMPARE(stored(temp, r.id, u"created_at"_qs), u"integer:" + QString::number(r.createdAt));
    }

    // The same resident stored through an image and through WardStore's own path reads back the
    // same, field for field.
    void bothPathsStoreTheSameRecord()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        Resident direct = sparseResident();
        direct.sourceRef = u"A-1"_qs;
        direct.sex = Sex::Female;
        Resident imaged = direct;
        imaged.sourceRef = u"A-2"_qs;
        const ResidentRowImage image = ResidentRowImage::of(imaged);
        QVERIFY(store.insertResident(direct).ok());
        QVERIFY(store.insertResident(imaged, &image).ok());
        auto a = store.resident(direct.id);
        auto b = store.resident(imaged.id);
        QVERIFY(a.ok() && b.ok());
        QCOMPARE(b.value().sourceRef, u"A-2"_qs);
        auto left = CsvExporter::values(a.value(), {});
        auto right = CsvExporter::values(b.value(), {});
        QCOMPARE(right[int(CsvFieldMap::Field::SourceRef)], u"A-2"_qs);
        right[int(CsvFieldMap::Field::SourceRef)] = left[int(CsvFieldMap::Field::SourceRef)];
        for (size_t i = 0; i < left.size(); ++i)
            QCOMPARE(right[i], left[i]);
        for (const QString& column : {u"name_key"_qs, u"search_text"_qs, u"other_names"_qs, u"sex"_qs,
                                      u"birth_month"_qs, u"death_year"_qs, u"import_raw"_qs}) {
            QCOMPARE(stored(temp, imaged.id, column).replace(u"a-2"_qs, u"a-1"_qs),
                     stored(temp, direct.id, column));
        }
    }

    // Images are moved around in batches: they hold offsets, not pointers into themselves.
    void anImageStillBindsAfterBeingMoved()
    {
        test::TempWard temp;
        WardStore store(temp.ward());
        std::vector<Resident> residents;
        std::vector<ResidentRowImage> images;
        for (int i = 0; i < 40; ++i) {
            Resident r = sparseResident();
            r.fullName = u"Nguyễn Văn Số %1"_qs.arg(i);
            residents.push_back(r);
            images.push_back(ResidentRowImage::of(r)); // reallocates, moving the earlier ones
        }
        for (size_t i = 0; i < residents.size(); ++i)
            QVERIFY(store.insertResident(residents[i], &images[i]).ok());
        for (const Resident& r : residents)
            QCOMPARE(stored(temp, r.id, u"full_name"_qs), u"text:" + r.fullName);
    }
};

QTEST_GUILESS_MAIN(TestResidentRowImage)
#include "TestResidentRowImage.moc"
