package store

import (
	"sort"
	"strings"
	"time"

	"gigdesk/store/valid"
)

// PayUnit is how a pay figure is counted.
type PayUnit string

const (
	PerHour  PayUnit = "hour"
	PerDay   PayUnit = "day"
	PerPiece PayUnit = "piece"
	Fixed    PayUnit = "fixed"
)

// PayUnits lists the units in the order screens offer them.
var PayUnits = []PayUnit{PerDay, PerHour, PerPiece, Fixed}

func (u PayUnit) valid() bool {
	switch u {
	case PerHour, PerDay, PerPiece, Fixed:
		return true
	}
	return false
}

// Channel is how a record reached the station.
type Channel string

const (
	ByCounter Channel = "counter"
	ByPhone   Channel = "phone"
	Online    Channel = "online"
)

// WorkerStatus says whether a worker is taking work.
type WorkerStatus string

const (
	Active WorkerStatus = "active"
	Paused WorkerStatus = "paused"
	Left   WorkerStatus = "left"
)

// PriorityGroups are the 重点群体 codes, in the order screens list them.
var PriorityGroups = []string{"hard_to_employ", "low_income", "out_of_poverty", "disabled", "veteran", "age_4050", "migrant"}

// AllDay is the availability mask for every half-day of the week (Mon..Sun × morning, afternoon).
const AllDay = 1<<14 - 1

// WorkerTrade is one trade a worker does, with years of experience.
type WorkerTrade struct {
	TradeID int64
	Years   int
}

// Worker is a gig worker (零工) registered at the station.
type Worker struct {
	ID              int64
	Name            string
	Gender          string // "M", "F" or ""
	BirthYear       int
	Phone           string
	IDNumber        string
	CommunityID     int64
	ExpectedPayFen  int64
	ExpectedPayUnit PayUnit
	Availability    int // bit 2*d is day d's morning, 2*d+1 its afternoon; Monday is d=0
	Groups          []string
	Insured         bool
	Channel         Channel
	Consent         bool
	Status          WorkerStatus
	StatusReason    string
	Notes           string
	Trades          []WorkerTrade
	CreatedAt       time.Time
	UpdatedAt       time.Time
}

// Validate normalises what staff typed and checks every rule; now is for ages and ID dates.
func (w *Worker) Validate(now time.Time) error {
	for _, check := range []func() error{
		func() error { return w.validatePerson(now) },
		w.validateTerms,
		w.validateRecord,
		w.validateTrades,
	} {
		if err := check(); err != nil {
			return err
		}
	}
	sort.Slice(w.Trades, func(i, j int) bool { return w.Trades[i].TradeID < w.Trades[j].TradeID })
	sort.Strings(w.Groups)
	return nil
}

// validatePerson checks who the worker is: name, gender, phone, ID number and birth year.
func (w *Worker) validatePerson(now time.Time) error {
	var p *valid.Problem
	if w.Name, p = valid.Name(w.Name); p != nil {
		return fieldError(p)
	}
	if w.Gender != "" && w.Gender != "M" && w.Gender != "F" {
		return &Error{Code: Invalid, Key: "worker.gender", Field: "gender", Detail: "gender must be M, F or empty"}
	}
	if w.Phone, p = valid.Phone(w.Phone); p != nil {
		return fieldError(p)
	}
	if strings.TrimSpace(w.IDNumber) != "" {
		if w.IDNumber, p = valid.IDNumber(w.IDNumber, now); p != nil {
			return fieldError(p)
		}
		if birth, ok := valid.IDBirth(w.IDNumber); ok && w.BirthYear == 0 {
			w.BirthYear = birth.Year()
		}
	} else {
		w.IDNumber = ""
	}
	if w.BirthYear != 0 { // unknown is allowed: a walk-in gives a phone before an age
		if p = valid.BirthYear(w.BirthYear, now); p != nil {
			return fieldError(p)
		}
	}
	return nil
}

// validateTerms checks what the worker asks for: pay, its unit and the half-days free.
func (w *Worker) validateTerms() error {
	if w.ExpectedPayFen < 0 {
		return &Error{Code: Invalid, Key: "pay.negative", Field: "expected_pay", Detail: "expected pay below zero"}
	}
	if w.ExpectedPayFen > 0 {
		if p := valid.PayFen(w.ExpectedPayFen); p != nil {
			p.Field = "expected_pay"
			return fieldError(p)
		}
	}
	if w.ExpectedPayUnit == "" {
		w.ExpectedPayUnit = PerDay
	}
	if !w.ExpectedPayUnit.valid() {
		return &Error{Code: Invalid, Key: "pay.unit", Field: "expected_pay_unit", Detail: string(w.ExpectedPayUnit)}
	}
	if w.Availability == 0 {
		w.Availability = AllDay
	}
	if w.Availability < 0 || w.Availability > AllDay {
		return &Error{Code: Invalid, Key: "worker.availability", Field: "availability", Detail: "availability mask out of range"}
	}
	return nil
}

// validateRecord checks the station's own fields: groups, channel, status and notes.
func (w *Worker) validateRecord() error {
	for _, g := range w.Groups {
		if !contains(PriorityGroups, g) {
			return &Error{Code: Invalid, Key: "worker.group", Field: "groups", Detail: g}
		}
	}
	if w.Channel == "" {
		w.Channel = ByCounter
	}
	if w.Channel != ByCounter && w.Channel != ByPhone && w.Channel != Online {
		return &Error{Code: Invalid, Key: "channel.invalid", Field: "channel", Detail: string(w.Channel)}
	}
	if w.Status == "" {
		w.Status = Active
	}
	if w.Status != Active && w.Status != Paused && w.Status != Left {
		return &Error{Code: Invalid, Key: "worker.status", Field: "status", Detail: string(w.Status)}
	}
	var p *valid.Problem
	if w.Notes, p = valid.Text("notes", w.Notes, 500); p != nil {
		return fieldError(p)
	}
	if w.StatusReason, p = valid.Text("status_reason", w.StatusReason, 200); p != nil {
		return fieldError(p)
	}
	return nil
}

// validateTrades checks the worker has at least one trade, each once, with sensible years.
func (w *Worker) validateTrades() error {
	if len(w.Trades) == 0 {
		return &Error{Code: Invalid, Key: "worker.no_trade", Field: "trades", Detail: "a worker needs at least one trade"}
	}
	seen := map[int64]bool{}
	for _, t := range w.Trades {
		if seen[t.TradeID] {
			return &Error{Code: Invalid, Key: "worker.trade_twice", Field: "trades", Detail: "a trade is listed twice"}
		}
		seen[t.TradeID] = true
		if t.Years < 0 || t.Years > 70 {
			return &Error{Code: Invalid, Key: "worker.years", Field: "trades", Detail: "years of experience 0 to 70"}
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// HasGroup reports whether the worker belongs to any priority group.
func (w *Worker) HasGroup() bool { return len(w.Groups) > 0 }

const workerColumns = `id, name, gender, birth_year, coalesce(phone, ''), coalesce(id_number, ''), coalesce(community_id, 0),
	expected_pay_fen, expected_pay_unit, availability, groups, insured, channel, consent, status, status_reason, notes, created_at, updated_at`

func scanWorker(sc scanner) (Worker, error) {
	var w Worker
	var groups string
	var created, updated int64
	err := sc.Scan(&w.ID, &w.Name, &w.Gender, &w.BirthYear, &w.Phone, &w.IDNumber, &w.CommunityID,
		&w.ExpectedPayFen, &w.ExpectedPayUnit, &w.Availability, &groups, &w.Insured, &w.Channel, &w.Consent,
		&w.Status, &w.StatusReason, &w.Notes, &created, &updated)
	if groups != "" {
		w.Groups = strings.Split(groups, ",")
	}
	w.CreatedAt, w.UpdatedAt = time.Unix(created, 0), time.Unix(updated, 0)
	return w, err
}
