package store

import (
	"context"
	"database/sql"
	"strings"
)

// The settings of the connection a load runs on. Every load gets a big page cache (foreign-key
// and UNIQUE checks on random workers hit memory instead of re-reading spilled pages) and keeps
// its temporary files in memory: the statement journal every multi-row INSERT writes and the
// sorts that build the deferred indexes again, which on a district's year otherwise cost seconds
// of writes to temporary files.
//
// A load into a fresh database (no workers, employers or jobs yet: the demo) also runs without
// a journal and without syncing: the file holds nothing a crash could lose that the load would
// not write again, and each page is written once into the file instead of first into the WAL
// and then again by the checkpoint. Everything is put back before the connection returns to the
// pool: WAL and a full sync, which every other write relies on.

// bulkPragmas sets the load's settings on conn and returns what puts the old ones back.
func bulkPragmas(ctx context.Context, conn *sql.Conn, fresh bool) (restore func(), err error) {
	names := []string{"cache_size", "temp_store", "threads"}
	// a 1 GiB cache at most, taken as used; the index sorts on a second core
	set := map[string]string{"cache_size": "-1048576", "temp_store": "MEMORY", "threads": "2"}
	if fresh {
		names = append(names, "synchronous", "journal_mode")
		set["synchronous"], set["journal_mode"] = "OFF", "OFF"
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

// freshForBulk reports whether the database holds no workers, employers or jobs yet.
func freshForBulk(ctx context.Context, conn *sql.Conn) (bool, error) {
	var fresh bool
	err := conn.QueryRowContext(ctx, `SELECT NOT EXISTS (SELECT 1 FROM workers) AND NOT EXISTS (SELECT 1 FROM employers)
		AND NOT EXISTS (SELECT 1 FROM jobs)`).Scan(&fresh)
	return fresh, err
}
