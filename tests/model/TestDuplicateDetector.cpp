#include "DemoWardGenerator.h"
#include "DuplicateDetector.h"
#include "TempWard.h"
#include "WardStore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

Resident person(const QString& ref, const QString& name, const PartialDate& birth, Sex sex, const QString& id)
{
    Resident r;
    r.sourceRef = ref;
    r.fullName = name;
    r.birthDate = birth;
    r.sex = sex;
    r.personalId = id;
    r.hometown = QStringLiteral("Xã Giao Thủy, Huyện Giao Thủy, Tỉnh Nam Định");
    r.ethnicity = QStringLiteral("Kinh");
    return r;
}

// A demo ward (for realistic frequencies to estimate from) plus hand-made pairs.
class Ward
{
public:
    explicit Ward(int demoResidents = 1500)
    {
        if (demoResidents > 0) {
            DemoWardGenerator::Options options;
            options.residents = demoResidents;
            options.seed = 7;
            if (!DemoWardGenerator(options).generate(m_temp.ward()).ok())
                qFatal("demo ward failed");
        }
    }
    Resident& add(Resident r)
    {
        WardStore store(m_temp.ward());
        if (!store.insertResident(r).ok())
            qFatal("insert failed");
        m_added.insert(r.sourceRef, r);
        return m_added[r.sourceRef];
    }
    [[nodiscard]] QString id(const QString& ref) const { return m_added.value(ref).id; }
    WardDatabase& ward() { return m_temp.ward(); }
    DuplicateDetector::Report detect(DuplicateDetector::Options options = {})
    {
        auto report = DuplicateDetector(m_temp.ward()).run(options);
        if (!report.ok())
            qFatal("%s", qPrintable(report.error().toString()));
        return std::move(report.value());
    }

private:
    test::TempWard m_temp;
    QHash<QString, Resident> m_added;
};

bool sameProbableCluster(const DuplicateDetector::Report& report, const QString& a, const QString& b)
{
    for (const QStringList& cluster : report.probableClusters) {
        if (cluster.contains(a) && cluster.contains(b))
            return true;
    }
    return false;
}

const Finding* findingFor(const DuplicateDetector::Report& report, const QString& a, const QString& b)
{
    for (const Finding& f : report.findings) {
        if ((f.residentId == a && f.otherResidentId == b) || (f.residentId == b && f.otherResidentId == a))
            return &f;
    }
    return nullptr;
}

QJsonObject fieldOf(const Finding& finding, const QString& field)
{
    const QJsonArray fields
        = QJsonDocument::fromJson(finding.details.toUtf8()).object().value(u"fields").toArray();
    for (const QJsonValue& v : fields) {
        if (v.toObject().value(u"field").toString() == field)
            return v.toObject();
    }
    return {};
}

} // namespace

class TestDuplicateDetector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emptyAndSingleWards()
    {
        Ward ward(0);
        auto report = ward.detect();
        QCOMPARE(report.residents, 0);
        QVERIFY(report.findings.isEmpty());
        ward.add(person(QStringLiteral("A"), QStringLiteral("Lê Văn An"), PartialDate::fromParts(1980),
                        Sex::Male, {}));
        report = ward.detect();
        QCOMPARE(report.residents, 1);
        QVERIFY(report.probableClusters.isEmpty());
    }

    void findsVietnameseSlipsAndKeepsTwinsApart()
    {
        Ward ward;
        const auto d = [](int y, int m, int day) {
            return PartialDate::fromParts(y, m, day);
        };
        // l/n slip, same ID, moved elsewhere.
        ward.add(person(QStringLiteral("L1"), QStringLiteral("Nguyễn Văn Lâm"), d(1985, 3, 12), Sex::Male,
                        QStringLiteral("036085001234")));
        Resident l2 = person(QStringLiteral("L2"), QStringLiteral("Nguyễn Văn Nâm"), d(1985, 3, 12),
                             Sex::Male, QStringLiteral("036085001234"));
        l2.hometown.clear();
        ward.add(l2);
        // "Thị" dropped, day and month swapped, one digit of the ID mistyped.
        ward.add(person(QStringLiteral("H1"), QStringLiteral("Trần Thị Thu Hương"), d(1990, 4, 7),
                        Sex::Female, QStringLiteral("036190004321")));
        ward.add(person(QStringLiteral("H2"), QStringLiteral("Trần Thu Hương"), d(1990, 7, 4), Sex::Female,
                        QStringLiteral("036190004391")));
        // Huỳnh/Hoàng, no ID on one side, same parents; accents dropped; and a third copy.
        Resident t1 = person(QStringLiteral("T1"), QStringLiteral("Huỳnh Minh Tâm"), d(1978, 11, 2),
                             Sex::Male, QStringLiteral("036078009876"));
        t1.fatherName = QStringLiteral("Huỳnh Văn Đức");
        t1.motherName = QStringLiteral("Lê Thị Mơ");
        ward.add(t1);
        Resident t2 = t1;
        t2.sourceRef = QStringLiteral("T2");
        t2.id.clear();
        t2.fullName = QStringLiteral("Hoàng Minh Tâm");
        t2.personalId.clear();
        ward.add(t2);
        Resident t3 = t1;
        t3.sourceRef = QStringLiteral("T3");
        t3.id.clear();
        t3.fullName = QStringLiteral("Huynh Minh Tam");
        ward.add(t3);
        // Twins: same parents, birth date and household, other given names (both real names).
        Resident tw1 = person(QStringLiteral("W1"), QStringLiteral("Phạm Minh Tuấn"), d(2010, 5, 20),
                              Sex::Male, QStringLiteral("036210005555"));
        tw1.fatherName = QStringLiteral("Phạm Văn Hải");
        tw1.motherName = QStringLiteral("Đỗ Thị Mai");
        ward.add(tw1);
        Resident tw2 = tw1;
        tw2.sourceRef = QStringLiteral("W2");
        tw2.id.clear();
        tw2.fullName = QStringLiteral("Phạm Minh Hùng");
        tw2.personalId = QStringLiteral("036210007777");
        ward.add(tw2);
        ward.add(person(QStringLiteral("X1"), QStringLiteral("Vũ Văn Tuấn"), d(1970, 1, 2), Sex::Male, {}));
        ward.add(person(QStringLiteral("X2"), QStringLiteral("Lý Văn Hùng"), d(1971, 1, 2), Sex::Male, {}));

        const auto report = ward.detect();
        QVERIFY(sameProbableCluster(report, ward.id(QStringLiteral("L1")), ward.id(QStringLiteral("L2"))));
        QVERIFY(sameProbableCluster(report, ward.id(QStringLiteral("H1")), ward.id(QStringLiteral("H2"))));
        QVERIFY(sameProbableCluster(report, ward.id(QStringLiteral("T1")), ward.id(QStringLiteral("T2"))));
        QVERIFY(sameProbableCluster(report, ward.id(QStringLiteral("T1")), ward.id(QStringLiteral("T3"))));
        QVERIFY(!sameProbableCluster(report, ward.id(QStringLiteral("W1")), ward.id(QStringLiteral("W2"))));
        QVERIFY(!findingFor(report, ward.id(QStringLiteral("W1")), ward.id(QStringLiteral("W2"))));
        QVERIFY(report.twinPairs >= 1);
        for (const QStringList& cluster : report.probableClusters) {
            if (cluster.contains(ward.id(QStringLiteral("T1"))))
                QCOMPARE(cluster.size(), 3);
        }

        // Why flagged: field by field, both values, level and weight.
        const Finding* lam = findingFor(report, ward.id(QStringLiteral("L1")), ward.id(QStringLiteral("L2")));
        QVERIFY(lam);
        QCOMPARE(lam->rule, QStringLiteral("dup.probable"));
        const QJsonObject given = fieldOf(*lam, QStringLiteral("given_name"));
        QCOMPARE(given.value(u"level").toString(), QStringLiteral("dialect"));
        QSet<QString> values{given.value(u"a").toString(), given.value(u"b").toString()};
        QCOMPARE(values, (QSet<QString>{QStringLiteral("Lâm"), QStringLiteral("Nâm")}));
        QVERIFY(given.value(u"weight").isDouble());
        QCOMPARE(fieldOf(*lam, QStringLiteral("personal_id")).value(u"level").toString(),
                 QStringLiteral("exact"));
        QVERIFY(fieldOf(*lam, QStringLiteral("hometown")).isEmpty()); // missing on one side
        QVERIFY(lam->message.contains(QStringLiteral("Nguyễn Văn Lâm")));
        QVERIFY(lam->message.contains(QStringLiteral("L2")));
        QVERIFY(lam->fields.contains(QStringLiteral("personal_id")));
        QVERIFY(!lam->fingerprint.isEmpty());
        QVERIFY(lam->score >= DuplicateDetector::defaultProbableThreshold);

        const Finding* huong
            = findingFor(report, ward.id(QStringLiteral("H1")), ward.id(QStringLiteral("H2")));
        QVERIFY(huong);
        QCOMPARE(fieldOf(*huong, QStringLiteral("birth_date")).value(u"level").toString(),
                 QStringLiteral("day_month_swapped"));
        QCOMPARE(fieldOf(*huong, QStringLiteral("middle_name")).value(u"level").toString(),
                 QStringLiteral("gender_word"));
        QCOMPARE(fieldOf(*huong, QStringLiteral("personal_id")).value(u"level").toString(),
                 QStringLiteral("one_digit"));
        const Finding* tam = findingFor(report, ward.id(QStringLiteral("T1")), ward.id(QStringLiteral("T2")));
        QVERIFY(tam);
        QCOMPARE(fieldOf(*tam, QStringLiteral("family_name")).value(u"level").toString(),
                 QStringLiteral("variant"));

        // Ranked by score; pages are slices of that ranking.
        for (qsizetype i = 1; i < report.findings.size(); ++i)
            QVERIFY(report.findings[i - 1].score >= report.findings[i].score);
        const QList<Finding> page = report.page(1, 2);
        QCOMPARE(page.size(), 2);
        QCOMPARE(page.front().fingerprint, report.findings[1].fingerprint);
        // Every clustered id has its reference.
        for (const QStringList& cluster : report.probableClusters) {
            for (const QString& id : cluster)
                QVERIFY(report.references.contains(id));
        }
        QCOMPARE(report.references.value(ward.id(QStringLiteral("L1"))), QStringLiteral("L1"));
    }

    void fingerprintFollowsTheRecords()
    {
        Ward ward;
        Resident& a = ward.add(person(QStringLiteral("F1"), QStringLiteral("Đặng Thị Xuân"),
                                      PartialDate::fromParts(1966, 8, 9), Sex::Female,
                                      QStringLiteral("036166001111")));
        ward.add(person(QStringLiteral("F2"), QStringLiteral("Đặng Thị Suân"),
                        PartialDate::fromParts(1966, 8, 9), Sex::Female, QStringLiteral("036166001111")));
        const auto first = ward.detect();
        const auto second = ward.detect();
        const Finding* f1 = findingFor(first, ward.id(QStringLiteral("F1")), ward.id(QStringLiteral("F2")));
        const Finding* f2 = findingFor(second, ward.id(QStringLiteral("F1")), ward.id(QStringLiteral("F2")));
        QVERIFY(f1 && f2);
        QCOMPARE(f1->fingerprint, f2->fingerprint);
        QCOMPARE(f1->details, f2->details);
        a.phone = QStringLiteral("0912000111");
        WardStore store(ward.ward());
        QVERIFY(store.updateResident(a).ok());
        const auto third = ward.detect();
        const Finding* f3 = findingFor(third, ward.id(QStringLiteral("F1")), ward.id(QStringLiteral("F2")));
        QVERIFY(f3);
        QVERIFY(f3->fingerprint != f1->fingerprint);
    }

    void worksWithPartialColumns()
    {
        // Only names and birth dates, as an old spreadsheet would have: still found, and the
        // absent fields say nothing.
        Ward ward(0);
        const QStringList family = {QStringLiteral("Nguyễn"), QStringLiteral("Trần"), QStringLiteral("Lê"),
                                    QStringLiteral("Phạm"),   QStringLiteral("Vũ"),   QStringLiteral("Đỗ")};
        const QStringList given = {QStringLiteral("An"),    QStringLiteral("Bình"),  QStringLiteral("Cường"),
                                   QStringLiteral("Dũng"),  QStringLiteral("Giang"), QStringLiteral("Hà"),
                                   QStringLiteral("Khánh"), QStringLiteral("Long"),  QStringLiteral("Minh")};
        int n = 0;
        for (const QString& f : family) {
            for (const QString& g : given) {
                Resident r;
                r.sourceRef = QStringLiteral("P%1").arg(++n);
                r.fullName = f + QStringLiteral(" Văn ") + g;
                r.birthDate = PartialDate::fromParts(1950 + n % 40, 1 + n % 12, 1 + n % 28);
                ward.add(r);
            }
        }
        Resident copy;
        copy.sourceRef = QStringLiteral("COPY");
        copy.fullName = QStringLiteral("Pham Van Dung"); // P31 (Phạm Văn Dũng) without accents
        copy.birthDate = PartialDate::fromParts(1950 + 31 % 40, 1 + 31 % 12, 1 + 31 % 28);
        ward.add(copy);
        const auto report = ward.detect();
        QCOMPARE(report.residents, qint64(n + 1));
        const Finding* f
            = findingFor(report, ward.id(QStringLiteral("P31")), ward.id(QStringLiteral("COPY")));
        QVERIFY(f);
        QVERIFY(fieldOf(*f, QStringLiteral("personal_id")).isEmpty());
        QVERIFY(fieldOf(*f, QStringLiteral("address")).isEmpty());
        QCOMPARE(fieldOf(*f, QStringLiteral("given_name")).value(u"level").toString(),
                 QStringLiteral("accent"));
    }

    void ignoresDeletedAndMergedRecords()
    {
        Ward ward(0);
        ward.add(person(QStringLiteral("D1"), QStringLiteral("Bùi Văn Sơn"),
                        PartialDate::fromParts(1960, 2, 3), Sex::Male, QStringLiteral("036060001111")));
        ward.add(person(QStringLiteral("D2"), QStringLiteral("Bùi Văn Sơn"),
                        PartialDate::fromParts(1960, 2, 3), Sex::Male, QStringLiteral("036060001111")));
        QVERIFY(!ward.detect().probableClusters.isEmpty());
        WardStore store(ward.ward());
        QVERIFY(store.softDeleteResident(ward.id(QStringLiteral("D2"))).ok());
        const auto report = ward.detect();
        QCOMPARE(report.residents, 1);
        QVERIFY(report.findings.isEmpty());
    }

    void possibleOnlyWhenAsked()
    {
        Ward ward;
        DuplicateDetector::Options options;
        options.includePossible = false;
        const auto report = ward.detect(options);
        for (const Finding& f : report.findings)
            QCOMPARE(f.rule, QStringLiteral("dup.probable"));
        QVERIFY(report.possibleClusters.isEmpty());
    }

    void cancels()
    {
        Ward ward(300);
        DuplicateDetector::Options options;
        int calls = 0;
        options.progress = [&](qint64 done, qint64 total) {
            [&] {
                QVERIFY(done >= 0 && done <= total);
            }();
            return ++calls < 3;
        };
        auto report = DuplicateDetector(ward.ward()).run(options);
        QVERIFY(!report.ok());
        QCOMPARE(report.error().kind, Error::Kind::Cancelled);
    }
};

QTEST_GUILESS_MAIN(TestDuplicateDetector)
#include "TestDuplicateDetector.moc"
