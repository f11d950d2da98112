#include "AdminUnits.h"
#include "DemoRuleAudit.h"
#include "DemoWardGenerator.h"
#include "HouseholdRelations.h"
#include "PersonalId.h"
#include "TempWard.h"
#include "VietnameseText.h"
#include "WardStore.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace wardroll;
using namespace wardroll::model;

namespace {

constexpr int residents = 2000;

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Rows of a truth file (header dropped). The generator quotes a field only when it must; the
// detail column is last, so splitting the first three commas is enough.
QList<QStringList> truthRows(const QString& path, int columns)
{
    QList<QStringList> rows;
    const QStringList lines = QString::fromUtf8(readFile(path)).split(u'\n', Qt::SkipEmptyParts);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        QStringList row;
        QString rest = lines[i];
        for (int c = 0; c < columns - 1; ++c) {
            const qsizetype comma = rest.indexOf(u',');
            row << rest.left(comma);
            rest = rest.mid(comma + 1);
        }
        row << rest;
        rows << row;
    }
    return rows;
}

struct Generated
{
    test::TempWard temp;
    QTemporaryDir truth;
    DemoWardGenerator::Summary summary;
    QList<Resident> records; // in id order
    QHash<QString, Resident> byRef;
    QHash<QString, Household> households; // by number
    QHash<QString, QString> householdNumberOf; // household id -> number
};

std::unique_ptr<Generated> generate(quint64 seed, int count = residents)
{
    auto g = std::make_unique<Generated>();
    DemoWardGenerator::Options options;
    options.residents = count;
    options.seed = seed;
    options.truthDir = g->truth.path();
    auto result = DemoWardGenerator(options).generate(g->temp.ward());
    if (!result.ok())
        qFatal("generate: %s", qPrintable(result.error().toString()));
    g->summary = result.value();
    WardStore store(g->temp.ward());
    auto visited = store.forEachResident([&g](const Resident& r) {
        g->records.append(r);
        g->byRef.insert(r.sourceRef, r);
        return true;
    });
    if (!visited.ok())
        qFatal("read: %s", qPrintable(visited.error().toString()));
    for (const Resident& r : std::as_const(g->records)) {
        if (g->householdNumberOf.contains(r.householdId))
            continue;
        const Household h = store.household(r.householdId).value();
        g->households.insert(h.number, h);
        g->householdNumberOf.insert(h.id, h.number);
    }
    return g;
}

QString recordText(const Resident& r)
{
    return QStringList{r.id,
                       r.sourceRef,
                       r.householdId,
                       r.relationToHead,
                       r.fullName,
                       r.personalId,
                       r.oldId,
                       r.birthDate.raw(),
                       sexCode(r.sex),
                       r.birthRegistrationPlace,
                       r.hometown,
                       r.ethnicity,
                       r.religion,
                       r.phone,
                       r.permanentAddress.unitCode,
                       r.permanentAddress.text,
                       r.fatherName,
                       r.motherName,
                       r.spouseId,
                       statusCode(r.status),
                       r.deathDate.raw(),
                       QString::number(r.createdAt)}
        .join(u'|');
}

} // namespace

class TestDemoWardGenerator : public QObject
{
    Q_OBJECT
private:
    std::unique_ptr<Generated> m_ward; // seed 1, shared by the read-only checks

    [[nodiscard]] QString truthFile(const char* name) const
    {
        return m_ward->truth.filePath(QLatin1String(name));
    }

private Q_SLOTS:
    void initTestCase() { m_ward = generate(1); }

    void sameSeedSameWardOtherSeedOther()
    {
        const auto again = generate(1);
        for (const char* name : {"duplicates.csv", "twins.csv", "defects.csv"}) {
            const QByteArray first = readFile(truthFile(name));
            QVERIFY(!first.isEmpty());
            QCOMPARE(readFile(again->truth.filePath(QLatin1String(name))), first);
        }
        QCOMPARE(again->records.size(), m_ward->records.size());
        for (qsizetype i = 0; i < m_ward->records.size(); ++i)
            QCOMPARE(recordText(again->records[i]), recordText(m_ward->records[i]));
        QCOMPARE(again->temp.ward().meta(QStringLiteral("ward_unit_code")).value(),
                 m_ward->temp.ward().meta(QStringLiteral("ward_unit_code")).value());

        const auto other = generate(2);
        QVERIFY(readFile(other->truth.filePath(QStringLiteral("defects.csv")))
                != readFile(truthFile("defects.csv")));
        QVERIFY(recordText(other->records.first()) != recordText(m_ward->records.first()));
    }

    void countsAndWard()
    {
        const auto& s = m_ward->summary;
        QCOMPARE(s.residents, residents);
        QCOMPARE(m_ward->records.size(), residents);
        WardStore store(m_ward->temp.ward());
        QCOMPARE(store.countHouseholds().value(), s.households);
        QCOMPARE(m_ward->households.size(), s.households);
        QCOMPARE(s.defects, truthRows(truthFile("defects.csv"), 4).size());
        QCOMPARE(s.twins, truthRows(truthFile("twins.csv"), 2).last().first().toInt());
        // ≈ 3 % copies; mean household ≈ 3.6, sizes 1..9.
        QVERIFY2(s.duplicates >= residents * 0.015 && s.duplicates <= residents * 0.05,
                 qPrintable(QString::number(s.duplicates)));
        const double mean = double(residents) / double(s.households);
        QVERIFY2(mean > 3.1 && mean < 4.1, qPrintable(QString::number(mean)));
        QHash<QString, int> sizes;
        for (const Resident& r : std::as_const(m_ward->records))
            ++sizes[r.householdId];
        for (int size : std::as_const(sizes))
            QVERIFY(size >= 1 && size <= 9);

        WardDatabase& ward = m_ward->temp.ward();
        const QString code = ward.meta(QStringLiteral("ward_unit_code")).value();
        const auto* unit = AdminUnits::instance().unit(code, unitScheme2025);
        QVERIFY(unit);
        QCOMPARE(ward.meta(QStringLiteral("ward_name")).value(), unit->name);
        QCOMPARE(ward.meta(QStringLiteral("ward_province")).value(), unit->provinceName);
        // Villages: "Tổ dân phố N" in a phường, "Thôn"/"Ấp" elsewhere; addresses in this commune.
        const bool urban = unit->name.startsWith(u"Phường", Qt::CaseInsensitive);
        for (const Household& h : std::as_const(m_ward->households)) {
            QVERIFY(h.village.startsWith(urban ? u"Tổ dân phố "
                                               : (h.village.startsWith(u"Ấp") ? u"Ấp " : u"Thôn ")));
            QCOMPARE(h.address.unitCode, code);
            QCOMPARE(h.address.unitScheme, unitScheme2025);
        }
        // Family names by frequency: Nguyễn is the most common by far.
        QHash<QString, int> families;
        for (const Resident& r : std::as_const(m_ward->records))
            ++families[r.fullName.section(u' ', 0, 0)];
        int nguyen = families.value(QStringLiteral("Nguyễn"));
        for (auto it = families.cbegin(); it != families.cend(); ++it)
            if (it.key() != u"Nguyễn")
                QVERIFY(it.value() < nguyen);
    }

    void everyRuleAppears()
    {
        QSet<QString> rules;
        QSet<QString> flaggedRecords;
        for (const QStringList& row : truthRows(truthFile("defects.csv"), 4)) {
            rules.insert(row[0]);
            QVERIFY(row[1].isEmpty() || row[1].startsWith(u"DEMO-"));
            QVERIFY(row[2].isEmpty() || row[2].startsWith(u"HK-"));
            QVERIFY(!(row[1].isEmpty() && row[2].isEmpty()));
            QCOMPARE(!row[2].isEmpty(), row[0].startsWith(u"household."));
            if (!row[1].isEmpty() && row[0] != u"id.shared")
                flaggedRecords.insert(row[1]);
        }
        const QStringList all = DemoRuleAudit::rules();
        QCOMPARE(rules, QSet<QString>(all.cbegin(), all.cend()));
        // Injected dirt (not counting the knock-on of duplicates' shared IDs) stays a minority.
        QVERIFY2(flaggedRecords.size() > residents * 0.03 && flaggedRecords.size() < residents * 0.10,
                 qPrintable(QString::number(flaggedRecords.size())));
        QSet<QString> variations;
        for (const QStringList& row : truthRows(truthFile("duplicates.csv"), 3))
            for (const QString& v : row[2].split(u';'))
                variations.insert(v);
        for (const char* v : {"original", "accents_dropped", "tone_placement", "name_typo", "day_month_swap",
                              "missing_id", "other_id", "moved_household"})
            QVERIFY2(variations.contains(QLatin1String(v)), v);
        QVERIFY(m_ward->summary.twins >= 1);
    }

    void everyTruthRefExists()
    {
        for (const QStringList& row : truthRows(truthFile("defects.csv"), 4)) {
            QVERIFY2(row[1].isEmpty() || m_ward->byRef.contains(row[1]), qPrintable(row[1]));
            QVERIFY2(row[2].isEmpty() || m_ward->households.contains(row[2]), qPrintable(row[2]));
            // A member's household rule names the member's own household.
            if (!row[1].isEmpty() && !row[2].isEmpty())
                QCOMPARE(m_ward->householdNumberOf.value(m_ward->byRef.value(row[1]).householdId), row[2]);
        }
        for (const QStringList& row : truthRows(truthFile("duplicates.csv"), 3))
            QVERIFY2(m_ward->byRef.contains(row[1]), qPrintable(row[1]));
        for (const QStringList& row : truthRows(truthFile("twins.csv"), 2))
            QVERIFY2(m_ward->byRef.contains(row[1]), qPrintable(row[1]));
    }

    void cleanRecordsAreClean()
    {
        QSet<QString> flagged;
        for (const QStringList& row : truthRows(truthFile("defects.csv"), 4))
            flagged.insert(row[1]);
        for (const QStringList& row : truthRows(truthFile("duplicates.csv"), 3))
            flagged.insert(row[1]);
        int clean = 0;
        for (const Resident& r : std::as_const(m_ward->records)) {
            if (flagged.contains(r.sourceRef))
                continue;
            ++clean;
            const auto check = PersonalId::check(r.personalId, r.sex, r.birthDate.year());
            QVERIFY2(check.ok(), qPrintable(r.sourceRef + u' ' + r.personalId));
            QVERIFY2(AdminUnits::instance().birthRegistrationCode(r.personalId.left(3)),
                     qPrintable(r.personalId));
            QVERIFY2(VietnameseText::isNormalizedName(r.fullName), qPrintable(r.fullName));
            QVERIFY(!VietnameseText::hasNonNameCharacters(r.fullName));
            QVERIFY(r.birthDate.isValid());
            QVERIFY(*r.birthDate.latest() <= DemoWardGenerator::referenceDate());
            QVERIFY(r.sex != Sex::Unknown);
            for (const QString* field :
                 {&r.birthRegistrationPlace, &r.hometown, &r.ethnicity, &r.religion, &r.nationality})
                QVERIFY2(!field->isEmpty(), qPrintable(r.sourceRef));
            QCOMPARE(r.permanentAddress.unitScheme, unitScheme2025);
            QVERIFY(AdminUnits::instance().unit(r.permanentAddress.unitCode, unitScheme2025));
            QVERIFY(r.status == ResidentStatus::Deceased || r.deathDate.isEmpty());
        }
        QVERIFY(clean > residents * 0.8);
    }

    void cleanHouseholdsHaveOneHeadAndPlausibleAges()
    {
        QSet<QString> flagged;
        for (const QStringList& row : truthRows(truthFile("defects.csv"), 4))
            if (!row[2].isEmpty())
                flagged.insert(row[2]);
        QHash<QString, QList<Resident>> members;
        for (const Resident& r : std::as_const(m_ward->records))
            members[m_ward->householdNumberOf.value(r.householdId)].append(r);
        const auto& relations = HouseholdRelations::instance();
        for (auto it = members.cbegin(); it != members.cend(); ++it) {
            int heads = 0;
            const Resident* head = nullptr;
            for (const Resident& r : it.value())
                if (r.relationToHead == HouseholdRelations::headValue()) {
                    ++heads;
                    head = &r;
                }
            // Independent of the truth: a household without exactly one head must be listed.
            if (heads != 1) {
                QVERIFY2(flagged.contains(it.key()), qPrintable(it.key()));
                continue;
            }
            if (flagged.contains(it.key()))
                continue;
            for (const Resident& r : it.value()) {
                const auto* relation = relations.find(r.relationToHead);
                QVERIFY2(relation, qPrintable(r.relationToHead));
                if (relation->expectedSex != Sex::Unknown && r.sex != Sex::Unknown)
                    QCOMPARE(r.sex, relation->expectedSex);
                if (relation->generationOffset && *relation->generationOffset != 0 && r.birthDate.year()
                    && head->birthDate.year()) {
                    const int gap = *head->birthDate.year() - *r.birthDate.year();
                    QVERIFY2(*relation->generationOffset > 0 ? gap >= 12 : gap <= -12,
                             qPrintable(r.sourceRef));
                }
            }
        }
    }

    void sharedAndMissingIdsAreAllListed()
    {
        // Computed from the stored records, independently of the generator's own audit.
        QHash<QString, QStringList> holders;
        QSet<QString> missing;
        for (const Resident& r : std::as_const(m_ward->records)) {
            const QString id = DemoRuleAudit::normalizedId(r.personalId);
            if (id.isEmpty())
                missing.insert(r.sourceRef);
            else
                holders[id].append(r.sourceRef);
        }
        QSet<QString> shared;
        for (const QStringList& refs : std::as_const(holders))
            if (refs.size() > 1)
                for (const QString& ref : refs)
                    shared.insert(ref);
        QSet<QString> listedShared;
        QSet<QString> listedMissing;
        for (const QStringList& row : truthRows(truthFile("defects.csv"), 4)) {
            if (row[0] == u"id.shared")
                listedShared.insert(row[1]);
            if (row[0] == u"id.missing")
                listedMissing.insert(row[1]);
        }
        QVERIFY(!shared.isEmpty());
        QCOMPARE(listedShared, shared);
        QCOMPARE(listedMissing, missing);
    }

    void duplicatesAreTheSamePerson()
    {
        QHash<QString, QList<QStringList>> clusters;
        for (const QStringList& row : truthRows(truthFile("duplicates.csv"), 3))
            clusters[row[0]].append(row);
        QVERIFY(!clusters.isEmpty());
        for (const auto& rows : std::as_const(clusters)) {
            QVERIFY(rows.size() >= 2);
            QCOMPARE(rows.first()[2], QStringLiteral("original"));
            const Resident original = m_ward->byRef.value(rows.first()[1]);
            for (qsizetype i = 1; i < rows.size(); ++i) {
                const Resident copy = m_ward->byRef.value(rows[i][1]);
                const QStringList v = rows[i][2].split(u';');
                QVERIFY(!v.contains(QStringLiteral("original")));
                QCOMPARE(copy.birthDate.year(), original.birthDate.year());
                QCOMPARE(copy.sex, original.sex);
                QCOMPARE(copy.fatherName, original.fatherName);
                if (v.contains(QStringLiteral("missing_id")))
                    QVERIFY(copy.personalId.isEmpty());
                else if (v.contains(QStringLiteral("other_id")))
                    QVERIFY(copy.personalId != original.personalId && !copy.personalId.isEmpty());
                else
                    QCOMPARE(copy.personalId, original.personalId);
                if (v.contains(QStringLiteral("accents_dropped")))
                    QCOMPARE(copy.fullName,
                             VietnameseText::normalizeName(VietnameseText::foldKey(original.fullName)));
                if (v.contains(QStringLiteral("tone_placement")))
                    QCOMPARE(VietnameseText::toneKey(copy.fullName),
                             VietnameseText::toneKey(original.fullName));
                if (!v.contains(QStringLiteral("accents_dropped"))
                    && !v.contains(QStringLiteral("tone_placement"))
                    && !v.contains(QStringLiteral("name_typo")))
                    QCOMPARE(copy.fullName, original.fullName);
                if (v.contains(QStringLiteral("day_month_swap"))) {
                    QCOMPARE(copy.birthDate.day(), original.birthDate.month());
                    QCOMPARE(copy.birthDate.month(), original.birthDate.day());
                } else {
                    QCOMPARE(copy.birthDate, original.birthDate);
                }
                QCOMPARE(copy.householdId != original.householdId,
                         v.contains(QStringLiteral("moved_household")));
            }
        }
    }

    void twinsAreNotDuplicates()
    {
        QHash<QString, QStringList> groups;
        for (const QStringList& row : truthRows(truthFile("twins.csv"), 2))
            groups[row[0]].append(row[1]);
        QSet<QString> duplicated;
        for (const QStringList& row : truthRows(truthFile("duplicates.csv"), 3))
            duplicated.insert(row[1]);
        QVERIFY(!groups.isEmpty());
        for (const QStringList& refs : std::as_const(groups)) {
            QVERIFY(refs.size() >= 2);
            const Resident first = m_ward->byRef.value(refs.first());
            QSet<QString> names;
            for (const QString& ref : refs) {
                const Resident twin = m_ward->byRef.value(ref);
                QVERIFY(!duplicated.contains(ref));
                QCOMPARE(twin.birthDate, first.birthDate);
                QCOMPARE(twin.birthDate.precision(), PartialDate::Precision::Day);
                QCOMPARE(twin.fatherName, first.fatherName);
                QCOMPARE(twin.motherName, first.motherName);
                QCOMPARE(twin.householdId, first.householdId);
                QVERIFY(twin.personalId != first.personalId || ref == refs.first());
                names.insert(VietnameseText::foldKey(twin.fullName));
            }
            QCOMPARE(names.size(), refs.size());
        }
    }

    void cancelLeavesWardUnchanged()
    {
        test::TempWard temp;
        QTemporaryDir truth;
        DemoWardGenerator::Options options;
        options.residents = residents;
        options.truthDir = truth.filePath(QStringLiteral("truth"));
        int calls = 0;
        options.progress = [&calls](qint64 done, qint64 total) {
            [&] {
                QVERIFY(done > 0 && done <= total);
            }();
            return ++calls < 2;
        };
        auto result = DemoWardGenerator(options).generate(temp.ward());
        QVERIFY(!result.ok());
        QCOMPARE(result.error().kind, Error::Kind::Cancelled);
        QCOMPARE(calls, 2);
        WardStore store(temp.ward());
        QCOMPARE(store.countResidents().value(), 0);
        QCOMPARE(store.countHouseholds().value(), 0);
        QVERIFY(temp.ward().meta(QStringLiteral("ward_name")).value().isEmpty());
        QVERIFY(!QFile::exists(truth.filePath(QStringLiteral("truth/defects.csv"))));

        // The same ward can then be generated, and refuses a second generation.
        options.progress = {};
        QVERIFY(DemoWardGenerator(options).generate(temp.ward()).ok());
        QCOMPARE(store.countResidents().value(), residents);
        auto again = DemoWardGenerator(options).generate(temp.ward());
        QVERIFY(!again.ok());
        QCOMPARE(again.error().kind, Error::Kind::InvalidInput);
    }

    void tinyWardsHaveExactCounts()
    {
        for (int count : {1, 2, 9, 37}) {
            const auto g = generate(5, count);
            QCOMPARE(g->summary.residents, count);
            QCOMPARE(g->records.size(), count);
            WardStore store(g->temp.ward());
            QCOMPARE(store.countHouseholds().value(), g->summary.households);
        }
    }
};

QTEST_GUILESS_MAIN(TestDemoWardGenerator)
#include "TestDemoWardGenerator.moc"
