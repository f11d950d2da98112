#include "Migrations.h"

#include "SqlConnection.h"
#include "SqlTransaction.h"

#include <array>

namespace wardroll::model {

namespace {

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

struct Step
{
    int version;
    const char16_t* sql;
};

constexpr std::array steps{Step{1, schemaV1}, Step{2, schemaV2}};

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
        if (auto status = connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(step.version));
            !status.ok())
            return status;
        if (auto status = transaction.commit(); !status.ok())
            return status;
    }
    return {};
}

} // namespace wardroll::model
