// Package report presents the station's figures (store.Summary) and exported tables to
// people: the lines of the Summary screen and the text, CSV, JSON and Excel files the
// district bureau receives.
//
// The figures themselves come from package store: report decides how they read (words,
// marks, columns, file layout), never what they count. It writes no records and knows no
// SQL; the only read it asks of the store is LoadRights, and it holds no tea model, so the
// Summary screen and the `gigdesk report` command share it.
package report

import (
	"fmt"
	"math"
	"time"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// Unit is how a figure is shown.
type Unit int

const (
	Count   Unit = iota
	Money        // fen
	Rate         // 0..1
	Minutes      // -1 is "none"
)

// Line is one figure of the summary with what it is compared to. Avg is the average of the
// 7 periods before (for a rate or a median: over those 7 periods together).
type Line struct {
	Key            string // catalogue key: report.fig.<name>
	Cur, Prev, Avg float64
	Unit           Unit
	Sub            bool // a part of the line above (a channel, a kind of visit)
	HigherIsBetter bool // false for no-shows, disputes, unpaid, unfilled
}

// Doc is everything a report shows, in one language.
type Doc struct {
	Cat     *i18n.Catalog
	Rec     *store.Catalog
	Station string
	Sum     store.Summary
	Rights  Rights    // the rights-and-rules figures of the same periods (LoadRights)
	Fairs   Fairs     // the job fairs of the same periods (LoadFairs)
	Made    time.Time // when it was made, on the station's clock: stamped into the files written
}

// Lines are the summary's figures in the order every report lists them.
func (d *Doc) Lines() []Line {
	c, p, l := &d.Sum.Cur, &d.Sum.Prev, &d.Sum.Last7
	var out []Line
	count := func(key string, f func(*store.Figures) int, sub, better bool) {
		out = append(out, Line{Key: key, Cur: float64(f(c)), Prev: float64(f(p)), Avg: store.Average(float64(f(l)), 7), Unit: Count, Sub: sub, HigherIsBetter: better})
	}
	count("workers_registered", func(f *store.Figures) int { return f.WorkersRegistered }, false, true)
	for _, ch := range []store.Channel{store.ByCounter, store.ByPhone, store.Online} {
		count("channel."+string(ch), func(f *store.Figures) int { return f.WorkersByChannel[ch] }, true, true)
	}
	count("employers_registered", func(f *store.Figures) int { return f.EmployersRegistered }, false, true)
	count("jobs_posted", func(f *store.Figures) int { return f.JobsPosted }, false, true)
	count("cancelled_jobs", func(f *store.Figures) int { return f.CancelledJobs }, true, false)
	// places asked = filled + unfilled, over the jobs not cancelled
	count("places_asked", func(f *store.Figures) int { return f.PlacesAsked }, false, true)
	count("places_filled", func(f *store.Figures) int { return f.PlacesFilled }, true, true)
	count("unfilled_places", func(f *store.Figures) int { return f.UnfilledPlaces }, true, false)
	count("missed_places", func(f *store.Figures) int { return f.MissedPlaces }, true, false)
	count("filled_jobs", func(f *store.Figures) int { return f.FilledJobs }, false, true)
	out = append(out, Line{Key: "fill_rate", Cur: c.FillRate(), Prev: p.FillRate(), Avg: l.FillRate(), Unit: Rate, HigherIsBetter: true})
	count("dispatched", func(f *store.Figures) int { return f.Dispatched }, false, true)
	count("priority_group_dispatched", func(f *store.Figures) int { return f.PriorityDispatched }, true, true)
	out = append(out, Line{Key: "median_minutes_to_dispatch", Cur: c.MedianMinutesToDispatch, Prev: p.MedianMinutesToDispatch,
		Avg: l.MedianMinutesToDispatch, Unit: Minutes})
	count("completed", func(f *store.Figures) int { return f.Completed }, false, true)
	count("unpaid", func(f *store.Figures) int { return f.Unpaid }, true, false)
	out = append(out, Line{Key: "wages_paid", Cur: float64(c.WagesPaidFen), Prev: float64(p.WagesPaidFen),
		Avg: store.Average(float64(l.WagesPaidFen), 7), Unit: Money, HigherIsBetter: true})
	count("no_shows", func(f *store.Figures) int { return f.NoShows }, false, false)
	count("disputes", func(f *store.Figures) int { return f.Disputes }, false, false)
	count("service_visits", func(f *store.Figures) int { return f.VisitsTotal() }, false, true)
	for _, k := range store.VisitKinds {
		count("visit."+string(k), func(f *store.Figures) int { return f.Visits[k] }, true, true)
	}
	count("sign_ins", func(f *store.Figures) int { return f.SignIns }, false, true)
	out = append(out, d.selfLines()...)
	count("open_into_tomorrow", func(f *store.Figures) int { return f.OpenIntoTomorrow }, false, false)
	count("open_places", func(f *store.Figures) int { return f.OpenPlaces }, true, false)
	for i := len(out) - 2; i < len(out); i++ {
		// a count of what is open at the period's end is a moment, not a sum over days: the
		// 7 days' figure would be one day's moment divided by 7, so there is none to show
		out[i].Avg = math.NaN()
	}
	return append(append(out, d.rightsLines()...), d.fairLines()...)
}

// NoteKeys are the notes every report ends with: which moment each figure counts by.
var NoteKeys = []string{"registered", "posted", "unfilled", "dispatched", "completed", "wages", "due", "open", "avg", "areas"}

// Notes are the report's notes, under their heading.
func (d *Doc) Notes() (head string, notes []string) {
	for _, k := range NoteKeys {
		notes = append(notes, d.Cat.T("report.note."+k))
	}
	if d.Fairs.any() {
		notes = append(notes, d.Cat.T("report.note.fairs"))
	}
	notes = append(notes, d.selfNotes()...)
	return d.Cat.T("report.section.notes"), notes
}

// Label is a line's name.
func (d *Doc) Label(l Line) string { return d.Cat.T("report.fig." + l.Key) }

// Value shows v as the line's unit wants; avg says v is an average (one decimal).
func (d *Doc) Value(l Line, v float64, avg bool) string {
	if math.IsNaN(v) {
		return "-" // no such figure (a moment has no 7-day average)
	}
	switch l.Unit {
	case Money:
		return d.Cat.Money(int64(math.Round(v)))
	case Rate:
		return fmt.Sprintf("%.1f%%", v*100)
	case Minutes:
		if v < 0 {
			return "-"
		}
		return d.Cat.T("report.minutes", v)
	}
	if avg {
		return fmt.Sprintf("%.1f", v)
	}
	return fmt.Sprintf("%.0f", v)
}

// Mark is the up/down sign of cur against base: ▲, ▼, = or blank when there is no base.
func Mark(cur, base float64) string {
	if math.IsNaN(base) {
		return " "
	}
	switch _, m := store.Compare(cur, base); m {
	case store.Up:
		return "▲"
	case store.Down:
		return "▼"
	case store.Same:
		return "="
	}
	return " "
}

// Good reports whether the move from base to cur is good news (for colouring); ok is false
// when it is neither.
func Good(l Line, base float64) (good, ok bool) {
	_, m := store.Compare(l.Cur, base)
	if m != store.Up && m != store.Down || l.Unit == Minutes {
		if l.Unit == Minutes && (m == store.Up || m == store.Down) {
			return m == store.Down, true // a shorter wait is better
		}
		return false, false
	}
	return (m == store.Up) == l.HigherIsBetter, true
}

// Title names the period: 日报 2026-11-28 周六, 周报 2026-11-23 至 2026-11-29, …
func (d *Doc) Title() string {
	return d.Cat.T("report.title."+string(d.Sum.Span)) + " " + d.PeriodText()
}

// PeriodText is the period's dates.
func (d *Doc) PeriodText() string {
	f := d.Sum.Cur
	if f.From == f.To {
		t, _ := time.Parse(time.DateOnly, f.From)
		return d.Cat.Date(t)
	}
	return d.Cat.T("report.from_to", f.From, f.To)
}

// PrevHeader and AvgHeader name the comparison columns for the period's span.
func (d *Doc) PrevHeader() string { return d.Cat.T("report.col.prev." + string(d.Sum.Span)) }

// AvgHeader names the average column.
func (d *Doc) AvgHeader() string { return d.Cat.T("report.col.avg." + string(d.Sum.Span)) }

// CurHeader names the period's own column.
func (d *Doc) CurHeader() string { return d.Cat.T("report.col.cur." + string(d.Sum.Span)) }

// TradeName is a trade's name in the report's language.
func (d *Doc) TradeName(id int64) string {
	if t, ok := d.Rec.Trade(id); ok {
		return d.Cat.Trade(t)
	}
	return d.Cat.T("report.unknown", id)
}

// PlaceName is a place's name; 0 is "no community".
func (d *Doc) PlaceName(id int64) string {
	if id == 0 {
		return d.Cat.T("report.no_community")
	}
	if p, ok := d.Rec.Place(id); ok {
		return p.Name
	}
	return d.Cat.T("report.unknown", id)
}

// AreaName is the sub-district or town that holds a community.
func (d *Doc) AreaName(id int64) string {
	sub, _ := d.Rec.Area(id)
	if p, ok := d.Rec.Place(sub); ok && id != 0 {
		return p.Name
	}
	return ""
}

// Unmet is the demand nobody could fill, by trade, most unfilled places first.
func (d *Doc) Unmet() []store.AreaFigures {
	var out []store.AreaFigures
	for _, a := range d.Sum.Cur.ByTrade {
		if a.MissedPlaces > 0 {
			out = append(out, a)
		}
	}
	for i := 1; i < len(out); i++ { // few trades: insertion sort keeps ties in trade order
		for j := i; j > 0 && out[j].MissedPlaces > out[j-1].MissedPlaces; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// IssueText is one line of the list to act on.
func (d *Doc) IssueText(is store.Issue) string {
	when := is.StartsAt.In(d.Sum.Now.Location()).Format("01-02 15:04")
	base := fmt.Sprintf("#%d %s %s · %s · %s", is.JobID, when, d.TradeName(is.TradeID), is.Worker, is.Employer)
	switch is.Kind {
	case store.IssueDispute:
		state := d.Cat.T("report.issue.open")
		if is.Resolved {
			state = d.Cat.T("report.issue.resolved")
		}
		return base + " · " + state + note(is.Note)
	case store.IssueUnpaid:
		return base + " · " + d.Cat.T("report.issue.agreed", d.Cat.Money(is.AgreedPayFen))
	}
	return base
}

func note(s string) string {
	if s == "" {
		return ""
	}
	return " · " + s
}

// OpenText is one open job of the list to act on.
func (d *Doc) OpenText(o store.OpenJob) string {
	s := fmt.Sprintf("#%d %s %s · %s · %s · %s", o.JobID, d.Cat.WhenEnd(o.StartsAt.In(d.Sum.Now.Location()), o.Duration, d.Sum.Now),
		d.TradeName(o.TradeID), d.Cat.T("report.places_left", o.Headcount-o.Filled, o.Headcount), o.Employer, d.PlaceName(o.CommunityID))
	if o.Urgent {
		s = d.Cat.T("report.urgent") + " " + s
	}
	return s
}

// AreaFiguresView is a trade's or a community's figures with its name.
type AreaFiguresView struct {
	store.AreaFigures
	Code string // the trade's code; empty for a community
	Name string
	Area string // the community's sub-district or town
}

// Areas are the period's trades (catalogue order) or communities (most jobs first), only
// those with something in them.
func (d *Doc) Areas(trades bool) []AreaFiguresView {
	var out []AreaFiguresView
	if trades {
		by := map[int64]store.AreaFigures{}
		for _, a := range d.Sum.Cur.ByTrade {
			by[a.ID] = a
		}
		seen := map[int64]bool{}
		for _, t := range d.Rec.Trades {
			if a, ok := by[t.ID]; ok && !empty(a) {
				out = append(out, AreaFiguresView{AreaFigures: a, Code: t.Code, Name: d.Cat.Trade(t)})
			}
			seen[t.ID] = true
		}
		for _, a := range d.Sum.Cur.ByTrade {
			if !seen[a.ID] && !empty(a) {
				out = append(out, AreaFiguresView{AreaFigures: a, Name: d.TradeName(a.ID)})
			}
		}
		return out
	}
	for _, a := range d.Sum.Cur.ByCommunity {
		if !empty(a) {
			out = append(out, AreaFiguresView{AreaFigures: a, Name: d.PlaceName(a.ID), Area: d.AreaName(a.ID)})
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && busier(out[j].AreaFigures, out[j-1].AreaFigures); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func empty(a store.AreaFigures) bool { return a == store.AreaFigures{ID: a.ID} }

func busier(a, b store.AreaFigures) bool {
	if a.JobsPosted != b.JobsPosted {
		return a.JobsPosted > b.JobsPosted
	}
	if a.Dispatched != b.Dispatched {
		return a.Dispatched > b.Dispatched
	}
	return a.ID < b.ID
}
