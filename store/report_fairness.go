package store

import (
	"cmp"
	"context"
	"database/sql"
	"slices"
	"strings"
	"sync"
	"time"

	"gigdesk/store/fairness"
)

// Fairness is how evenly a period's work was shared (issue #20), counted by store/fairness:
//
//   - Gini is the Gini coefficient of days worked (local days with a dispatch by its start
//     that is not cancelled or a no-show) among the workers who signed in on at least
//     MinSignIns days of the period (5, or every day of a shorter period), GiniWorkers of them.
//   - Shares splits the period's sign-ins (worker-days) and dispatches (by when staff
//     dispatched, not cancelled since, as Figures.Dispatched) by priority group, as the
//     workers' records hold the groups now.
//   - Waiting lists the workers who signed in most often and were not dispatched in the
//     period, each with the top reason from their calls and scores; WaitingTotal is how many.
type Fairness struct {
	From, To     string
	MinSignIns   int
	Gini         float64
	GiniWorkers  int
	Shares       fairness.Shares
	Waiting      []WaitingWorker
	WaitingTotal int
}

// WaitingWorker is one worker who kept signing in without being dispatched.
type WaitingWorker struct {
	WorkerID   int64
	Name       string
	Groups     []string
	SignInDays int
	Reason     string // one of the Wait* reasons
	Declined   int    // calls in the period they declined
	NoAnswer   int    // and did not answer
}

// Why a worker who signed in was not dispatched, from their calls, then their scores.
const (
	WaitDeclined   = "declined"   // declined the calls they got
	WaitNoAnswer   = "no_answer"  // missed the calls they got
	WaitInactive   = "inactive"   // paused or left since
	WaitNoTrade    = "no_trade"   // no job in the period asked for their trades
	WaitBusy       = "busy"       // booked elsewhere whenever a job in their trades came
	WaitTooFar     = "too_far"    // the jobs in their trades were far from home
	WaitPay        = "pay"        // the jobs paid less than they expect
	WaitRecord     = "record"     // their record (no-shows, ratings) ranked them low
	WaitExperience = "experience" // fewer years in the trade than others
	WaitRelated    = "related"    // only a related trade, not the job's own
	WaitOutranked  = "outranked"  // nothing stood out: others ranked higher or were called first
)

// FairnessMinSignIns is the sign-in days a worker needs to count in a period's Gini.
const FairnessMinSignIns = 5

// FairnessDays is the length of the longer fairness period the Summary and reports show.
const FairnessDays = 30

// FairnessListLimit caps the waiting workers a summary lists.
const FairnessListLimit = 10

// summaryFairness fills a summary's fairness sections: the period, and the 30 days to its end.
// The two are read at once: neither needs the other.
func (s *Store) summaryFairness(ctx context.Context, sum *Summary, from, to string) error {
	f30, _, _ := Period(SpanDay, to, -(FairnessDays - 1))
	if f30 == from { // a 30-day month: the period is its own last 30 days
		f, err := s.Fairness(ctx, from, to, FairnessListLimit)
		sum.Fairness, sum.Fairness30 = f, f
		return err
	}
	var err, err30 error
	var wg sync.WaitGroup
	wg.Go(func() { sum.Fairness, err = s.Fairness(ctx, from, to, FairnessListLimit) })
	wg.Go(func() { sum.Fairness30, err30 = s.Fairness(ctx, f30, to, FairnessListLimit) })
	wg.Wait()
	return cmp.Or(err, err30)
}

// Fairness counts the fairness figures of the local days [from, to], listing at most limit waiting workers.
func (s *Store) Fairness(ctx context.Context, from, to string, limit int) (Fairness, error) {
	f := Fairness{From: from, To: to}
	a, b, err := s.rangeOf(from, to)
	if err != nil {
		return f, err
	}
	days := int((b - a + 43200) / 86400)
	f.MinSignIns = min(FairnessMinSignIns, max(days, 1))
	ws, err := s.fairnessWorkers(ctx, from, to, a, b)
	if err != nil {
		return f, err
	}
	f.Gini, f.GiniWorkers = fairness.DaysWorkedGini(ws, f.MinSignIns)
	f.Shares = fairness.PriorityShares(ws, PriorityGroups)
	waiting := fairness.Waiting(ws, 1)
	f.WaitingTotal = len(waiting)
	if len(waiting) > limit {
		waiting = waiting[:max(limit, 0)]
	}
	f.Waiting, err = s.waitingReasons(ctx, waiting, a, b)
	return f, err
}

// fairnessWorkers reads every worker who signed in or was dispatched in the range: sign-in
// days by day, days worked by the dispatch's start, dispatches by when they were made. The
// reads share no answer, so each runs on its own connection at once (a district's month is
// a few hundred thousand rows); what they found is put together here.
func (s *Store) fairnessWorkers(ctx context.Context, from, to string, a, b int64) ([]fairness.Worker, error) {
	signIns, dispatches := map[int64]int{}, map[int64]int{}
	groups := map[int64]string{}
	// days worked: each (worker, local day) pair once, as worker<<16 | the day's number in the range
	mid := s.localMidnights(a, b)
	var worked []uint64
	err := s.inParallel(ctx, func(q *readChain) {
		// rows counted here, not grouped by SQLite: most workers have one or two in a month, so
		// its temporary B-tree of them cost more than handing over the rows themselves
		q.rows(`SELECT worker_id FROM sign_ins WHERE day >= ? AND day <= ?`, []any{from, to}, func(r *sql.Rows) error {
			var id int64
			err := r.Scan(&id)
			signIns[id]++
			return err
		})
		q.rows(`SELECT id, groups FROM workers WHERE groups <> ''`, nil, func(r *sql.Rows) error {
			var id int64
			var g string
			err := r.Scan(&id, &g)
			groups[id] = g
			return err
		})
	}, func(q *readChain) {
		q.rows(`SELECT worker_id, starts_at FROM dispatches WHERE status IN ('dispatched', 'checked_in', 'done') AND starts_at >= ? AND starts_at < ?`, []any{a, b}, func(r *sql.Rows) error {
			var id, at int64
			if err := r.Scan(&id, &at); err != nil {
				return err
			}
			day, _ := slices.BinarySearch(mid, at+1) // mid[day-1] <= at < mid[day]
			worked = append(worked, uint64(id)<<16|uint64(day))
			return nil
		})
		slices.Sort(worked)
	}, func(q *readChain) {
		q.rows(`SELECT worker_id FROM dispatches WHERE status <> 'cancelled' AND created_at >= ? AND created_at < ?`, []any{a, b}, func(r *sql.Rows) error {
			var id int64
			err := r.Scan(&id)
			dispatches[id]++
			return err
		})
	})
	if err != nil {
		return nil, err
	}
	byID := map[int64]*fairness.Worker{}
	get := func(id int64) *fairness.Worker {
		w := byID[id]
		if w == nil {
			w = &fairness.Worker{ID: id}
			byID[id] = w
		}
		return w
	}
	for id, n := range signIns {
		get(id).SignInDays = n
	}
	for i, k := range worked {
		if i == 0 || k != worked[i-1] {
			get(int64(k>>16)).DaysWorked++
		}
	}
	for id, n := range dispatches {
		get(id).Dispatches = n
	}
	for id, w := range byID {
		if g := groups[id]; g != "" {
			w.Groups = strings.Split(g, ",")
		}
	}
	out := make([]fairness.Worker, 0, len(byID))
	for _, w := range byID {
		out = append(out, *w)
	}
	slices.SortFunc(out, func(x, y fairness.Worker) int { return cmp.Compare(x.ID, y.ID) })
	return out, nil
}

// localMidnights are the station-local midnights after a up to b: the day of a time t in [a, b)
// is how many of them are at or before t (a range longer than 65,535 days is not asked for).
func (s *Store) localMidnights(a, b int64) []int64 {
	var out []int64
	d := time.Unix(a, 0).In(s.loc)
	for {
		d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, s.loc)
		if d.Unix() >= b {
			return append(out, b)
		}
		out = append(out, d.Unix())
	}
}
