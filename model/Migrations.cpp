#include "Migrations.h"

#include "ParallelSort.h"
#include "SqlConnection.h"
#include "SqlTransaction.h"
#include "UnsyncedRows.h"

#include <array>
#include <QLoggingCategory>

namespace wardroll::model {

namespace {

Q_LOGGING_CATEGORY(lcMigrations, "wardroll.model.migrations", QtWarningMsg)

// Version 1: the ward. Ids are UUIDv7 text primary keys (stable across devices, as sync needs);
// times are Unix milliseconds UTC; deleted_at marks soft deletion; merged_into links a merged
// duplicate to its survivor. search_text holds accent-folded names and IDs, computed by the
// store, and is copied into the FTS index by triggers so that any writer keeps it in step.
constexpr auto schemaV1 = uR"SQL(
CREATE TABLE ward_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE households (
    id            TEXT PRIMARY KEY,
    household_no  TEXT NOT NULL DEFAULT '',
    address_unit_code   TEXT NOT NULL DEFAULT '',
    address_unit_scheme TEXT NOT NULL DEFAULT '',
    address_village     TEXT NOT NULL DEFAULT '',
    address_text        TEXT NOT NULL DEFAULT '',
    village       TEXT NOT NULL DEFAULT '',
    created_at    INTEGER NOT NULL,
    created_by    TEXT NOT NULL DEFAULT '',
    updated_at    INTEGER NOT NULL,
    updated_by    TEXT NOT NULL DEFAULT '',
    deleted_at    INTEGER
);
CREATE INDEX households_no ON households(household_no);

CREATE TABLE residents (
    id                 TEXT PRIMARY KEY,
    source_ref         TEXT,
    household_id       TEXT REFERENCES households(id),
    relation_to_head   TEXT NOT NULL DEFAULT '',
    full_name          TEXT NOT NULL DEFAULT '',
    other_names        TEXT NOT NULL DEFAULT '',
    personal_id        TEXT NOT NULL DEFAULT '',
    old_id             TEXT NOT NULL DEFAULT '',
    birth_date_raw     TEXT NOT NULL DEFAULT '',
    birth_year         INTEGER,
    birth_month        INTEGER,
    birth_day          INTEGER,
    sex                TEXT CHECK (sex IN ('M', 'F')),
    birth_place        TEXT NOT NULL DEFAULT '',
    birth_registration_place TEXT NOT NULL DEFAULT '',
    hometown           TEXT NOT NULL DEFAULT '',
    ethnicity          TEXT NOT NULL DEFAULT '',
    religion           TEXT NOT NULL DEFAULT '',
    nationality        TEXT NOT NULL DEFAULT '',
    marital_status     TEXT NOT NULL DEFAULT '',
    phone              TEXT NOT NULL DEFAULT '',
    email              TEXT NOT NULL DEFAULT '',
    village            TEXT NOT NULL DEFAULT '',
    permanent_unit_code   TEXT NOT NULL DEFAULT '',
    permanent_unit_scheme TEXT NOT NULL DEFAULT '',
    permanent_village     TEXT NOT NULL DEFAULT '',
    permanent_text        TEXT NOT NULL DEFAULT '',
    temporary_unit_code   TEXT NOT NULL DEFAULT '',
    temporary_unit_scheme TEXT NOT NULL DEFAULT '',
    temporary_village     TEXT NOT NULL DEFAULT '',
    temporary_text        TEXT NOT NULL DEFAULT '',
    current_unit_code     TEXT NOT NULL DEFAULT '',
    current_unit_scheme   TEXT NOT NULL DEFAULT '',
    current_village       TEXT NOT NULL DEFAULT '',
    current_text          TEXT NOT NULL DEFAULT '',
    father_name        TEXT NOT NULL DEFAULT '',
    father_id          TEXT NOT NULL DEFAULT '',
    mother_name        TEXT NOT NULL DEFAULT '',
    mother_id          TEXT NOT NULL DEFAULT '',
    spouse_name        TEXT NOT NULL DEFAULT '',
    spouse_id          TEXT NOT NULL DEFAULT '',
    status             TEXT NOT NULL DEFAULT 'living'
                       CHECK (status IN ('living', 'deceased', 'missing', 'moved_out')),
    death_date_raw     TEXT NOT NULL DEFAULT '',
    death_year         INTEGER,
    death_month        INTEGER,
    death_day          INTEGER,
    import_raw         TEXT NOT NULL DEFAULT '',
    name_key           TEXT NOT NULL DEFAULT '',
    search_text        TEXT NOT NULL DEFAULT '',
    merged_into        TEXT REFERENCES residents(id),
    created_at         INTEGER NOT NULL,
    created_by         TEXT NOT NULL DEFAULT '',
    updated_at         INTEGER NOT NULL,
    updated_by         TEXT NOT NULL DEFAULT '',
    deleted_at         INTEGER
);
CREATE INDEX residents_source_ref ON residents(source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX residents_household ON residents(household_id) WHERE household_id IS NOT NULL;
CREATE INDEX residents_personal_id ON residents(personal_id) WHERE personal_id <> '';
CREATE INDEX residents_name_key ON residents(name_key);
CREATE INDEX residents_live_order ON residents(name_key, id) WHERE deleted_at IS NULL AND merged_into IS NULL;

-- Local to this file, never synced: FTS5 needs integer rowids, and VACUUM may renumber the
-- implicit rowids of a table with a text primary key, so the index is keyed by this table.
CREATE TABLE resident_search_keys (
    seq         INTEGER PRIMARY KEY,
    resident_id TEXT NOT NULL UNIQUE
);
CREATE VIRTUAL TABLE resident_search USING fts5(
    body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '2 3 4'
);
CREATE TRIGGER residents_search_insert AFTER INSERT ON residents BEGIN
    INSERT INTO resident_search_keys(resident_id) VALUES (new.id);
    INSERT INTO resident_search(rowid, body) VALUES (last_insert_rowid(), new.search_text);
END;
CREATE TRIGGER residents_search_update AFTER UPDATE OF search_text ON residents BEGIN
    UPDATE resident_search SET body = new.search_text
     WHERE rowid = (SELECT seq FROM resident_search_keys WHERE resident_id = new.id);
END;
CREATE TRIGGER residents_search_delete AFTER DELETE ON residents BEGIN
    DELETE FROM resident_search WHERE rowid = (SELECT seq FROM resident_search_keys WHERE resident_id = old.id);
    DELETE FROM resident_search_keys WHERE resident_id = old.id;
END;
)SQL";

// Version 2: indexes for the desktop's resident list, one per sortable column, each followed by
// name and id so that pages are read by keyset (never OFFSET) in a stable order. Partial on live
// records, like residents_live_order (the name sort). Nullable columns are sorted through an
// expression that maps NULL to a value, because keyset comparisons never match NULL; the list
// model uses these exact expressions so that SQLite picks the index.
constexpr auto schemaV2 = uR"SQL(
CREATE INDEX residents_live_birth ON residents(
    (coalesce(birth_year, 0) * 10000 + coalesce(birth_month, 0) * 100 + coalesce(birth_day, 0)), name_key, id)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_sex ON residents(coalesce(sex, ''), name_key, id)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_personal_id ON residents(personal_id, name_key, id)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_village ON residents(village, name_key, id)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_status ON residents(status, name_key, id)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
)SQL";

// Version 3: cleaning flags (model/cleaning/FlagStore). One flag per (rule, subject): the subject
// is a resident id, a household id, or "idA|idB" for a duplicate pair, so that re-running the
// cleaning finds the same flag again. `fingerprint` hashes what the rule looked at: a dismissed
// flag stays dismissed until it changes. `severity_rank` (0 error, 1 warning, 2 info) orders the
// review lists; `village` is the record's village when the flag was raised (counts per village).
// Resident and household ids are not foreign keys: a flag must survive whatever happens to the
// records (merges, soft deletion, sync), its history is evidence. flag_events is that history,
// one row per transition, with the officer and time.
constexpr auto schemaV3 = uR"SQL(
CREATE TABLE flags (
    id                TEXT PRIMARY KEY,
    rule              TEXT NOT NULL,
    severity          TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
    severity_rank     INTEGER NOT NULL
                      CHECK (severity_rank = (CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END)),
    subject           TEXT NOT NULL,
    resident_id       TEXT,
    household_id      TEXT,
    other_resident_id TEXT,
    fields            TEXT NOT NULL DEFAULT '',
    message           TEXT NOT NULL DEFAULT '',
    suggested_field   TEXT NOT NULL DEFAULT '',
    suggested_value   TEXT NOT NULL DEFAULT '',
    score             REAL NOT NULL DEFAULT 0,
    details           TEXT NOT NULL DEFAULT '',
    fingerprint       TEXT NOT NULL DEFAULT '',
    state             TEXT NOT NULL DEFAULT 'open'
                      CHECK (state IN ('open', 'in_verification', 'resolved', 'dismissed', 'closed')),
    resolution        TEXT NOT NULL DEFAULT ''
                      CHECK (resolution IN ('', 'corrected', 'merged', 'escalated')),
    reason            TEXT NOT NULL DEFAULT '',
    village           TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    created_by        TEXT NOT NULL DEFAULT '',
    updated_at        INTEGER NOT NULL,
    updated_by        TEXT NOT NULL DEFAULT '',
    CHECK ((state = 'resolved') = (resolution <> ''))
);
CREATE UNIQUE INDEX flags_subject ON flags(rule, subject);
CREATE INDEX flags_rank ON flags(state, severity_rank, score DESC, id);
CREATE INDEX flags_active_rank ON flags(severity_rank, score DESC, id)
    WHERE state IN ('open', 'in_verification');
CREATE INDEX flags_rule_rank ON flags(rule, state, severity_rank, score DESC, id);
CREATE INDEX flags_resident ON flags(resident_id) WHERE resident_id IS NOT NULL;
CREATE INDEX flags_other_resident ON flags(other_resident_id) WHERE other_resident_id IS NOT NULL;
CREATE INDEX flags_household ON flags(household_id) WHERE household_id IS NOT NULL;

CREATE TABLE flag_events (
    id          TEXT PRIMARY KEY,
    flag_id     TEXT NOT NULL REFERENCES flags(id),
    from_state  TEXT NOT NULL DEFAULT '',
    to_state    TEXT NOT NULL,
    resolution  TEXT NOT NULL DEFAULT '',
    note        TEXT NOT NULL DEFAULT '',
    officer     TEXT NOT NULL DEFAULT '',
    at          INTEGER NOT NULL
);
CREATE INDEX flag_events_flag ON flag_events(flag_id, at);
)SQL";

// Version 4: merges of duplicate records (MergeOperation). Each keeps the records' before-images
// (to undo exactly) and after-images (to refuse an undo that would lose a later change) as JSON
// objects keyed by resident id, the officer's field choices, who merged and when, and who undid
// it and when.
constexpr auto schemaV4 = uR"SQL(
CREATE TABLE merges (
    id            TEXT PRIMARY KEY,
    survivor_id   TEXT NOT NULL REFERENCES residents(id),
    merged_ids    TEXT NOT NULL,
    choices       TEXT NOT NULL DEFAULT '{}',
    before_images TEXT NOT NULL,
    after_images  TEXT NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    merged_at     INTEGER NOT NULL,
    merged_by     TEXT NOT NULL DEFAULT '',
    undone_at     INTEGER,
    undone_by     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX merges_survivor ON merges(survivor_id, merged_at);
)SQL";

// Version 5: sync (model/ChangeRecorder, sync/). `outbox` holds every change-set this device
// committed, in commit order, written in the same transaction as the edit; rows are never
// deleted, `state` says how far each got: pending (captured), sealed (signed into `envelope`
// as number `device_seq` of this device's chain, `envelope_hash` linking the next), acked (the
// hub's `global_seq`), or refused (`reason` kept for a person). `changes` is the change-set's
// CBOR (model/ChangeSet). `sync_conflicts` keeps every same-field disagreement the hub recorded,
// with both values (CBOR) and who made each, for review; nothing in it is ever applied again.
constexpr auto schemaV5 = uR"SQL(
CREATE TABLE outbox (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    changeset_id   TEXT NOT NULL UNIQUE,
    schema_version INTEGER NOT NULL,
    officer        TEXT NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    changes        BLOB NOT NULL,
    state          TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state IN ('pending', 'sealed', 'acked', 'refused')),
    device_seq     INTEGER UNIQUE,
    envelope       BLOB,
    envelope_hash  BLOB,
    global_seq     INTEGER,
    reason         TEXT NOT NULL DEFAULT '',
    acked_at       INTEGER,
    CHECK ((state = 'pending') = (device_seq IS NULL))
);
CREATE INDEX outbox_unsynced ON outbox(seq) WHERE state <> 'acked';

CREATE TABLE sync_conflicts (
    id                 TEXT PRIMARY KEY,
    global_seq         INTEGER NOT NULL,
    table_name         TEXT NOT NULL,
    row_id             TEXT NOT NULL,
    column_name        TEXT NOT NULL,
    base_value         BLOB,
    hub_value          BLOB,
    incoming_value     BLOB,
    hub_device         TEXT NOT NULL DEFAULT '',
    hub_officer        TEXT NOT NULL DEFAULT '',
    hub_changeset      TEXT NOT NULL DEFAULT '',
    incoming_device    TEXT NOT NULL DEFAULT '',
    incoming_officer   TEXT NOT NULL DEFAULT '',
    incoming_changeset TEXT NOT NULL DEFAULT '',
    created_at         INTEGER NOT NULL
);
CREATE INDEX sync_conflicts_row ON sync_conflicts(table_name, row_id);
)SQL";

// Version 6: conflict resolution (model/SyncConflictStore). A person settles each conflict by
// choosing a side or typing a value; the value is written as an ordinary edit (captured and
// synced) and the conflict keeps what was chosen, by whom and when. Open conflicts are listed
// first, hence the partial index.
constexpr auto schemaV6 = uR"SQL(
ALTER TABLE sync_conflicts ADD COLUMN resolution TEXT CHECK (resolution IN ('hub', 'incoming', 'value'));
ALTER TABLE sync_conflicts ADD COLUMN resolved_value BLOB;
ALTER TABLE sync_conflicts ADD COLUMN resolved_by TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_conflicts ADD COLUMN resolved_at INTEGER;
CREATE INDEX sync_conflicts_open ON sync_conflicts(global_seq, id) WHERE resolved_at IS NULL;
)SQL";

// Version 7: search as you type stays fast on a 1M ward. Prefix tables of 1 to 6 letters cover
// the first keystroke and nearly every Vietnamese syllable ("nguyen", "phuong"), so FTS5 never
// merges the lists of every term a prefix starts (25 ms for "nguyen"*, 150 ms for "0"* on 1M).
// The index keeps no copy of the text (content='': residents.search_text is the text), no
// positions (detail=none: queries are ANDs of words and prefixes, never phrases) and no sizes
// (columnsize=0: results are not ranked): smaller and no slower to build than v1's. A contentless
// index forgets a row only when told its old text, hence the 'delete' commands in the triggers.
constexpr auto schemaV7 = uR"SQL(
DROP TRIGGER residents_search_update;
DROP TRIGGER residents_search_delete;
DROP TABLE resident_search;
CREATE VIRTUAL TABLE resident_search USING fts5(
    body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3 4 5 6',
    detail = none,
    columnsize = 0,
    content = ''
);
INSERT INTO resident_search(rowid, body)
    SELECT k.seq, r.search_text FROM resident_search_keys k JOIN residents r ON r.id = k.resident_id;
CREATE TRIGGER residents_search_update AFTER UPDATE OF search_text ON residents BEGIN
    INSERT INTO resident_search(resident_search, rowid, body)
        SELECT 'delete', seq, old.search_text FROM resident_search_keys WHERE resident_id = old.id;
    INSERT INTO resident_search(rowid, body)
        SELECT seq, new.search_text FROM resident_search_keys WHERE resident_id = new.id;
END;
CREATE TRIGGER residents_search_delete AFTER DELETE ON residents BEGIN
    INSERT INTO resident_search(resident_search, rowid, body)
        SELECT 'delete', seq, old.search_text FROM resident_search_keys WHERE resident_id = old.id;
    DELETE FROM resident_search_keys WHERE resident_id = old.id;
END;
)SQL";

// Version 8: "not yet synced" at a glance and as a filter (model/UnsyncedRows). pending_seq is
// the outbox seq of the latest change-set the hub has not acknowledged that touched the row,
// NULL when the hub has all of it; local to the device (never captured nor sent). The partial
// indexes keep both the filter and the clearing after an acknowledgement proportional to the
// unsynced rows. The existing outbox is read to mark the rows it still owes the hub.
constexpr auto schemaV8 = uR"SQL(
ALTER TABLE households ADD COLUMN pending_seq INTEGER;
ALTER TABLE residents ADD COLUMN pending_seq INTEGER;
CREATE INDEX households_pending ON households(pending_seq) WHERE pending_seq IS NOT NULL;
CREATE INDEX residents_pending ON residents(pending_seq) WHERE pending_seq IS NOT NULL;
)SQL";

Status markUnsyncedRows(SqlConnection& connection)
{
    return UnsyncedRows(connection).rebuildFromOutbox();
}

// Version 9: a bulk load (import, demo) rebuilds every index of `residents` with a scan of the
// whole table, about 3 s of CPU each on 1M records. Two indexes had no query left: every lookup by
// personal ID is of live records (residents_live_personal_id, which the planner preferred only
// when forced) and the name order is residents_live_order's.
constexpr auto schemaV9 = uR"SQL(
DROP INDEX residents_name_key;
DROP INDEX residents_personal_id;
)SQL";

// Version 10: the live-record sort indexes end with the rowid, which every index entry of a rowid
// table carries anyway, instead of the 36-character id: entries are ~37 bytes smaller and a bulk
// load rebuilds the six indexes ~25% faster. The list (ui/ResidentPageQuery) breaks ties on
// r.rowid, so each page is still one walk of its index. Same names, expressions and condition.
constexpr auto schemaV10 = uR"SQL(
DROP INDEX residents_live_order;
DROP INDEX residents_live_birth;
DROP INDEX residents_live_sex;
DROP INDEX residents_live_personal_id;
DROP INDEX residents_live_village;
DROP INDEX residents_live_status;
)SQL";
constexpr auto sortIndexesV10 = uR"SQL(
CREATE INDEX residents_live_order ON residents(name_key) WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_birth ON residents(
    (coalesce(birth_year, 0) * 10000 + coalesce(birth_month, 0) * 100 + coalesce(birth_day, 0)), name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_sex ON residents(coalesce(sex, ''), name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_personal_id ON residents(personal_id, name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_village ON residents(village, name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_status ON residents(status, name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
)SQL";

// Version 11: SQLite tests `x IN (more than two constants)` through a small temporary index that
// it builds again each time a statement runs, CHECK constraints included: residents' status check
// cost every insert ~2.8 us (a 1M-row load: ~3 s of its writer), against ~0.1 us for the same
// condition as a chain of equalities (both measured on SQLite 3.40 with 300k inserts); a flag paid
// it three times. A CHECK constraint does not change how rows are stored, so each table's
// definition is edited in place, as SQLite documents for such changes ("Making Other Kinds Of
// Table Schema Changes" in lang_altertable.html), instead of copying every record into a new
// table. IN lists of two values (sex) SQLite already tests as two comparisons.
struct InListCheck
{
    const char16_t* table;
    const char16_t* column;
    const char16_t* values; // as the CHECK lists them
};
constexpr std::array inListChecks{
    InListCheck{u"residents", u"status", u"'living', 'deceased', 'missing', 'moved_out'"},
    InListCheck{u"flags", u"severity", u"'error', 'warning', 'info'"},
    InListCheck{u"flags", u"state", u"'open', 'in_verification', 'resolved', 'dismissed', 'closed'"},
    InListCheck{u"flags", u"resolution", u"'', 'corrected', 'merged', 'escalated'"},
    InListCheck{u"outbox", u"state", u"'pending', 'sealed', 'acked', 'refused'"},
    InListCheck{u"sync_conflicts", u"resolution", u"'hub', 'incoming', 'value'"},
};

Status rewriteInListChecks(SqlConnection& connection)
{
    auto schemaVersion = connection.queryInt(u"PRAGMA schema_version");
    if (!schemaVersion.ok())
        return schemaVersion.error();
    if (auto status = connection.exec(u"PRAGMA writable_schema = ON"); !status.ok())
        return status;
    auto rewrite = [&]() -> Status {
        auto stmt = connection.prepare(u"UPDATE sqlite_schema SET sql = replace(sql, ?2, ?3) "
                                       u"WHERE type = 'table' AND name = ?1 AND instr(sql, ?2) > 0");
        if (!stmt.ok())
            return stmt.error();
        for (const InListCheck& check : inListChecks) {
            const QString column = QString::fromUtf16(check.column);
            const QString values = QString::fromUtf16(check.values);
            QStringList equalities;
            for (const QString& value : values.split(QStringLiteral(", ")))
                equalities << column + QStringLiteral(" = ") + value;
            const QString from = QStringLiteral("CHECK (%1 IN (%2))").arg(column, values);
            const QString to = QStringLiteral("CHECK (%1)").arg(equalities.join(QStringLiteral(" OR ")));
            stmt->reset();
            stmt->bindAll(QString::fromUtf16(check.table), from, to);
            if (auto status = stmt->exec(); !status.ok())
                return status;
            // A ward whose rule reads otherwise (edited by hand) keeps it: the same rule, only slower.
            if (connection.changes() != 1)
                qCWarning(lcMigrations)
                    << "no" << from << "in" << QString::fromUtf16(check.table) << "to rewrite";
        }
        // Every connection, this one included, reads the schema again.
        return connection.exec(QStringLiteral("PRAGMA schema_version = %1").arg(schemaVersion.value() + 1));
    };
    const Status rewritten = rewrite();
    const Status closed = connection.exec(u"PRAGMA writable_schema = OFF");
    return rewritten.ok() ? closed : rewritten;
}

// Rebuilding the six on an existing ward is a sort of every live record, once per index: with
// file-backed temporary storage and small sort pieces SQLite sorts them on helper threads (as
// ResidentBulkInsert does), instead of in one piece on this thread.
Status rebuildSortIndexes(SqlConnection& connection)
{
    const ParallelSort sort(connection);
    return connection.exec(QStringView(sortIndexesV10));
}

// Version 12: no table changes. A bulk load now records its inserts in ChangeSet's compact form
// (column names declared once per change-set), which a hub built before it refuses as a damaged
// change-set. The schema version travels in every envelope, so such a hub says "upgrade the hub"
// instead, and a hub of this version reads both forms.

struct Step
{
    int version;
    const char16_t* sql;
    Status (*data)(SqlConnection&) = nullptr; // then, in the same transaction
};

constexpr std::array steps{Step{1, schemaV1},
                           Step{2, schemaV2},
                           Step{3, schemaV3},
                           Step{4, schemaV4},
                           Step{5, schemaV5},
                           Step{6, schemaV6},
                           Step{7, schemaV7},
                           Step{8, schemaV8, markUnsyncedRows},
                           Step{9, schemaV9},
                           Step{10, schemaV10, rebuildSortIndexes},
                           Step{11, u"", rewriteInListChecks},
                           Step{12, u""}};

} // namespace

int Migrations::latestVersion()
{
    return steps.back().version;
}

Result<int> Migrations::currentVersion(SqlConnection& connection)
{
    auto version = connection.queryInt(u"PRAGMA user_version");
    if (!version.ok())
        return version.error();
    return static_cast<int>(version.value());
}

Status Migrations::migrate(SqlConnection& connection, int targetVersion)
{
    if (targetVersion < 0)
        targetVersion = latestVersion();
    auto current = currentVersion(connection);
    if (!current.ok())
        return current.error();
    if (current.value() > latestVersion()) {
        return Error{Error::Kind::InvalidInput,
                     tr("This ward was saved by a newer version of WardRoll. Update WardRoll to open it."),
                     QStringLiteral("user_version %1 > %2").arg(current.value()).arg(latestVersion())};
    }
    for (const Step& step : steps) {
        if (step.version <= current.value() || step.version > targetVersion)
            continue;
        SqlTransaction transaction(connection);
        if (!transaction.begun().ok())
            return transaction.begun();
        if (auto status = connection.exec(QStringView(step.sql)); !status.ok())
            return Error{status.error().kind, tr("The ward database could not be upgraded."),
                         status.error().detail};
        if (step.data) {
            if (auto status = step.data(connection); !status.ok())
                return Error{status.error().kind, tr("The ward database could not be upgraded."),
                             status.error().detail};
        }
        if (auto status = connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version));
            !status.ok())
            return status;
        if (auto status = transaction.commit(); !status.ok())
            return status;
    }
    return {};
}

} // namespace wardroll::model
