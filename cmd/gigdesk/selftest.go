package main

import (
	"context"
	"database/sql"
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
	run := fs.Int("run", 0, "flag.selftest.run")
	count := fs.Int("count", 1000000, "flag.selftest.count")
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
				Duration: 4 * time.Hour, PayFen: 20000, PayUnit: store.PerDay, CommunityID: 100,
				Review: store.JobReview{PayReason: "selftest"}} // a station with guide pay (the demo) refuses it otherwise
			if _, _, err := s.CreateJob(ctx, by, e, j); err != nil {
				return err
			}
		}
		fmt.Fprintf(env.Stdout, "ack %d %d\n", seq, time.Since(start).Microseconds())
	}
	return nil
}

// selftest-verify checks, after a crash, that the changes 0..acked-1 of run are all in the
// database and that it passes the integrity checks; it prints one line and fails on any loss.
// The power-loss script (.ci/powerloss) runs it in the guest after each hard kill.
func init() {
	if os.Getenv("GIGDESK_SELFTEST") == "1" {
		subcommands["selftest-verify"] = cmdSelftestVerify
	}
}

func cmdSelftestVerify(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "selftest-verify")
	db := dbFlag(fs)
	run := fs.Int("run", 0, "flag.selftest.killed-run")
	acked := fs.Int("acked", 0, "flag.selftest.acked")
	if err := parse(fs, args); err != nil {
		return err
	}
	// open read-write first: that replays the write-ahead log as the app would at start-up
	integrity := "ok"
	lost, err := lostChanges(ctx, *db, *run, *acked)
	if err != nil {
		lost, integrity = -1, err.Error()
	} else if rep, err := store.CheckFile(ctx, *db); err != nil {
		integrity = err.Error()
	} else if !rep.OK() {
		integrity = rep.Summary()
	}
	fmt.Fprintf(env.Stdout, "verify run=%d acked=%d lost=%d integrity=%s\n", *run, *acked, lost, integrity)
	if lost != 0 || integrity != "ok" {
		return errQuiet
	}
	return nil
}

// lostChanges counts the changes 0..acked-1 of run missing from the database at path.
func lostChanges(ctx context.Context, path string, run, acked int) (int, error) {
	db, err := sql.Open("sqlite", "file:"+path+"?_pragma=busy_timeout(10000)")
	if err != nil {
		return 0, err
	}
	defer db.Close()
	lost := 0
	for seq := range acked {
		table, prefix := "workers", "13"
		if seq%2 == 1 {
			table, prefix = "employers", "15"
		}
		var n int
		if err := db.QueryRowContext(ctx, `SELECT count(*) FROM `+table+` WHERE phone = ?`, selftestPhone(prefix, run, seq)).Scan(&n); err != nil {
			return lost, err
		}
		if n == 0 {
			lost++
		}
	}
	return lost, nil
}
