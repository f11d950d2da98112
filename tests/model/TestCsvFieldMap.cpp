#include "CsvFieldMap.h"

#include <QTest>

using namespace wardroll::model;
using Field = CsvFieldMap::Field;

Q_DECLARE_METATYPE(CsvFieldMap::Field)

class TestCsvFieldMap : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void headers_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<Field>("field");
        const std::pair<const char*, Field> labels[] = {
            {"Mã nguồn", Field::SourceRef},
            {"Họ và tên", Field::FullName},
            {"HỌ VÀ TÊN", Field::FullName},
            {"ho va ten", Field::FullName},
            {"  Họ và tên  ", Field::FullName},
            {"Tên gọi khác", Field::OtherNames},
            {"Ngày sinh", Field::BirthDate},
            {"Giới tính", Field::Sex},
            {"Số định danh cá nhân", Field::PersonalId},
            {"CCCD", Field::PersonalId},
            {"Số CMND", Field::OldId},
            {"Nơi sinh", Field::BirthPlace},
            {"Nơi đăng ký khai sinh", Field::BirthRegistrationPlace},
            {"Quê quán", Field::Hometown},
            {"Dân tộc", Field::Ethnicity},
            {"Tôn giáo", Field::Religion},
            {"Quốc tịch", Field::Nationality},
            {"Tình trạng hôn nhân", Field::MaritalStatus},
            {"Nơi thường trú", Field::PermanentAddress},
            {"Nơi tạm trú", Field::TemporaryAddress},
            {"Nơi ở hiện tại", Field::CurrentAddress},
            {"Thôn/Tổ dân phố", Field::Village},
            {"THON / TO DAN PHO", Field::Village},
            {"Mã hộ", Field::HouseholdRef},
            {"Quan hệ với chủ hộ", Field::RelationToHead},
            {"Họ tên cha", Field::FatherName},
            {"Số định danh cha", Field::FatherId},
            {"Họ tên mẹ", Field::MotherName},
            {"Số định danh mẹ", Field::MotherId},
            {"Họ tên vợ/chồng", Field::SpouseName},
            {"Số định danh vợ/chồng", Field::SpouseId},
            {"Số điện thoại", Field::Phone},
            {"Email", Field::Email},
            {"Trạng thái", Field::Status},
            {"Ngày mất", Field::DeathDate},
            {"household_ref", Field::HouseholdRef},
            {"BIRTH_REGISTRATION_PLACE", Field::BirthRegistrationPlace},
        };
        for (const auto& [label, field] : labels)
            QTest::newRow(label) << QString::fromUtf8(label) << field;
    }
    void headers()
    {
        QFETCH(QString, header);
        QFETCH(Field, field);
        QCOMPARE(CsvFieldMap::fieldForHeader(header), std::optional<Field>(field));
    }

    void everyCanonicalNameIsRecognised()
    {
        const QStringList& names = CsvFieldMap::canonicalNames();
        QCOMPARE(names.size(), CsvFieldMap::fieldCount);
        for (int i = 0; i < CsvFieldMap::fieldCount; ++i)
            QCOMPARE(CsvFieldMap::fieldForHeader(names[i]), std::optional<Field>(static_cast<Field>(i)));
    }

    void unknownAndAmbiguousHeadersAreNotGuessed()
    {
        QVERIFY(!CsvFieldMap::fieldForHeader(u"Ghi chú").has_value());
        QVERIFY(!CsvFieldMap::fieldForHeader(u"Quan hệ").has_value());
        QVERIFY(!CsvFieldMap::fieldForHeader(u"").has_value());
    }

    void templatesCollapseSpacesLeftByEmptyColumns()
    {
        const QStringList header{u"rec_id"_qs, u" surname"_qs, u" given_name"_qs, u"note"_qs};
        auto map = CsvFieldMap::build(header,
                                      {u"full_name={surname} {given_name}"_qs,
                                       u"source_ref=FEBRL:{rec_id}"_qs, u"other_names={{{note}}}"_qs});
        QVERIFY(map.ok());
        QCOMPARE(map->value(Field::FullName, {u"r1"_qs, u" smith"_qs, u" "_qs, QString()}), u"smith"_qs);
        QCOMPARE(map->value(Field::FullName, {u"r1"_qs, u" "_qs, u" jo"_qs, QString()}), u"jo"_qs);
        QCOMPARE(map->value(Field::FullName, {u"r1"_qs, u"smith "_qs, u" jo "_qs, QString()}),
                 u"smith jo"_qs);
        QCOMPARE(map->value(Field::SourceRef, {u"r1"_qs, QString(), QString(), QString()}), u"FEBRL:r1"_qs);
        QCOMPARE(map->value(Field::OtherNames, {u"r1"_qs, QString(), QString(), u"x"_qs}), u"{x}"_qs);
        QVERIFY(map->ignoredColumns().isEmpty());
        QVERIFY(!map->has(Field::BirthDate));
        QVERIFY(map->value(Field::BirthDate, {u"r1"_qs, QString(), QString(), QString()}).isEmpty());
    }

    void templateOverridesHeaderAndFirstColumnWins()
    {
        const QStringList header{u"full_name"_qs, u"Họ và tên"_qs, u"ten"_qs, u""_qs};
        auto plain = CsvFieldMap::build(header);
        QVERIFY(plain.ok());
        QCOMPARE(plain->value(Field::FullName, {u"A"_qs, u"B"_qs, u"C"_qs, QString()}), u"A"_qs);
        QCOMPARE(plain->ignoredColumns(),
                 (QStringList{u"Họ và tên"_qs, u"ten"_qs, u"(column 4, no name)"_qs}));

        auto mapped = CsvFieldMap::build(header, {u"full_name={ten}"_qs});
        QVERIFY(mapped.ok());
        QCOMPARE(mapped->value(Field::FullName, {u"A"_qs, u"B"_qs, u"C"_qs, QString()}), u"C"_qs);
        QCOMPARE(mapped->ignoredColumns(),
                 (QStringList{u"full_name"_qs, u"Họ và tên"_qs, u"(column 4, no name)"_qs}));
    }

    void templateColumnsMatchLikeHeaders()
    {
        auto map = CsvFieldMap::build({u"HỌ TÊN CHA"_qs}, {u"father_name={ho ten cha}"_qs});
        QVERIFY(map.ok());
        QCOMPARE(map->value(Field::FatherName, {u"Lê Văn Cha"_qs}), u"Lê Văn Cha"_qs);
    }

    void badMaps_data()
    {
        QTest::addColumn<QString>("map");
        QTest::newRow("no equals") << u"full_name"_qs;
        QTest::newRow("empty field") << u"={a}"_qs;
        QTest::newRow("unknown field") << u"shoe_size={a}"_qs;
        QTest::newRow("unknown column") << u"full_name={b}"_qs;
        QTest::newRow("unclosed") << u"full_name={a"_qs;
        QTest::newRow("stray close") << u"full_name=a}"_qs;
        QTest::newRow("empty template") << u"full_name="_qs;
    }
    void badMaps()
    {
        QFETCH(QString, map);
        auto built = CsvFieldMap::build({u"a"_qs}, {map});
        QVERIFY(!built.ok());
        QCOMPARE(built.error().kind, wardroll::model::Error::Kind::InvalidInput);
        QVERIFY(!built.error().message.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCsvFieldMap)
#include "TestCsvFieldMap.moc"
