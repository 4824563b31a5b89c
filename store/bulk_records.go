package store

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The records a bulk load writes and the Loader's method for each.

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
	trades := slices.Clone(w.Trades)
	slices.SortFunc(trades, func(a, b WorkerTrade) int { return cmp.Compare(a.TradeID, b.TradeID) })
	var text []byte
	for i, t := range trades {
		if err := l.workerTrades.add(w.ID, t.TradeID, int64(t.Years)); err != nil {
			return err
		}
		if i > 0 {
			text = append(text, ',')
		}
		text = strconv.AppendInt(append(strconv.AppendInt(text, t.TradeID, 10), ':'), int64(t.Years), 10)
	}
	l.facts[w.ID] = workerFacts{status: string(w.Status), payUnit: string(w.ExpectedPayUnit), trades: string(text),
		community: w.CommunityID, payFen: w.ExpectedPayFen, availability: int64(w.Availability), priority: strings.Join(w.Groups, ",") != ""}
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
	l.sums[d.WorkerID] = l.sums[d.WorkerID].add(d)
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

// recordSums is one worker's record (part of a row of worker_pool) summed over a load's dispatches,
// as workerRecordFigures computes it from the table.
type recordSums struct {
	dispatches, completed, noShows, ratingSum, ratingCount int64
	last                                                   int64   // created_at of the latest not cancelled
	starts                                                 []int64 // of those that count as days worked
}

func (r *recordSums) add(d *DispatchRecord) *recordSums {
	if r == nil {
		r = &recordSums{}
	}
	if d.Status == string(Cancelled) {
		return r
	}
	switch d.Status {
	case string(DoneStatus):
		r.dispatches++
		r.completed++
	case string(NoShow):
		r.dispatches++
		r.noShows++
	}
	if d.WorkerRating > 0 {
		r.ratingSum += int64(d.WorkerRating)
		r.ratingCount++
	}
	r.last = max(r.last, d.CreatedAt.Unix())
	r.starts = append(r.starts, d.StartsAt.Unix()) // workedOf keeps those in the window
	return r
}

// writePool brings worker_pool up to date for the workers this load wrote or dispatched: from
// what the load summed when the database held no workers before it (a demo), else from the
// tables, worker by worker.
func (l *Loader) writePool() error {
	touched := map[int64]bool{}
	for id := range l.facts {
		touched[id] = true
	}
	for id := range l.sums {
		touched[id] = true
	}
	ids := make([]int64, 0, len(touched))
	for id := range touched {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if err := l.sync(); err != nil { // the workers and dispatches are written, and nothing runs beside what follows
		return err
	}
	now := l.s.now()
	if l.anyWorker {
		tx := &Tx{tx: l.tx, ctx: l.ctx, now: now, s: l.s}
		for _, id := range ids {
			if err := tx.refreshPoolRow(id); err != nil {
				return err
			}
		}
		return nil
	}
	var none recordSums
	var facts []byte // as poolFacts makes them
	for _, id := range ids {
		f, r := l.facts[id], l.sums[id]
		if r == nil {
			r = &none
		}
		b := facts[:0]
		for _, n := range [...]int64{f.community, f.payFen} {
			b = append(strconv.AppendInt(b, n, 10), ' ')
		}
		b = append(append(b, f.payUnit...), ' ')
		for _, n := range [...]int64{boolInt(f.priority), r.dispatches, r.completed, r.noShows, r.ratingSum, r.ratingCount, r.last, f.availability} {
			b = append(strconv.AppendInt(b, n, 10), ' ')
		}
		facts = append(b, poolTail(workedOf(r.starts, now, l.s.loc), f.trades)...)
		if err := l.pool.add(id, f.status, int64(0), string(facts)); err != nil {
			return err
		}
	}
	return nil
}

// workerFacts is what worker_pool copies of a worker this load wrote.
type workerFacts struct {
	status, payUnit, trades         string
	community, payFen, availability int64
	priority                        bool
}
