package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"gigdesk/store"
)

// selftest-writer makes registrations and jobs through the store's real methods and prints
// "ack N <microseconds>" after each commit returns: the crash and two-counter tests kill it or
// run two at once and then check that every acknowledged change is there. It is registered
// only when GIGDESK_SELFTEST=1, so it never shows in the usage staff see.
func init() {
	if os.Getenv("GIGDESK_SELFTEST") == "1" {
		subcommands["selftest-writer"] = cmdSelftestWriter
	}
}

// SelftestPhone is the phone number of change seq in run; worker and employer phones differ in
// their prefix so both stay unique across runs.
func selftestPhone(prefix string, run, seq int) string {
	return fmt.Sprintf("%s%03d%06d", prefix, run%1000, seq%1000000)
}

func cmdSelftestWriter(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "selftest-writer")
	db := dbFlag(fs)
	run := fs.Int("run", 0, "run number, part of every phone number written")
	count := fs.Int("count", 1000000, "changes to make")
	if err := parse(fs, args); err != nil {
		return err
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	staff, err := s.ListStaff(ctx)
	if err != nil {
		return err
	}
	if len(staff) == 0 {
		return fmt.Errorf("selftest-writer needs a set-up database")
	}
	by := staff[0].ID
	for seq := range *count {
		start := time.Now()
		if seq%2 == 0 {
			w := store.Worker{Name: "测试工", Phone: selftestPhone("13", *run, seq), BirthYear: 1980,
				CommunityID: 100, Trades: []store.WorkerTrade{{TradeID: int64(1 + seq%14), Years: 3}}}
			if _, err := s.CreateWorker(ctx, by, w); err != nil {
				return err
			}
		} else {
			e := store.Employer{Kind: store.Resident, Name: "测试雇主", Phone: selftestPhone("15", *run, seq),
				Address: "后街社区1栋", CommunityID: 100}
			j := store.Job{TradeID: int64(1 + seq%14), Headcount: 1 + seq%3, StartsAt: s.Now().Add(24 * time.Hour),
				Duration: 4 * time.Hour, PayFen: 20000, PayUnit: store.PerDay, CommunityID: 100}
			if _, _, err := s.CreateJob(ctx, by, e, j); err != nil {
				return err
			}
		}
		fmt.Fprintf(env.Stdout, "ack %d %d\n", seq, time.Since(start).Microseconds())
	}
	return nil
}
