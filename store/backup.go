package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Backups are whole database files named gigdesk-YYYYMMDD-HHMMSS.db (station-local time),
// so that sorting the names sorts them by age and staff can read when each was taken.
const (
	backupPrefix = "gigdesk-"
	backupSuffix = ".db"
	backupStamp  = "20060102-150405"
)

// Backup is one backup file.
type Backup struct {
	Path  string
	Taken time.Time
	Size  int64
}

// BackupDir is where backups of the database at dbPath go unless told otherwise: a folder
// "backups" next to it.
func BackupDir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

// Backup writes a consistent copy of the database into dir while others keep writing
// (VACUUM INTO reads one snapshot), checks the copy, and only then gives it its final name.
// The file is created 0600: it holds phones and ID numbers.
func (s *Store) Backup(ctx context.Context, dir string) (Backup, error) {
	if s.pg {
		return Backup{}, errPgDump(s.path)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return Backup{}, &Error{Code: Invalid, Key: "backup.folder", Detail: dir, Err: err}
	}
	now := s.Now()
	final := filepath.Join(dir, backupPrefix+now.Format(backupStamp)+backupSuffix)
	for i := 1; fileExists(final); i++ { // two backups in one second: keep both
		final = filepath.Join(dir, fmt.Sprintf("%s%s-%d%s", backupPrefix, now.Format(backupStamp), i, backupSuffix))
	}
	tmp := final + ".partial"
	os.Remove(tmp)
	// VACUUM INTO accepts an empty file, so create it first with the mode we want
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return Backup{}, &Error{Code: Invalid, Key: "backup.folder", Detail: dir, Err: err}
	}
	f.Close()
	if _, err := s.db.ExecContext(ctx, `VACUUM INTO ?`, tmp); err != nil {
		os.Remove(tmp)
		return Backup{}, &Error{Code: Internal, Key: "backup.failed", Detail: final, Err: err}
	}
	if err := syncFile(tmp); err != nil {
		os.Remove(tmp)
		return Backup{}, &Error{Code: Internal, Key: "backup.failed", Detail: final, Err: err}
	}
	if rep, err := CheckFile(ctx, tmp); err != nil || !rep.OK() {
		os.Remove(tmp)
		if err == nil {
			err = errors.New(rep.Summary())
		}
		return Backup{}, &Error{Code: Internal, Key: "backup.bad_copy", Detail: final, Err: err}
	}
	if err := os.Rename(tmp, final); err != nil {
		os.Remove(tmp)
		return Backup{}, &Error{Code: Internal, Key: "backup.failed", Detail: final, Err: err}
	}
	syncDir(dir)
	st, _ := os.Stat(final)
	b := Backup{Path: final, Taken: now}
	if st != nil {
		b.Size = st.Size()
	}
	s.log.Info("backup written", "file", filepath.Base(final), "bytes", b.Size)
	return b, nil
}

// DailyBackup makes the day's first backup if dir holds none from today yet, then keeps the
// newest kept backups. made is false when today's backup was already there.
func (s *Store) DailyBackup(ctx context.Context, dir string, kept int) (b Backup, made bool, err error) {
	if s.pg {
		return Backup{}, false, nil // the district backs its server up with pg_dump
	}
	// eight counters signing in at once under serve make one copy, and Close waits for it
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	list, err := ListBackups(dir, s.loc)
	if err != nil {
		return Backup{}, false, err
	}
	today := s.Today()
	for _, old := range list {
		if s.DayOf(old.Taken) == today {
			return old, false, nil
		}
	}
	b, err = s.Backup(ctx, dir)
	if err != nil {
		return Backup{}, false, err
	}
	_, err = PruneBackups(dir, kept, s.loc)
	return b, true, err
}

// errPgDump is the one line backup and restore say on PostgreSQL.
func errPgDump(where string) error {
	return &Error{Code: Invalid, Key: "backup.pg_dump", Detail: serverOf(where)}
}

// ListBackups lists the backups in dir, newest first. A missing folder holds none.
func ListBackups(dir string, loc *time.Location) ([]Backup, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, &Error{Code: Invalid, Key: "backup.folder", Detail: dir, Err: err}
	}
	var out []Backup
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, backupPrefix) || !strings.HasSuffix(name, backupSuffix) {
			continue
		}
		stamp := strings.TrimSuffix(strings.TrimPrefix(name, backupPrefix), backupSuffix)
		if len(stamp) < len(backupStamp) {
			continue
		}
		taken, err := time.ParseInLocation(backupStamp, stamp[:len(backupStamp)], loc)
		if err != nil {
			continue
		}
		b := Backup{Path: filepath.Join(dir, name), Taken: taken}
		if info, err := e.Info(); err == nil {
			b.Size = info.Size()
		}
		out = append(out, b)
	}
	sort.Slice(out, func(i, j int) bool { return filepath.Base(out[i].Path) > filepath.Base(out[j].Path) })
	return out, nil
}

// LatestBackup is the newest backup in dir; ok is false when there is none.
func LatestBackup(dir string, loc *time.Location) (Backup, bool) {
	list, err := ListBackups(dir, loc)
	if err != nil || len(list) == 0 {
		return Backup{}, false
	}
	return list[0], true
}

// PruneBackups deletes all but the newest kept backups in dir and returns what it removed.
// kept below 1 keeps one: the newest backup is never deleted.
func PruneBackups(dir string, kept int, loc *time.Location) ([]string, error) {
	list, err := ListBackups(dir, loc)
	if err != nil {
		return nil, err
	}
	kept = max(kept, 1)
	var removed []string
	for _, b := range list[min(kept, len(list)):] {
		if err := os.Remove(b.Path); err != nil {
			return removed, &Error{Code: Invalid, Key: "backup.folder", Detail: dir, Err: err}
		}
		removed = append(removed, b.Path)
	}
	return removed, nil
}

// CheckReport is what integrity_check and foreign_key_check found.
type CheckReport struct {
	Integrity   []string // "ok" is dropped: empty means no damage
	ForeignKeys []string // "table row N → parent" for each broken reference
}

// OK reports an undamaged database.
func (r CheckReport) OK() bool { return len(r.Integrity) == 0 && len(r.ForeignKeys) == 0 }

// Summary says in one line what is wrong (English, for logs; the UI words it itself).
func (r CheckReport) Summary() string {
	var parts []string
	if len(r.Integrity) > 0 {
		first := r.Integrity[0]
		if strings.HasPrefix(first, "***") && len(r.Integrity) > 1 { // "*** in database main ***" names no problem
			first = r.Integrity[1]
		}
		first = strings.Join(strings.Fields(first), " ")
		if len(first) > 100 {
			first = first[:100] + "…"
		}
		parts = append(parts, fmt.Sprintf("%d integrity problem(s), first: %s", len(r.Integrity), first))
	}
	if len(r.ForeignKeys) > 0 {
		parts = append(parts, fmt.Sprintf("%d broken reference(s), first: %s", len(r.ForeignKeys), r.ForeignKeys[0]))
	}
	if len(parts) == 0 {
		return "ok"
	}
	return strings.Join(parts, "; ")
}

// CheckFile runs integrity_check and foreign_key_check on the database at path, read-only.
// err is set when the file cannot be read as a database at all.
func CheckFile(ctx context.Context, path string) (CheckReport, error) {
	if IsPostgresURL(path) { // what applies there: the server answers and the schema is current
		s, err := Open(path)
		if err != nil {
			return CheckReport{}, err
		}
		defer s.Close()
		return s.Check(ctx)
	}
	if _, err := os.Stat(path); err != nil {
		return CheckReport{}, &Error{Code: NotFound, Key: "backup.no_file", Detail: path, Err: err}
	}
	if err := probeHeader(path); err != nil {
		return CheckReport{}, err
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return CheckReport{}, dbError(err, path)
	}
	defer db.Close()
	return check(ctx, db, path, "integrity_check")
}

// QuickCheck runs PRAGMA quick_check on the open database (at start-up: it is fast).
func (s *Store) QuickCheck(ctx context.Context) (CheckReport, error) {
	if s.pg {
		return CheckReport{}, nil // the server keeps its own pages and foreign keys whole
	}
	return check(ctx, s.db, s.path, "quick_check")
}

// Check runs the full integrity and foreign-key checks on the open database.
func (s *Store) Check(ctx context.Context) (CheckReport, error) {
	if s.pg {
		return CheckReport{}, nil
	}
	return check(ctx, s.db, s.path, "integrity_check")
}

func check(ctx context.Context, db *sql.DB, path, pragma string) (CheckReport, error) {
	var rep CheckReport
	rows, err := db.QueryContext(ctx, `PRAGMA `+pragma)
	if err != nil {
		var e *Error
		if errors.As(dbError(err, path), &e) && (e.Key == "db.corrupt" || e.Key == "db.not_sqlite") {
			rep.Integrity = append(rep.Integrity, err.Error())
			return rep, nil
		}
		return rep, dbError(err, path)
	}
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			rows.Close()
			return rep, dbError(err, path)
		}
		if line != "ok" {
			rep.Integrity = append(rep.Integrity, line)
		}
	}
	if err := rows.Err(); err != nil {
		rep.Integrity = append(rep.Integrity, err.Error())
	}
	rows.Close()
	fk, err := db.QueryContext(ctx, `PRAGMA foreign_key_check`)
	if err != nil {
		rep.Integrity = append(rep.Integrity, err.Error())
		return rep, nil
	}
	defer fk.Close()
	for fk.Next() {
		var table, parent string
		var rowid sql.NullInt64
		var idx int
		if err := fk.Scan(&table, &rowid, &parent, &idx); err != nil {
			return rep, dbError(err, path)
		}
		rep.ForeignKeys = append(rep.ForeignKeys, fmt.Sprintf("%s row %d → %s", table, rowid.Int64, parent))
	}
	if err := fk.Err(); err != nil {
		rep.Integrity = append(rep.Integrity, err.Error())
	}
	return rep, nil
}

// probeHeader refuses a file that is not SQLite before SQLite sees it.
func probeHeader(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return &Error{Code: Invalid, Key: "db.read", Detail: path, Err: err}
	}
	defer f.Close()
	head := make([]byte, len(sqliteHeader))
	if _, err := io.ReadFull(f, head); err != nil || string(head) != sqliteHeader {
		return &Error{Code: Invalid, Key: "db.not_sqlite", Detail: path}
	}
	return nil
}

// Restored says what a restore did: where the replaced database went ("" when there was none)
// and the erases recorded since the backup that it applied again to the restored copy.
type Restored struct {
	Aside     string
	Reapplied []Erasure
}

// Restore replaces the database at dbPath with the backup at from. The backup is checked
// first; an existing database is refused unless force, and then kept aside, renamed with the
// time ("gigdesk.db.replaced-20261128-143000"), with its -wal and -shm files. Every erase in
// the ledger (the file beside the database and the database's own) is applied again to the
// restored copy before it takes the database's place, so nobody erased comes back. gigdesk
// must not have the database open meanwhile.
func Restore(ctx context.Context, from, dbPath string, force bool, now time.Time) (Restored, error) {
	if IsPostgresURL(dbPath) {
		return Restored{}, errPgDump(redactURL(dbPath))
	}
	var res Restored
	var err error
	res.Aside, res.Reapplied, err = restore(ctx, from, dbPath, force, now)
	return res, err
}

func restore(ctx context.Context, from, dbPath string, force bool, now time.Time) (aside string, reapplied []Erasure, err error) {
	rep, err := CheckFile(ctx, from)
	if err != nil {
		return "", nil, err
	}
	if !rep.OK() {
		return "", nil, &Error{Code: Invalid, Key: "backup.bad_copy", Detail: from + ": " + rep.Summary()}
	}
	if err := probe(from); err != nil {
		return "", nil, err
	}
	if same, _ := sameFile(from, dbPath); same {
		return "", nil, &Error{Code: Invalid, Key: "backup.same_file", Detail: from}
	}
	if fileExists(dbPath) {
		if !force {
			return "", nil, &Error{Code: Conflict, Key: "backup.would_overwrite", Detail: dbPath}
		}
		aside = dbPath + ".replaced-" + now.Format(backupStamp)
		for i := 1; fileExists(aside); i++ {
			aside = fmt.Sprintf("%s.replaced-%s-%d", dbPath, now.Format(backupStamp), i)
		}
	}
	if err := os.MkdirAll(filepath.Dir(dbPath), 0o700); err != nil {
		return "", nil, &Error{Code: Invalid, Key: "db.folder", Detail: dbPath, Err: err}
	}
	tmp := dbPath + ".restoring"
	if err := copyFile(from, tmp); err != nil {
		os.Remove(tmp)
		return "", nil, &Error{Code: Internal, Key: "backup.failed", Detail: dbPath, Err: err}
	}
	reapplied, err = reapplyInPlace(ctx, tmp, knownErasures(ctx, dbPath), now)
	if err != nil {
		removeDB(tmp)
		return "", nil, &Error{Code: Internal, Key: "backup.failed", Detail: dbPath, Err: err}
	}
	if aside != "" {
		if err := os.Rename(dbPath, aside); err != nil {
			os.Remove(tmp)
			return "", nil, &Error{Code: Internal, Key: "backup.failed", Detail: dbPath, Err: err}
		}
		// a left-over write-ahead log belongs to the old file: SQLite would replay it into the new one
		for _, ext := range []string{"-wal", "-shm"} {
			if fileExists(dbPath + ext) {
				if err := os.Rename(dbPath+ext, aside+ext); err != nil {
					return aside, nil, &Error{Code: Internal, Key: "backup.failed", Detail: dbPath + ext, Err: err}
				}
			}
		}
	}
	if err := os.Rename(tmp, dbPath); err != nil {
		return aside, nil, &Error{Code: Internal, Key: "backup.failed", Detail: dbPath, Err: err}
	}
	syncDir(filepath.Dir(dbPath))
	return aside, reapplied, nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// syncDir makes a rename durable; some systems (Windows) cannot sync a folder, which is fine.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

func fileExists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

func sameFile(a, b string) (bool, error) {
	sa, err := os.Stat(a)
	if err != nil {
		return false, err
	}
	sb, err := os.Stat(b)
	if err != nil {
		return false, err
	}
	return os.SameFile(sa, sb), nil
}
