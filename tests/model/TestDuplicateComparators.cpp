#include "DateComparator.h"
#include "MatchComparison.h"
#include "MatchFeatures.h"
#include "NameComparator.h"
#include "PairComparator.h"
#include "StringSimilarity.h"
#include "TempWard.h"
#include "VietnamesePhonetics.h"
#include "WardStore.h"

#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

Resident person(const QString& name, const PartialDate& birth = {}, const QString& id = {})
{
    Resident r;
    r.fullName = name;
    r.birthDate = birth;
    r.personalId = id;
    return r;
}

// A ward holding `residents` in order, and its features: record i is residents[i].
class Fixture
{
public:
    explicit Fixture(QList<Resident> residents)
    {
        WardStore store(m_temp.ward());
        for (Resident& r : residents) {
            if (!store.insertResident(r).ok())
                qFatal("insert failed");
        }
        auto loaded = MatchFeatures::load(m_temp.ward());
        if (!loaded.ok())
            qFatal("load failed");
        m_features.emplace(std::move(loaded.value()));
        m_comparator.emplace(*m_features);
    }
    [[nodiscard]] MatchComparison::Vector compare(int a, int b) const
    {
        return m_comparator->compare(m_features->records()[a], m_features->records()[b]);
    }
    [[nodiscard]] int level(int a, int b, MatchComparison::Id id) const { return compare(a, b).level[id]; }

private:
    test::TempWard m_temp;
    std::optional<MatchFeatures> m_features;
    std::optional<PairComparator> m_comparator;
};

} // namespace

class TestDuplicateComparators : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jaroWinkler()
    {
        // Reference values of Winkler (1990).
        QCOMPARE(qRound(StringSimilarity::jaroWinkler(u"martha", u"marhta") * 1000), 961);
        QCOMPARE(qRound(StringSimilarity::jaroWinkler(u"dwayne", u"duane") * 1000), 840);
        QCOMPARE(qRound(StringSimilarity::jaroWinkler(u"dixon", u"dicksonx") * 1000), 813);
        QCOMPARE(StringSimilarity::jaroWinkler(u"abc", u"abc"), 1.0);
        QCOMPARE(StringSimilarity::jaroWinkler(u"abc", u"xyz"), 0.0);
        QCOMPARE(StringSimilarity::jaroWinkler(u"", u"abc"), 0.0);
    }

    void editDistance()
    {
        QCOMPARE(StringSimilarity::editDistance(u"hung", u"hung"), 0);
        QCOMPARE(StringSimilarity::editDistance(u"hung", u"hugn"), 1); // adjacent transposition
        QCOMPARE(StringSimilarity::editDistance(u"hung", u"hu"), 2);
        QCOMPARE(StringSimilarity::editDistance(u"nguyen", u"tran", 2), 3); // stops past the limit
    }

    void digitSlips_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<int>("slip");
        using S = StringSimilarity::DigitSlip;
        QTest::newRow("equal") << "001085012345"
                               << "001085012345" << int(S::Equal);
        QTest::newRow("one digit") << "001085012345"
                                   << "001085012346" << int(S::OneSubstitution);
        QTest::newRow("adjacent swap") << "001085012345"
                                       << "001085013245" << int(S::AdjacentTransposition);
        QTest::newRow("two digits") << "001085012345"
                                    << "001085012399" << int(S::Other);
        QTest::newRow("distant swap") << "001085012345"
                                      << "501085012340" << int(S::Other);
        QTest::newRow("lengths") << "001085012345"
                                 << "00108501234" << int(S::Other);
    }
    void digitSlips()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(int, slip);
        QCOMPARE(int(StringSimilarity::digitSlip(a, b)), slip);
    }

    void personalIdLevels()
    {
        QCOMPARE(PairComparator::idLevel(u"001085012345", u"001085012345"), 0);
        QCOMPARE(PairComparator::idLevel(u"001085012345", u"001085012845"), 1);
        QCOMPARE(PairComparator::idLevel(u"001085012345", u"001085021345"), 1);
        QCOMPARE(PairComparator::idLevel(u"001085012345", u"036085999999"), 2);
    }

    void dialectKeys_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("same");
        QTest::newRow("l/n") << "lan"
                             << "nan" << true;
        QTest::newRow("s/x") << "suong"
                             << "xuong" << true;
        QTest::newRow("ch/tr") << "trung"
                               << "chung" << true;
        QTest::newRow("d/gi") << "giang"
                              << "dang" << true;
        QTest::newRow("r/d") << "rang"
                             << "dang" << true;
        QTest::newRow("final n/ng") << "thuan"
                                    << "thuang" << true;
        QTest::newRow("final t/c") << "phuc"
                                   << "phut" << true;
        QTest::newRow("nh stays") << "nhung"
                                  << "lung" << false;
        QTest::newRow("different") << "hung"
                                   << "dung" << false;
        QTest::newRow("final ch stays") << "bich"
                                        << "bit" << false;
    }
    void dialectKeys()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, same);
        QCOMPARE(VietnamesePhonetics::dialectKey(a) == VietnamesePhonetics::dialectKey(b), same);
    }

    void familyVariants()
    {
        QCOMPARE(VietnamesePhonetics::familyKey(u"huynh"), VietnamesePhonetics::familyKey(u"hoang"));
        QCOMPARE(VietnamesePhonetics::familyKey(u"vo"), VietnamesePhonetics::familyKey(u"vu"));
        QVERIFY(VietnamesePhonetics::familyKey(u"nguyen") != VietnamesePhonetics::familyKey(u"tran"));
        QVERIFY(VietnamesePhonetics::isGenderWord(u"van"));
        QVERIFY(VietnamesePhonetics::isGenderWord(u"thi"));
        QVERIFY(!VietnamesePhonetics::isGenderWord(u"minh"));
    }

    void dates_data()
    {
        QTest::addColumn<QList<int>>("a");
        QTest::addColumn<QList<int>>("b");
        QTest::addColumn<int>("level");
        using D = DateComparator;
        QTest::newRow("exact") << QList<int>{1985, 6, 15} << QList<int>{1985, 6, 15} << int(D::Exact);
        QTest::newRow("day/month swapped")
            << QList<int>{1985, 5, 6} << QList<int>{1985, 6, 5} << int(D::DayMonthSwapped);
        QTest::newRow("year digit") << QList<int>{1985, 6, 15} << QList<int>{1986, 6, 15} << int(D::OneDigit);
        QTest::newRow("day digits swapped")
            << QList<int>{1985, 6, 12} << QList<int>{1985, 6, 21} << int(D::OneDigit);
        QTest::newRow("year only, same")
            << QList<int>{1950, 0, 0} << QList<int>{1950, 3, 2} << int(D::Partial);
        QTest::newRow("both year only")
            << QList<int>{1950, 0, 0} << QList<int>{1950, 0, 0} << int(D::Partial);
        QTest::newRow("01/01 imputed")
            << QList<int>{1950, 1, 1} << QList<int>{1950, 9, 23} << int(D::Partial);
        QTest::newRow("same year") << QList<int>{1985, 2, 3} << QList<int>{1985, 9, 27} << int(D::SameYear);
        QTest::newRow("year transposed")
            << QList<int>{1985, 2, 3} << QList<int>{1958, 9, 27} << int(D::NearYear);
        QTest::newRow("year next") << QList<int>{1985, 2, 3} << QList<int>{1986, 9, 27} << int(D::NearYear);
        QTest::newRow("decade digit")
            << QList<int>{1981, 2, 3} << QList<int>{1989, 9, 27} << int(D::NearYear);
        QTest::newRow("three years") << QList<int>{1988, 2, 3} << QList<int>{1991, 9, 27}
                                     << int(D::Different);
        QTest::newRow("a generation") << QList<int>{1956, 2, 3} << QList<int>{2016, 9, 27} << int(D::Far);
        QTest::newRow("unknown") << QList<int>{0, 0, 0} << QList<int>{1985, 1, 2} << -1;
    }
    void dates()
    {
        QFETCH(QList<int>, a);
        QFETCH(QList<int>, b);
        QFETCH(int, level);
        QCOMPARE(DateComparator::level(a[0], a[1], a[2], b[0], b[1], b[2]), level);
        QCOMPARE(DateComparator::level(b[0], b[1], b[2], a[0], a[1], a[2]), level);
    }

    void names()
    {
        const Fixture f({
            person(QStringLiteral("Nguyễn Văn Lâm")), // 0
            person(QStringLiteral("Nguyen Van Lam")), // 1: accents dropped
            person(QStringLiteral("Nguyễn Văn Nâm")), // 2: l/n slip
            person(QStringLiteral("Nguyễn Lâm")), // 3: "Văn" dropped
            person(QStringLiteral("Huỳnh Thị Thủy")), // 4
            person(QStringLiteral("Hoàng Thị Thuỷ")), // 5: Huỳnh/Hoàng, tone placement
            person(QStringLiteral("Hoàng Thị Thũy")), // 6: hỏi/ngã
            person(QStringLiteral("Lâm Nguyễn")), // 7: written given name first
            person(QStringLiteral("Lâm")), // 8: one word
            person(QStringLiteral("Nguyễn Văn Dũng")), // 9: another name
            person(QStringLiteral("NGUYỄN VĂN LÂM")), // 10: upper case
            person(QStringLiteral("Nguyễn Văn Lâmm")), // 11: a letter typed twice
            person(QStringLiteral("Nguyễn Hữu Lâm")), // 12: another middle name
            person(QStringLiteral("Trần Thị Mai Thủy")), // 13
            person(QStringLiteral("Trần Thị Thủy")), // 14
        });
        QCOMPARE(f.level(0, 10, MatchComparison::GivenName), int(NameComparator::Exact));
        QCOMPARE(f.level(0, 10, MatchComparison::FamilyName), 0);
        QCOMPARE(f.level(0, 10, MatchComparison::MiddleName), 0);
        QCOMPARE(f.level(0, 1, MatchComparison::GivenName), int(NameComparator::Accent));
        QCOMPARE(f.level(0, 1, MatchComparison::FamilyName), 1);
        QCOMPARE(f.level(0, 2, MatchComparison::GivenName), int(NameComparator::Dialect));
        QCOMPARE(f.level(0, 3, MatchComparison::MiddleName), 1); // gender word dropped
        QCOMPARE(f.level(0, 3, MatchComparison::GivenName), int(NameComparator::Exact));
        QCOMPARE(f.level(0, 12, MatchComparison::MiddleName), 3);
        QCOMPARE(f.level(3, 12, MatchComparison::MiddleName), 2); // one has none
        QCOMPARE(f.level(13, 14, MatchComparison::MiddleName), 2); // "Mai" left out
        QCOMPARE(f.level(14, 4, MatchComparison::MiddleName), 0);
        QCOMPARE(f.level(4, 5, MatchComparison::FamilyName), 1); // Huỳnh/Hoàng
        QCOMPARE(f.level(4, 5, MatchComparison::GivenName), int(NameComparator::Exact)); // tone placement
        QCOMPARE(f.level(5, 6, MatchComparison::GivenName), int(NameComparator::Accent)); // hỏi/ngã
        QCOMPARE(f.level(0, 11, MatchComparison::GivenName), int(NameComparator::Similar));
        QCOMPARE(f.level(0, 9, MatchComparison::GivenName), int(NameComparator::Different));
        const auto reversed = f.compare(3, 7);
        QVERIFY(reversed.swappedNames);
        QCOMPARE(int(reversed.level[MatchComparison::GivenName]), int(NameComparator::Exact));
        QCOMPARE(int(reversed.level[MatchComparison::FamilyName]), 0);
        const auto single = f.compare(8, 0);
        QCOMPARE(int(single.level[MatchComparison::GivenName]), int(NameComparator::Exact));
        QCOMPARE(int(single.level[MatchComparison::FamilyName]), -1);
        QCOMPARE(int(single.level[MatchComparison::MiddleName]), -1);
    }

    void idsAndDatesOfRecords()
    {
        const PartialDate birth = PartialDate::fromParts(1985, 6, 5);
        const Fixture f({
            person(QStringLiteral("Trần An"), birth, QStringLiteral("001085012345")),
            person(QStringLiteral("Trần An"), PartialDate::fromParts(1985, 5, 6),
                   QStringLiteral("001085012346")),
            person(QStringLiteral("Trần An"), birth, QStringLiteral("036085999999")), // another ID, same year
            person(QStringLiteral("Trần An"), birth, QStringLiteral("036190999999")), // another person's ID
            person(QStringLiteral("Trần An"), PartialDate::fromParts(1985),
                   QStringLiteral("001 085 012 345")),
        });
        QCOMPARE(f.level(0, 1, MatchComparison::PersonalId), 1);
        QCOMPARE(f.level(0, 1, MatchComparison::BirthDate), int(DateComparator::DayMonthSwapped));
        QCOMPARE(f.level(0, 2, MatchComparison::PersonalId), 2);
        QCOMPARE(f.level(0, 3, MatchComparison::PersonalId), 3);
        QCOMPARE(f.level(0, 4, MatchComparison::PersonalId), 0); // spaces do not matter
        QCOMPARE(f.level(0, 4, MatchComparison::BirthDate), int(DateComparator::Partial));
        QCOMPARE(f.level(0, 0, MatchComparison::Father), -1); // nothing to compare
    }

    void twins()
    {
        Resident a = person(QStringLiteral("Phạm Minh Tuấn"), PartialDate::fromParts(2010, 3, 4));
        a.fatherName = QStringLiteral("Phạm Văn Hải");
        a.motherName = QStringLiteral("Đỗ Thị Mai");
        a.personalId = QStringLiteral("001210000001");
        Resident b = a;
        b.fullName = QStringLiteral("Phạm Minh Tú");
        b.personalId = QStringLiteral("001210000077");
        Resident typo = a;
        typo.fullName = QStringLiteral("Phạm Minh Ttuấn"); // a slip, not a name
        typo.personalId.clear();
        Resident sameId = b;
        sameId.personalId = a.personalId;
        const Fixture f(
            {a, b, typo, sameId, person(QStringLiteral("Lê Tú")), person(QStringLiteral("Vũ Tuấn"))});
        QVERIFY(f.compare(0, 1).twins);
        QVERIFY(!f.compare(0, 2).twins);
        QVERIFY(!f.compare(0, 3).twins); // one ID is one person
    }
};

QTEST_GUILESS_MAIN(TestDuplicateComparators)
#include "TestDuplicateComparators.moc"
