#include "FlagStore.h"

#include "Clock.h"
#include "OfficerRoles.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "Uuid7.h"
#include "WardDatabase.h"

#include <algorithm>
#include <QHash>
#include <QSet>

namespace wardroll::model {

namespace {

int severityRank(Severity severity)
{
    switch (severity) {
    case Severity::Error:
        return 0;
    case Severity::Warning:
        return 1;
    case Severity::Info:
        break;
    }
    return 2;
}

QString orNull(const QString& text)
{
    return text.isEmpty() ? QString() : text;
}

QString notNull(const QString& text)
{
    return text.isNull() ? QStringLiteral("") : text;
}

QString quoted(const QString& code)
{
    // Codes come from enums: plain lowercase words, safe to write into SQL.
    return QLatin1Char('\'') + code + QLatin1Char('\'');
}

const QString& flagColumns()
{
    static const QString columns = QStringLiteral(
        "f.id, f.rule, f.severity, f.subject, coalesce(f.resident_id, ''), coalesce(f.household_id, ''), "
        "coalesce(f.other_resident_id, ''), f.fields, f.message, f.suggested_field, f.suggested_value, "
        "f.score, "
        "f.details, f.fingerprint, f.state, f.resolution, f.reason, f.village, f.created_at, f.created_by, "
        "f.updated_at, f.updated_by, coalesce(nullif(r.source_ref, ''), f.resident_id, ''), "
        "coalesce(nullif(o.source_ref, ''), f.other_resident_id, ''), "
        "coalesce(nullif(h.household_no, ''), f.household_id, '') "
        "FROM flags f LEFT JOIN residents r ON r.id = f.resident_id "
        "LEFT JOIN residents o ON o.id = f.other_resident_id LEFT JOIN households h ON h.id = "
        "f.household_id");
    return columns;
}

Flag readFlag(const SqlStatement& row)
{
    Flag f;
    int i = 0;
    f.id = row.text(i++);
    f.finding.rule = row.text(i++);
    f.finding.severity = severityFromCode(row.text(i++)).value_or(Severity::Warning);
    i++; // subject: derived from the ids
    f.finding.residentId = row.text(i++);
    f.finding.householdId = row.text(i++);
    f.finding.otherResidentId = row.text(i++);
    const QString fields = row.text(i++);
    f.finding.fields = fields.isEmpty() ? QStringList() : fields.split(QLatin1Char(','));
    f.finding.message = row.text(i++);
    f.finding.suggestedField = row.text(i++);
    f.finding.suggestedValue = row.text(i++);
    f.finding.score = row.real(i++);
    f.finding.details = row.text(i++);
    f.finding.fingerprint = row.text(i++);
    f.state = flagStateFromCode(row.text(i++)).value_or(FlagState::Open);
    f.resolution = resolutionFromCode(row.text(i++)).value_or(Resolution::None);
    f.reason = row.text(i++);
    f.village = row.text(i++);
    f.createdAt = row.integer(i++);
    f.createdBy = row.text(i++);
    f.updatedAt = row.integer(i++);
    f.updatedBy = row.text(i++);
    f.residentRef = row.text(i++);
    f.otherResidentRef = row.text(i++);
    f.householdRef = row.text(i++);
    return f;
}

// WHERE clause and its parameters for a query.
struct Where
{
    QString sql;
    QStringList binds;
    // The review list's default (active flags, ranked): read in rank order from the partial
    // index, without sorting, so that any page comes at once. SQLite's planner, without
    // statistics, would rather sort.
    bool activeRanked = false;
    // One rule (a duplicate review's "dup.*"): its flags sit together in flags_rule_rank, which
    // holds every column the filter and the order need. The planner would rather walk all
    // active flags in flags_rank and read each row to test its rule.
    bool oneRule = false;
};

Where whereOf(const FlagQuery& q)
{
    QStringList terms;
    Where w;
    if (!q.states.isEmpty()) {
        QList<FlagState> states = q.states;
        std::sort(states.begin(), states.end());
        QStringList codes;
        for (FlagState s : std::as_const(states))
            codes << quoted(flagStateCode(s));
        codes.removeDuplicates();
        // Written exactly as the partial index flags_active_rank says, so that it is used.
        if (codes.size() == 1)
            terms << QStringLiteral("f.state = ") + codes.first();
        else
            terms << QStringLiteral("f.state IN (") + codes.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (!q.resolutions.isEmpty()) {
        QStringList codes;
        for (Resolution r : q.resolutions)
            codes << quoted(resolutionCode(r));
        terms << QStringLiteral("f.resolution IN (") + codes.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (!q.severities.isEmpty()) {
        QStringList codes;
        for (Severity s : q.severities)
            codes << quoted(severityCode(s));
        terms << QStringLiteral("f.severity IN (") + codes.join(QStringLiteral(", ")) + QLatin1Char(')');
    }
    if (!q.rules.isEmpty()) {
        QStringList alternatives;
        for (const QString& rule : q.rules) {
            if (rule.endsWith(QLatin1Char('*'))) {
                alternatives << QStringLiteral("f.rule GLOB ?");
                QString pattern = rule.chopped(1);
                for (QChar special : {QLatin1Char('['), QLatin1Char('?'), QLatin1Char('*')})
                    pattern.replace(special, QStringLiteral("[") + special + QLatin1Char(']'));
                w.binds << pattern + QLatin1Char('*');
            } else {
                alternatives << QStringLiteral("f.rule = ?");
                w.binds << rule;
            }
        }
        terms << QLatin1Char('(') + alternatives.join(QStringLiteral(" OR ")) + QLatin1Char(')');
    }
    if (!q.village.isNull()) {
        terms << QStringLiteral("f.village = ?");
        w.binds << q.village;
    }
    if (!q.residentId.isEmpty()) {
        terms << QStringLiteral("(f.resident_id = ? OR f.other_resident_id = ?)");
        w.binds << q.residentId << q.residentId;
    }
    if (!q.householdId.isEmpty()) {
        terms << QStringLiteral("f.household_id = ?");
        w.binds << q.householdId;
    }
    if (q.after) {
        // The rank order (severity_rank, score DESC, id) spelt out: a row value cannot mix
        // directions. Numbers are bound as text; the columns' affinity compares them as numbers.
        terms << QStringLiteral(
            "(f.severity_rank > ? OR (f.severity_rank = ? AND (f.score < ? OR (f.score = ? "
            "AND f.id > ?))))");
        const QString rank = QString::number(severityRank(q.after->severity));
        const QString score = QString::number(q.after->score, 'g', 17);
        w.binds << rank << rank << score << score << q.after->id;
    }
    if (!terms.isEmpty())
        w.sql = QStringLiteral(" WHERE ") + terms.join(QStringLiteral(" AND "));
    const QList<FlagState> active{FlagState::Open, FlagState::InVerification};
    QList<FlagState> states = q.states;
    std::sort(states.begin(), states.end());
    states.erase(std::unique(states.begin(), states.end()), states.end());
    w.activeRanked
        = states == active && q.rules.isEmpty() && q.residentId.isEmpty() && q.householdId.isEmpty();
    w.oneRule = q.rules.size() == 1 && q.residentId.isEmpty() && q.householdId.isEmpty();
    return w;
}

Status eachRow(SqlStatement& stmt, const std::function<bool()>& visit)
{
    for (;;) {
        auto row = stmt.step();
        if (!row.ok())
            return row.error();
        if (!row.value() || !visit())
            return {};
    }
}

} // namespace

FlagStore::FlagStore(WardDatabase& ward)
    : m_ward(ward)
{
}

Result<Flag> FlagStore::flag(const QString& id)
{
    auto stmt = m_ward.connection().prepare(
        QString(QStringLiteral("SELECT ") + flagColumns() + QStringLiteral(" WHERE f.id = ?")));
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, id);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return Error{Error::Kind::NotFound, tr("This flag does not exist."), id};
    return readFlag(*stmt);
}

Result<std::optional<Flag>> FlagStore::find(const QString& rule, const QString& subject)
{
    auto stmt = m_ward.connection().prepare(QString(QStringLiteral("SELECT ") + flagColumns()
                                                    + QStringLiteral(" WHERE f.rule = ? AND f.subject = ?")));
    if (!stmt.ok())
        return stmt.error();
    stmt->bindAll(rule, subject);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return std::optional<Flag>();
    return std::optional<Flag>(readFlag(*stmt));
}

Status FlagStore::forEach(const FlagQuery& query, const std::function<bool(const Flag&)>& visit)
{
    const Where where = whereOf(query);
    const QString order = QStringLiteral(" ORDER BY f.severity_rank, f.score DESC, f.id");
    const QString limit = query.limit > 0 || query.offset > 0
        ? QStringLiteral(" LIMIT %1 OFFSET %2").arg(query.limit > 0 ? query.limit : -1).arg(query.offset)
        : QString();
    QString sql;
    if (query.limit > 0 && !where.activeRanked) {
        // A page: rank the matching flags on an index alone, then read and join only the page's
        // rows. Sorting the joined rows of every match took ~100 ms on 24,000 flags.
        sql = QStringLiteral("SELECT ") + flagColumns()
            + QStringLiteral(" WHERE f.rowid IN (SELECT f.rowid FROM flags f")
            + (where.oneRule ? QStringLiteral(" INDEXED BY flags_rule_rank") : QString()) + where.sql + order
            + limit + QLatin1Char(')') + order;
    } else {
        sql = QStringLiteral("SELECT ") + flagColumns() + where.sql + order + limit;
        if (where.activeRanked)
            sql.replace(QStringLiteral("FROM flags f "),
                        QStringLiteral("FROM flags f INDEXED BY flags_active_rank "));
    }
    auto stmt = m_ward.connection().prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    int i = 1;
    for (const QString& value : where.binds)
        stmt->bind(i++, value);
    return eachRow(*stmt, [&] { return visit(readFlag(*stmt)); });
}

Result<QList<Flag>> FlagStore::list(const FlagQuery& query)
{
    QList<Flag> out;
    if (auto status = forEach(query,
                              [&out](const Flag& f) {
                                  out.append(f);
                                  return true;
                              });
        !status.ok())
        return status.error();
    return out;
}

Result<qint64> FlagStore::count(const FlagQuery& query)
{
    const Where where = whereOf(query);
    auto stmt = m_ward.connection().prepare(
        QString(QStringLiteral("SELECT count(*) FROM flags f")
                + (where.oneRule ? QStringLiteral(" INDEXED BY flags_rule_rank") : QString()) + where.sql));
    if (!stmt.ok())
        return stmt.error();
    int i = 1;
    for (const QString& value : where.binds)
        stmt->bind(i++, value);
    auto row = stmt->step();
    if (!row.ok())
        return row.error();
    return row.value() ? stmt->integer(0) : 0;
}

Result<FlagCounts> FlagStore::counts(const FlagQuery& filter)
{
    const Where where = whereOf(filter);
    auto stmt = m_ward.connection().prepare(
        QString(QStringLiteral("SELECT f.rule, f.severity, f.state, f.village, count(*) FROM flags f")
                + where.sql + QStringLiteral(" GROUP BY 1, 2, 3, 4")));
    if (!stmt.ok())
        return stmt.error();
    int i = 1;
    for (const QString& value : where.binds)
        stmt->bind(i++, value);
    FlagCounts counts;
    if (auto status = eachRow(*stmt,
                              [&] {
                                  const qint64 n = stmt->integer(4);
                                  counts.total += n;
                                  counts.byRule[stmt->text(0)] += n;
                                  counts.bySeverity[stmt->text(1)] += n;
                                  counts.byState[stmt->text(2)] += n;
                                  counts.byVillage[stmt->text(3)] += n;
                                  return true;
                              });
        !status.ok())
        return status.error();
    return counts;
}

Result<QStringList> FlagStore::rulesWithFlags()
{
    return distinctTexts(u"SELECT DISTINCT rule FROM flags ORDER BY rule");
}

Result<QStringList> FlagStore::villagesWithFlags()
{
    return distinctTexts(u"SELECT DISTINCT coalesce(village, '') FROM flags ORDER BY 1");
}

Result<QStringList> FlagStore::distinctTexts(QStringView sql)
{
    auto stmt = m_ward.connection().prepare(sql);
    if (!stmt.ok())
        return stmt.error();
    QStringList texts;
    if (auto status = eachRow(*stmt,
                              [&] {
                                  texts << stmt->text(0);
                                  return true;
                              });
        !status.ok())
        return status.error();
    return texts;
}

Result<QList<FlagEvent>> FlagStore::history(const QString& flagId)
{
    auto stmt = m_ward.connection().prepare(
        u"SELECT id, flag_id, from_state, to_state, resolution, note, officer, at "
        u"FROM flag_events WHERE flag_id = ? ORDER BY at, id");
    if (!stmt.ok())
        return stmt.error();
    stmt->bind(1, flagId);
    QList<FlagEvent> out;
    if (auto status = eachRow(*stmt,
                              [&] {
                                  FlagEvent e;
                                  e.id = stmt->text(0);
                                  e.flagId = stmt->text(1);
                                  e.from = flagStateFromCode(stmt->text(2));
                                  e.to = flagStateFromCode(stmt->text(3)).value_or(FlagState::Open);
                                  e.resolution = resolutionFromCode(stmt->text(4)).value_or(Resolution::None);
                                  e.note = stmt->text(5);
                                  e.officer = stmt->text(6);
                                  e.at = stmt->integer(7);
                                  out.append(e);
                                  return true;
                              });
        !status.ok())
        return status.error();
    return out;
}

bool FlagStore::canTransition(FlagState from, FlagState to)
{
    switch (from) {
    case FlagState::Open:
        return to == FlagState::InVerification || to == FlagState::Dismissed;
    case FlagState::InVerification:
        return to == FlagState::Open || to == FlagState::Resolved || to == FlagState::Dismissed;
    case FlagState::Resolved:
    case FlagState::Dismissed:
        return to == FlagState::Open;
    case FlagState::Closed:
        break; // only a cleaning run reopens it, when its cause is back
    }
    return false;
}

bool FlagStore::canDecideEscalated(FlagState to, Resolution resolution)
{
    return (to == FlagState::Resolved && resolution == Resolution::Corrected) || to == FlagState::Dismissed
        || to == FlagState::Open;
}

FlagQuery::Position FlagStore::positionOf(const Flag& flag)
{
    return {flag.finding.severity, flag.finding.score, flag.id};
}

Status FlagStore::startVerification(const QString& id, const QString& note)
{
    return transition(id, FlagState::InVerification, Resolution::None, note);
}

Status FlagStore::resolve(const QString& id, Resolution resolution, const QString& note)
{
    return transition(id, FlagState::Resolved, resolution, note);
}

Status FlagStore::dismiss(const QString& id, const QString& reason)
{
    return transition(id, FlagState::Dismissed, Resolution::None, reason);
}

Status FlagStore::reopen(const QString& id, const QString& note)
{
    return transition(id, FlagState::Open, Resolution::None, note);
}

Status FlagStore::transition(const QString& id, FlagState to, Resolution resolution, const QString& note)
{
    const QString trimmed = note.trimmed();
    if (to == FlagState::Dismissed && trimmed.isEmpty())
        return Error{Error::Kind::InvalidInput, tr("Give the reason why this flag is dismissed.")};
    if (to == FlagState::Resolved && resolution == Resolution::None)
        return Error{Error::Kind::InvalidInput,
                     tr("Say how the flag was resolved: corrected, merged or escalated.")};
    if (to != FlagState::Resolved && resolution != Resolution::None)
        return Error{Error::Kind::InvalidInput, tr("Only a resolved flag has a resolution.")};

    // Joins the caller's transaction when there is one, so that a merge and the flags it settles
    // commit or roll back together.
    SqlConnection& db = m_ward.connection();
    std::optional<SqlTransaction> transaction;
    if (!db.inTransaction()) {
        transaction.emplace(db);
        if (!transaction->begun().ok())
            return transaction->begun();
    }
    auto current = db.prepare(u"SELECT state, resolution FROM flags WHERE id = ?");
    if (!current.ok())
        return current.error();
    current->bind(1, id);
    auto row = current->step();
    if (!row.ok())
        return row.error();
    if (!row.value())
        return Error{Error::Kind::NotFound, tr("This flag does not exist."), id};
    const FlagState from = flagStateFromCode(current->text(0)).value_or(FlagState::Open);
    const bool escalated = from == FlagState::Resolved
        && resolutionFromCode(current->text(1)).value_or(Resolution::None) == Resolution::Escalated;
    current->reset();
    if (escalated) {
        auto role = OfficerRoles(m_ward).currentRole();
        if (!role.ok())
            return role.error();
        if (role.value() != OfficerRole::Chief)
            return Error{Error::Kind::Conflict,
                         tr("This flag waits for the commune police chief: only he may decide on it."),
                         QStringLiteral("escalated; officer %1 is not the chief").arg(m_ward.officer())};
        if (!canDecideEscalated(to, resolution))
            return Error{Error::Kind::Conflict,
                         tr("An escalated flag can be approved as corrected, dismissed or sent back for "
                            "verification.")};
    } else if (!canTransition(from, to))
        return Error{Error::Kind::Conflict,
                     tr("A flag that is %1 cannot become %2.").arg(flagStateLabel(from), flagStateLabel(to)),
                     flagStateCode(from) + QStringLiteral(" -> ") + flagStateCode(to)};

    const qint64 now = Clock::nowMs();
    const QString officer = m_ward.officer();
    auto update = db.prepare(u"UPDATE flags SET state = ?, resolution = ?, reason = ?, updated_at = ?, "
                             u"updated_by = ? WHERE id = ?");
    if (!update.ok())
        return update.error();
    const bool keepsNote = to == FlagState::Dismissed || to == FlagState::Resolved;
    update->bindAll(flagStateCode(to), resolutionCode(resolution),
                    keepsNote ? notNull(trimmed) : QStringLiteral(""), now, officer, id);
    if (auto status = update->exec(); !status.ok())
        return status;
    auto event
        = db.prepare(u"INSERT INTO flag_events(id, flag_id, from_state, to_state, resolution, note, officer, "
                     u"at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!event.ok())
        return event.error();
    event->bindAll(Uuid7::generate(), id, flagStateCode(from), flagStateCode(to), resolutionCode(resolution),
                   notNull(trimmed), officer, now);
    if (auto status = event->exec(); !status.ok())
        return status;
    return transaction ? transaction->commit() : Status{};
}

Result<ReconcileSummary> FlagStore::reconcile(const QList<Finding>& findings, const ReconcileOptions& options)
{
    SqlConnection& db = m_ward.connection();
    std::optional<SqlTransaction> transaction;
    if (!db.inTransaction()) {
        transaction.emplace(db);
        if (!transaction->begun().ok())
            return transaction->begun().error();
    }

    struct Existing
    {
        QString id;
        QString fingerprint;
        FlagState state = FlagState::Open;
        Resolution resolution = Resolution::None;
        QString severity;
        QString message;
        QString fields;
        QString suggestedField;
        QString suggestedValue;
        double score = 0;
        QString details;
        bool seen = false;
    };
    auto keyOf = [](const QString& rule, const QString& subject) -> QString {
        return rule + QChar(0x1F) + subject;
    };

    // The flags in scope.
    QHash<QString, Existing> existing;
    const QSet<QString> ruleScope(options.rules.cbegin(), options.rules.cend());
    {
        static const QString columns
            = QStringLiteral("SELECT id, rule, subject, fingerprint, state, resolution, severity, message, "
                             "fields, suggested_field, "
                             "suggested_value, score, details FROM flags");
        auto load = [&](SqlStatement& stmt) {
            return eachRow(stmt, [&] {
                const QString rule = stmt.text(1);
                if (!ruleScope.isEmpty() && !ruleScope.contains(rule))
                    return true;
                Existing e;
                e.id = stmt.text(0);
                e.fingerprint = stmt.text(3);
                e.state = flagStateFromCode(stmt.text(4)).value_or(FlagState::Open);
                e.resolution = resolutionFromCode(stmt.text(5)).value_or(Resolution::None);
                e.severity = stmt.text(6);
                e.message = stmt.text(7);
                e.fields = stmt.text(8);
                e.suggestedField = stmt.text(9);
                e.suggestedValue = stmt.text(10);
                e.score = stmt.real(11);
                e.details = stmt.text(12);
                existing.insert(keyOf(rule, stmt.text(2)), e);
                return true;
            });
        };
        if (options.residentIds.isEmpty()) {
            auto stmt = db.prepare(columns);
            if (!stmt.ok())
                return stmt.error();
            if (auto status = load(*stmt); !status.ok())
                return status.error();
        } else {
            auto stmt = db.prepare(
                QString(columns + QStringLiteral(" WHERE resident_id = ?1 OR other_resident_id = ?1")));
            if (!stmt.ok())
                return stmt.error();
            for (const QString& id : options.residentIds) {
                stmt->reset();
                stmt->bind(1, id);
                if (auto status = load(*stmt); !status.ok())
                    return status.error();
            }
        }
    }

    const qint64 now = Clock::nowMs();
    const QString officer = m_ward.officer();
    auto insert = db.prepare(
        u"INSERT INTO flags(id, rule, severity, severity_rank, subject, resident_id, household_id, "
        u"other_resident_id, fields, message, suggested_field, suggested_value, score, details, fingerprint, "
        u"state, resolution, reason, village, created_at, created_by, updated_at, updated_by) "
        u"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, 'open', '', '', "
        u"coalesce((SELECT nullif(village, '') FROM residents WHERE id = ?6), "
        u"(SELECT nullif(village, '') FROM households WHERE id = ?7), ''), ?16, ?17, ?16, ?17)");
    auto refresh = db.prepare(u"UPDATE flags SET severity = ?2, severity_rank = ?3, resident_id = ?4, "
                              u"household_id = ?5, other_resident_id = ?6, fields = ?7, message = ?8, "
                              u"suggested_field = ?9, suggested_value = ?10, score = ?11, details = ?12, "
                              u"fingerprint = ?13, updated_at = ?14, updated_by = ?15 WHERE id = ?1");
    auto move = db.prepare(u"UPDATE flags SET state = ?2, resolution = '', reason = '', updated_at = ?3, "
                           u"updated_by = ?4 WHERE id = ?1");
    auto event = db.prepare(u"INSERT INTO flag_events(id, flag_id, from_state, to_state, resolution, note, "
                            u"officer, at) VALUES (?, ?, ?, ?, '', ?, ?, ?)");
    for (const auto* stmt : {&insert, &refresh, &move, &event})
        if (!stmt->ok())
            return stmt->error();

    Uuid7 ids;
    auto record = [&](const QString& flagId, const QString& from, FlagState to, const QString& note) {
        event->reset();
        event->bindAll(ids.next(now), flagId, from, flagStateCode(to), note, officer, now);
        return event->exec();
    };
    auto bindContent = [](SqlStatement& stmt, const Finding& f) {
        stmt.bind(2, severityCode(f.severity));
        stmt.bind(3, severityRank(f.severity));
        stmt.bind(4, orNull(f.residentId));
        stmt.bind(5, orNull(f.householdId));
        stmt.bind(6, orNull(f.otherResidentId));
        stmt.bind(7, notNull(f.fields.join(QLatin1Char(','))));
        stmt.bind(8, notNull(f.message));
        stmt.bind(9, notNull(f.suggestedField));
        stmt.bind(10, notNull(f.suggestedValue));
        stmt.bind(11, f.score);
        stmt.bind(12, notNull(f.details));
        stmt.bind(13, notNull(f.fingerprint));
    };
    auto setContent = [&](const QString& flagId, const Finding& f) {
        refresh->reset();
        refresh->bind(1, flagId);
        bindContent(*refresh, f);
        refresh->bind(14, now);
        refresh->bind(15, officer);
        return refresh->exec();
    };
    auto setState = [&](const QString& flagId, FlagState to) {
        move->reset();
        move->bindAll(flagId, flagStateCode(to), now, officer);
        return move->exec();
    };

    const qint64 total = findings.size() + existing.size();
    qint64 done = 0;
    auto tick = [&]() -> bool {
        ++done;
        return !options.progress || (done % 1024) != 0 || options.progress(done, total);
    };
    const Error cancelled{Error::Kind::Cancelled, tr("The cleaning run was cancelled.")};

    ReconcileSummary summary;
    QSet<QString> handled;
    for (const Finding& f : findings) {
        if (!tick())
            return cancelled;
        const QString subject = f.subject();
        const QString key = keyOf(f.rule, subject);
        if (handled.contains(key))
            continue; // one flag per (rule, subject)
        handled.insert(key);
        if (!ruleScope.isEmpty() && !ruleScope.contains(f.rule))
            continue;

        const auto it = existing.find(key);
        if (it == existing.end()) {
            const QString flagId = ids.next(now);
            insert->reset();
            insert->bind(1, flagId);
            insert->bind(2, f.rule);
            insert->bind(3, severityCode(f.severity));
            insert->bind(4, severityRank(f.severity));
            insert->bind(5, subject);
            insert->bind(6, orNull(f.residentId));
            insert->bind(7, orNull(f.householdId));
            insert->bind(8, orNull(f.otherResidentId));
            insert->bind(9, notNull(f.fields.join(QLatin1Char(','))));
            insert->bind(10, notNull(f.message));
            insert->bind(11, notNull(f.suggestedField));
            insert->bind(12, notNull(f.suggestedValue));
            insert->bind(13, f.score);
            insert->bind(14, notNull(f.details));
            insert->bind(15, notNull(f.fingerprint));
            insert->bind(16, now);
            insert->bind(17, officer);
            if (auto status = insert->exec(); !status.ok())
                return status.error();
            if (auto status
                = record(flagId, QStringLiteral(""), FlagState::Open, tr("Raised by a cleaning run."));
                !status.ok())
                return status.error();
            ++summary.created;
            continue;
        }

        Existing& e = it.value();
        e.seen = true;
        const bool changed = e.fingerprint != f.fingerprint;
        const bool contentDiffers = changed || e.severity != severityCode(f.severity)
            || e.message != f.message || e.fields != f.fields.join(QLatin1Char(','))
            || e.suggestedField != f.suggestedField || e.suggestedValue != f.suggestedValue
            || e.score != f.score || e.details != f.details;
        QString reopenNote;
        switch (e.state) {
        case FlagState::Open:
        case FlagState::InVerification:
            break;
        case FlagState::Dismissed:
            if (changed)
                reopenNote = tr("Reopened: the record changed after the flag was dismissed.");
            break;
        case FlagState::Resolved:
            if (e.resolution == Resolution::Corrected || e.resolution == Resolution::Merged)
                reopenNote = tr("Reopened: the cause is still there after the flag was resolved as %1.")
                                 .arg(resolutionLabel(e.resolution));
            else if (changed)
                reopenNote = tr("Reopened: the record changed after the flag was resolved as %1.")
                                 .arg(resolutionLabel(e.resolution));
            break;
        case FlagState::Closed:
            reopenNote = tr("Reopened: the cause is back.");
            break;
        }
        if (contentDiffers || !reopenNote.isEmpty()) {
            if (auto status = setContent(e.id, f); !status.ok())
                return status.error();
        }
        if (!reopenNote.isEmpty()) {
            if (auto status = setState(e.id, FlagState::Open); !status.ok())
                return status.error();
            if (auto status = record(e.id, flagStateCode(e.state), FlagState::Open, reopenNote); !status.ok())
                return status.error();
            ++summary.reopened;
        } else if (contentDiffers) {
            ++summary.updated;
        } else {
            ++summary.unchanged;
        }
    }

    // Open flags whose cause is gone. Dismissed and resolved ones keep their review.
    const QString goneNote = tr("Closed: the cleaning run no longer finds the cause.");
    for (auto it = existing.cbegin(); it != existing.cend(); ++it) {
        if (!tick())
            return cancelled;
        const Existing& e = it.value();
        if (e.seen || (e.state != FlagState::Open && e.state != FlagState::InVerification))
            continue;
        if (auto status = setState(e.id, FlagState::Closed); !status.ok())
            return status.error();
        if (auto status = record(e.id, flagStateCode(e.state), FlagState::Closed, goneNote); !status.ok())
            return status.error();
        ++summary.closed;
    }
    if (options.progress && !options.progress(total, total))
        return cancelled;
    if (transaction) {
        if (auto status = transaction->commit(); !status.ok())
            return status.error();
    }
    return summary;
}

} // namespace wardroll::model
