package demo

import (
	"context"
	"fmt"
	"time"

	"gigdesk/store"
)

// Options size the demo data. Now is the clock the history is built around; zero means the
// store's clock. Workers dispatch about 0.04 times a day each, so dispatches ≈ 0.03·Workers·Days.
type Options struct {
	Workers   int
	Employers int
	Days      int
	Seed      uint64
	Now       time.Time
}

// GeneratorVersion is raised whenever the records a seed gives change, so databases built
// by an older generator (the district benchmarks' cached file) are built again.
const GeneratorVersion = 3 // 2: a no-show no longer holds its job's place; 3: today's job fair (fair.go)

// PIN is every demo staff member's PIN, so anyone trying the demo can sign in as any of them.
const PIN = "1234"

// Defaults is a small station: a month of history and three days ahead.
func Defaults() Options { return Options{Workers: 300, Employers: 40, Days: 30, Seed: 1} }

// Counts says how many records a load wrote.
type Counts struct {
	Staff, Workers, Employers, Jobs, Dispatches, Calls, SignIns, Visits int
}

func (c Counts) String() string {
	return fmt.Sprintf("%d workers, %d employers, %d jobs, %d dispatches, %d calls, %d sign-ins, %d visits",
		c.Workers, c.Employers, c.Jobs, c.Dispatches, c.Calls, c.SignIns, c.Visits)
}

// Limits of Options.
const (
	MaxWorkers   = 1_000_000
	MaxEmployers = 100_000
	MaxDays      = 3650
)

func (o *Options) check() error {
	switch {
	case o.Workers < 10 || o.Workers > MaxWorkers:
		return store.Errorf(store.Invalid, "demo.workers", "workers %d outside 10–%d", o.Workers, MaxWorkers)
	case o.Employers < 1 || o.Employers > MaxEmployers:
		return store.Errorf(store.Invalid, "demo.employers", "employers %d outside 1–%d", o.Employers, MaxEmployers)
	case o.Days < 1 || o.Days > MaxDays:
		return store.Errorf(store.Invalid, "demo.days", "days %d outside 1–%d", o.Days, MaxDays)
	}
	return nil
}

// Generate writes demo data into s in one transaction. The database must hold no workers,
// employers or jobs yet; existing staff and settings are kept and used.
func Generate(ctx context.Context, s *store.Store, o Options) (Counts, error) {
	if err := o.check(); err != nil {
		return Counts{}, err
	}
	if o.Now.IsZero() {
		o.Now = s.Now()
	}
	counts, err := s.TableCounts(ctx)
	if err != nil {
		return Counts{}, err
	}
	if counts["workers"]+counts["employers"]+counts["jobs"] > 0 {
		return Counts{}, store.Errorf(store.Conflict, "demo.not_empty", "%s already holds records", s.Path())
	}
	cat, err := s.Catalog(ctx)
	if err != nil {
		return Counts{}, err
	}
	staff, err := s.ListStaff(ctx)
	if err != nil {
		return Counts{}, err
	}
	settings, err := s.Settings(ctx)
	if err != nil {
		return Counts{}, err
	}
	g, err := newGen(o, cat, s.Location())
	if err != nil {
		return Counts{}, err
	}
	err = s.Bulk(ctx, func(l *store.Loader) error {
		if err := l.DeferIndexes(); err != nil {
			return err
		}
		return g.run(l, staff, settings)
	})
	if err != nil {
		return Counts{}, err
	}
	// rights and rules through the store's own methods, from the same seed (rights.go)
	if err := addRights(ctx, s, o, g.head, g.staff); err != nil {
		return Counts{}, err
	}
	if err := addFair(ctx, s, o, g); err != nil { // last, from its own stream (fair.go)
		return Counts{}, err
	}
	if len(staff) == 0 {
		// the staff the demo made sign in with PIN: the head sets hers, then the others'
		for _, id := range g.staff {
			if err := s.SetPIN(ctx, g.head, id, PIN); err != nil {
				return Counts{}, err
			}
		}
	}
	return g.counts, nil
}

// Fill loads demo data into a database that has no workers yet and leaves any other alone
// (gigdesk --demo fills its separate demo database on first use).
func Fill(ctx context.Context, s *store.Store, o Options) (Counts, error) {
	counts, err := s.TableCounts(ctx)
	if err != nil {
		return Counts{}, err
	}
	if counts["workers"] > 0 {
		return Counts{}, nil
	}
	return Generate(ctx, s, o)
}
