package store

import (
	"context"
	"time"

	"gigdesk/store/valid"
)

// VisitKind is a service the station gives besides matching (服务登记).
type VisitKind string

const (
	VisitGuidance   VisitKind = "guidance"   // 职业指导
	VisitAssessment VisitKind = "assessment" // 职业测评
	VisitInterview  VisitKind = "interview"  // 面试洽谈
	VisitStartup    VisitKind = "startup"    // 创业指导
	VisitPolicy     VisitKind = "policy"     // 政策咨询
)

// VisitKinds lists the kinds in the order screens offer them.
var VisitKinds = []VisitKind{VisitGuidance, VisitAssessment, VisitInterview, VisitStartup, VisitPolicy}

// MaxVisitNote is the longest note on a service visit, in characters.
const MaxVisitNote = 300

// Visit is one logged service visit; WorkerID 0 is an anonymous visitor.
type Visit struct {
	ID       int64
	Kind     VisitKind
	WorkerID int64
	Note     string
	StaffID  int64
	At       time.Time
}

// LogVisit records a service visit of kind, for a worker or (workerID 0) anonymous.
func (s *Store) LogVisit(ctx context.Context, staff int64, kind VisitKind, workerID int64, note string) (Visit, error) {
	v := Visit{Kind: kind, WorkerID: workerID, StaffID: staff}
	ok := false
	for _, k := range VisitKinds {
		ok = ok || k == kind
	}
	if !ok {
		return v, &Error{Code: Invalid, Key: "visit.kind", Field: "kind", Detail: string(kind)}
	}
	note, p := valid.Text("note", note, MaxVisitNote)
	if p != nil {
		return v, fieldError(p)
	}
	v.Note = note
	err := s.write(ctx, staff, func(tx *Tx) error {
		if workerID != 0 {
			var one int
			if err := tx.queryRow(`SELECT 1 FROM workers WHERE id = ? AND erased = 0`, workerID).Scan(&one); err != nil {
				return notFound(err, "worker")
			}
		}
		v.At = tx.now
		id, err := tx.insert(`INSERT INTO service_visits (kind, worker_id, note, staff_id, at) VALUES (?, ?, ?, ?, ?)`,
			string(kind), nullID(workerID), note, nullID(tx.staff), tx.now.Unix())
		if err != nil {
			return err
		}
		v.ID = id
		return tx.audit("visit:"+string(kind), "service_visit", id, "")
	})
	return v, err
}

// Visits lists a worker's service visits, newest first (limit ≤ 0: 20).
func (s *Store) Visits(ctx context.Context, workerID int64, limit int) ([]Visit, error) {
	if limit <= 0 {
		limit = 20
	}
	return queryAll(ctx, s, scanVisit, `SELECT id, kind, coalesce(worker_id, 0), note, coalesce(staff_id, 0), at FROM service_visits
		WHERE worker_id = ? ORDER BY at DESC, id DESC LIMIT ?`, workerID, limit)
}

func scanVisit(sc scanner) (Visit, error) {
	var v Visit
	var at int64
	if err := sc.Scan(&v.ID, &v.Kind, &v.WorkerID, &v.Note, &v.StaffID, &at); err != nil {
		return v, err
	}
	v.At = time.Unix(at, 0)
	return v, nil
}
