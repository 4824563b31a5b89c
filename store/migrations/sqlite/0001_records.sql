-- The station's records. Times are Unix seconds (UTC); money is integer fen.
-- Standard SQL where possible so the same schema can move to PostgreSQL later.

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE staff (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    role       TEXT NOT NULL DEFAULT 'staff' CHECK (role IN ('head', 'staff')),
    pin_hash   TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1,
    created_at INTEGER NOT NULL
);

CREATE TABLE trades (
    id      INTEGER PRIMARY KEY,
    code    TEXT NOT NULL UNIQUE,
    name_zh TEXT NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    sort    INTEGER NOT NULL DEFAULT 0
);

-- Related trades are a weaker match; both directions are stored.
CREATE TABLE trade_relations (
    trade_id   INTEGER NOT NULL REFERENCES trades(id),
    related_id INTEGER NOT NULL REFERENCES trades(id),
    PRIMARY KEY (trade_id, related_id)
);

CREATE TABLE places (
    id        INTEGER PRIMARY KEY,
    parent_id INTEGER REFERENCES places(id),
    level     TEXT NOT NULL CHECK (level IN ('district', 'subdistrict', 'town', 'community')),
    name      TEXT NOT NULL,
    UNIQUE (parent_id, name)
);

CREATE TABLE workers (
    id                INTEGER PRIMARY KEY,
    name              TEXT NOT NULL,
    gender            TEXT NOT NULL DEFAULT '' CHECK (gender IN ('', 'M', 'F')),
    birth_year        INTEGER NOT NULL DEFAULT 0,
    phone             TEXT UNIQUE,
    phone_tail        TEXT NOT NULL DEFAULT '',
    id_number         TEXT UNIQUE,
    community_id      INTEGER REFERENCES places(id),
    expected_pay_fen  INTEGER NOT NULL DEFAULT 0,
    expected_pay_unit TEXT NOT NULL DEFAULT 'day' CHECK (expected_pay_unit IN ('hour', 'day', 'piece', 'fixed')),
    availability      INTEGER NOT NULL DEFAULT 16383, -- 14 bits: Mon..Sun x morning/afternoon
    groups            TEXT NOT NULL DEFAULT '',        -- priority-group codes, comma separated
    insured           INTEGER NOT NULL DEFAULT 0,
    channel           TEXT NOT NULL DEFAULT 'counter' CHECK (channel IN ('counter', 'phone', 'online')),
    consent           INTEGER NOT NULL DEFAULT 0,
    status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused', 'left')),
    status_reason     TEXT NOT NULL DEFAULT '',
    notes             TEXT NOT NULL DEFAULT '',
    erased            INTEGER NOT NULL DEFAULT 0,
    created_by        INTEGER REFERENCES staff(id),
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL
);
CREATE INDEX workers_phone_tail ON workers (phone_tail);
CREATE INDEX workers_name_birth ON workers (name, birth_year);
CREATE INDEX workers_created ON workers (created_at);
CREATE INDEX workers_community ON workers (community_id);

CREATE TABLE worker_trades (
    worker_id INTEGER NOT NULL REFERENCES workers(id),
    trade_id  INTEGER NOT NULL REFERENCES trades(id),
    years     INTEGER NOT NULL DEFAULT 0 CHECK (years >= 0 AND years <= 70),
    PRIMARY KEY (worker_id, trade_id)
);
CREATE INDEX worker_trades_trade ON worker_trades (trade_id, worker_id);

-- Search keys (name suffixes, pinyin readings and initials) for prefix lookups.
CREATE TABLE worker_keys (
    key       TEXT NOT NULL,
    worker_id INTEGER NOT NULL REFERENCES workers(id),
    PRIMARY KEY (key, worker_id)
);
CREATE INDEX worker_keys_worker ON worker_keys (worker_id);

CREATE TABLE employers (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL DEFAULT 'resident' CHECK (kind IN ('resident', 'shop', 'firm')),
    name         TEXT NOT NULL,
    contact      TEXT NOT NULL DEFAULT '',
    phone        TEXT UNIQUE,
    address      TEXT NOT NULL DEFAULT '',
    community_id INTEGER REFERENCES places(id),
    notes        TEXT NOT NULL DEFAULT '',
    erased       INTEGER NOT NULL DEFAULT 0,
    created_by   INTEGER REFERENCES staff(id),
    created_at   INTEGER NOT NULL,
    updated_at   INTEGER NOT NULL
);
CREATE INDEX employers_created ON employers (created_at);

CREATE TABLE jobs (
    id                  INTEGER PRIMARY KEY,
    employer_id         INTEGER NOT NULL REFERENCES employers(id),
    trade_id            INTEGER NOT NULL REFERENCES trades(id),
    headcount           INTEGER NOT NULL CHECK (headcount BETWEEN 1 AND 500),
    filled              INTEGER NOT NULL DEFAULT 0 CHECK (filled >= 0),
    address             TEXT NOT NULL DEFAULT '',
    community_id        INTEGER REFERENCES places(id),
    starts_at           INTEGER NOT NULL,
    duration_minutes    INTEGER NOT NULL CHECK (duration_minutes > 0),
    pay_fen             INTEGER NOT NULL CHECK (pay_fen > 0),
    pay_unit            TEXT NOT NULL CHECK (pay_unit IN ('hour', 'day', 'piece', 'fixed')),
    requirements        TEXT NOT NULL DEFAULT '',
    urgent              INTEGER NOT NULL DEFAULT 0,
    channel             TEXT NOT NULL DEFAULT 'phone' CHECK (channel IN ('counter', 'phone', 'online')),
    status              TEXT NOT NULL DEFAULT 'open'
                        CHECK (status IN ('open', 'partly', 'filled', 'in_progress', 'done', 'cancelled', 'expired')),
    status_reason       TEXT NOT NULL DEFAULT '',
    requested_worker_id INTEGER REFERENCES workers(id),
    valid_until         INTEGER,
    created_by          INTEGER REFERENCES staff(id),
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
);
CREATE INDEX jobs_status_start ON jobs (status, starts_at);
CREATE INDEX jobs_start ON jobs (starts_at);
CREATE INDEX jobs_created ON jobs (created_at);
CREATE INDEX jobs_employer ON jobs (employer_id, created_at);
CREATE INDEX jobs_updated ON jobs (updated_at);

CREATE TABLE dispatches (
    id                 INTEGER PRIMARY KEY,
    job_id             INTEGER NOT NULL REFERENCES jobs(id),
    worker_id          INTEGER NOT NULL REFERENCES workers(id),
    status             TEXT NOT NULL DEFAULT 'dispatched'
                       CHECK (status IN ('dispatched', 'checked_in', 'done', 'no_show', 'cancelled')),
    starts_at          INTEGER NOT NULL, -- copied from the job so clashes are one indexed range query
    ends_at            INTEGER NOT NULL,
    agreed_pay_fen     INTEGER NOT NULL CHECK (agreed_pay_fen > 0),
    insured            INTEGER NOT NULL DEFAULT 0,
    insurer            TEXT NOT NULL DEFAULT '',
    policy_no          TEXT NOT NULL DEFAULT '',
    checked_in_at      INTEGER,
    done_at            INTEGER,
    paid_fen           INTEGER CHECK (paid_fen IS NULL OR paid_fen >= 0),
    paid_at            INTEGER,
    worker_rating      INTEGER CHECK (worker_rating IS NULL OR worker_rating BETWEEN 1 AND 5),
    employer_rating    INTEGER CHECK (employer_rating IS NULL OR employer_rating BETWEEN 1 AND 5),
    cancelled_by       TEXT NOT NULL DEFAULT '' CHECK (cancelled_by IN ('', 'worker', 'employer', 'station')),
    cancel_reason      TEXT NOT NULL DEFAULT '',
    disputed           INTEGER NOT NULL DEFAULT 0,
    dispute_note       TEXT NOT NULL DEFAULT '',
    dispute_resolved_at INTEGER,
    created_by         INTEGER REFERENCES staff(id),
    created_at         INTEGER NOT NULL,
    updated_at         INTEGER NOT NULL,
    UNIQUE (job_id, worker_id)
);
CREATE INDEX dispatches_worker_time ON dispatches (worker_id, starts_at);
CREATE INDEX dispatches_created ON dispatches (created_at);
CREATE INDEX dispatches_start ON dispatches (starts_at);
CREATE INDEX dispatches_status ON dispatches (status, starts_at);

CREATE TABLE call_attempts (
    id        INTEGER PRIMARY KEY,
    job_id    INTEGER NOT NULL REFERENCES jobs(id),
    worker_id INTEGER NOT NULL REFERENCES workers(id),
    outcome   TEXT NOT NULL CHECK (outcome IN ('no_answer', 'declined', 'accepted')),
    reason    TEXT NOT NULL DEFAULT '',
    staff_id  INTEGER REFERENCES staff(id),
    at        INTEGER NOT NULL
);
CREATE INDEX call_attempts_job ON call_attempts (job_id, worker_id);
CREATE INDEX call_attempts_at ON call_attempts (at);

CREATE TABLE sign_ins (
    id        INTEGER PRIMARY KEY,
    worker_id INTEGER NOT NULL REFERENCES workers(id),
    day       TEXT NOT NULL, -- station-local YYYY-MM-DD
    in_at     INTEGER NOT NULL,
    out_at    INTEGER,
    staff_id  INTEGER REFERENCES staff(id),
    UNIQUE (worker_id, day)
);
CREATE INDEX sign_ins_day ON sign_ins (day, in_at);

CREATE TABLE service_visits (
    id        INTEGER PRIMARY KEY,
    kind      TEXT NOT NULL CHECK (kind IN ('guidance', 'assessment', 'interview', 'startup', 'policy')),
    worker_id INTEGER REFERENCES workers(id),
    note      TEXT NOT NULL DEFAULT '',
    staff_id  INTEGER REFERENCES staff(id),
    at        INTEGER NOT NULL
);
CREATE INDEX service_visits_at ON service_visits (at);

-- Append-only: the app has no statement that updates or deletes audit rows.
CREATE TABLE audit (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    staff_id  INTEGER REFERENCES staff(id),
    action    TEXT NOT NULL,
    entity    TEXT NOT NULL,
    entity_id INTEGER NOT NULL DEFAULT 0,
    detail    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_at ON audit (at);
CREATE INDEX audit_entity ON audit (entity, entity_id);
