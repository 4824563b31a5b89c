package store

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"time"
)

// ErasedName is what an erased person is called from then on.
func ErasedName(id int64) string { return fmt.Sprintf("已删除#%d", id) }

// Erasure is one line of the erase ledger: who erased which record when, and a salted hash
// of the ID number (so a copy holding the same person under another number is found too).
// It holds no personal data.
type Erasure struct {
	At       time.Time `json:"at"`
	StaffID  int64     `json:"staff_id"`
	Kind     Person    `json:"kind"`
	RecordID int64     `json:"record_id"`
	Salt     string    `json:"salt"`
	IDHash   string    `json:"id_hash,omitempty"`
}

// EraseReport is what an erase did beyond the record: the backups it cleaned, whether the
// write-ahead log is empty again, and the exports written earlier that may still hold the person.
type EraseReport struct {
	Erasure    Erasure
	Backups    []string     // backups (and files kept aside by restore) cleaned of the person
	BackupErrs []string     // backups that could not be cleaned: "path: why"
	WALCleared bool         // false: another program kept reading; the log empties when it stops
	Exports    []ExportFile // files gigdesk wrote that may still hold the person, oldest first
}

// ExportFile is a file gigdesk wrote, as the audit log remembers it.
type ExportFile struct {
	At     time.Time
	Action string // export (this person's own), export_full, export_file, report_file, slip
	Entity string
	Path   string // "" when it went to the screen or a pipe, or for a dispatch slip
	ID     int64  // the dispatch of a slip
}

// idHash is the ledger's salted hash of an ID number.
func idHash(salt, idNumber string) string {
	if idNumber == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(salt + idNumber))
	return hex.EncodeToString(sum[:])
}

// ErasePerson wipes one person's personal data and keeps an anonymous record, so the day's and
// the year's figures stay right: name → "已删除#N", phone and ID number gone, notes and free
// text about them emptied, search keys deleted; their dispatches, sign-ins and jobs stay,
// without personal data. Only the station head may; it is audited and goes into the erase
// ledger. Then nothing of them is left in the file either: the database is rebuilt (VACUUM)
// and its write-ahead log emptied, and every backup gigdesk keeps is cleaned the same way.
func (s *Store) ErasePerson(ctx context.Context, head int64, kind Person, id int64) (EraseReport, error) {
	if _, ok := kind.table(); !ok {
		return EraseReport{}, Errorf(Invalid, "privacy.which", "unknown kind %q", kind)
	}
	var rep EraseReport
	err := s.write(ctx, head, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		e, err := tx.erase(kind, id)
		if err != nil {
			return err
		}
		rep.Erasure = e
		return tx.audit("erase", string(kind), id, "")
	})
	if err != nil {
		return EraseReport{}, err
	}
	if s.pg { // the erasures table is the ledger; the server's copies are pg_dump's
		_, err := s.db.ExecContext(ctx, `VACUUM`)
		rep.WALCleared = err == nil
		rep.Exports, err = s.exportsHolding(ctx, kind, id)
		return rep, err
	}
	if err := appendLedger(LedgerPath(s.path), []Erasure{rep.Erasure}); err != nil {
		return rep, &Error{Code: Internal, Key: "privacy.ledger", Detail: LedgerPath(s.path), Err: err}
	}
	if rep.WALCleared, err = s.compact(ctx); err != nil {
		return rep, err
	}
	rep.Backups, rep.BackupErrs = s.cleanCopies(ctx)
	rep.Exports, err = s.exportsHolding(ctx, kind, id)
	return rep, err
}

// erase wipes record id and writes its ledger line; a record already erased is a Conflict.
func (t *Tx) erase(kind Person, id int64) (Erasure, error) {
	table, _ := kind.table()
	var erased bool
	var idNumber sql.NullString
	q := `SELECT erased, NULL FROM ` + table + ` WHERE id = ?`
	if kind == PersonWorker {
		q = `SELECT erased, id_number FROM workers WHERE id = ?`
	}
	if err := t.queryRow(q, id).Scan(&erased, &idNumber); err != nil {
		return Erasure{}, notFound(err, string(kind))
	}
	if erased {
		return Erasure{}, &Error{Code: Conflict, Key: "privacy.already_erased", Detail: fmt.Sprint(id)}
	}
	salt := make([]byte, 16)
	rand.Read(salt)
	e := Erasure{At: t.now, StaffID: t.staff, Kind: kind, RecordID: id, Salt: hex.EncodeToString(salt)}
	e.IDHash = idHash(e.Salt, idNumber.String)
	if err := t.wipe(kind, id); err != nil {
		return Erasure{}, err
	}
	return e, t.record(e)
}

// record writes a ledger line into this database (once per record).
func (t *Tx) record(e Erasure) error {
	var staff any
	if e.StaffID > 0 {
		staff = e.StaffID
	}
	_, err := t.exec(`INSERT INTO erasures (at, staff_id, kind, record_id, salt, id_hash) VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (kind, record_id) DO NOTHING`, e.At.Unix(), staff, string(e.Kind), e.RecordID, e.Salt, e.IDHash)
	return err
}

// wipe overwrites every field of record id and of the rows about it that can hold personal data.
func (t *Tx) wipe(kind Person, id int64) error {
	var stmts []string
	switch kind {
	case PersonWorker:
		stmts = []string{
			`UPDATE workers SET name = ?2, phone = NULL, phone_tail = '', id_number = NULL, notes = '', status_reason = '',
				consent = 0, status = 'left', erased = 1, updated_at = ?3 WHERE id = ?1`,
			`DELETE FROM worker_keys WHERE worker_id = ?1`,
			`UPDATE dispatches SET dispute_note = '', cancel_reason = '', policy_no = '' WHERE worker_id = ?1`,
			`UPDATE call_attempts SET reason = '' WHERE worker_id = ?1`,
			`UPDATE service_visits SET note = '' WHERE worker_id = ?1`,
			// free text about the worker: their rights cases' accounts and notes, training wishes
			`UPDATE rights_cases SET summary = '' WHERE worker_id = ?1`,
			`UPDATE rights_notes SET note = '' WHERE case_id IN (SELECT id FROM rights_cases WHERE worker_id = ?1)`,
			`UPDATE training_wishes SET topic = '', closed_at = coalesce(closed_at, ?3) WHERE worker_id = ?1`,
			// the self-service terminal: their PIN (or pre-registration mark) goes; the jobs they asked
			// for hold no personal data and stay in the terminal's figures, withdrawn
			`DELETE FROM worker_self WHERE worker_id = ?1`,
			`UPDATE job_requests SET withdrawn_at = coalesce(withdrawn_at, ?3) WHERE worker_id = ?1`,
		}
	case PersonEmployer:
		stmts = []string{
			`UPDATE employers SET name = ?2, contact = '', phone = NULL, address = '', notes = '', erased = 1, updated_at = ?3 WHERE id = ?1`,
			`UPDATE jobs SET address = '' WHERE employer_id = ?1`,
			`UPDATE rights_cases SET summary = '' WHERE employer_id = ?1`,
			`UPDATE rights_notes SET note = '' WHERE case_id IN (SELECT id FROM rights_cases WHERE employer_id = ?1)`,
		}
	}
	for _, q := range stmts {
		if _, err := t.exec(q, id, ErasedName(id), t.now.Unix()); err != nil {
			return err
		}
	}
	return nil
}

// reapply erases, in this copy, every ledger entry it has not erased yet: by record number,
// and any worker whose ID number matches the entry's hash. It returns the entries it applied.
func (t *Tx) reapply(ledger []Erasure) ([]Erasure, error) {
	var applied []Erasure
	for _, e := range ledger {
		ids, err := t.matches(e)
		if err != nil {
			return applied, err
		}
		for _, id := range ids {
			if err := t.wipe(e.Kind, id); err != nil {
				return applied, err
			}
			if err := t.audit("erase:reapplied", string(e.Kind), id, ""); err != nil {
				return applied, err
			}
		}
		if len(ids) > 0 {
			applied = append(applied, e)
		}
		if err := t.record(e); err != nil {
			return applied, err
		}
	}
	return applied, nil
}

// matches are the records of this copy that entry e erased and that still hold data.
func (t *Tx) matches(e Erasure) ([]int64, error) {
	table, ok := e.Kind.table()
	if !ok {
		return nil, nil
	}
	var out []int64
	var erased bool
	err := t.queryRow(`SELECT erased FROM `+table+` WHERE id = ?`, e.RecordID).Scan(&erased)
	if err == nil && !erased {
		out = append(out, e.RecordID)
	} else if err != nil && err != sql.ErrNoRows {
		return nil, err
	}
	if e.Kind != PersonWorker || e.IDHash == "" {
		return out, nil
	}
	rows, err := t.query(`SELECT id, id_number FROM workers WHERE id_number IS NOT NULL AND erased = 0 AND id <> ?`, e.RecordID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var number string
		if err := rows.Scan(&id, &number); err != nil {
			return nil, err
		}
		if idHash(e.Salt, number) == e.IDHash {
			out = append(out, id)
		}
	}
	return out, rows.Err()
}
