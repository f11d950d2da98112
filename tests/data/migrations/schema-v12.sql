CREATE INDEX flag_events_flag ON flag_events(flag_id, at);
CREATE INDEX flags_active_rank ON flags(severity_rank, score DESC, id)
    WHERE state IN ('open', 'in_verification');
CREATE INDEX flags_household ON flags(household_id) WHERE household_id IS NOT NULL;
CREATE INDEX flags_other_resident ON flags(other_resident_id) WHERE other_resident_id IS NOT NULL;
CREATE INDEX flags_rank ON flags(state, severity_rank, score DESC, id);
CREATE INDEX flags_resident ON flags(resident_id) WHERE resident_id IS NOT NULL;
CREATE INDEX flags_rule_rank ON flags(rule, state, severity_rank, score DESC, id);
CREATE UNIQUE INDEX flags_subject ON flags(rule, subject);
CREATE INDEX households_no ON households(household_no);
CREATE INDEX households_pending ON households(pending_seq) WHERE pending_seq IS NOT NULL;
CREATE INDEX merges_survivor ON merges(survivor_id, merged_at);
CREATE INDEX outbox_unsynced ON outbox(seq) WHERE state <> 'acked';
CREATE INDEX residents_household ON residents(household_id) WHERE household_id IS NOT NULL;
CREATE INDEX residents_live_birth ON residents(
    (coalesce(birth_year, 0) * 10000 + coalesce(birth_month, 0) * 100 + coalesce(birth_day, 0)), name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_order ON residents(name_key) WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_personal_id ON residents(personal_id, name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_sex ON residents(coalesce(sex, ''), name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_status ON residents(status, name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_live_village ON residents(village, name_key)
    WHERE deleted_at IS NULL AND merged_into IS NULL;
CREATE INDEX residents_pending ON residents(pending_seq) WHERE pending_seq IS NOT NULL;
CREATE INDEX residents_source_ref ON residents(source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX sync_conflicts_open ON sync_conflicts(global_seq, id) WHERE resolved_at IS NULL;
CREATE INDEX sync_conflicts_row ON sync_conflicts(table_name, row_id);
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
CREATE TABLE flags (
    id                TEXT PRIMARY KEY,
    rule              TEXT NOT NULL,
    severity          TEXT NOT NULL CHECK (severity = 'error' OR severity = 'warning' OR severity = 'info'),
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
                      CHECK (state = 'open' OR state = 'in_verification' OR state = 'resolved' OR state = 'dismissed' OR state = 'closed'),
    resolution        TEXT NOT NULL DEFAULT ''
                      CHECK (resolution = '' OR resolution = 'corrected' OR resolution = 'merged' OR resolution = 'escalated'),
    reason            TEXT NOT NULL DEFAULT '',
    village           TEXT NOT NULL DEFAULT '',
    created_at        INTEGER NOT NULL,
    created_by        TEXT NOT NULL DEFAULT '',
    updated_at        INTEGER NOT NULL,
    updated_by        TEXT NOT NULL DEFAULT '',
    CHECK ((state = 'resolved') = (resolution <> ''))
);
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
, pending_seq INTEGER);
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
CREATE TABLE outbox (
    seq            INTEGER PRIMARY KEY AUTOINCREMENT,
    changeset_id   TEXT NOT NULL UNIQUE,
    schema_version INTEGER NOT NULL,
    officer        TEXT NOT NULL DEFAULT '',
    created_at     INTEGER NOT NULL,
    changes        BLOB NOT NULL,
    state          TEXT NOT NULL DEFAULT 'pending'
                   CHECK (state = 'pending' OR state = 'sealed' OR state = 'acked' OR state = 'refused'),
    device_seq     INTEGER UNIQUE,
    envelope       BLOB,
    envelope_hash  BLOB,
    global_seq     INTEGER,
    reason         TEXT NOT NULL DEFAULT '',
    acked_at       INTEGER,
    CHECK ((state = 'pending') = (device_seq IS NULL))
);
CREATE VIRTUAL TABLE resident_search USING fts5(
    body,
    tokenize = 'unicode61 remove_diacritics 0',
    prefix = '1 2 3 4 5 6',
    detail = none,
    columnsize = 0,
    content = ''
);
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
                       CHECK (status = 'living' OR status = 'deceased' OR status = 'missing' OR status = 'moved_out'),
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
, pending_seq INTEGER);
CREATE TABLE sqlite_sequence(name,seq);
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
, resolution TEXT CHECK (resolution = 'hub' OR resolution = 'incoming' OR resolution = 'value'), resolved_value BLOB, resolved_by TEXT NOT NULL DEFAULT '', resolved_at INTEGER);
CREATE TABLE ward_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TRIGGER residents_search_delete AFTER DELETE ON residents BEGIN
    INSERT INTO resident_search(resident_search, rowid, body)
        SELECT 'delete', seq, old.search_text FROM resident_search_keys WHERE resident_id = old.id;
    DELETE FROM resident_search_keys WHERE resident_id = old.id;
END;
CREATE TRIGGER residents_search_insert AFTER INSERT ON residents BEGIN
    INSERT INTO resident_search_keys(resident_id) VALUES (new.id);
    INSERT INTO resident_search(rowid, body) VALUES (last_insert_rowid(), new.search_text);
END;
CREATE TRIGGER residents_search_update AFTER UPDATE OF search_text ON residents BEGIN
    INSERT INTO resident_search(resident_search, rowid, body)
        SELECT 'delete', seq, old.search_text FROM resident_search_keys WHERE resident_id = old.id;
    INSERT INTO resident_search(rowid, body)
        SELECT seq, new.search_text FROM resident_search_keys WHERE resident_id = new.id;
END;
