package store

import (
	"context"
	"database/sql"
	"strings"
)

// The settings of the connection a load runs on. A load gets a page cache of 64 MiB, and
// the deferred indexes are built again with one of 8 MiB (sortPragmas): measured on the
// district demo (100,000 workers over a year, an 800 MB file, idle 2-core machine) these took
// the load from 78–89 s to 53–54 s. Two effects:
//   - SQLite sizes its sorter's runs by the page cache. Small runs go to temporary files and are
//     sorted by a second thread (threads = 2) while the first reads the table: the index phase
//     went from 26–31 s to 18 s. Temporary files stay on disk for the same reason: with
//     temp_store = MEMORY SQLite sorts each index in one run on one thread.
//   - A cache that holds the whole load (it was 1 GiB) makes SQLite touch each page of it fresh,
//     and the commit then writes it all at once; fresh memory is slow to touch on a virtual
//     machine (the kernel's page clearing was a fifth of the load's CPU). A small cache spills
//     pages to the file as the load goes and reuses its memory: the commit went from 10–12 s to
//     nothing, and the load's system time from 22–27 s to 6 s.
//
// A load into a fresh database (no workers, employers or jobs yet: the demo) also runs without
// a journal and without syncing: the file holds nothing a crash could lose that the load would
// not write again, and each page is written once into the file instead of first into the WAL
// and then again by the checkpoint. It also runs with SQLite's foreign keys off, and the loader
// checks every reference itself in memory (bulk_refs.go): SQLite looking up each dispatch's and
// call's job and worker in the tables as it inserted them was a third of the demo load (62–64 s →
// 40–43 s on an idle 2-core machine), and PRAGMA foreign_key_check afterwards would cost 8.5 s.
// Everything is put back before the connection returns to the pool: WAL, a full sync and
// foreign keys, which every other write relies on.

// bulkPragmas sets the load's settings on conn and returns what puts the old ones back.
func bulkPragmas(ctx context.Context, conn *sql.Conn, fresh bool) (restore func(), err error) {
	names := []string{"cache_size", "threads"}
	set := map[string]string{"cache_size": "-65536", "threads": "2"}
	if fresh {
		names = append(names, "synchronous", "journal_mode", "foreign_keys")
		set["synchronous"], set["journal_mode"], set["foreign_keys"] = "OFF", "OFF", "OFF"
	}
	var old []string
	restore = func() {
		for i := len(old) - 1; i >= 0; i-- {
			conn.ExecContext(context.Background(), `PRAGMA `+names[i]+` = `+old[i])
		}
	}
	for _, n := range names {
		var v string
		if err := conn.QueryRowContext(ctx, `PRAGMA `+n).Scan(&v); err != nil {
			restore()
			return nil, err
		}
		// journal_mode answers with the mode it is in, which is how it is set again
		if _, err := conn.ExecContext(ctx, `PRAGMA `+n+` = `+set[n]); err != nil {
			restore()
			return nil, err
		}
		old = append(old, strings.ToUpper(v))
	}
	return restore, nil
}

// sortPragmas shrinks the page cache before the deferred indexes are built, so SQLite sorts
// each in runs of 8 MiB on two threads. bulkPragmas' restore puts the old size back.
func sortPragmas(l *Loader) error {
	if l.s.pg {
		return nil
	}
	_, err := l.tx.ExecContext(l.ctx, `PRAGMA cache_size = -8192`)
	return err
}

// freshForBulk reports whether the database holds no workers, employers or jobs yet.
func freshForBulk(ctx context.Context, conn *sql.Conn) (bool, error) {
	var fresh bool
	err := conn.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM workers) AND NOT EXISTS (SELECT 1 FROM employers)
		AND NOT EXISTS (SELECT 1 FROM jobs)`).Scan(&fresh)
	return fresh, err
}
