#include "DemoWardGenerator.h"

#include "BulkLoadJournal.h"
#include "DemoDefectInjector.h"
#include "DemoHouseholdBuilder.h"
#include "DemoIdIssuer.h"
#include "DemoNamePicker.h"
#include "DemoRandom.h"
#include "DemoRuleAudit.h"
#include "DemoTruth.h"
#include "DemoWardProfile.h"
#include "HouseholdRelations.h"
#include "ResidentBulkInsert.h"
#include "SqlTransaction.h"
#include "Uuid7.h"
#include "WardDatabase.h"
#include "WardStore.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMap>

namespace wardroll::model {

namespace {

// Share of people who get a second record, and of households that get one injected defect
// (each touches ≈ 1.3 records): ≈ 3 % of records are copies, ≈ 5 % carry a defect.
constexpr double duplicateRate = 0.027;
constexpr double defectRate = 0.16;
constexpr int maxHouseholdSize = 9;

// How often each rule is injected, relative to the others (what cleaning finds most).
const QList<std::pair<QString, double>>& defectWeights()
{
    static const QList<std::pair<QString, double>> weights = {
        {QStringLiteral("required.missing"), 14},
        {QStringLiteral("name.format"), 12},
        {QStringLiteral("address.legacy_unit"), 9},
        {QStringLiteral("id.birth_year"), 6},
        {QStringLiteral("id.missing"), 6},
        {QStringLiteral("id.sex_century"), 5},
        {QStringLiteral("date.invalid"), 5},
        {QStringLiteral("status.deceased_listed"), 5},
        {QStringLiteral("household.relation_age"), 4},
        {QStringLiteral("household.relation_sex"), 4},
        {QStringLiteral("id.format"), 4},
        {QStringLiteral("id.shared"), 3},
        {QStringLiteral("date.age"), 3},
        {QStringLiteral("household.no_head"), 3},
        {QStringLiteral("household.many_heads"), 3},
        {QStringLiteral("name.chars"), 3},
        {QStringLiteral("address.unknown_unit"), 3},
        {QStringLiteral("id.prefix"), 3},
        {QStringLiteral("date.future"), 2},
        {QStringLiteral("date.death_before_birth"), 2},
        {QStringLiteral("household.spouse_count"), 2},
        {QStringLiteral("household.marriage_age"), 2},
    };
    return weights;
}

const QString& lodger()
{
    static const QString value = QStringLiteral("Người ở nhờ / ở thuê / ở mượn");
    return value;
}

// One generation: the state shared by the steps.
class Run
{
public:
    Run(const DemoWardGenerator::Options& options, WardDatabase& ward, ResidentBulkInsert& bulk)
        : m_options(options)
        , m_ward(ward)
        , m_bulk(bulk)
        , m_store(ward)
        , m_rng(options.seed)
        , m_profile(DemoWardProfile::choose(m_rng, options.residents))
        , m_names(m_profile.isSouthern())
        , m_ids(m_rng)
        , m_builder(m_profile, m_names, m_rng, m_ids, DemoWardGenerator::referenceDate())
        , m_audit(DemoWardGenerator::referenceDate())
        , m_injector(m_profile, m_rng, m_ids, m_audit, DemoWardGenerator::referenceDate().year())
        , m_uuids(options.seed)
    {
        for (const auto& [rule, weight] : defectWeights()) {
            m_rules << rule;
            m_ruleWeights << weight;
        }
        // Small wards cannot show everything. From 300 records on, rules and variations not seen
        // yet are injected first until each has appeared (with 500 records all of them do).
        if (options.residents >= 300) {
            m_missingRules = DemoRuleAudit::rules();
            m_missingVariations
                = QStringList{QStringLiteral("moved_household"), QStringLiteral("accents_dropped"),
                              QStringLiteral("tone_placement"),  QStringLiteral("name_typo"),
                              QStringLiteral("day_month_swap"),  QStringLiteral("missing_id"),
                              QStringLiteral("other_id")};
        }
        const qint64 total = options.residents;
        m_baseMs = QDateTime(QDate(2026, 4, 1), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        // Collected over 90 days.
        m_stepMs = std::max<qint64>(1, qint64(90) * 24 * 3600 * 1000 / total);
        m_progressStep = std::clamp<qint64>(total / 100, 100, 10000);
        m_store.setBulkInsert(&m_bulk);
    }

    Result<DemoWardGenerator::Summary> generate();

private:
    [[nodiscard]] QString nextDefect();
    void attachLodgers(DemoHousehold& household);
    [[nodiscard]] QList<DemoMember> duplicate(DemoHousehold& household);
    [[nodiscard]] Status save(DemoHousehold& household);
    [[nodiscard]] qint64 pending() const { return m_joinLater.size() + m_ownHousehold.size(); }

    const DemoWardGenerator::Options& m_options;
    WardDatabase& m_ward;
    ResidentBulkInsert& m_bulk;
    WardStore m_store;
    DemoRandom m_rng;
    DemoWardProfile m_profile;
    DemoNamePicker m_names;
    DemoIdIssuer m_ids;
    DemoHouseholdBuilder m_builder;
    DemoRuleAudit m_audit;
    DemoDefectInjector m_injector;
    DemoTruth m_truth;
    Uuid7 m_uuids;

    QStringList m_rules;
    QList<double> m_ruleWeights;
    QStringList m_missingRules;
    QStringList m_missingVariations;
    bool m_idShared = false;
    bool m_twinsSeen = false;
    QList<DemoMember> m_joinLater; // moved copies, to be lodgers in a later household
    QList<DemoMember> m_ownHousehold; // moved copies heading a household of their own
    qint64 m_records = 0;
    int m_households = 0;
    qint64 m_baseMs = 0;
    qint64 m_stepMs = 1;
    qint64 m_progressStep = 1000;
    qint64 m_nextProgress = 0;
};

QString Run::nextDefect()
{
    // Rules not seen yet come first, in every other household, until each has appeared.
    if (!m_missingRules.isEmpty() && m_households % 2 == 0)
        return m_missingRules.first();
    if (m_rng.chance(defectRate))
        return m_rules[m_rng.weighted(m_ruleWeights)];
    return {};
}

void Run::attachLodgers(DemoHousehold& household)
{
    int joined = 0;
    while (!m_joinLater.isEmpty() && joined < 2 && household.members.size() < maxHouseholdSize
           && (m_joinLater.size() > 20 || m_rng.chance(0.4))) {
        DemoMember copy = m_joinLater.takeFirst();
        Resident& r = copy.resident;
        r.relationToHead = lodger();
        r.village = household.household.village;
        r.permanentAddress = household.household.address;
        r.currentAddress = household.household.address;
        r.temporaryAddress = Address{};
        household.members.append(copy);
        ++joined;
    }
}

QList<DemoMember> Run::duplicate(DemoHousehold& household)
{
    QList<DemoMember> sameHousehold;
    qint64 room = m_options.residents - m_records - pending() - household.members.size();
    const QString head = HouseholdRelations::headValue();
    bool shown = false;
    for (DemoMember& m : household.members) {
        if (room <= 0)
            break;
        if (m.keepClean || m.cluster >= 0)
            continue;
        // A variation not seen yet: one extra copy per household, of someone who can show it.
        const QString missing = m_missingVariations.value(0);
        const bool show = !shown && !missing.isEmpty()
            && (missing == u"moved_household" || DemoDefectInjector::canVary(m.resident, missing));
        shown = shown || show;
        if (!show && !m_rng.chance(duplicateRate))
            continue;
        m.cluster = m_truth.newCluster();
        m.variation = QStringLiteral("original");
        m.keepClean = true;
        const int copies = static_cast<int>(std::min<qint64>(room, m_rng.chance(0.1) ? 2 : 1));
        for (int c = 0; c < copies; ++c) {
            const QString preferred = m_missingVariations.value(0);
            const QString& relation = m.resident.relationToHead;
            // Heads and spouses recorded twice were collected at two residences.
            const bool full = household.members.size() + sameHousehold.size() >= maxHouseholdSize;
            const bool moved = relation == head || relation == u"Vợ" || relation == u"Chồng"
                || preferred == u"moved_household" || full || m_rng.chance(0.35);
            const bool exact = moved && !show && m_rng.chance(0.3);
            DemoMember copy = m_injector.copyOf(m, preferred, exact);
            if (moved)
                copy.variation = copy.variation.isEmpty()
                    ? QStringLiteral("moved_household")
                    : QStringLiteral("moved_household;") + copy.variation;
            for (const QString& v : copy.variation.split(QLatin1Char(';')))
                m_missingVariations.removeAll(v);
            if (!copy.variation.contains(u"missing_id") && !copy.variation.contains(u"other_id"))
                m_idShared = true;
            // Adults may have set up a household of their own; children live with someone.
            const std::optional<int> born = m.resident.birthDate.year();
            const bool adult = born && DemoWardGenerator::referenceDate().year() - *born >= 18;
            if (moved)
                (adult && m_rng.chance(0.4) ? m_ownHousehold : m_joinLater).append(copy);
            else
                sameHousehold.append(copy);
            --room;
        }
    }
    return sameHousehold;
}

Status Run::save(DemoHousehold& h)
{
    const qint64 firstMs = m_baseMs + (m_records + 1) * m_stepMs;
    h.household.id = m_uuids.next(firstMs);
    h.household.createdAt = firstMs;
    if (auto status = m_store.insertHousehold(h.household); !status.ok())
        return status;
    const qint64 householdNo = m_households;
    QList<qint64> numbers;
    numbers.reserve(h.members.size());
    for (DemoMember& m : h.members) {
        Resident& r = m.resident;
        const qint64 record = ++m_records;
        const qint64 ms = m_baseMs + record * m_stepMs;
        r.sourceRef = DemoTruth::recordRef(record);
        r.householdId = h.household.id;
        r.id = m_uuids.next(ms);
        r.createdAt = ms;
        numbers.append(record);
    }
    // The truth: every rule the records break, as they will be stored.
    const QList<DemoRuleAudit::Finding> findings = m_audit.check(h.members);
    QList<bool> flagged(h.members.size(), false);
    for (const auto& f : findings) {
        const bool householdRule = f.rule.startsWith(u"household.");
        m_truth.addDefect(f.rule, f.member >= 0 ? numbers[f.member] : 0, householdNo, householdRule,
                          f.detail);
        if (f.member >= 0)
            flagged[f.member] = true;
        m_missingRules.removeAll(f.rule);
    }
    QMap<int, QList<qint64>> twins;
    for (qsizetype i = 0; i < h.members.size(); ++i) {
        DemoMember& m = h.members[i];
        m_truth.noteId(DemoRuleAudit::normalizedId(m.resident.personalId), numbers[i], householdNo);
        if (m.cluster >= 0)
            m_truth.addToCluster(m.cluster, numbers[i], m.variation);
        if (m.twinGroup >= 0)
            twins[m.twinGroup].append(numbers[i]);
        if (!flagged[i] && !m.keepClean && m.cluster < 0)
            m_injector.remember(m);
        if (auto status = m_store.insertResident(m.resident); !status.ok())
            return status;
    }
    for (const auto& group : std::as_const(twins)) {
        if (group.size() < 2)
            continue;
        m_truth.addTwins(group);
        m_twinsSeen = true;
    }
    if (m_idShared)
        m_missingRules.removeAll(QStringLiteral("id.shared"));
    if (m_options.progress && (m_records >= m_nextProgress || m_records == m_options.residents)) {
        m_nextProgress = m_records + m_progressStep;
        if (!m_options.progress(m_records, m_options.residents))
            return Error{Error::Kind::Cancelled,
                         DemoWardGenerator::tr("Generating the demo ward was cancelled.")};
    }
    return {};
}

Result<DemoWardGenerator::Summary> Run::generate()
{
    const AdminUnits::Unit& unit = m_profile.unit();
    for (const auto& [key, value] : {std::pair{QStringLiteral("ward_name"), unit.name},
                                     std::pair{QStringLiteral("ward_unit_code"), unit.code},
                                     std::pair{QStringLiteral("ward_province"), unit.provinceName}})
        if (auto status = m_ward.setMeta(key, value); !status.ok())
            return status.error();

    const qint64 total = m_options.residents;
    while (m_records < total) {
        if (!m_ownHousehold.isEmpty()) {
            DemoHousehold h = m_builder.buildFor(++m_households, m_ownHousehold.takeFirst());
            if (auto status = save(h); !status.ok())
                return status.error();
            continue;
        }
        const qint64 remaining = total - m_records - pending();
        if (remaining <= 0) { // only copies are left to place: each heads a household
            m_ownHousehold.append(m_joinLater);
            m_joinLater.clear();
            continue;
        }
        const QString defect = nextDefect();
        auto shape = DemoHouseholdBuilder::Shape::Any;
        if (defect == u"household.marriage_age")
            shape = DemoHouseholdBuilder::Shape::UnderageSpouse;
        else if (!m_twinsSeen && total >= 300 && m_households >= 10)
            shape = DemoHouseholdBuilder::Shape::WithTwins;
        DemoHousehold h = m_builder.build(
            ++m_households, static_cast<int>(std::min<qint64>(remaining, maxHouseholdSize)), shape);
        attachLodgers(h);
        const QList<DemoMember> copies = duplicate(h);
        if (!defect.isEmpty() && shape != DemoHouseholdBuilder::Shape::UnderageSpouse) {
            const bool injected = m_injector.inject(defect, h);
            if (injected && defect == u"id.shared")
                m_idShared = true;
            if (!injected && m_missingRules.removeAll(defect) > 0)
                m_missingRules.append(defect); // try it on another household
        }
        h.members.append(copies);
        if (auto status = save(h); !status.ok())
            return status.error();
    }
    if (auto status = m_bulk.finish(); !status.ok())
        return status.error();
    m_truth.finish();
    if (!m_options.truthDir.isEmpty())
        if (auto status = m_truth.write(m_options.truthDir); !status.ok())
            return status.error();
    DemoWardGenerator::Summary summary;
    summary.residents = m_records;
    summary.households = m_households;
    summary.duplicates = m_truth.duplicateCopies();
    summary.twins = m_truth.twinGroups();
    summary.defects = m_truth.defectCount();
    return summary;
}

} // namespace

DemoWardGenerator::DemoWardGenerator(Options options)
    : m_options(std::move(options))
{
}

Result<DemoWardGenerator::Summary> DemoWardGenerator::generate(WardDatabase& ward)
{
    if (m_options.residents < 1)
        return Error{Error::Kind::InvalidInput, tr("A demo ward needs at least one resident.")};
    {
        WardStore store(ward);
        auto existing = store.countResidents();
        if (!existing.ok())
            return existing.error();
        if (existing.value() > 0)
            return Error{Error::Kind::InvalidInput,
                         tr("A demo ward can only be generated into an empty ward.")};
    }
    BulkLoadJournal journal(ward.connection());
    SqlTransaction transaction(ward.connection(), ChangeCapture::Inserts);
    if (!transaction.begun().ok())
        return transaction.begun().error();
    // A million single-row inserts would each update ten indexes and flush the search index.
    ResidentBulkInsert bulk(ward.connection());
    if (auto status = bulk.begin(); !status.ok())
        return status.error();
    Run run(m_options, ward, bulk);
    auto summary = run.generate();
    if (!summary.ok())
        return summary; // the transaction rolls back
    journal.beforeCommit();
    if (auto status = transaction.commit(); !status.ok()) {
        if (!m_options.truthDir.isEmpty()) // the truth of a ward that does not exist
            for (const char* name : {"duplicates.csv", "twins.csv", "defects.csv"})
                QFile::remove(QDir(m_options.truthDir).filePath(QLatin1String(name)));
        return status.error();
    }
    return summary;
}

} // namespace wardroll::model
