package store

import (
	"context"
	"database/sql"
	"fmt"
	"sort"
	"strings"
	"sync"
)

// Bulk loading is for demo data and imports: one transaction, explicit ids chosen by the
// caller, multi-row INSERTs through prepared statements, and (on request) secondary indexes
// rebuilt once at the end instead of being updated row by row.

// Loader writes many records in one transaction. Ids are the caller's: use NextID.
// Rows are buffered and written by a second goroutine, so generating the next rows and
// SQLite storing the last ones overlap; a write error is returned by a later call.
type Loader struct {
	s    *Store
	conn *sql.Conn // the transaction's connection (PostgreSQL's COPY runs on it)
	tx   *sql.Tx
	ctx  context.Context

	staff, settings, workers, workerTrades, employers, jobs, dispatches, calls, signIns, visits, audit, workerKeys, pool *batcher
	all                                                                                                                  []*batcher

	work    chan write
	stopped chan struct{}
	mu      sync.Mutex
	err     error // the writer's first error

	keys     []workerKey        // written sorted at the end, so the (key, worker_id) index is built in order
	jobFacts map[int64]jobFacts // jobs written by this load, for their dispatches' copies
	priority map[int64]bool     // workers written by this load: whether they are in a priority group
	keyCache map[string][]string
	indexes  []string // CREATE INDEX statements to run again before commit
	// PostgreSQL: ALTER TABLE … ADD CONSTRAINT statements to run again before commit
	foreignKeys []string
	refs        *refCheck // a fresh SQLite load's references, checked in memory (foreign keys are off)
	triggers    []string  // SQLite: the day_figures triggers to create again before commit

	// the pool's rows of the workers this load wrote or dispatched: made from what was written
	// when the load starts from no workers at all, else computed again from the tables at the end
	facts     map[int64]workerFacts
	sums      map[int64]*recordSums
	anyWorker bool // the database held workers before this load
}

// workerKey is one search key of a worker, a row of worker_keys.
type workerKey struct {
	key    string
	worker int64
}

// Bulk runs fn with a Loader inside one immediate transaction and commits what it wrote.
func (s *Store) Bulk(ctx context.Context, fn func(*Loader) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return dbError(err, s.path)
	}
	defer conn.Close()
	fresh, err := freshForBulk(ctx, conn)
	if err != nil {
		return dbError(err, s.path)
	}
	restore := func() {}
	if !s.pg { // PostgreSQL's settings are the server's: a load there needs none of SQLite's
		restore, err = bulkPragmas(ctx, conn, fresh)
	}
	if err != nil {
		return dbError(err, s.path)
	}
	defer restore()
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return dbError(err, s.path)
	}
	defer tx.Rollback()
	l := newLoader(ctx, s, tx)
	l.conn = conn
	if fresh && !s.pg {
		if err := l.checkRefsInMemory(); err != nil {
			return dbError(err, s.path)
		}
	}
	if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM workers)`).Scan(&l.anyWorker); err != nil {
		return dbError(err, s.path)
	}
	if err := l.pauseDayFigures(); err != nil {
		return dbError(err, s.path)
	}
	// the cached pool may hold workers this load changes, and a load need not audit each one
	defer s.poolCache().drop()
	go l.writer()
	defer l.stop()
	if err := fn(l); err != nil {
		if AsError(err) != nil {
			return err
		}
		return dbError(err, s.path)
	}
	if err := l.finish(); err != nil {
		return dbError(err, s.path)
	}
	if s.pg {
		if err := l.moveIdentities(); err != nil {
			return dbError(err, s.path)
		}
		if err := notifyChange(ctx, tx); err != nil {
			return dbError(err, s.path)
		}
	}
	if err := tx.Commit(); err != nil {
		return dbError(err, s.path)
	}
	if s.pg { // the planner's figures for what was just loaded: without them it guesses until
		// autovacuum gets round to the tables, and a district's first summaries plan badly
		if _, err := conn.ExecContext(ctx, `ANALYZE`); err != nil {
			s.log.Warn("analyze after load", "err", err)
		}
	}
	return nil
}

// newLoader declares the tables a load writes, each after the tables its foreign keys point to.
func newLoader(ctx context.Context, s *Store, tx *sql.Tx) *Loader {
	l := &Loader{s: s, tx: tx, ctx: ctx, keyCache: map[string][]string{},
		jobFacts: map[int64]jobFacts{}, priority: map[int64]bool{}, facts: map[int64]workerFacts{}, sums: map[int64]*recordSums{}, work: make(chan write, 16), stopped: make(chan struct{})}
	l.staff = l.table("staff", "id, name, role, active, created_at")
	l.settings = l.table("settings", "key, value")
	l.settings.suffix = " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
	l.settings.perStmt = min(256, maxBulkVars/2) // one INSERT … ON CONFLICT may not name a key twice
	l.workers = l.table("workers", `id, name, gender, birth_year, phone, phone_tail, id_number, community_id,
		expected_pay_fen, expected_pay_unit, availability, groups, insured, channel, consent, status, status_reason, notes,
		created_by, created_at, updated_at`, l.staff)
	l.workerTrades = l.table("worker_trades", "worker_id, trade_id, years", l.workers)
	l.employers = l.table("employers", "id, kind, name, contact, phone, address, community_id, notes, created_by, created_at, updated_at", l.staff)
	l.jobs = l.table("jobs", `id, employer_id, trade_id, headcount, filled, address, community_id, starts_at, duration_minutes,
		pay_fen, pay_unit, requirements, urgent, channel, status, status_reason, requested_worker_id, valid_until,
		created_by, created_at, updated_at`, l.employers, l.workers)
	l.dispatches = l.table("dispatches", `id, job_id, worker_id, status, starts_at, ends_at, agreed_pay_fen, insured, insurer, policy_no,
		checked_in_at, done_at, paid_fen, paid_at, worker_rating, employer_rating, cancelled_by, cancel_reason, disputed,
		dispute_note, dispute_resolved_at, created_by, created_at, updated_at,
		job_trade_id, job_community_id, job_posted_at, worker_priority`, l.jobs, l.workers)
	l.calls = l.table("call_attempts", "id, job_id, worker_id, outcome, reason, staff_id, at", l.jobs, l.workers)
	l.signIns = l.table("sign_ins", "id, worker_id, day, in_at, out_at, staff_id", l.workers, l.staff)
	l.visits = l.table("service_visits", "id, kind, worker_id, note, staff_id, at", l.workers, l.staff)
	// jobs, dispatches and calls reach staff through employers and workers, which flush staff first
	l.audit = l.table("audit", "id, at, staff_id, action, entity, entity_id, detail", l.staff)
	l.workerKeys = l.table("worker_keys", "key, worker_id", l.workers)
	l.pool = l.table("worker_pool", poolColumns, l.workers)
	return l
}

func (l *Loader) table(name, cols string, deps ...*batcher) *batcher {
	n := len(strings.Split(cols, ","))
	b := &batcher{
		l:       l,
		table:   name,
		cols:    n,
		prefix:  "INSERT INTO " + name + " (" + strings.Join(strings.Fields(cols), " ") + ") VALUES ",
		rowSQL:  "(" + placeholders(n) + ")",
		columns: columnNames(cols),
		perStmt: min(256, maxBulkVars/n),
		spare:   make(chan []any, buffersPerTable),
		deps:    deps,
	}
	if l.s.pg { // copied in (bulk_copy.go), so fewer and larger batches; settings adjust theirs
		b.perStmt = pgRowsPerCopy
	}
	l.all = append(l.all, b)
	return b
}

func (l *Loader) finish() error {
	sort.Slice(l.keys, func(i, j int) bool {
		if l.keys[i].key != l.keys[j].key {
			return l.keys[i].key < l.keys[j].key
		}
		return l.keys[i].worker < l.keys[j].worker
	})
	for _, k := range l.keys {
		if err := l.workerKeys.add(k.key, k.worker); err != nil {
			return err
		}
	}
	if err := l.writePool(); err != nil {
		return err
	}
	if err := l.sync(); err != nil {
		return err
	}
	if err := l.refs.verify(); err != nil {
		return err
	}
	for _, b := range l.all {
		for _, st := range b.stmts {
			if st != nil {
				st.Close()
			}
		}
	}
	if err := sortPragmas(l); err != nil {
		return err
	}
	for _, q := range l.indexes {
		if _, err := l.tx.ExecContext(l.ctx, q); err != nil {
			return fmt.Errorf("bulk: rebuild index: %w", err)
		}
	}
	for _, q := range l.foreignKeys { // each checked over its whole table at once
		if _, err := l.tx.ExecContext(l.ctx, q); err != nil {
			return fmt.Errorf("bulk: foreign key: %w", err)
		}
	}
	return l.resumeDayFigures()
}

// DeferIndexes drops the secondary indexes of the tables a load writes and builds them again
// just before commit: one sort per index instead of a B-tree update per row. UNIQUE and
// primary-key indexes stay, so constraints are still checked row by row.
func (l *Loader) DeferIndexes() error {
	tables := []string{"workers", "worker_trades", "worker_keys", "employers", "jobs", "dispatches", "call_attempts", "sign_ins", "service_visits", "audit"}
	if err := l.sync(); err != nil {
		return err
	}
	names, defs, err := l.schemaObjects(l.s.secondaryIndexesSQL(len(tables)), anySlice(tables)...)
	if err != nil {
		return err
	}
	l.indexes = append(l.indexes, defs...)
	for _, n := range names {
		if _, err := l.tx.ExecContext(l.ctx, `DROP INDEX "`+n+`"`); err != nil {
			return err
		}
	}
	if l.s.pg {
		return l.deferForeignKeys(tables)
	}
	return nil
}

// schemaObjects runs a query of the schema that lists names and their CREATE statements.
func (l *Loader) schemaObjects(query string, args ...any) (names, defs []string, err error) {
	rows, err := l.tx.QueryContext(l.ctx, query, args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			return nil, nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	return names, defs, rows.Err()
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// secondaryIndexesSQL lists the name and CREATE statement of every index of the n tables named
// by its arguments that is neither a primary key nor UNIQUE.
func (s *Store) secondaryIndexesSQL(n int) string {
	if s.pg {
		return `SELECT i.indexname, i.indexdef FROM pg_indexes i
			JOIN pg_class c ON c.relname = i.indexname AND c.relnamespace = to_regnamespace(i.schemaname)
			JOIN pg_index x ON x.indexrelid = c.oid
			WHERE i.schemaname = current_schema() AND NOT x.indisunique AND NOT x.indisprimary
			AND i.tablename IN (` + placeholders(n) + `) ORDER BY i.tablename, i.indexname`
	}
	return `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (` + placeholders(n) + `) ORDER BY tbl_name, name`
}

// moveIdentities sets each identity past the ids a load chose itself (PostgreSQL only: SQLite
// gives the next row max(id) + 1 anyway), so the next record saved does not take a loaded id.
func (l *Loader) moveIdentities() error {
	for t := range bulkTables {
		if _, err := l.tx.ExecContext(l.ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), coalesce(max(id), 0) + 1, false) FROM `+t); err != nil {
			return err
		}
	}
	return nil
}

// NextID is one more than the largest id in table (1 for an empty table).
func (l *Loader) NextID(table string) (int64, error) {
	if !bulkTables[table] {
		return 0, fmt.Errorf("bulk: no table %q", table)
	}
	if err := l.sync(); err != nil {
		return 0, err
	}
	var n int64
	err := l.tx.QueryRowContext(l.ctx, `SELECT coalesce(max(id), 0) + 1 FROM `+table).Scan(&n)
	return n, err
}

var bulkTables = map[string]bool{"staff": true, "workers": true, "employers": true, "jobs": true, "dispatches": true,
	"call_attempts": true, "sign_ins": true, "service_visits": true, "audit": true}
