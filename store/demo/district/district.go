// Package district is the district-sized station every district benchmark shares: 100,000
// workers over 365 days from the demo generator (about 1.1 million dispatches, 1.6 million
// calls), built once and kept in the OS temp folder under a name that carries the generator's
// version and the schema's (a branch with other migrations builds its own instead of migrating
// another's), so a benchmark run after the first opens it in a moment. Benchmarks that use it
// run only with GIGDESK_BIG=1. With GIGDESK_TEST_PG set it is a database on that server instead
// (gd_district_gN_sM), kept there between runs in the same way.
package district

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
	"gigdesk/store/testdb"
)

// The station's size and the clock it was built at and is read at: a Saturday evening.
var (
	Options = demo.Options{Workers: 100_000, Employers: 8000, Days: 365, Seed: 7, Now: Now}
	Now     = time.Date(2026, 11, 28, 17, 30, 0, 0, store.Shanghai)
)

// Enabled reports whether district benchmarks should run (GIGDESK_BIG=1).
func Enabled() bool { return os.Getenv("GIGDESK_BIG") == "1" }

// Path is the shared database's file, built first when it is not there yet. tb is skipped
// unless GIGDESK_BIG=1, so an ordinary test run never builds it.
func Path(tb testing.TB) string {
	tb.Helper()
	if !Enabled() {
		tb.Skip("set GIGDESK_BIG=1 to run the district benchmarks (the database is built on first use, about a minute)")
	}
	if testdb.Postgres() { // a database on the test server, kept between runs as the file is
		return testdb.Kept(tb, fmt.Sprintf("gd_district_g%d_s%d", demo.GeneratorVersion, store.SchemaVersion()), func(url string) error {
			took, counts, err := Build(url)
			tb.Logf("built the district on PostgreSQL in %v: %v", took.Round(time.Millisecond), counts)
			return err
		})
	}
	path := filepath.Join(os.TempDir(), fmt.Sprintf("gigdesk-district-g%d-s%d.db", demo.GeneratorVersion, store.SchemaVersion()))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	// built under another name and renamed, so an interrupted build is never taken for the real one
	tmp := fmt.Sprintf("%s.building-%d", path, os.Getpid())
	took, counts, err := Build(tmp)
	if err != nil {
		removeDB(tmp)
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		removeDB(tmp)
		tb.Fatal(err)
	}
	tb.Logf("built %s in %v: %v", path, took.Round(time.Millisecond), counts)
	return path
}

// Open opens the shared database with the clock at Now, closed when tb ends.
func Open(tb testing.TB) *store.Store {
	tb.Helper()
	s, err := store.Open(Path(tb), store.WithClock(func() time.Time { return Now }))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// OpenCopy opens a copy of the shared database in tb's temp folder, for benchmarks that write.
func OpenCopy(tb testing.TB) *store.Store {
	tb.Helper()
	from := Path(tb)
	var path string
	if testdb.Postgres() {
		path = testdb.CopyOf(tb, from)
	} else {
		path = filepath.Join(tb.TempDir(), "district.db")
		if err := copyFile(from, path); err != nil {
			tb.Fatal(err)
		}
	}
	s, err := store.Open(path, store.WithClock(func() time.Time { return Now }))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// Build writes a new district database at path (a file that must not exist, or an empty
// PostgreSQL database) and says how long the demo load took.
func Build(path string) (time.Duration, demo.Counts, error) {
	s, err := store.Open(path, store.WithClock(func() time.Time { return Now }))
	if err != nil {
		return 0, demo.Counts{}, err
	}
	defer s.Close()
	start := time.Now()
	c, err := demo.Generate(context.Background(), s, Options)
	return time.Since(start), c, err
}

func removeDB(path string) {
	for _, ext := range []string{"", "-wal", "-shm"} {
		os.Remove(path + ext)
	}
}

// OpenJob is the first job still taking workers from Now on: the one the Match benchmarks rank.
func OpenJob(tb testing.TB, s *store.Store) store.Job {
	tb.Helper()
	jobs, err := s.Jobs(context.Background(), store.JobFilter{From: Now, Statuses: []store.JobStatus{store.JobOpen, store.JobPartly}, Limit: 1})
	if err != nil || len(jobs) == 0 {
		tb.Fatalf("no open job in the district database: %v", err)
	}
	return jobs[0]
}
