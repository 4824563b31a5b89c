package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Copying a whole station from one database into an empty one, of either engine (gigdesk copy).
//
// The copy is one transaction on the destination: every table's rows are written, the
// identities moved past the copied ids, and only then is it committed. A copy cut short (a
// cancelled context, a killed process, a dropped connection) is rolled back by the engine and
// leaves the destination as empty as it was, so running it again does the whole copy again:
// no resume point to trust, nothing half-written for a second run to trip over. The source is
// read in one read-only transaction, a snapshot, so counters may keep working while it runs.
// Tables are found in the schema, not listed here: a table a later migration adds is copied too.

// CopyCount is how many rows of one table a copy wrote.
type CopyCount struct {
	Table string
	Rows  int64
}

// catalogueTables are the tables a new database's migrations fill (trades, places, their
// aliases and relations, the settings' versions): a destination with rows only there holds no
// station, and the copy replaces those rows with the source's.
var catalogueTables = map[string]bool{"trades": true, "trade_relations": true, "trade_aliases": true, "places": true, "settings": true}

// migrationsTable is each database's own record of the migrations applied to it: not copied.
const migrationsTable = "schema_migrations"

// keptTable holds what the Summary counted from the records (report_daycache.go): not copied,
// since the copy's own counts of the same records are the same and an empty table is right.
const keptTable = "day_figures"

// copyTable is one table as the copy reads and writes it.
type copyTable struct {
	name string
	cols []string // in the source's order
	key  []string // the primary key's columns in key order; every column when it has none
}

// Copy copies the whole station in from (a SQLite file or a postgres:// URL) into to, which
// must hold no station: opened through Open, so migrated first, then filled in one transaction.
// progress, if not nil, hears of each table once its rows are written (not yet committed).
// opts are the destination's (clock, logger, local folder).
func Copy(ctx context.Context, from, to string, progress func(CopyCount), opts ...Option) ([]CopyCount, error) {
	for _, t := range []string{from, to} {
		if err := checkTarget(t); err != nil {
			return nil, err
		}
	}
	if sameTarget(from, to) {
		return nil, &Error{Code: Invalid, Key: "copy.same", Detail: shownTarget(to)}
	}
	src, srcVersions, err := openCopySource(ctx, from)
	if err != nil {
		return nil, err
	}
	defer src.Close()
	dst, err := Open(to, opts...)
	if err != nil {
		if missingDatabase(err) {
			return nil, &Error{Code: NotFound, Key: "copy.no_destination", Detail: shownTarget(to), Err: err}
		}
		return nil, err
	}
	defer dst.Close()
	dstVersions, err := queryAll(ctx, dst, scanOne[int], `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	if !slices.Equal(srcVersions, dstVersions) {
		return nil, &Error{Code: Conflict, Key: "copy.schema_differs", Detail: fmt.Sprintf("%d → %d", lastOf(srcVersions), lastOf(dstVersions))}
	}
	plan, err := planCopy(ctx, src, dst)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	counts, err := copyInto(ctx, src, dst, plan, to, progress)
	if err != nil {
		if ctx.Err() != nil {
			return nil, &Error{Code: Conflict, Key: "copy.interrupted", Detail: shownTarget(to), Err: ctx.Err()}
		}
		return nil, err
	}
	if dst.pg { // fresh figures for the planner; the copy stands whether or not this works
		if _, err := dst.db.ExecContext(ctx, `ANALYZE`); err != nil {
			dst.log.Warn("analyze after copy", "err", err)
		}
	}
	dst.log.Info("copy done", "from", string(src.Engine()), "tables", len(counts), "took", time.Since(start).Round(time.Millisecond))
	return counts, nil
}

// checkTarget refuses what is neither a file's path nor a PostgreSQL URL pgx can read.
func checkTarget(target string) error {
	if IsPostgresURL(target) {
		if _, err := pgx.ParseConfig(target); err != nil {
			return &Error{Code: Invalid, Key: "db.url", Detail: shownTarget(target), Err: err}
		}
		return nil
	}
	if target == "" || strings.Contains(target, "://") {
		return &Error{Code: Invalid, Key: "db.url", Detail: shownTarget(target)}
	}
	return nil
}

// sameTarget reports whether from and to name the same database.
func sameTarget(from, to string) bool {
	if IsPostgresURL(from) != IsPostgresURL(to) {
		return false
	}
	if IsPostgresURL(from) {
		return serverOf(from) == serverOf(to)
	}
	a, errA := filepath.Abs(from)
	b, errB := filepath.Abs(to)
	return errA == nil && errB == nil && a == b
}

// shownTarget is a database as a message names it: the path, or the URL without its password
// (cut out by hand when the URL is too broken to parse).
func shownTarget(target string) string {
	if !strings.Contains(target, "://") {
		return target
	}
	if _, err := url.Parse(target); err == nil {
		return redactURL(target)
	}
	scheme, rest, _ := strings.Cut(target, "://")
	if at := strings.LastIndexByte(rest, '@'); at >= 0 {
		if user, _, ok := strings.Cut(rest[:at], ":"); ok {
			rest = user + ":xxxxx" + rest[at:]
		}
	}
	return scheme + "://" + rest
}

// missingDatabase reports PostgreSQL's "database does not exist".
func missingDatabase(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "3D000"
}

func lastOf(vs []int) int {
	if len(vs) == 0 {
		return 0
	}
	return vs[len(vs)-1]
}

// openCopySource opens from to be read, without migrating or writing anything in it, and
// returns the versions of its schema. A missing file is refused before anything creates it.
func openCopySource(ctx context.Context, from string) (*Store, []int, error) {
	s := &Store{path: from, now: time.Now, loc: Shanghai, log: slog.New(slog.DiscardHandler)}
	if IsPostgresURL(from) {
		if err := s.openPostgres(from); err != nil {
			return nil, nil, err
		}
	} else {
		if fi, err := os.Stat(from); err != nil || fi.IsDir() {
			return nil, nil, &Error{Code: NotFound, Key: "copy.no_source", Detail: from, Err: err}
		}
		if err := probe(from); err != nil {
			return nil, nil, err
		}
		// no journal_mode: a file is read as it is; query_only: nothing on this handle writes
		db, err := sql.Open("sqlite", "file:"+from+"?_pragma=busy_timeout(10000)&_pragma=query_only(1)")
		if err != nil {
			return nil, nil, &Error{Code: Internal, Key: "db.open", Detail: from, Err: err}
		}
		s.db = db
	}
	versions, err := sourceVersions(ctx, s)
	if err != nil {
		s.db.Close()
		return nil, nil, err
	}
	return s, versions, nil
}

// sourceVersions are the migrations applied to the source, refusing what holds no gigdesk schema.
func sourceVersions(ctx context.Context, s *Store) ([]int, error) {
	if err := s.db.PingContext(ctx); err != nil {
		if missingDatabase(err) {
			return nil, &Error{Code: NotFound, Key: "copy.no_source", Detail: shownTarget(s.path), Err: err}
		}
		return nil, dbError(err, s.path)
	}
	tables, err := s.tableNames(ctx)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(tables, migrationsTable) {
		return nil, &Error{Code: Invalid, Key: "copy.not_station", Detail: shownTarget(s.path)}
	}
	versions, err := queryAll(ctx, s, scanOne[int], `SELECT version FROM schema_migrations ORDER BY version`)
	if err != nil {
		return nil, err
	}
	if newest := SchemaVersion(); lastOf(versions) > newest {
		return nil, &Error{Code: Conflict, Key: "db.newer", Detail: fmt.Sprintf("%s has schema %d, this gigdesk knows %d", shownTarget(s.path), lastOf(versions), newest)}
	}
	return versions, nil
}

// planCopy lists the source's tables with their columns, parents before children, after
// checking the destination has the same tables and columns.
func planCopy(ctx context.Context, src, dst *Store) ([]copyTable, error) {
	names, err := src.tableNames(ctx)
	if err != nil {
		return nil, err
	}
	theirs, err := dst.tableNames(ctx)
	if err != nil {
		return nil, err
	}
	slices.Sort(names) // the engines' collations sort names apart differently
	slices.Sort(theirs)
	if !slices.Equal(names, theirs) {
		return nil, &Error{Code: Conflict, Key: "copy.schema_differs", Detail: "tables " + strings.Join(names, ",") + " → " + strings.Join(theirs, ",")}
	}
	var tables []copyTable
	for _, n := range names {
		if n == migrationsTable || n == keptTable {
			continue
		}
		t, err := src.copyTableOf(ctx, n)
		if err != nil {
			return nil, err
		}
		d, err := dst.copyTableOf(ctx, n)
		if err != nil {
			return nil, err
		}
		if a, b := slices.Sorted(slices.Values(t.cols)), slices.Sorted(slices.Values(d.cols)); !slices.Equal(a, b) {
			return nil, &Error{Code: Conflict, Key: "copy.schema_differs", Detail: n + ": " + strings.Join(a, ",") + " → " + strings.Join(b, ",")}
		}
		tables = append(tables, t)
	}
	return src.foreignKeyOrder(ctx, tables)
}

// copyTableOf reads table's columns and primary key from the schema.
func (s *Store) copyTableOf(ctx context.Context, table string) (copyTable, error) {
	type column struct {
		name string
		key  int
	}
	cols, err := queryAll(ctx, s, func(sc scanner) (column, error) {
		var c column
		err := sc.Scan(&c.name, &c.key)
		return c, err
	}, s.columnsSQL(), table)
	if err != nil {
		return copyTable{}, err
	}
	t := copyTable{name: table}
	for _, c := range cols {
		t.cols = append(t.cols, c.name)
	}
	slices.SortStableFunc(cols, func(a, b column) int { return a.key - b.key })
	for _, c := range cols {
		if c.key > 0 {
			t.key = append(t.key, c.name)
		}
	}
	if len(t.key) == 0 {
		t.key = t.cols
	}
	return t, nil
}

// foreignKeyOrder puts every table after the tables its foreign keys point to (a table's
// references to itself aside), alphabetically among those free to go next.
func (s *Store) foreignKeyOrder(ctx context.Context, tables []copyTable) ([]copyTable, error) {
	parents := map[string][]string{}
	for _, t := range tables {
		refs, err := queryAll(ctx, s, func(sc scanner) (string, error) {
			var parent, col string
			err := sc.Scan(&parent, &col)
			return parent, err
		}, s.referencesSQL(), t.name)
		if err != nil {
			return nil, err
		}
		parents[t.name] = slices.DeleteFunc(refs, func(p string) bool { return p == t.name })
	}
	placed := map[string]bool{}
	var out []copyTable
	for len(out) < len(tables) {
		next := -1
		for i, t := range tables {
			if !placed[t.name] && !slices.ContainsFunc(parents[t.name], func(p string) bool { return !placed[p] }) {
				next = i
				break
			}
		}
		if next < 0 {
			return nil, &Error{Code: Internal, Key: "db.error", Detail: "copy: the tables' foreign keys make a cycle"}
		}
		placed[tables[next].name] = true
		out = append(out, tables[next])
	}
	return out, nil
}
