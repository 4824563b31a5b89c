package store

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// LedgerPath is the erase ledger kept beside the database at dbPath, one JSON line per erase,
// so that a restore still knows what was erased when the database itself is the thing lost.
func LedgerPath(dbPath string) string { return dbPath + ".erasures" }

// appendLedger adds entries to the ledger file and syncs it.
func appendLedger(path string, entries []Erasure) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	for _, e := range entries {
		b, _ := json.Marshal(e)
		if _, err := f.Write(append(b, '\n')); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// readLedgerFile reads the ledger file; a missing file is an empty ledger, a torn last line is skipped.
func readLedgerFile(path string) ([]Erasure, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Erasure
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var e Erasure
		if json.Unmarshal(sc.Bytes(), &e) == nil && e.RecordID > 0 {
			out = append(out, e)
		}
	}
	return out, sc.Err()
}

// Ledger is the erase ledger this database holds, oldest first.
func (s *Store) Ledger(ctx context.Context) ([]Erasure, error) {
	return ledgerOf(ctx, s.db, s.loc)
}

func ledgerOf(ctx context.Context, db *sql.DB, loc *time.Location) ([]Erasure, error) {
	rows, err := db.QueryContext(ctx, `SELECT at, coalesce(staff_id, 0), kind, record_id, salt, id_hash FROM erasures ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Erasure
	for rows.Next() {
		var e Erasure
		var at int64
		if err := rows.Scan(&at, &e.StaffID, &e.Kind, &e.RecordID, &e.Salt, &e.IDHash); err != nil {
			return nil, err
		}
		e.At = time.Unix(at, 0).In(loc)
		out = append(out, e)
	}
	return out, rows.Err()
}

// knownErasures is every erase recorded for the database at dbPath: its ledger file and,
// when the file can be read, the ledger inside it. One entry per record.
func knownErasures(ctx context.Context, dbPath string) []Erasure {
	all, _ := readLedgerFile(LedgerPath(dbPath))
	if fileExists(dbPath) && probeHeader(dbPath) == nil {
		if db, err := sql.Open("sqlite", "file:"+dbPath+"?mode=ro&_pragma=busy_timeout(10000)"); err == nil {
			inside, _ := ledgerOf(ctx, db, Shanghai)
			db.Close()
			all = append(all, inside...)
		}
	}
	type rec struct {
		k  Person
		id int64
	}
	seen := map[rec]bool{}
	var out []Erasure
	for _, e := range all {
		if !seen[rec{e.Kind, e.RecordID}] {
			seen[rec{e.Kind, e.RecordID}] = true
			out = append(out, e)
		}
	}
	return out
}

// compact rebuilds the database file (VACUUM), so free pages and the free space inside pages
// hold nothing an earlier version of a row left, then empties the write-ahead log. cleared is
// false when another program kept reading and the log could not be emptied yet.
func (s *Store) compact(ctx context.Context) (cleared bool, err error) {
	if _, err := s.db.ExecContext(ctx, `VACUUM`); err != nil {
		return false, dbError(err, s.path)
	}
	var busy, logged, moved int
	if err := s.db.QueryRowContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`).Scan(&busy, &logged, &moved); err != nil {
		return false, dbError(err, s.path)
	}
	return busy == 0, nil
}

// keptCopies are the backups and the files restore kept aside, which hold whoever they held.
func (s *Store) keptCopies() []string {
	var out []string
	list, _ := ListBackups(BackupDir(s.path), s.loc)
	for _, b := range list {
		out = append(out, b.Path)
	}
	aside, _ := filepath.Glob(s.path + ".replaced-*")
	for _, p := range aside {
		if !strings.HasSuffix(p, "-wal") && !strings.HasSuffix(p, "-shm") {
			out = append(out, p)
		}
	}
	return out
}

// cleanCopies re-applies the ledger to every kept copy; cleaned lists those it changed.
func (s *Store) cleanCopies(ctx context.Context) (cleaned, failed []string) {
	ledger, err := s.Ledger(ctx)
	if err != nil {
		return nil, []string{s.path + ": " + err.Error()}
	}
	for _, p := range s.keptCopies() {
		applied, err := cleanFile(ctx, p, ledger, s.now)
		if err != nil {
			failed = append(failed, p+": "+err.Error())
		} else if len(applied) > 0 {
			cleaned = append(cleaned, p)
		}
	}
	return cleaned, failed
}

// cleanFile re-applies ledger to the database copy at path and, when it held anyone erased,
// replaces it with a rebuilt copy (VACUUM INTO: no free page keeps the old rows).
func cleanFile(ctx context.Context, path string, ledger []Erasure, now func() time.Time) ([]Erasure, error) {
	work := path + ".cleaning"
	defer removeDB(work)
	removeDB(work)
	if err := copyFile(path, work); err != nil {
		return nil, err
	}
	c, err := Open(work, WithClock(now))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var applied []Erasure
	err = c.write(ctx, 0, func(tx *Tx) error {
		var err error
		applied, err = tx.reapply(ledger)
		return err
	})
	if err != nil || len(applied) == 0 {
		return nil, err
	}
	out := path + ".partial"
	os.Remove(out)
	f, err := os.OpenFile(out, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return nil, err
	}
	f.Close()
	if _, err := c.db.ExecContext(ctx, `VACUUM INTO ?`, out); err != nil {
		os.Remove(out)
		return nil, err
	}
	if err := syncFile(out); err != nil {
		os.Remove(out)
		return nil, err
	}
	if rep, err := CheckFile(ctx, out); err != nil || !rep.OK() {
		os.Remove(out)
		if err == nil {
			err = errors.New(rep.Summary())
		}
		return nil, err
	}
	if err := os.Rename(out, path); err != nil {
		os.Remove(out)
		return nil, err
	}
	syncDir(filepath.Dir(path))
	return applied, nil
}

// removeDB removes a database file with its write-ahead log and shared-memory file.
func removeDB(path string) {
	for _, ext := range []string{"", "-wal", "-shm", "-journal"} {
		os.Remove(path + ext)
	}
}

// reapplyInPlace re-applies ledger to the database at path (a restore's new file), rebuilds it
// and empties its log, and returns the entries that erased someone.
func reapplyInPlace(ctx context.Context, path string, ledger []Erasure, now time.Time) ([]Erasure, error) {
	if len(ledger) == 0 {
		return nil, nil
	}
	c, err := Open(path, WithClock(func() time.Time { return now }))
	if err != nil {
		return nil, err
	}
	defer c.Close()
	var applied []Erasure
	err = c.write(ctx, 0, func(tx *Tx) error {
		var err error
		applied, err = tx.reapply(ledger)
		return err
	})
	if err != nil {
		return nil, err
	}
	if len(applied) > 0 {
		if _, err := c.compact(ctx); err != nil {
			return nil, err
		}
	}
	return applied, nil
}

// exportsHolding lists the files gigdesk wrote since the person was recorded that may hold
// them: their own data export, exports of the tables that name them, reports, dispatch slips.
func (s *Store) exportsHolding(ctx context.Context, kind Person, id int64) ([]ExportFile, error) {
	table, _ := kind.table()
	tables, slips := `'workers', 'dispatches'`, `SELECT id FROM dispatches WHERE worker_id = ?2`
	if kind == PersonEmployer {
		tables, slips = `'employers', 'jobs'`, `SELECT d.id FROM dispatches d JOIN jobs j ON j.id = d.job_id WHERE j.employer_id = ?2`
	}
	rows, err := s.db.QueryContext(ctx, `SELECT at, action, entity, entity_id, detail FROM audit
		WHERE at >= coalesce((SELECT created_at FROM `+table+` WHERE id = ?2), 0) AND (
			(action = 'export' AND entity = ?1 AND entity_id = ?2)
			OR (action IN ('export_full', 'export_file') AND entity IN (`+tables+`))
			OR action = 'report_file'
			OR (action = 'slip' AND entity = 'dispatch' AND entity_id IN (`+slips+`)))
		ORDER BY id`, string(kind), id)
	if err != nil {
		return nil, dbError(err, s.path)
	}
	defer rows.Close()
	var out []ExportFile
	for rows.Next() {
		var f ExportFile
		var at int64
		var detail string
		if err := rows.Scan(&at, &f.Action, &f.Entity, &f.ID, &detail); err != nil {
			return nil, dbError(err, s.path)
		}
		f.At = time.Unix(at, 0).In(s.loc)
		if _, path, ok := strings.Cut(detail, "file="); ok {
			f.Path = path
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// fileDetail is an audit detail naming the file written: "what file=PATH".
func fileDetail(what, path string) string {
	if path == "" {
		return what
	}
	return strings.TrimSpace(what + " " + refs("file", path)) // last: a path may hold spaces
}

// NoteReportFile writes to the audit log that a report for [from, to] went to the file at path,
// so that an erase can say which files may still hold the person.
func (s *Store) NoteReportFile(ctx context.Context, staff int64, path, from, to string) error {
	return s.write(ctx, staff, func(tx *Tx) error {
		return tx.audit("report_file", "report", 0, fileDetail(refs("from", from, "to", to), path))
	})
}

// NoteRestore writes into a restored database who restored it from which file and how many
// erases were applied again. The staff member is found by name: the copy may number staff
// differently; a name it does not know is kept in the detail.
func (s *Store) NoteRestore(ctx context.Context, staffName, from string, reapplied int) error {
	var id int64
	s.db.QueryRowContext(ctx, `SELECT id FROM staff WHERE name = ?`, staffName).Scan(&id)
	detail := fileDetail(refs("reapplied", reapplied), from)
	if id == 0 {
		detail = refs("by", staffName) + " " + detail
	}
	return s.write(ctx, id, func(tx *Tx) error { return tx.audit("restore", "database", 0, detail) })
}

// HeadOf names the first active station head in the database file at path, read-only ("" when
// it cannot be read): the restore command a damaged station is told to run names them.
func HeadOf(ctx context.Context, path string) string {
	if probeHeader(path) != nil {
		return ""
	}
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		return ""
	}
	defer db.Close()
	var name string
	db.QueryRowContext(ctx, `SELECT name FROM staff WHERE role = 'head' AND active = 1 ORDER BY id LIMIT 1`).Scan(&name)
	return name
}
