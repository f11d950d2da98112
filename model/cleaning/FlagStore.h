#pragma once

#include "Flag.h"
#include "Result.h"

#include <functional>
#include <optional>
#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QStringList>

namespace wardroll::model {

class WardDatabase;

// Which flags a list or a count covers. Lists are ranked: errors first, then warnings, then
// info; within a severity the highest score (duplicates' match weight) first; then by id.
struct FlagQuery
{
    QStringList rules; // exact codes; a code ending in '*' is a prefix ("household.*"); empty: all
    QList<Severity> severities; // empty: all
    QList<FlagState> states{FlagState::Open, FlagState::InVerification}; // empty: all
    // Resolved flags of these resolutions only (the chief's queue: Escalated); empty: all.
    QList<Resolution> resolutions;
    QString village; // null: any
    QString residentId; // flags about this record (as subject or as the other of a pair)
    QString householdId; // flags about this household or its members
    qint64 limit = 0; // 0: no limit
    qint64 offset = 0;
    // Keyset paging: only the flags ranked after this one, so that a page costs the same wherever
    // it starts (review lists page with it rather than with offset).
    struct Position
    {
        Severity severity = Severity::Error;
        double score = 0;
        QString id;
    };
    std::optional<Position> after;
};

struct FlagCounts
{
    qint64 total = 0;
    QMap<QString, qint64> byRule;
    QMap<QString, qint64> bySeverity; // "error", "warning", "info"
    QMap<QString, qint64> byState; // "open", "in_verification", ...
    QMap<QString, qint64> byVillage; // "" for flags without a village
};

// What a cleaning run's findings are compared with.
struct ReconcileOptions
{
    // The rules that ran (empty: all). Flags of other rules are left alone.
    QStringList rules;
    // The records that were checked (empty: the whole ward). Flags about other records are left
    // alone: checking one record never closes another's flags.
    QStringList residentIds;
    // Called now and then with items done / items to do; return false to cancel (nothing is
    // written: Error::Kind::Cancelled).
    std::function<bool(qint64 done, qint64 total)> progress;
};

struct ReconcileSummary
{
    qint64 created = 0; // new flags
    qint64 reopened = 0; // dismissed/resolved flags whose record changed, closed ones back again
    qint64 closed = 0; // open flags whose cause is gone
    qint64 updated = 0; // still open, message or details refreshed
    qint64 unchanged = 0;
};

// The persistent, reviewable flags of a ward and their history (tables flags, flag_events).
// Every step records who (WardDatabase::officer()) and when (Clock::nowMs()).
//
// Lifecycle. Officers: open → in_verification → resolved (corrected | merged | escalated);
// open or in_verification → dismissed, with a reason (required); in_verification → open
// (released); resolved or dismissed → open (reopened by hand). Other moves are refused with a
// translated error. Cleaning runs (reconcile) add: a new finding raises an open flag; an open
// flag whose cause is gone becomes closed; a closed flag whose cause is back reopens; a
// dismissed or escalated flag stays so while its fingerprint (what the rule looked at) is
// unchanged and reopens when the record changed; a flag resolved as corrected or merged reopens
// whenever its cause is still there (the correction or merge did not remove it).
//
// Escalated flags wait for the commune police chief (OfficerRoles): only he moves them on, to
// resolved as corrected (approved), dismissed (with a reason) or open (sent back for
// verification). Anyone else is refused, whatever the caller's user interface allows.
class FlagStore
{
    Q_DECLARE_TR_FUNCTIONS(wardroll::model::FlagStore)
public:
    explicit FlagStore(WardDatabase& ward);

    [[nodiscard]] Result<Flag> flag(const QString& id);
    [[nodiscard]] Result<std::optional<Flag>> find(const QString& rule, const QString& subject);
    [[nodiscard]] Result<QList<Flag>> list(const FlagQuery& query);
    // Streams the flags of a query (for exports); stop early by returning false.
    [[nodiscard]] Status forEach(const FlagQuery& query, const std::function<bool(const Flag&)>& visit);
    [[nodiscard]] Result<qint64> count(const FlagQuery& query);
    // Counts by rule, severity, state and village of the flags `filter` selects (limit and
    // offset ignored).
    [[nodiscard]] Result<FlagCounts> counts(const FlagQuery& filter);
    // The rules, and the villages ("" for none), that have flags in any state: a review list's
    // filter choices. Cheaper than counts() (the rules come from an index alone).
    [[nodiscard]] Result<QStringList> rulesWithFlags();
    [[nodiscard]] Result<QStringList> villagesWithFlags();
    // Oldest first.
    [[nodiscard]] Result<QList<FlagEvent>> history(const QString& flagId);

    [[nodiscard]] Status startVerification(const QString& id, const QString& note = {});
    [[nodiscard]] Status resolve(const QString& id, Resolution resolution, const QString& note = {});
    [[nodiscard]] Status dismiss(const QString& id, const QString& reason);
    [[nodiscard]] Status reopen(const QString& id, const QString& note = {});
    // The general move; the four above call it. `resolution` only with FlagState::Resolved.
    [[nodiscard]] Status transition(const QString& id, FlagState to, Resolution resolution,
                                    const QString& note);
    // Whether an officer may move a flag from one state to the other.
    [[nodiscard]] static bool canTransition(FlagState from, FlagState to);
    // Whether the chief may move an escalated flag on, as `to` / `resolution`.
    [[nodiscard]] static bool canDecideEscalated(FlagState to, Resolution resolution);
    // The position a keyset page continues after (FlagQuery::after).
    [[nodiscard]] static FlagQuery::Position positionOf(const Flag& flag);

    // Brings the flags in line with a run's findings (see the class comment), in one
    // transaction: the caller's when one is open on the ward's connection, else its own.
    [[nodiscard]] Result<ReconcileSummary> reconcile(const QList<Finding>& findings,
                                                     const ReconcileOptions& options = {});

private:
    [[nodiscard]] Result<QStringList> distinctTexts(QStringView sql);

    WardDatabase& m_ward;
};

} // namespace wardroll::model
