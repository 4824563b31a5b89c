-- Rights and rules: guide pay per trade and unit, what was confirmed when a job was posted
-- below the guide or with flagged words, the rights-case ledger, training wishes, offers and
-- referrals. Standard SQL so it moves to PostgreSQL later.

-- 工资指导价位: the station head's guide pay for a trade and pay unit.
CREATE TABLE guide_pay (
    trade_id   INTEGER NOT NULL REFERENCES trades(id),
    pay_unit   TEXT NOT NULL CHECK (pay_unit IN ('hour', 'day', 'piece', 'fixed')),
    pay_fen    INTEGER NOT NULL CHECK (pay_fen > 0),
    updated_by INTEGER REFERENCES staff(id),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (trade_id, pay_unit)
);

-- Kept with the job: below_guide is 1 when it paid under the guide or the minimum hourly wage
-- when posted (guide_fen is the guide then), with the reason staff gave; posting_flags are the
-- reasons its text was flagged for, posting_override why staff published it anyway.
ALTER TABLE jobs ADD COLUMN below_guide INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN guide_fen INTEGER NOT NULL DEFAULT 0;
ALTER TABLE jobs ADD COLUMN pay_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN posting_flags TEXT NOT NULL DEFAULT '';
ALTER TABLE jobs ADD COLUMN posting_override TEXT NOT NULL DEFAULT '';
-- the expiry sweep reads open jobs by their end of validity
CREATE INDEX jobs_valid_until ON jobs (status, valid_until);

-- 权益维护台账: one complaint by a worker or an employer.
CREATE TABLE rights_cases (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('unpaid', 'injury', 'terms', 'fake_posting', 'other')),
    opened_by   TEXT NOT NULL CHECK (opened_by IN ('worker', 'employer')),
    worker_id   INTEGER REFERENCES workers(id),
    employer_id INTEGER REFERENCES employers(id),
    dispatch_id INTEGER REFERENCES dispatches(id),
    job_id      INTEGER REFERENCES jobs(id),
    status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_progress', 'resolved', 'referred')),
    referred_to TEXT NOT NULL DEFAULT '' CHECK (referred_to IN ('', 'inspection', 'mediation')),
    summary     TEXT NOT NULL DEFAULT '',
    amount_fen  INTEGER NOT NULL DEFAULT 0 CHECK (amount_fen >= 0),
    opened_at   INTEGER NOT NULL,
    resolved_at INTEGER,
    created_by  INTEGER REFERENCES staff(id),
    updated_at  INTEGER NOT NULL
);
CREATE INDEX rights_cases_status ON rights_cases (status, opened_at);
CREATE INDEX rights_cases_employer ON rights_cases (employer_id, kind, status);
CREATE INDEX rights_cases_worker ON rights_cases (worker_id, opened_at);
CREATE INDEX rights_cases_dispatch ON rights_cases (dispatch_id);
CREATE INDEX rights_cases_opened ON rights_cases (opened_at);
CREATE INDEX rights_cases_resolved ON rights_cases (resolved_at);

-- Dated notes on a case and who wrote them; status is the state the note moved the case to.
CREATE TABLE rights_notes (
    id       INTEGER PRIMARY KEY,
    case_id  INTEGER NOT NULL REFERENCES rights_cases(id),
    staff_id INTEGER REFERENCES staff(id),
    at       INTEGER NOT NULL,
    status   TEXT NOT NULL DEFAULT '',
    note     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX rights_notes_case ON rights_notes (case_id, at);

-- A worker's training wishes (电工证), local training offers, and referrals of one to the other.
CREATE TABLE training_wishes (
    id         INTEGER PRIMARY KEY,
    worker_id  INTEGER NOT NULL REFERENCES workers(id),
    topic      TEXT NOT NULL,
    trade_id   INTEGER REFERENCES trades(id),
    created_by INTEGER REFERENCES staff(id),
    created_at INTEGER NOT NULL,
    closed_at  INTEGER
);
CREATE INDEX training_wishes_worker ON training_wishes (worker_id, created_at);
CREATE INDEX training_wishes_trade ON training_wishes (trade_id);

CREATE TABLE training_offers (
    id         INTEGER PRIMARY KEY,
    title      TEXT NOT NULL,
    provider   TEXT NOT NULL DEFAULT '',
    trade_id   INTEGER REFERENCES trades(id),
    starts_on  TEXT NOT NULL DEFAULT '', -- station-local YYYY-MM-DD, '' when rolling
    place      TEXT NOT NULL DEFAULT '',
    contact    TEXT NOT NULL DEFAULT '',
    fee_fen    INTEGER NOT NULL DEFAULT 0 CHECK (fee_fen >= 0),
    active     INTEGER NOT NULL DEFAULT 1,
    created_by INTEGER REFERENCES staff(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE training_referrals (
    id        INTEGER PRIMARY KEY,
    worker_id INTEGER NOT NULL REFERENCES workers(id),
    offer_id  INTEGER NOT NULL REFERENCES training_offers(id),
    wish_id   INTEGER REFERENCES training_wishes(id),
    staff_id  INTEGER REFERENCES staff(id),
    at        INTEGER NOT NULL,
    UNIQUE (worker_id, offer_id)
);
CREATE INDEX training_referrals_at ON training_referrals (at);

-- the day's insured dispatches
CREATE INDEX dispatches_insured ON dispatches (insured, created_at);
