package demo

import (
	"sort"
	"time"

	"gigdesk/store"
)

// recordSink is where the generator writes workers and employers: the bulk loader, or
// nowhere when a Town keeps them in memory.
type recordSink interface {
	NextID(table string) (int64, error)
	Worker(w *store.Worker, createdBy int64) error
	Employer(e *store.Employer, createdBy int64) error
}

// memory numbers records from 1 and writes them nowhere.
type memory struct{}

func (memory) NextID(string) (int64, error)          { return 1, nil }
func (memory) Worker(*store.Worker, int64) error     { return nil }
func (memory) Employer(*store.Employer, int64) error { return nil }

// Town is the demo's people without a database: the workers and employers Generate would
// register for the same options, and the jobs those employers phone in day by day. The
// station simulator (store/sim) runs its month on them.
type Town struct {
	g       *gen
	Workers []store.Worker // ids 1..n, registered oldest first; some paused or left
	nextJob int64
}

// NewTown draws o.Workers workers and o.Employers employers registered before o.Now,
// exactly as Generate draws them, from the catalogue's trades and places.
func NewTown(o Options, cat *store.Catalog, loc *time.Location) (*Town, error) {
	if err := o.check(); err != nil {
		return nil, err
	}
	if o.Now.IsZero() {
		return nil, store.Errorf(store.Invalid, "demo.now", "a town needs a clock")
	}
	g, err := newGen(o, cat, loc)
	if err != nil {
		return nil, err
	}
	g.staff, g.head = []int64{1}, 1
	if err := g.makeWorkers(memory{}); err != nil {
		return nil, err
	}
	if err := g.makeEmployers(memory{}); err != nil {
		return nil, err
	}
	t := &Town{g: g}
	for _, w := range g.workers {
		t.Workers = append(t.Workers, w.Worker)
	}
	return t, nil
}

// DayJobs draws the jobs that start on day, as Generate draws a day's: trade, head-count,
// start, duration, pay, place and when the employer phoned. Ids count on from the last call.
func (t *Town) DayJobs(day time.Time) []store.Job {
	g := t.g
	registered := sort.Search(len(g.workerAt), func(i int) bool { return g.workerAt[i] > day.Unix() })
	var out []store.Job
	_ = g.dayJobs(day, max(registered, 1), func(j *store.Job) error {
		t.nextJob++
		j.ID = t.nextJob
		out = append(out, *j)
		return nil
	})
	return out
}
