package store

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// Store is an open station database.
type Store struct {
	db    *sql.DB
	path  string // the SQLite file, or the PostgreSQL URL without its password
	pg    bool   // PostgreSQL (dialect.go says what differs)
	where string // on PostgreSQL, host/dbname for the footer
	local string // on PostgreSQL, LocalPath: where this PC keeps its files for the database
	dir   string // WithLocalDir
	now   func() time.Time
	loc   *time.Location
	log   *slog.Logger // migrations and backups; never a person's data (oplog masks it anyway)

	changes  changeHub  // committed writes, for the listeners in this process (changes.go)
	watch    watchHub   // the watchers' one connection (watch.go)
	writeMu  sync.Mutex // one writer of this process at a time (tx.go)
	backupMu sync.Mutex // one daily backup at a time, and Close after it (backup.go)
}

// Option changes how Open sets up the store.
type Option func(*Store)

// WithClock makes the store read the time from now (tests, demo data).
func WithClock(now func() time.Time) Option { return func(s *Store) { s.now = now } }

// WithLogger makes the store log what it does to the file (migrations, backups).
func WithLogger(l *slog.Logger) Option { return func(s *Store) { s.log = l } }

// WithLocalDir names the folder where, for a PostgreSQL database, this PC keeps the files a
// SQLite station keeps beside its file: exports, slips (see LocalPath).
func WithLocalDir(dir string) Option { return func(s *Store) { s.dir = dir } }

// WithLocation sets the station's time zone ("today" is the station's local day).
func WithLocation(loc *time.Location) Option { return func(s *Store) { s.loc = loc } }

const sqliteHeader = "SQLite format 3\x00"

// Open opens the station database at target, a SQLite file's path (creating the folder and
// the file if needed) or a postgres:// URL, and brings its schema up to date. A file that is
// not a gigdesk database, or one written by a newer gigdesk, is refused and left exactly as it was.
func Open(target string, opts ...Option) (*Store, error) {
	s := &Store{path: target, now: time.Now, loc: Shanghai, log: slog.New(slog.DiscardHandler)}
	s.watch.s = s
	for _, o := range opts {
		o(s)
	}
	var err error
	if IsPostgresURL(target) {
		err = s.openPostgres(target)
	} else {
		err = s.openSQLite(target)
	}
	if err != nil {
		return nil, err
	}
	db := s.db
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
	// the pool's rows made by an older version (or none yet): compute them from the records once
	if current, err := s.workerPoolCurrent(context.Background()); err != nil || !current {
		if err == nil {
			err = s.RebuildWorkerPool(context.Background(), 0)
		}
		if err != nil {
			db.Close()
			return nil, err
		}
	}
	return s, nil
}

// openSQLite opens the SQLite file at path, after checking it is one gigdesk can open.
func (s *Store) openSQLite(path string) error {
	fresh, err := prepareFile(path)
	if err != nil {
		return err
	}
	if !fresh {
		// look before touching: opening in WAL mode would rewrite the header of a file we then refuse
		if err := probe(path); err != nil {
			return err
		}
	}
	db, err := sql.Open("sqlite", dsn(path))
	if err != nil {
		return &Error{Code: Internal, Key: "db.open", Detail: path, Err: err}
	}
	s.db = db
	return nil
}

// dsn sets every pragma per connection: a PRAGMA run with Exec would reach only one pooled connection.
func dsn(path string) string {
	q := url.Values{}
	for _, p := range []string{
		"busy_timeout(10000)",
		"journal_mode(WAL)",
		"synchronous(FULL)", // a record staff saw saved must survive a power cut
		"foreign_keys(1)",
		"secure_delete(1)", // a deleted or overwritten row leaves zeros, not the person, in free space
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
	if newest := schemaVersion(SQLite); current > newest {
		return &Error{Code: Conflict, Key: "db.newer", Detail: fmt.Sprintf("%s has schema %d, this gigdesk knows %d", path, current, newest)}
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error {
	s.backupMu.Lock() // a daily backup still being copied and checked finishes first
	defer s.backupMu.Unlock()
	s.watch.closeAll()
	return s.db.Close()
}

// Path is the database file's path. On PostgreSQL it is LocalPath: a path, in this PC's data
// folder, of no file, beside which the files a station keeps next to its database go.
func (s *Store) Path() string {
	if s.pg {
		return s.local
	}
	return s.path
}

// Target is what Open was given, without a password: the file's path or the PostgreSQL URL.
func (s *Store) Target() string { return s.path }

// Where names the database for the footer: the file's path, or host/dbname on PostgreSQL.
func (s *Store) Where() string {
	if s.pg {
		return s.where
	}
	return s.path
}
