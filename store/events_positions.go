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

// PerMonth is a monthly wage: a fair's long-term positions are paid by the month. Jobs do not
// take it (PayUnit.valid refuses it); only positions do.
const PerMonth PayUnit = "month"

// Working time in a month, for comparing a monthly wage with the day guide and the hourly
// minimum: 21.75 days of 8 hours (the labour law's monthly average).
const (
	monthDaysHundredths = 2175
	monthHours          = 174
)

// Term says whether a position is a longer-term job or a gig.
type Term string

const (
	LongTerm Term = "long"
	GigTerm  Term = "gig"
)

// Position is one kind of job a firm offers at a fair, with how many it wants.
type Position struct {
	ID           int64
	EventID      int64
	FirmID       int64
	EmployerID   int64  // read back with the position
	Firm         string // the employer's name, read back
	Title        string
	TradeID      int64
	Headcount    int
	PayUnit      PayUnit // PerDay or PerMonth
	PayMinFen    int64
	PayMaxFen    int64 // 0: the same as PayMinFen
	Requirements string
	Term         Term
	Review       JobReview // reasons confirmed when saved, as a job's
}

// Validate checks a position as staff typed it.
func (p *Position) Validate() error {
	var pr *valid.Problem
	if p.Title, pr = valid.Text("title", p.Title, 40); pr != nil {
		return fieldError(pr)
	}
	if p.Title == "" {
		return &Error{Code: Invalid, Key: "position.title", Field: "title", Detail: "a position needs a title"}
	}
	if p.FirmID == 0 {
		return &Error{Code: Invalid, Key: "position.firm", Field: "firm", Detail: "a position needs a firm"}
	}
	if p.TradeID == 0 {
		return &Error{Code: Invalid, Key: "job.trade", Field: "trade", Detail: "a position needs a trade"}
	}
	if pr = valid.Headcount(p.Headcount); pr != nil {
		return fieldError(pr)
	}
	if p.PayUnit == "" {
		p.PayUnit = PerMonth
	}
	if p.PayUnit != PerDay && p.PayUnit != PerMonth {
		return &Error{Code: Invalid, Key: "pay.unit", Field: "pay_unit", Detail: string(p.PayUnit)}
	}
	if pr = valid.PayFen(p.PayMinFen); pr != nil {
		return fieldError(pr)
	}
	if p.PayMaxFen == 0 {
		p.PayMaxFen = p.PayMinFen
	}
	if pr = valid.PayFen(p.PayMaxFen); pr != nil {
		pr.Field = "pay_max"
		return fieldError(pr)
	}
	if p.PayMaxFen < p.PayMinFen {
		return &Error{Code: Invalid, Key: "position.pay_range", Field: "pay_max", Detail: "top of the range under its bottom"}
	}
	if p.Requirements, pr = valid.Text("requirements", p.Requirements, 500); pr != nil {
		return fieldError(pr)
	}
	if p.Term == "" {
		p.Term = LongTerm
	}
	if p.Term != LongTerm && p.Term != GigTerm {
		return &Error{Code: Invalid, Key: "position.term", Field: "term", Detail: string(p.Term)}
	}
	return nil
}

// postingText is what the lawful-posting rules read: the title and the requirements.
func (p *Position) postingText() string { return p.Title + "，" + p.Requirements }

// CheckPositionPay compares the bottom of a position's pay with the day guide of its trade
// (scaled to a month for a monthly wage) and the minimum hourly wage, as CheckPay does a job's.
func CheckPositionPay(p Position, guideDayFen, minHourlyFen int64) PayCheck {
	if p.PayUnit == PerMonth {
		c := PayCheck{GuideFen: guideDayFen * monthDaysHundredths / 100, MinHourlyFen: minHourlyFen,
			HourlyFen: p.PayMinFen / monthHours, HasHourly: true}
		c.BelowGuide = c.GuideFen > 0 && p.PayMinFen < c.GuideFen
		c.BelowMin = minHourlyFen > 0 && c.HourlyFen < minHourlyFen
		return c
	}
	return CheckPay(Job{PayUnit: PerDay, PayFen: p.PayMinFen, Duration: 8 * time.Hour}, guideDayFen, minHourlyFen)
}

// ReviewPosition says what a position as typed needs confirmed, as ReviewJob does for a job.
func (s *Store) ReviewPosition(ctx context.Context, p Position) (PayCheck, []posting.Flag, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return PayCheck{}, nil, err
	}
	guide, err := s.GuideFor(ctx, p.TradeID, PerDay)
	if err != nil {
		return PayCheck{}, nil, err
	}
	return CheckPositionPay(p, guide, st.MinHourlyFen), posting.Check(p.postingText()), nil
}

// AddPosition saves a firm's position at its event. Pay under the guide or the minimum wage
// needs Review.PayReason, flagged words Review.PostingOverride; both are kept and audited.
func (s *Store) AddPosition(ctx context.Context, staff int64, p Position) (Position, error) {
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.write(ctx, staff, func(tx *Tx) error { return tx.addPosition(&p) })
	return p, err
}

func (t *Tx) addPosition(p *Position) error {
	err := t.queryRow(`SELECT f.event_id, f.employer_id, e.name FROM event_firms f JOIN employers e ON e.id = f.employer_id WHERE f.id = ?`,
		p.FirmID).Scan(&p.EventID, &p.EmployerID, &p.Firm)
	if err != nil {
		return notFound(err, "event_firm")
	}
	if err := t.exists(`SELECT 1 FROM trades WHERE id = ?`, p.TradeID, "trade"); err != nil {
		return err
	}
	if err := t.reviewPosition(p); err != nil {
		return err
	}
	r := p.Review
	id, err := t.insert(`INSERT INTO event_positions (event_id, firm_id, title, trade_id, headcount, pay_unit, pay_min_fen, pay_max_fen,
		requirements, term, below_guide, guide_fen, pay_reason, posting_flags, posting_override, created_by, created_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, p.EventID, p.FirmID, p.Title, p.TradeID, p.Headcount,
		string(p.PayUnit), p.PayMinFen, p.PayMaxFen, p.Requirements, string(p.Term), r.BelowGuide, r.GuideFen, r.PayReason,
		r.PostingFlags, r.PostingOverride, nullID(t.staff), t.now.Unix())
	if err != nil {
		return err
	}
	p.ID = id
	if err := t.audit("add_position", "event", p.EventID, refs("position", id, "firm", p.FirmID, "headcount", p.Headcount)); err != nil {
		return err
	}
	if r.BelowGuide {
		if err := t.audit("confirm:below_guide", "event_position", id, r.PayReason); err != nil {
			return err
		}
	}
	if r.PostingFlags != "" {
		return t.audit("confirm:posting", "event_position", id, r.PostingFlags+": "+r.PostingOverride)
	}
	return nil
}

// reviewPosition refuses pay under the guide or minimum wage without a reason and flagged
// words without an override, and fills in what was confirmed (the rules of reviewJob).
func (t *Tx) reviewPosition(p *Position) error {
	r := &p.Review
	var pr *valid.Problem
	if r.PayReason, pr = valid.Text("pay_reason", r.PayReason, 200); pr != nil {
		return fieldError(pr)
	}
	if r.PostingOverride, pr = valid.Text("posting_reason", r.PostingOverride, 200); pr != nil {
		return fieldError(pr)
	}
	guide, minHourly, err := t.payRules(p.TradeID)
	if err != nil {
		return err
	}
	pc := CheckPositionPay(*p, guide, minHourly)
	if pc.Below() && r.PayReason == "" {
		key := "guide.reason_needed"
		if pc.BelowMin {
			key = "guide.min_reason_needed"
		}
		return &Error{Code: Invalid, Key: key, Field: "pay_reason", Detail: fmt.Sprintf("pay %d below guide %d or minimum hourly %d", p.PayMinFen, pc.GuideFen, minHourly)}
	}
	flags := posting.Check(p.postingText())
	if len(flags) > 0 && r.PostingOverride == "" {
		return &Error{Code: Invalid, Key: "posting.override_needed", Field: "posting_reason", Detail: "flagged: " + posting.Codes(flags)}
	}
	if !pc.Below() {
		r.PayReason = ""
	}
	if len(flags) == 0 {
		r.PostingOverride = ""
	}
	r.BelowGuide, r.GuideFen, r.PostingFlags = pc.Below(), pc.GuideFen, posting.Codes(flags)
	return nil
}

// payRules reads, inside a write, a trade's day guide pay and the minimum hourly wage.
func (t *Tx) payRules(tradeID int64) (guideDay, minHourly int64, err error) {
	err = t.queryRow(`SELECT pay_fen FROM guide_pay WHERE trade_id = ? AND pay_unit = ?`, tradeID, string(PerDay)).Scan(&guideDay)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, 0, err
	}
	minHourly = DefaultSettings().MinHourlyFen
	var v string
	err = t.queryRow(`SELECT value FROM settings WHERE key = 'min_hourly_fen'`).Scan(&v)
	if err == nil {
		var st Settings
		st.set("min_hourly_fen", v)
		minHourly = st.MinHourlyFen
	} else if !errors.Is(err, sql.ErrNoRows) {
		return 0, 0, err
	}
	return guideDay, minHourly, nil
}

// Positions lists an event's positions, firm by firm in the order they were added.
func (s *Store) Positions(ctx context.Context, eventID int64) ([]Position, error) {
	return queryAll(ctx, s, scanPosition, `SELECT p.id, p.event_id, p.firm_id, f.employer_id, e.name, p.title, p.trade_id, p.headcount,
		p.pay_unit, p.pay_min_fen, p.pay_max_fen, p.requirements, p.term, p.below_guide, p.guide_fen, p.pay_reason, p.posting_flags,
		p.posting_override FROM event_positions p JOIN event_firms f ON f.id = p.firm_id JOIN employers e ON e.id = f.employer_id
		WHERE p.event_id = ? ORDER BY p.firm_id, p.id`, eventID)
}

func scanPosition(sc scanner) (Position, error) {
	var p Position
	r := &p.Review
	err := sc.Scan(&p.ID, &p.EventID, &p.FirmID, &p.EmployerID, &p.Firm, &p.Title, &p.TradeID, &p.Headcount, &p.PayUnit,
		&p.PayMinFen, &p.PayMaxFen, &p.Requirements, &p.Term, &r.BelowGuide, &r.GuideFen, &r.PayReason, &r.PostingFlags, &r.PostingOverride)
	return p, err
}
