package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"gigdesk/store/valid"
)

// CaseKind is what a rights case (权益维护) is about.
type CaseKind string

const (
	CaseUnpaid      CaseKind = "unpaid"       // 欠薪
	CaseInjury      CaseKind = "injury"       // 工伤
	CaseTerms       CaseKind = "terms"        // dispute over the terms agreed
	CaseFakePosting CaseKind = "fake_posting" // 虚假招聘
	CaseOther       CaseKind = "other"
)

// CaseKinds lists the kinds in the order screens offer them.
var CaseKinds = []CaseKind{CaseUnpaid, CaseInjury, CaseTerms, CaseFakePosting, CaseOther}

// CaseStatus is where a case stands: open → in progress → resolved, or referred to labour
// inspection (劳动监察) or mediation (调解); a resolved case can be reopened.
type CaseStatus string

const (
	CaseOpen       CaseStatus = "open"
	CaseInProgress CaseStatus = "in_progress"
	CaseResolved   CaseStatus = "resolved"
	CaseReferred   CaseStatus = "referred"
)

// CaseStatuses lists the states in their usual order.
var CaseStatuses = []CaseStatus{CaseOpen, CaseInProgress, CaseReferred, CaseResolved}

// Referral targets of a case.
const (
	ReferInspection = "inspection" // 劳动监察
	ReferMediation  = "mediation"  // 调解
)

// Complainant is who opened a case: ByWorker or ByEmployer.
type Complainant string

// RightsCase is one entry of the rights-case ledger (权益维护台账).
type RightsCase struct {
	ID           int64
	Kind         CaseKind
	OpenedBy     Complainant
	WorkerID     int64
	EmployerID   int64
	DispatchID   int64
	JobID        int64
	Status       CaseStatus
	ReferredTo   string
	Summary      string
	AmountFen    int64 // wages claimed, for unpaid wages
	OpenedAt     time.Time
	ResolvedAt   time.Time
	CreatedBy    int64
	UpdatedAt    time.Time
	WorkerName   string // for lists
	EmployerName string
	Notes        []CaseNote // filled by RightsCase only
}

// Closed reports a case needing no more follow-up.
func (c *RightsCase) Closed() bool { return c.Status == CaseResolved }

// CaseNote is one dated note on a case and who wrote it; Status is the state it moved the case to.
type CaseNote struct {
	ID        int64
	CaseID    int64
	StaffID   int64
	StaffName string
	At        time.Time
	Status    CaseStatus
	Note      string
}

func (k CaseKind) valid() bool {
	for _, x := range CaseKinds {
		if x == k {
			return true
		}
	}
	return false
}

// OpenCase opens a case. A case from a dispatch takes its worker, job and employer from it.
func (s *Store) OpenCase(ctx context.Context, staff int64, c RightsCase) (RightsCase, error) {
	if !c.Kind.valid() {
		return c, &Error{Code: Invalid, Key: "rights.kind", Field: "kind", Detail: string(c.Kind)}
	}
	if c.OpenedBy != ByWorker && c.OpenedBy != ByEmployer {
		return c, &Error{Code: Invalid, Key: "rights.opened_by", Field: "opened_by", Detail: string(c.OpenedBy)}
	}
	var p *valid.Problem
	if c.Summary, p = valid.Text("summary", c.Summary, 500); p != nil {
		return c, fieldError(p)
	}
	if c.Summary == "" {
		return c, &Error{Code: Invalid, Key: "rights.summary_needed", Field: "summary", Detail: "a case needs a few words of what happened"}
	}
	if c.AmountFen < 0 || c.AmountFen > 100_000_000 {
		return c, &Error{Code: Invalid, Key: "rights.amount", Field: "amount", Detail: "amount out of range"}
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if c.DispatchID != 0 {
			err := tx.queryRow(`SELECT d.worker_id, d.job_id, j.employer_id FROM dispatches d JOIN jobs j ON j.id = d.job_id WHERE d.id = ?`, c.DispatchID).
				Scan(&c.WorkerID, &c.JobID, &c.EmployerID)
			if err != nil {
				return notFound(err, "dispatch")
			}
		} else if c.JobID != 0 {
			if err := tx.queryRow(`SELECT employer_id FROM jobs WHERE id = ?`, c.JobID).Scan(&c.EmployerID); err != nil {
				return notFound(err, "job")
			}
		}
		if c.WorkerID == 0 && c.EmployerID == 0 {
			return &Error{Code: Invalid, Key: "rights.party_needed", Field: "party", Detail: "a case names a worker or an employer"}
		}
		if c.WorkerID != 0 {
			if err := tx.exists(`SELECT 1 FROM workers WHERE id = ?`, c.WorkerID, "worker"); err != nil {
				return err
			}
		}
		if c.EmployerID != 0 {
			if err := tx.exists(`SELECT 1 FROM employers WHERE id = ?`, c.EmployerID, "employer"); err != nil {
				return err
			}
		}
		c.Status, c.OpenedAt, c.UpdatedAt, c.CreatedBy = CaseOpen, tx.now, tx.now, staff
		id, err := tx.insert(`INSERT INTO rights_cases (kind, opened_by, worker_id, employer_id, dispatch_id, job_id, status, summary,
			amount_fen, opened_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?)`,
			string(c.Kind), string(c.OpenedBy), nullID(c.WorkerID), nullID(c.EmployerID), nullID(c.DispatchID), nullID(c.JobID),
			c.Summary, c.AmountFen, tx.now.Unix(), nullID(staff), tx.now.Unix())
		if err != nil {
			return err
		}
		c.ID = id
		if _, err := tx.exec(`INSERT INTO rights_notes (case_id, staff_id, at, status, note) VALUES (?, ?, ?, 'open', ?)`,
			id, nullID(staff), tx.now.Unix(), c.Summary); err != nil {
			return err
		}
		return tx.audit("open", "rights_case", id, string(c.Kind))
	})
	return c, err
}

// CaseStep moves a case on. Status "" only adds the note. Referring needs a target
// (ReferInspection or ReferMediation); referring and resolving need a note; a resolved case
// can only be reopened.
type CaseStep struct {
	Status     CaseStatus
	ReferredTo string
	Note       string
}

// UpdateCase adds a dated note to a case and moves it to a new state.
func (s *Store) UpdateCase(ctx context.Context, staff, id int64, step CaseStep) (RightsCase, error) {
	var p *valid.Problem
	if step.Note, p = valid.Text("note", step.Note, 500); p != nil {
		return RightsCase{}, fieldError(p)
	}
	switch step.Status {
	case "", CaseOpen, CaseInProgress:
	case CaseResolved, CaseReferred:
		if step.Note == "" {
			return RightsCase{}, &Error{Code: Invalid, Key: "rights.note_needed", Field: "note", Detail: "resolving or referring needs a note"}
		}
	default:
		return RightsCase{}, &Error{Code: Invalid, Key: "rights.status", Field: "status", Detail: string(step.Status)}
	}
	if step.Status == CaseReferred && step.ReferredTo != ReferInspection && step.ReferredTo != ReferMediation {
		return RightsCase{}, &Error{Code: Invalid, Key: "rights.refer_to", Field: "referred_to", Detail: step.ReferredTo}
	}
	if step.Status == "" && step.Note == "" {
		return RightsCase{}, &Error{Code: Invalid, Key: "rights.note_needed", Field: "note", Detail: "a note needs words"}
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		var cur CaseStatus
		if err := tx.queryRow(`SELECT status FROM rights_cases WHERE id = ?`, id).Scan(&cur); err != nil {
			return notFound(err, "rights_case")
		}
		next := step.Status
		if next == "" {
			next = cur
		}
		if cur == CaseResolved && next != CaseResolved && next != CaseOpen {
			return &Error{Code: Conflict, Key: "rights.resolved", Detail: "reopen a resolved case first"}
		}
		if cur == CaseResolved && next == CaseResolved && step.Status != "" {
			return &Error{Code: Conflict, Key: "rights.resolved", Detail: "case already resolved"}
		}
		if step.Status != "" && next == cur && next != CaseReferred {
			return &Error{Code: Conflict, Key: "rights.same_status", Detail: string(cur)}
		}
		refer := ""
		if next == CaseReferred {
			refer = step.ReferredTo
			if step.Status == "" {
				if err := tx.queryRow(`SELECT referred_to FROM rights_cases WHERE id = ?`, id).Scan(&refer); err != nil {
					return err
				}
			}
		}
		var resolved any
		if next == CaseResolved {
			resolved = tx.now.Unix()
			if cur == CaseResolved {
				if err := tx.queryRow(`SELECT resolved_at FROM rights_cases WHERE id = ?`, id).Scan(&resolved); err != nil {
					return err
				}
			}
		}
		if _, err := tx.exec(`UPDATE rights_cases SET status = ?, referred_to = ?, resolved_at = ?, updated_at = ? WHERE id = ?`,
			string(next), refer, resolved, tx.now.Unix(), id); err != nil {
			return err
		}
		if _, err := tx.exec(`INSERT INTO rights_notes (case_id, staff_id, at, status, note) VALUES (?, ?, ?, ?, ?)`,
			id, nullID(staff), tx.now.Unix(), string(step.Status), step.Note); err != nil {
			return err
		}
		action := "note"
		if step.Status != "" {
			action = "status:" + string(next)
		}
		return tx.audit(action, "rights_case", id, refer)
	})
	if err != nil {
		return RightsCase{}, err
	}
	return s.RightsCase(ctx, id)
}

// CorrectCase corrects what a case says happened and, for unpaid wages, the amount claimed,
// when they were taken down wrongly; the correction is audited (which fields, never the words).
func (s *Store) CorrectCase(ctx context.Context, staff, id int64, summary string, amountFen int64) (RightsCase, error) {
	var p *valid.Problem
	if summary, p = valid.Text("summary", summary, 500); p != nil {
		return RightsCase{}, fieldError(p)
	}
	if summary == "" {
		return RightsCase{}, &Error{Code: Invalid, Key: "rights.summary_needed", Field: "summary", Detail: "a case needs a few words of what happened"}
	}
	if amountFen < 0 || amountFen > 100_000_000 {
		return RightsCase{}, &Error{Code: Invalid, Key: "rights.amount", Field: "amount", Detail: "amount out of range"}
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		var kind CaseKind
		var oldSummary string
		var oldAmount int64
		if err := tx.queryRow(`SELECT kind, summary, amount_fen FROM rights_cases WHERE id = ?`, id).Scan(&kind, &oldSummary, &oldAmount); err != nil {
			return notFound(err, "rights_case")
		}
		if kind != CaseUnpaid && amountFen != 0 {
			return &Error{Code: Invalid, Key: "rights.amount_unpaid_only", Field: "amount", Detail: "only unpaid wages claim an amount"}
		}
		var changed []string
		if summary != oldSummary {
			changed = append(changed, "summary")
		}
		if amountFen != oldAmount {
			changed = append(changed, fmt.Sprintf("amount %d→%d", oldAmount, amountFen))
		}
		if len(changed) == 0 {
			return &Error{Code: Invalid, Key: "rights.unchanged", Field: "summary", Detail: "nothing to correct"}
		}
		if _, err := tx.exec(`UPDATE rights_cases SET summary = ?, amount_fen = ?, updated_at = ? WHERE id = ?`,
			summary, amountFen, tx.now.Unix(), id); err != nil {
			return err
		}
		return tx.audit("correct", "rights_case", id, strings.Join(changed, ", "))
	})
	if err != nil {
		return RightsCase{}, err
	}
	return s.RightsCase(ctx, id)
}

const caseColumns = `c.id, c.kind, c.opened_by, coalesce(c.worker_id, 0), coalesce(c.employer_id, 0), coalesce(c.dispatch_id, 0),
	coalesce(c.job_id, 0), c.status, c.referred_to, c.summary, c.amount_fen, c.opened_at, c.resolved_at, coalesce(c.created_by, 0),
	c.updated_at, coalesce(w.name, ''), coalesce(e.name, '')
	FROM rights_cases c LEFT JOIN workers w ON w.id = c.worker_id LEFT JOIN employers e ON e.id = c.employer_id`

func scanCase(sc scanner) (RightsCase, error) {
	var c RightsCase
	var opened, updated int64
	var resolved sql.NullInt64
	err := sc.Scan(&c.ID, &c.Kind, &c.OpenedBy, &c.WorkerID, &c.EmployerID, &c.DispatchID, &c.JobID, &c.Status, &c.ReferredTo,
		&c.Summary, &c.AmountFen, &opened, &resolved, &c.CreatedBy, &updated, &c.WorkerName, &c.EmployerName)
	c.OpenedAt, c.UpdatedAt, c.ResolvedAt = time.Unix(opened, 0), time.Unix(updated, 0), fromUnix(resolved)
	return c, err
}

// RightsCase reads one case with its notes, oldest first.
func (s *Store) RightsCase(ctx context.Context, id int64) (RightsCase, error) {
	c, err := scanCase(s.db.QueryRowContext(ctx, `SELECT `+caseColumns+` WHERE c.id = ?`, id))
	if err != nil {
		return c, dbError(notFound(err, "rights_case"), s.path)
	}
	c.Notes, err = queryAll(ctx, s, scanCaseNote, `SELECT n.id, n.case_id, coalesce(n.staff_id, 0), coalesce(st.name, ''), n.at, n.status, n.note
		FROM rights_notes n LEFT JOIN staff st ON st.id = n.staff_id WHERE n.case_id = ? ORDER BY n.at, n.id`, id)
	return c, err
}

func scanCaseNote(sc scanner) (CaseNote, error) {
	var n CaseNote
	var at int64
	if err := sc.Scan(&n.ID, &n.CaseID, &n.StaffID, &n.StaffName, &at, &n.Status, &n.Note); err != nil {
		return n, err
	}
	n.At = time.Unix(at, 0)
	return n, nil
}

// CaseFilter picks cases; zero fields match everything.
type CaseFilter struct {
	FollowUp   bool // not resolved: the follow-up list, oldest first
	WorkerID   int64
	EmployerID int64
	DispatchID int64
	Limit      int
}

// RightsCases lists cases: the follow-up list oldest first, otherwise newest first.
func (s *Store) RightsCases(ctx context.Context, f CaseFilter) ([]RightsCase, error) {
	q := `SELECT ` + caseColumns + ` WHERE 1 = 1`
	var args []any
	if f.FollowUp {
		q += ` AND c.status IN ('open', 'in_progress', 'referred')`
	}
	if f.WorkerID != 0 {
		q += ` AND c.worker_id = ?`
		args = append(args, f.WorkerID)
	}
	if f.EmployerID != 0 {
		q += ` AND c.employer_id = ?`
		args = append(args, f.EmployerID)
	}
	if f.DispatchID != 0 {
		q += ` AND c.dispatch_id = ?`
		args = append(args, f.DispatchID)
	}
	if f.FollowUp {
		q += ` ORDER BY c.opened_at, c.id`
	} else {
		q += ` ORDER BY c.opened_at DESC, c.id DESC`
	}
	if f.Limit > 0 {
		q += fmt.Sprintf(` LIMIT %d`, f.Limit)
	}
	return queryAll(ctx, s, scanCase, q, args...)
}

// OpenUnpaidCases counts an employer's unpaid-wage cases not yet resolved: the Jobs form
// flags the employer when they next post a job.
func (s *Store) OpenUnpaidCases(ctx context.Context, employerID int64) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM rights_cases WHERE employer_id = ? AND kind = 'unpaid' AND status <> 'resolved'`, employerID).Scan(&n)
	return n, dbError(err, s.path)
}

// SetInsurance records whether accident insurance (零工保) covers a dispatch, and the provider
// and policy number when given; a policy number needs insurance on.
func (s *Store) SetInsurance(ctx context.Context, staff, dispatchID int64, insured bool, insurer, policyNo string) (Dispatch, error) {
	var p *valid.Problem
	if insurer, p = valid.Text("insurer", insurer, 40); p != nil {
		return Dispatch{}, fieldError(p)
	}
	if policyNo, p = valid.Text("policy_no", policyNo, 40); p != nil {
		return Dispatch{}, fieldError(p)
	}
	if !insured && (insurer != "" || policyNo != "") {
		return Dispatch{}, &Error{Code: Invalid, Key: "ins.not_insured", Field: "insured", Detail: "a provider or policy needs insurance on"}
	}
	err := s.write(ctx, staff, func(tx *Tx) error {
		if err := tx.exists(`SELECT 1 FROM dispatches WHERE id = ?`, dispatchID, "dispatch"); err != nil {
			return err
		}
		if _, err := tx.exec(`UPDATE dispatches SET insured = ?, insurer = ?, policy_no = ?, updated_at = ? WHERE id = ?`,
			insured, insurer, policyNo, tx.now.Unix(), dispatchID); err != nil {
			return err
		}
		return tx.audit("insurance", "dispatch", dispatchID, refs("insured", insured))
	})
	if err != nil {
		return Dispatch{}, err
	}
	return s.DispatchByID(ctx, dispatchID)
}

// Insurance is a dispatch's accident insurance: whether it is covered, the provider and policy number.
type Insurance struct {
	Insured  bool
	Insurer  string
	PolicyNo string
}

// InsuranceOf reads a dispatch's insurance.
func (s *Store) InsuranceOf(ctx context.Context, dispatchID int64) (Insurance, error) {
	var in Insurance
	err := s.db.QueryRowContext(ctx, `SELECT insured, insurer, policy_no FROM dispatches WHERE id = ?`, dispatchID).Scan(&in.Insured, &in.Insurer, &in.PolicyNo)
	if err != nil {
		return in, dbError(notFound(err, "dispatch"), s.path)
	}
	return in, nil
}
