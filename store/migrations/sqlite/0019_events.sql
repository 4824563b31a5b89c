-- Job fairs (招聘活动): an event on one day, the firms at it, the positions they offer, the
-- people who came in at the door and the intentions (意向) agreed at the booths, with their
-- outcome later. The bureau's four figures (firms, positions, attendees, intentions) are
-- counted from these rows (store/events_report.go).
CREATE TABLE events (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    campaign   TEXT NOT NULL CHECK (campaign IN ('spring', 'private', 'aid', 'other')),
    day        TEXT NOT NULL,             -- YYYY-MM-DD, station-local
    place      TEXT NOT NULL DEFAULT '',
    organiser  TEXT NOT NULL DEFAULT '',
    created_by INTEGER REFERENCES staff(id),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX events_day ON events (day);

-- The employers taking part: existing employer records, one row each per event.
CREATE TABLE event_firms (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    employer_id INTEGER NOT NULL REFERENCES employers(id),
    booth       TEXT NOT NULL DEFAULT '',
    added_by    INTEGER REFERENCES staff(id),
    added_at    INTEGER NOT NULL,
    UNIQUE (event_id, employer_id)
);

-- A position a firm offers at the fair: long-term jobs as well as gigs, pay as a range per day
-- or per month in fen, checked like a job (guide pay, minimum wage, lawful-posting words).
CREATE TABLE event_positions (
    id               INTEGER PRIMARY KEY,
    event_id         INTEGER NOT NULL REFERENCES events(id),
    firm_id          INTEGER NOT NULL REFERENCES event_firms(id),
    title            TEXT NOT NULL,
    trade_id         INTEGER NOT NULL REFERENCES trades(id),
    headcount        INTEGER NOT NULL CHECK (headcount > 0),
    pay_unit         TEXT NOT NULL CHECK (pay_unit IN ('day', 'month')),
    pay_min_fen      INTEGER NOT NULL,
    pay_max_fen      INTEGER NOT NULL,
    requirements     TEXT NOT NULL DEFAULT '',
    term             TEXT NOT NULL CHECK (term IN ('long', 'gig')),
    below_guide      INTEGER NOT NULL DEFAULT 0,
    guide_fen        INTEGER NOT NULL DEFAULT 0,
    pay_reason       TEXT NOT NULL DEFAULT '',
    posting_flags    TEXT NOT NULL DEFAULT '',
    posting_override TEXT NOT NULL DEFAULT '',
    created_by       INTEGER REFERENCES staff(id),
    created_at       INTEGER NOT NULL
);
CREATE INDEX event_positions_event ON event_positions (event_id, firm_id);

-- Who came in at the door: a worker record each (a newcomer's is made at the door).
CREATE TABLE event_attendees (
    id        INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL REFERENCES events(id),
    worker_id INTEGER NOT NULL REFERENCES workers(id),
    newcomer  INTEGER NOT NULL DEFAULT 0, -- 1: registered at the door
    at        INTEGER NOT NULL,
    staff_id  INTEGER REFERENCES staff(id),
    UNIQUE (event_id, worker_id)
);

-- An attendee and a position agreed to proceed (达成意向); the outcome comes later.
CREATE TABLE event_intentions (
    id          INTEGER PRIMARY KEY,
    event_id    INTEGER NOT NULL REFERENCES events(id),
    attendee_id INTEGER NOT NULL REFERENCES event_attendees(id),
    position_id INTEGER NOT NULL REFERENCES event_positions(id),
    at          INTEGER NOT NULL,
    staff_id    INTEGER REFERENCES staff(id),
    outcome     TEXT NOT NULL DEFAULT '' CHECK (outcome IN ('', 'hired', 'not_hired')),
    outcome_at  INTEGER,
    outcome_by  INTEGER REFERENCES staff(id),
    UNIQUE (attendee_id, position_id)
);
CREATE INDEX event_intentions_event ON event_intentions (event_id, position_id);
