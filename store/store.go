// Package store keeps the station's records in one SQLite file: types, their rules,
// migrations and the queries the screens and reports need. It knows nothing of screens.
package store

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// Store is an open station database.
type Store struct {
	db   *sql.DB
	path string
	now  func() time.Time
	loc  *time.Location
}

// Option changes how Open sets up the store.
type Option func(*Store)

// WithClock makes the store read the time from now (tests, demo data).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// WithLocation sets the station's time zone ("today" is the station's local day).
func WithLocation(loc *time.Location) Option { return func(s *Store) { s.loc = loc } }

// Shanghai is the default station time zone.
var Shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		return time.FixedZone("CST", 8*3600) // no tz database on this PC: China has no DST
	}
	return loc
}

const sqliteHeader = "SQLite format 3\x00"

// Open opens the station database at path, creating the folder and the file if needed,
// and brings its schema up to date. A file that is not a gigdesk database, or one written by
// a newer gigdesk, is refused and left exactly as it was.
func Open(path string, opts ...Option) (*Store, error) {
	s := &Store{path: path, now: time.Now, loc: Shanghai}
	for _, o := range opts {
		o(s)
	}
	fresh, err := prepareFile(path)
	if err != nil {
		return nil, err
	}
	if !fresh {
		// look before touching: opening in WAL mode would rewrite the header of a file we then refuse
		if err := probe(path); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return nil, &Error{Code: Internal, Key: "db.open", Detail: path, Err: err}
	}
	s.db = db
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, err
	}
	// search keys made by an older version miss forms staff now type (张sf): make them again once
	if current, err := s.searchKeysCurrent(context.Background()); err != nil || !current {
		if err == nil {
			_, err = s.RebuildSearchKeys(context.Background(), 0)
		}
		if err != nil {
			db.Close()
			return nil, err
		}
	}
	return s, nil
}

// dsn sets every pragma per connection: a PRAGMA run with Exec would reach only one pooled connection.
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{
		"busy_timeout(10000)",
		"journal_mode(WAL)",
		"synchronous(FULL)", // a record staff saw saved must survive a power cut
		"foreign_keys(1)",
	} {
		q.Add("_pragma", p)
	}
	q.Set("_txlock", "immediate") // writers queue for the lock instead of failing with SQLITE_BUSY
	return "file:" + path + "?" + q.Encode()
}

// prepareFile creates the folder and an empty 0600 file, or checks that an existing file is SQLite.
// fresh reports a new, empty file.
func prepareFile(path string) (fresh bool, err error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return false, &Error{Code: Invalid, Key: "db.folder", Detail: dir, Err: err}
	}
	f, err := os.OpenFile(path, os.O_RDONLY, 0)
	if errors.Is(err, fs.ErrNotExist) {
		f, err = os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
		if err != nil {
			return false, &Error{Code: Invalid, Key: "db.create", Detail: path, Err: err}
		}
		return true, f.Close()
	}
	if err != nil {
		return false, &Error{Code: Invalid, Key: "db.read", Detail: path, Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	if n == 0 && (err == io.EOF || err == nil) {
		return true, nil // an empty file is a new database
	}
	if err != nil || !bytes.Equal(head, []byte(sqliteHeader)) {
		return false, &Error{Code: Invalid, Key: "db.not_sqlite", Detail: path}
	}
	return false, nil
}

// probe checks, read-only, that path is a gigdesk database this version can open.
func probe(path string) error {
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return &Error{Code: Internal, Key: "db.open", Detail: path, Err: err}
	}
	defer db.Close()
	ctx := context.Background()
	var tables, have int
	err = db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(name = 'schema_migrations'), 0) FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &have)
	if err != nil {
		return dbError(err, path)
	}
	if tables == 0 {
		return nil
	}
	if have == 0 {
		return &Error{Code: Invalid, Key: "db.foreign", Detail: path}
	}
	var current int
	if err := db.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&current); err != nil {
		return dbError(err, path)
	}
	if newest := SchemaVersion(); current > newest {
		return &Error{Code: Conflict, Key: "db.newer", Detail: fmt.Sprintf("%s has schema %d, this gigdesk knows %d", path, current, newest)}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Path is the database file's path.
func (s *Store) Path() string { return s.path }

// Now is the store's clock in the station's time zone.
func (s *Store) Now() time.Time { return s.now().In(s.loc) }

// Location is the station's time zone.
func (s *Store) Location() *time.Location { return s.loc }

// Today is the station's local date as YYYY-MM-DD.
func (s *Store) Today() string { return s.DayOf(s.now()) }

// DayOf is the station-local date of t as YYYY-MM-DD.
func (s *Store) DayOf(t time.Time) string { return t.In(s.loc).Format(time.DateOnly) }

// DayRange is the half-open [start, end) of a station-local date.
func (s *Store) DayRange(day string) (time.Time, time.Time, error) {
	start, err := time.ParseInLocation(time.DateOnly, day, s.loc)
	if err != nil {
		return time.Time{}, time.Time{}, &Error{Code: Invalid, Key: "date.invalid", Field: "date", Detail: day}
	}
	return start, start.AddDate(0, 0, 1), nil
}

type migration struct {
	version int
	name    string
	sql     string
}

func migrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	for _, e := range entries {
		num, _, ok := strings.Cut(e.Name(), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must start with a number", e.Name())
		}
		body, err := migrationFiles.ReadFile("migrations/" + e.Name())
		if err != nil {
			return nil, err
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(body)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].version < out[j].version })
	return out, nil
}

// SchemaVersion is the newest migration this gigdesk knows.
func SchemaVersion() int {
	ms, _ := migrations()
	if len(ms) == 0 {
		return 0
	}
	return ms[len(ms)-1].version
}

// migrate applies each missing migration in its own transaction, after checking the file
// was not written by a newer gigdesk.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := migrations()
	if err != nil {
		return &Error{Code: Internal, Key: "db.migrate", Err: err}
	}
	if err := s.db.PingContext(ctx); err != nil {
		return dbError(err, s.path)
	}
	var have int
	err = s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`).Scan(&have)
	if err != nil {
		return dbError(err, s.path)
	}
	current := 0
	applied := map[int]bool{}
	if have == 1 {
		rows, err := s.db.QueryContext(ctx, `SELECT version FROM schema_migrations`)
		if err != nil {
			return dbError(err, s.path)
		}
		for rows.Next() {
			var v int
			if err := rows.Scan(&v); err != nil {
				rows.Close()
				return dbError(err, s.path)
			}
			applied[v] = true
			current = max(current, v)
		}
		rows.Close()
	} else {
		var tables int
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'table'`).Scan(&tables); err != nil {
			return dbError(err, s.path)
		}
		if tables > 0 {
			return &Error{Code: Invalid, Key: "db.foreign", Detail: s.path}
		}
	}
	if newest := ms[len(ms)-1].version; current > newest {
		return &Error{Code: Conflict, Key: "db.newer", Detail: fmt.Sprintf("%s has schema %d, this gigdesk knows %d", s.path, current, newest)}
	}
	// every missing version is applied, not only those above the newest: a file made by a
	// build that had 0008 but not yet 0007 still gets 0007
	for _, m := range ms {
		if applied[m.version] {
			continue
		}
		if err := s.apply(ctx, m, have == 0); err != nil {
			return err
		}
		have = 1
	}
	return nil
}

func (s *Store) apply(ctx context.Context, m migration, first bool) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return dbError(err, s.path)
	}
	defer tx.Rollback()
	if first {
		if _, err := tx.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`); err != nil {
			return dbError(err, s.path)
		}
	}
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return &Error{Code: Internal, Key: "db.migrate", Detail: m.name, Err: err}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`, m.version, m.name, s.now().Unix()); err != nil {
		return dbError(err, s.path)
	}
	if err := tx.Commit(); err != nil {
		return dbError(err, s.path)
	}
	return nil
}

// dbError names what SQLite said in words a screen can translate.
func dbError(err error, path string) error {
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &Error{Code: Conflict, Key: "db.locked", Detail: path, Err: err}
		case sqlite3.SQLITE_NOTADB:
			return &Error{Code: Invalid, Key: "db.not_sqlite", Detail: path, Err: err}
		case sqlite3.SQLITE_CORRUPT:
			return &Error{Code: Internal, Key: "db.corrupt", Detail: path, Err: err}
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM:
			return &Error{Code: Invalid, Key: "db.read", Detail: path, Err: err}
		case sqlite3.SQLITE_FULL:
			return &Error{Code: Internal, Key: "db.full", Detail: path, Err: err}
		}
	}
	if AsError(err) != nil {
		return err
	}
	return &Error{Code: Internal, Key: "db.error", Err: err}
}

// Tx is one write: the staff member making it and one `now` for every row it touches.
type Tx struct {
	tx    *sql.Tx
	ctx   context.Context
	now   time.Time
	staff int64
	s     *Store
}

// write runs fn in one immediate transaction; every change in it is audited under staff.
func (s *Store) write(ctx context.Context, staff int64, fn func(*Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return dbError(err, s.path)
	}
	defer tx.Rollback()
	if err := fn(&Tx{tx: tx, ctx: ctx, now: s.now(), staff: staff, s: s}); err != nil {
		if AsError(err) != nil {
			return err
		}
		return dbError(err, s.path)
	}
	if err := tx.Commit(); err != nil {
		return dbError(err, s.path)
	}
	return nil
}

func (t *Tx) exec(query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(t.ctx, query, args...)
}

func (t *Tx) queryRow(query string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(t.ctx, query, args...)
}

func (t *Tx) query(query string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(t.ctx, query, args...)
}

// insert runs an INSERT and returns the new row's id.
func (t *Tx) insert(query string, args ...any) (int64, error) {
	res, err := t.exec(query, args...)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

// audit records who did what to which record; the app never updates or deletes these rows.
func (t *Tx) audit(action, entity string, id int64, detail string) error {
	var staff any
	if t.staff > 0 {
		staff = t.staff
	}
	_, err := t.exec(`INSERT INTO audit (at, staff_id, action, entity, entity_id, detail) VALUES (?, ?, ?, ?, ?, ?)`,
		t.now.Unix(), staff, action, entity, id, detail)
	return err
}

// nullID stores 0 as NULL for optional references.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// nullStr stores "" as NULL for optional unique values (phone, ID number).
func nullStr(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func unix(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Unix()
}

func fromUnix(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0)
}

// isUnique reports a UNIQUE constraint failure.
func isUnique(err error) bool {
	var se *sqlite.Error
	return errors.As(err, &se) && se.Code() == sqlite3.SQLITE_CONSTRAINT_UNIQUE
}

// scanner is what a row scanner reads from: *sql.Row or *sql.Rows.
type scanner interface{ Scan(...any) error }

// queryAll runs a read query and scans every row with scan.
func queryAll[T any](ctx context.Context, s *Store, query string, args []any, scan func(scanner) (T, error)) ([]T, error) {
	rows, err := s.db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	var out []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, dbError(err, s.path)
		}
		out = append(out, v)
	}
	return out, dbError0(rows.Err(), s.path)
}
