package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"gigdesk/store/posting"
	"gigdesk/store/valid"
)

// GuidePay (工资指导价位) is the station head's guide pay for one trade and pay unit.
type GuidePay struct {
	TradeID   int64
	Unit      PayUnit
	PayFen    int64
	UpdatedBy int64
	UpdatedAt time.Time
}

// GuidePays lists every guide pay by trade and unit.
func (s *Store) GuidePays(ctx context.Context) ([]GuidePay, error) {
	return queryAll(ctx, s, scanGuidePay, `SELECT g.trade_id, g.pay_unit, g.pay_fen, coalesce(g.updated_by, 0), g.updated_at
		FROM guide_pay g JOIN trades t ON t.id = g.trade_id ORDER BY t.sort, t.id, g.pay_unit`)
}

// GuideFor is the guide pay of a trade and unit; 0 when the station set none.
func (s *Store) GuideFor(ctx context.Context, tradeID int64, unit PayUnit) (int64, error) {
	var fen int64
	err := s.db.QueryRowContext(ctx, `SELECT pay_fen FROM guide_pay WHERE trade_id = ? AND pay_unit = ?`, tradeID, string(unit)).Scan(&fen)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return fen, dbError(err, s.path)
}

// SetGuidePay sets (or, with 0 fen, removes) the guide pay of a trade and unit; only the
// station head may.
func (s *Store) SetGuidePay(ctx context.Context, head, tradeID int64, unit PayUnit, fen int64) error {
	if !unit.valid() {
		return &Error{Code: Invalid, Key: "pay.unit", Field: "pay_unit", Detail: string(unit)}
	}
	if fen != 0 {
		if p := valid.PayFen(fen); p != nil {
			return fieldError(p)
		}
	}
	return s.write(ctx, head, func(tx *Tx) error {
		if err := tx.requireHead(); err != nil {
			return err
		}
		if err := tx.exists(`SELECT 1 FROM trades WHERE id = ?`, tradeID, "trade"); err != nil {
			return err
		}
		detail := refs("trade", tradeID, "unit", unit, "fen", fen)
		if fen == 0 {
			if _, err := tx.exec(`DELETE FROM guide_pay WHERE trade_id = ? AND pay_unit = ?`, tradeID, string(unit)); err != nil {
				return err
			}
			return tx.audit("delete", "guide_pay", tradeID, detail)
		}
		_, err := tx.exec(`INSERT INTO guide_pay (trade_id, pay_unit, pay_fen, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (trade_id, pay_unit) DO UPDATE SET pay_fen = excluded.pay_fen, updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
			tradeID, string(unit), fen, nullID(head), tx.now.Unix())
		if err != nil {
			return err
		}
		return tx.audit("set", "guide_pay", tradeID, detail)
	})
}

// PayCheck is how a job's pay compares with the guide and the minimum hourly wage.
type PayCheck struct {
	GuideFen     int64 // 0: no guide for the trade and unit
	HourlyFen    int64
	HasHourly    bool // piece rates have no hourly figure
	MinHourlyFen int64
	BelowGuide   bool
	BelowMin     bool
}

// Below reports pay that needs staff to confirm it with a reason.
func (c PayCheck) Below() bool { return c.BelowGuide || c.BelowMin }

// CheckPay compares a job's pay with the guide for its trade and unit and the minimum hourly wage.
func CheckPay(j Job, guideFen, minHourlyFen int64) PayCheck {
	c := PayCheck{GuideFen: guideFen, MinHourlyFen: minHourlyFen}
	c.HourlyFen, c.HasHourly = j.HourlyFen()
	c.BelowGuide = guideFen > 0 && j.PayFen < guideFen
	c.BelowMin = c.HasHourly && minHourlyFen > 0 && c.HourlyFen < minHourlyFen
	return c
}

// JobReview is what staff confirmed when the job was posted: the reason for pay under the
// guide or the minimum wage, and why a posting with flagged words was published anyway.
// Both are kept with the job.
type JobReview struct {
	PayReason       string
	PostingOverride string
	// Filled in when saved (and by JobReviewOf):
	BelowGuide   bool
	GuideFen     int64
	PostingFlags string // posting.Codes of the flagged words
}

// ReviewJob says what a job as typed needs confirmed: its pay against the guide and the
// minimum wage, and the words of its requirements a posting may not contain.
func (s *Store) ReviewJob(ctx context.Context, j Job) (PayCheck, []posting.Flag, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return PayCheck{}, nil, err
	}
	guide, err := s.GuideFor(ctx, j.TradeID, j.PayUnit)
	if err != nil {
		return PayCheck{}, nil, err
	}
	return CheckPay(j, guide, st.MinHourlyFen), posting.Check(j.Requirements), nil
}

// reviewJob is called by CreateJob and UpdateJob in their transaction, after the job row is
// written: it refuses pay under the guide or minimum wage without a reason and flagged words
// without an override reason, and keeps what was confirmed with the job.
func (t *Tx) reviewJob(j *Job) error {
	r := &j.Review
	var p *valid.Problem
	if r.PayReason, p = valid.Text("pay_reason", r.PayReason, 200); p != nil {
		return fieldError(p)
	}
	if r.PostingOverride, p = valid.Text("posting_reason", r.PostingOverride, 200); p != nil {
		return fieldError(p)
	}
	var guide int64
	err := t.queryRow(`SELECT pay_fen FROM guide_pay WHERE trade_id = ? AND pay_unit = ?`, j.TradeID, string(j.PayUnit)).Scan(&guide)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	minHourly := DefaultSettings().MinHourlyFen
	var v string
	err = t.queryRow(`SELECT value FROM settings WHERE key = 'min_hourly_fen'`).Scan(&v)
	if err == nil {
		var st Settings
		st.set("min_hourly_fen", v)
		minHourly = st.MinHourlyFen
	} else if !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	pc := CheckPay(*j, guide, minHourly)
	if pc.Below() && r.PayReason == "" {
		key := "guide.reason_needed"
		if pc.BelowMin {
			key = "guide.min_reason_needed"
		}
		return &Error{Code: Invalid, Key: key, Field: "pay_reason", Detail: fmt.Sprintf("pay %d below guide %d or minimum hourly %d", j.PayFen, guide, minHourly)}
	}
	flags := posting.Check(j.Requirements)
	if len(flags) > 0 && r.PostingOverride == "" {
		return &Error{Code: Invalid, Key: "posting.override_needed", Field: "posting_reason", Detail: "flagged: " + posting.Codes(flags)}
	}
	if !pc.Below() {
		r.PayReason = ""
	}
	if len(flags) == 0 {
		r.PostingOverride = ""
	}
	r.BelowGuide, r.GuideFen, r.PostingFlags = pc.Below(), guide, posting.Codes(flags)
	if _, err := t.exec(`UPDATE jobs SET below_guide = ?, guide_fen = ?, pay_reason = ?, posting_flags = ?, posting_override = ? WHERE id = ?`,
		r.BelowGuide, r.GuideFen, r.PayReason, r.PostingFlags, r.PostingOverride, j.ID); err != nil {
		return err
	}
	if r.BelowGuide {
		if err := t.audit("confirm:below_guide", "job", j.ID, r.PayReason); err != nil {
			return err
		}
	}
	if r.PostingFlags != "" {
		return t.audit("confirm:posting", "job", j.ID, r.PostingFlags+": "+r.PostingOverride)
	}
	return nil
}

// JobReviewOf reads what was confirmed when the job was posted or last edited.
func (s *Store) JobReviewOf(ctx context.Context, jobID int64) (JobReview, error) {
	var r JobReview
	err := s.db.QueryRowContext(ctx, `SELECT below_guide, guide_fen, pay_reason, posting_flags, posting_override FROM jobs WHERE id = ?`, jobID).
		Scan(&r.BelowGuide, &r.GuideFen, &r.PayReason, &r.PostingFlags, &r.PostingOverride)
	if err != nil {
		return r, dbError(notFound(err, "job"), s.path)
	}
	return r, nil
}

// ExpireJobs closes, as expired, every open or partly filled job whose validity period has
// ended; each is audited. It runs at start-up and whenever the board reloads.
func (s *Store) ExpireJobs(ctx context.Context, staff int64) (int, error) {
	now := s.now().Unix()
	var n int
	// a cheap read first: the board reloads often and usually nothing has expired
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM jobs WHERE status IN ('open', 'partly') AND valid_until IS NOT NULL AND valid_until <= ?`, now).Scan(&n); err != nil {
		return 0, dbError(err, s.path)
	}
	if n == 0 {
		return 0, nil
	}
	n = 0
	err := s.write(ctx, staff, func(tx *Tx) error {
		n = 0
		ids, err := txRows(tx, scanOne[int64], `SELECT id FROM jobs WHERE status IN ('open', 'partly') AND valid_until IS NOT NULL AND valid_until <= ? ORDER BY id`, tx.now.Unix())
		if err != nil {
			return err
		}
		for _, id := range ids {
			if _, err := tx.exec(`UPDATE jobs SET status = 'expired', status_reason = 'valid_until', updated_at = ? WHERE id = ?`, tx.now.Unix(), id); err != nil {
				return err
			}
			if err := tx.audit("status:expired", "job", id, refs("reason", "valid_until")); err != nil {
				return err
			}
		}
		n = len(ids)
		return nil
	})
	return n, err
}

func scanGuidePay(sc scanner) (GuidePay, error) {
	var g GuidePay
	var at int64
	if err := sc.Scan(&g.TradeID, &g.Unit, &g.PayFen, &g.UpdatedBy, &at); err != nil {
		return g, err
	}
	g.UpdatedAt = time.Unix(at, 0)
	return g, nil
}
