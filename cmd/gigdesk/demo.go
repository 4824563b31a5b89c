package main

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/tui/i18n"
)

func init() {
	subcommands["demo"] = runDemo
	fillDemo = func(ctx context.Context, s *store.Store) error {
		_, err := demo.Fill(ctx, s, demo.Defaults())
		return err
	}
}

// runDemo fills an empty database with deterministic demo data: the same --seed and the same
// clock give the same records. A district-sized load (100,000 workers, about a million
// dispatches) is: gigdesk demo --db big.db --workers 100000 --employers 8000 --days 365
func runDemo(ctx context.Context, env *Env, args []string) error {
	d := demo.Defaults()
	fs := flags(env, "demo")
	db := fs.String("db", "", "flag.demo.db")
	workers := fs.Int("workers", d.Workers, "flag.demo.workers")
	employers := fs.Int("employers", d.Employers, "flag.demo.employers")
	days := fs.Int("days", d.Days, "flag.demo.days")
	seed := fs.Uint64("seed", d.Seed, "flag.demo.seed")
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if *db == "" {
		fmt.Fprintln(env.Stderr, "usage: gigdesk demo --db PATH [--workers N] [--employers M] [--days D] [--seed S] [--lang zh|en]")
		return errQuiet
	}
	start := time.Now()
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	// A big load allocates millions of short-lived values; collecting less often saves a lot.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	o := demo.Options{Workers: *workers, Employers: *employers, Days: *days, Seed: *seed, Now: env.Now()}
	c, err := demo.Generate(ctx, s, o)
	if err != nil {
		return err
	}
	cat := i18n.New(env.Lang)
	pins := ""
	if c.Staff > 0 {
		pins = cat.T("demo.pin", demo.PIN)
	}
	counts := cat.T("demo.counts", c.Workers, c.Employers, c.Jobs, c.Dispatches, c.Calls, c.SignIns, c.Visits)
	fmt.Fprintln(env.Stdout, cat.T("demo.done", counts, time.Since(start).Seconds(), shownDB(*db), pins))
	return nil
}
