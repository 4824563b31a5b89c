package report

import (
	"math"

	"gigdesk/store"
)

// selfLines are the workers' terminal's figures (store.SelfSummary), after the sign-ins they
// are a part of; none when the terminal was not used in any of the periods.
func (d *Doc) selfLines() []Line {
	s := d.Sum.Self
	if !s.Any() {
		return nil
	}
	var out []Line
	count := func(key string, f func(store.SelfFigures) int, sub, better bool) {
		out = append(out, Line{Key: key, Cur: float64(f(s.Cur)), Prev: float64(f(s.Prev)), Avg: store.Average(float64(f(s.Last7)), 7),
			Unit: Count, Sub: sub, HigherIsBetter: better})
	}
	count("self_sign_ins", func(f store.SelfFigures) int { return f.SignIns }, true, true)
	count("self_requests", func(f store.SelfFigures) int { return f.Requests }, false, true)
	count("self_dispatched", func(f store.SelfFigures) int { return f.Dispatched }, true, true)
	count("self_withdrawn", func(f store.SelfFigures) int { return f.Withdrawn }, true, false)
	return out
}

// selfNotes is the note on how the terminal's figures count, when they are shown.
func (d *Doc) selfNotes() []string {
	if !d.Sum.Self.Any() {
		return nil
	}
	return []string{d.Cat.T("report.note.self")}
}

// JSONSelf is the workers' self-service terminal's figures of the period in the JSON report
// (store.SelfFigures; keys stable).
type JSONSelf struct {
	// SignIns is sign-ins made at the terminal: a part of sign_ins.
	SignIns int `json:"sign_ins"`
	// Requests is jobs asked for at the terminal (by when asked); Dispatched those that ended
	// in a dispatch of that worker on that job, not cancelled; Withdrawn those taken back.
	Requests   int `json:"requests"`
	Dispatched int `json:"dispatched"`
	Withdrawn  int `json:"withdrawn"`
	// DispatchRate is dispatched / requests, 0 to 1, four decimals (0 with no requests).
	DispatchRate float64 `json:"dispatch_rate"`
}

// selfJSON is the period's terminal figures, or nil when the terminal was not used in any of
// the periods (the key is then absent, as before there was one).
func (d *Doc) selfJSON() *JSONSelf {
	if !d.Sum.Self.Any() {
		return nil
	}
	f := d.Sum.Self.Cur
	return &JSONSelf{SignIns: f.SignIns, Requests: f.Requests, Dispatched: f.Dispatched, Withdrawn: f.Withdrawn,
		DispatchRate: math.Round(f.DispatchRate()*10000) / 10000}
}
