package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Bulk loading is for demo data and imports: one transaction, explicit ids chosen by the
// caller, multi-row INSERTs through prepared statements, and (on request) secondary indexes
// rebuilt once at the end instead of being updated row by row.

// DispatchRecord is one row of dispatches as a bulk load writes it.
type DispatchRecord struct {
	ID                int64
	JobID             int64
	WorkerID          int64
	Status            string // dispatched, checked_in, done, no_show, cancelled
	StartsAt, EndsAt  time.Time
	AgreedPayFen      int64
	Insured           bool
	Insurer           string
	PolicyNo          string
	CheckedInAt       time.Time // zero = NULL
	DoneAt            time.Time
	PaidFen           int64 // used only when Paid
	Paid              bool
	PaidAt            time.Time
	WorkerRating      int // 0 = NULL
	EmployerRating    int
	CancelledBy       string
	CancelReason      string
	Disputed          bool
	DisputeNote       string
	DisputeResolvedAt time.Time
	CreatedBy         int64
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// CallRecord is one phone call to a worker about a job.
type CallRecord struct {
	ID       int64
	JobID    int64
	WorkerID int64
	Outcome  string // no_answer, declined, accepted
	Reason   string
	StaffID  int64
	At       time.Time
}

// SignInRecord is one worker signing in at the station on a day.
type SignInRecord struct {
	ID       int64
	WorkerID int64
	Day      string // station-local YYYY-MM-DD
	InAt     time.Time
	OutAt    time.Time // zero = still there
	StaffID  int64
}

// VisitRecord is one service visit (guidance, assessment, interview, startup, policy).
type VisitRecord struct {
	ID       int64
	Kind     string
	WorkerID int64 // 0 = anonymous
	Note     string
	StaffID  int64
	At       time.Time
}

// maxBulkVars stays under SQLite's default limit of 32766 bound parameters per statement.
const maxBulkVars = 30000

// batcher buffers rows of one table and hands them to the loader's writer as multi-row INSERTs.
type batcher struct {
	l       *Loader
	table   string
	cols    int
	prefix  string // INSERT INTO t (a, b) VALUES
	rowSQL  string // (?, ?)
	suffix  string // ON CONFLICT …, if any
	perStmt int
	stmts   [5]*sql.Stmt // one per size, prepared and used by the writer only
	buf     []any
	rows    int
	spare   chan []any // buffers the writer has finished with
	made    int
	deps    []*batcher // parents whose rows must be written first (foreign keys are checked per statement)
}

// buffersPerTable bounds how far generation may run ahead of SQLite.
const buffersPerTable = 4

func (b *batcher) add(args ...any) error {
	if len(args) != b.cols {
		return fmt.Errorf("bulk %s: %d values for %d columns", b.table, len(args), b.cols)
	}
	if b.buf == nil {
		b.buf = b.buffer()
	}
	b.buf = append(b.buf, args...)
	b.rows++
	if b.rows == b.perStmt {
		return b.flush()
	}
	return nil
}

func (b *batcher) buffer() []any {
	select {
	case buf := <-b.spare:
		return buf
	default:
	}
	if b.made < buffersPerTable {
		b.made++
		return make([]any, 0, b.perStmt*b.cols)
	}
	return <-b.spare
}

// flush queues the buffered rows (after any rows of parent tables) for the writer.
func (b *batcher) flush() error {
	if b.rows == 0 {
		return b.l.failed()
	}
	for _, d := range b.deps {
		if err := d.flush(); err != nil {
			return err
		}
	}
	if err := b.l.failed(); err != nil {
		return err
	}
	b.l.work <- write{b: b, args: b.buf, rows: b.rows}
	b.buf, b.rows = nil, 0
	return nil
}

// exec runs on the writer goroutine. A short batch (a table flushed early because a child
// table's rows need it) goes through a few prepared sizes instead of a one-off statement.
func (b *batcher) exec(args []any, rows int) error {
	off := 0
	for i, n := range b.sizes() {
		for rows-off >= n {
			if b.stmts[i] == nil {
				st, err := b.l.tx.PrepareContext(b.l.ctx, b.insertSQL(n))
				if err != nil {
					return fmt.Errorf("bulk %s: %w", b.table, err)
				}
				b.stmts[i] = st
			}
			if _, err := b.stmts[i].ExecContext(b.l.ctx, args[off*b.cols:(off+n)*b.cols]...); err != nil {
				return fmt.Errorf("bulk %s: %w", b.table, err)
			}
			off += n
		}
	}
	return nil
}

// sizes are the statement sizes (rows) a batch is cut into, largest first.
func (b *batcher) sizes() []int {
	out := []int{b.perStmt}
	for _, n := range []int{64, 16, 4, 1} {
		if n < b.perStmt {
			out = append(out, n)
		}
	}
	return out
}

func (b *batcher) insertSQL(rows int) string {
	var sb strings.Builder
	sb.Grow(len(b.prefix) + rows*(len(b.rowSQL)+1))
	sb.WriteString(b.prefix)
	for i := range rows {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(b.rowSQL)
	}
	sb.WriteString(b.suffix)
	return sb.String()
}

type workerKey struct {
	key    string
	worker int64
}

// write is one statement for the writer, or (b == nil) a barrier it closes when it gets there.
type write struct {
	b       *batcher
	args    []any
	rows    int
	reached chan struct{}
}

// Loader writes many records in one transaction. Ids are the caller's: use NextID.
// Rows are buffered and written by a second goroutine, so generating the next rows and
// SQLite storing the last ones overlap; a write error is returned by a later call.
type Loader struct {
	s   *Store
	tx  *sql.Tx
	ctx context.Context

	staff, settings, workers, workerTrades, employers, jobs, dispatches, calls, signIns, visits, audit, workerKeys *batcher
	all                                                                                                            []*batcher

	work    chan write
	stopped chan struct{}
	mu      sync.Mutex
	err     error // the writer's first error

	keys     []workerKey        // written sorted at the end, so the (key, worker_id) index is built in order
	jobFacts map[int64]jobFacts // jobs written by this load, for their dispatches' copies
	priority map[int64]bool     // workers written by this load: whether they are in a priority group
	keyCache map[string][]string
	indexes  []string // CREATE INDEX statements to run again before commit
}

func (l *Loader) writer() {
	defer close(l.stopped)
	for w := range l.work {
		if w.b == nil {
			close(w.reached)
			continue
		}
		if l.failed() == nil {
			if err := w.b.exec(w.args, w.rows); err != nil {
				l.mu.Lock()
				l.err = err
				l.mu.Unlock()
			}
		}
		clear(w.args)
		w.b.spare <- w.args[:0]
	}
}

func (l *Loader) failed() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.err
}

// sync flushes every table and waits until the writer has run all it was given.
func (l *Loader) sync() error {
	for _, b := range l.all {
		if err := b.flush(); err != nil {
			return err
		}
	}
	reached := make(chan struct{})
	l.work <- write{reached: reached}
	<-reached
	return l.failed()
}

// stop ends the writer; rows still queued (after an error in fn) are dropped, not written.
func (l *Loader) stop() {
	l.mu.Lock()
	if l.err == nil {
		l.err = errors.New("bulk: loader stopped")
	}
	l.mu.Unlock()
	close(l.work)
	<-l.stopped
}

// Bulk runs fn with a Loader inside one immediate transaction and commits what it wrote.
func (s *Store) Bulk(ctx context.Context, fn func(*Loader) error) error {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return dbError(err, s.path)
	}
	defer conn.Close()
	// A big page cache for this connection while it loads, so foreign-key and UNIQUE checks on
	// random workers hit memory instead of re-reading spilled pages; the old size is put back.
	var cache int64
	if err := conn.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&cache); err != nil {
		return dbError(err, s.path)
	}
	if _, err := conn.ExecContext(ctx, `PRAGMA cache_size = -262144`); err != nil {
		return dbError(err, s.path)
	}
	defer conn.ExecContext(context.Background(), `PRAGMA cache_size = `+strconv.FormatInt(cache, 10))
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return dbError(err, s.path)
	}
	defer tx.Rollback()
	l := &Loader{s: s, tx: tx, ctx: ctx, keyCache: map[string][]string{},
		jobFacts: map[int64]jobFacts{}, priority: map[int64]bool{}, work: make(chan write, 16), stopped: make(chan struct{})}
	go l.writer()
	defer l.stop()
	l.staff = l.table("staff", "id, name, role, active, created_at")
	l.settings = l.table("settings", "key, value")
	l.settings.suffix = " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
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

	if err := fn(l); err != nil {
		if AsError(err) != nil {
			return err
		}
		return dbError(err, s.path)
	}
	if err := l.finish(); err != nil {
		return dbError(err, s.path)
	}
	if err := tx.Commit(); err != nil {
		return dbError(err, s.path)
	}
	return nil
}

func (l *Loader) table(name, cols string, deps ...*batcher) *batcher {
	n := len(strings.Split(cols, ","))
	b := &batcher{
		l:       l,
		table:   name,
		cols:    n,
		prefix:  "INSERT INTO " + name + " (" + strings.Join(strings.Fields(cols), " ") + ") VALUES ",
		rowSQL:  "(" + placeholders(n) + ")",
		perStmt: min(256, maxBulkVars/n),
		spare:   make(chan []any, buffersPerTable),
		deps:    deps,
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
	if err := l.sync(); err != nil {
		return err
	}
	for _, b := range l.all {
		for _, st := range b.stmts {
			if st != nil {
				st.Close()
			}
		}
	}
	for _, q := range l.indexes {
		if _, err := l.tx.ExecContext(l.ctx, q); err != nil {
			return fmt.Errorf("bulk: rebuild index: %w", err)
		}
	}
	return nil
}

// DeferIndexes drops the secondary indexes of the tables a load writes and builds them again
// just before commit: one sort per index instead of a B-tree update per row. UNIQUE and
// primary-key indexes stay, so constraints are still checked row by row.
func (l *Loader) DeferIndexes() error {
	tables := []string{"workers", "worker_trades", "worker_keys", "employers", "jobs", "dispatches", "call_attempts", "sign_ins", "service_visits", "audit"}
	if err := l.sync(); err != nil {
		return err
	}
	rows, err := l.tx.QueryContext(l.ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN (`+placeholders(len(tables))+`) ORDER BY tbl_name, name`, anySlice(tables)...)
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var name, q string
		if err := rows.Scan(&name, &q); err != nil {
			rows.Close()
			return err
		}
		names = append(names, name)
		l.indexes = append(l.indexes, q)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, n := range names {
		if _, err := l.tx.ExecContext(l.ctx, `DROP INDEX "`+n+`"`); err != nil {
			return err
		}
	}
	return nil
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
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

func nullTimeArg(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return int64(n)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// Staff writes a staff member with the caller's id.
func (l *Loader) Staff(st Staff) error {
	return l.staff.add(st.ID, st.Name, string(st.Role), boolInt(st.Active), st.CreatedAt.Unix())
}

// Settings validates and writes all station settings, replacing any already there.
func (l *Loader) Settings(st Settings) error {
	if err := st.Validate(); err != nil {
		return err
	}
	f := st.fields()
	for _, k := range settingKeys {
		if err := l.settings.add(k, f[k]); err != nil {
			return err
		}
	}
	return nil
}

// Worker writes a worker with the caller's id, its trades and its search keys. The worker
// is written as given: the caller has made it valid (Validate is not run, for speed).
func (l *Loader) Worker(w *Worker, createdBy int64) error {
	err := l.workers.add(w.ID, w.Name, w.Gender, int64(w.BirthYear), nullStr(w.Phone), phoneTail(w.Phone), nullStr(w.IDNumber),
		nullID(w.CommunityID), w.ExpectedPayFen, string(w.ExpectedPayUnit), int64(w.Availability), strings.Join(w.Groups, ","),
		boolInt(w.Insured), string(w.Channel), boolInt(w.Consent), string(w.Status), w.StatusReason, w.Notes,
		nullID(createdBy), w.CreatedAt.Unix(), w.UpdatedAt.Unix())
	if err != nil {
		return err
	}
	l.priority[w.ID] = len(w.Groups) > 0
	for _, t := range w.Trades {
		if err := l.workerTrades.add(w.ID, t.TradeID, int64(t.Years)); err != nil {
			return err
		}
	}
	keys, ok := l.keyCache[w.Name]
	if !ok {
		keys = SearchKeys(w.Name)
		l.keyCache[w.Name] = keys
	}
	for _, k := range keys {
		l.keys = append(l.keys, workerKey{k, w.ID})
	}
	return nil
}

// Employer writes an employer with the caller's id.
func (l *Loader) Employer(e *Employer, createdBy int64) error {
	return l.employers.add(e.ID, string(e.Kind), e.Name, e.Contact, nullStr(e.Phone), e.Address, nullID(e.CommunityID), e.Notes,
		nullID(createdBy), e.CreatedAt.Unix(), e.UpdatedAt.Unix())
}

// Job writes a job with the caller's id, status and filled count.
func (l *Loader) Job(j *Job) error {
	l.jobFacts[j.ID] = jobFacts{j.TradeID, j.CommunityID, j.CreatedAt.Unix()}
	return l.jobs.add(j.ID, j.EmployerID, j.TradeID, int64(j.Headcount), int64(j.Filled), j.Address, nullID(j.CommunityID),
		j.StartsAt.Unix(), int64(j.Duration/time.Minute), j.PayFen, string(j.PayUnit), j.Requirements, boolInt(j.Urgent),
		string(j.Channel), string(j.Status), j.StatusReason, nullID(j.RequestedWorkerID), nullTimeArg(j.ValidUntil),
		nullID(j.CreatedBy), j.CreatedAt.Unix(), j.UpdatedAt.Unix())
}

// Dispatch writes one dispatch.
func (l *Loader) Dispatch(d *DispatchRecord) error {
	var paid any
	if d.Paid {
		paid = d.PaidFen
	}
	// A job or worker this load did not write leaves posted_at 0: the insert trigger of
	// migration 0009 copies the facts from the database instead.
	f := l.jobFacts[d.JobID]
	priority, known := l.priority[d.WorkerID]
	if !known {
		f = jobFacts{}
	}
	return l.dispatches.add(d.ID, d.JobID, d.WorkerID, d.Status, d.StartsAt.Unix(), d.EndsAt.Unix(), d.AgreedPayFen,
		boolInt(d.Insured), d.Insurer, d.PolicyNo, nullTimeArg(d.CheckedInAt), nullTimeArg(d.DoneAt), paid, nullTimeArg(d.PaidAt),
		nullInt(d.WorkerRating), nullInt(d.EmployerRating), d.CancelledBy, d.CancelReason, boolInt(d.Disputed), d.DisputeNote,
		nullTimeArg(d.DisputeResolvedAt), nullID(d.CreatedBy), d.CreatedAt.Unix(), d.UpdatedAt.Unix(),
		f.trade, f.community, f.postedAt, boolInt(priority))
}

// jobFacts are what a dispatch copies from its job for the day's figures.
type jobFacts struct {
	trade, community, postedAt int64
}

// Call writes one call attempt.
func (l *Loader) Call(c *CallRecord) error {
	return l.calls.add(c.ID, c.JobID, c.WorkerID, c.Outcome, c.Reason, nullID(c.StaffID), c.At.Unix())
}

// SignIn writes one sign-in.
func (l *Loader) SignIn(r *SignInRecord) error {
	return l.signIns.add(r.ID, r.WorkerID, r.Day, r.InAt.Unix(), nullTimeArg(r.OutAt), nullID(r.StaffID))
}

// Visit writes one service visit.
func (l *Loader) Visit(v *VisitRecord) error {
	return l.visits.add(v.ID, v.Kind, nullID(v.WorkerID), v.Note, nullID(v.StaffID), v.At.Unix())
}

// Audit writes one audit row (a load is summed up in one row, not one per record).
func (l *Loader) Audit(a AuditEntry) error {
	return l.audit.add(a.ID, a.At.Unix(), nullID(a.StaffID), a.Action, a.Entity, a.EntityID, a.Detail)
}

// tableNames lists the database's tables by name.
func (s *Store) tableNames(ctx context.Context) ([]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, dbError(err, s.path)
		}
		out = append(out, n)
	}
	return out, dbError0(rows.Err(), s.path)
}

// TableCounts is the number of rows in every table.
func (s *Store) TableCounts(ctx context.Context) (map[string]int64, error) {
	names, err := s.tableNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(names))
	for _, n := range names {
		var c int64
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM "`+n+`"`).Scan(&c); err != nil {
			return nil, dbError(err, s.path)
		}
		out[n] = c
	}
	return out, nil
}

// Tables lists the database's tables by name.
func (s *Store) Tables(ctx context.Context) ([]string, error) { return s.tableNames(ctx) }

// DumpTable returns every row of table as one line of |-separated values, in rowid order
// (tables without a rowid, in primary-key order). Tests compare two loads with it.
func (s *Store) DumpTable(ctx context.Context, table string) ([]string, error) {
	names, err := s.tableNames(ctx)
	if err != nil {
		return nil, err
	}
	found := false
	for _, n := range names {
		found = found || n == table
	}
	if !found {
		return nil, Errorf(NotFound, "table.not_found", "no table %q", table)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT * FROM "`+table+`" ORDER BY rowid`)
	if err != nil {
		rows, err = s.db.QueryContext(ctx, `SELECT * FROM "`+table+`" ORDER BY 1, 2`)
	}
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return nil, dbError(err, s.path)
	}
	vals := make([]any, len(cols))
	ptrs := make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	var out []string
	var sb strings.Builder
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return nil, dbError(err, s.path)
		}
		sb.Reset()
		for i, v := range vals {
			if i > 0 {
				sb.WriteByte('|')
			}
			switch x := v.(type) {
			case nil:
				sb.WriteString("NULL")
			case int64:
				sb.WriteString(strconv.FormatInt(x, 10))
			case []byte:
				sb.Write(x)
			case string:
				sb.WriteString(x)
			default:
				fmt.Fprint(&sb, x)
			}
		}
		out = append(out, sb.String())
	}
	return out, dbError0(rows.Err(), s.path)
}
