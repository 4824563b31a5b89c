package report

import (
	"context"
	"fmt"

	"gigdesk/store"
)

// Fairs are the job-fair figures (store.FairFigures) of the summary's three periods, and the
// report of every fair held in the period itself.
type Fairs struct {
	Cur, Prev, Last7 store.FairFigures
	Events           []store.EventReport
}

// any reports whether a fair was held in any of the periods: only then do the reports show
// the fair lines (a station that holds none sees its reports as before).
func (f Fairs) any() bool { return f.Cur.Events+f.Prev.Events+f.Last7.Events > 0 }

// LoadFairs reads the job-fair figures for the periods of sum and the period's fairs.
func LoadFairs(ctx context.Context, s *store.Store, sum store.Summary) (Fairs, error) {
	var f Fairs
	var err error
	for _, p := range []struct {
		to *store.FairFigures
		f  store.Figures
	}{{&f.Cur, sum.Cur}, {&f.Prev, sum.Prev}, {&f.Last7, sum.Last7}} {
		if p.f.From == "" {
			continue
		}
		if *p.to, err = s.FairFigures(ctx, p.f.From, p.f.To); err != nil {
			return f, err
		}
	}
	if f.Cur.Events > 0 {
		f.Events, err = s.EventReports(ctx, sum.Cur.From, sum.Cur.To)
	}
	return f, err
}

// fairLines are the bureau's four fair figures as summary lines, after the others.
func (d *Doc) fairLines() []Line {
	if !d.Fairs.any() {
		return nil
	}
	c, p, l := &d.Fairs.Cur, &d.Fairs.Prev, &d.Fairs.Last7
	var out []Line
	count := func(key string, f func(*store.FairFigures) int, sub bool) {
		out = append(out, Line{Key: key, Cur: float64(f(c)), Prev: float64(f(p)), Avg: store.Average(float64(f(l)), 7), Unit: Count, Sub: sub, HigherIsBetter: true})
	}
	count("fair_firms", func(f *store.FairFigures) int { return f.Firms }, false)
	count("fair_positions", func(f *store.FairFigures) int { return f.Positions }, false)
	count("fair_attendees", func(f *store.FairFigures) int { return f.Attendees }, false)
	count("fair_newcomers", func(f *store.FairFigures) int { return f.Newcomers }, true)
	count("fair_intentions", func(f *store.FairFigures) int { return f.Intentions }, false)
	count("fair_hired", func(f *store.FairFigures) int { return f.Hired }, true)
	return out
}

// FairTitle names one fair: its name, day and campaign.
func (d *Doc) FairTitle(r store.EventReport) string {
	return d.Cat.T("report.fair.title", r.Event.Name, r.Event.Day, d.Cat.T("fair.campaign."+string(r.Event.Campaign)))
}

// EventRows are one fair's report as rows of group, name, count, places, intentions, hired:
// the four figures first, then by trade, by firm and the priority groups.
func (d *Doc) EventRows(r store.EventReport) [][]Cell {
	t := d.Cat.T
	f := r.Figures
	blank := text("")
	total := t("report.fair.group.total")
	rows := [][]Cell{
		{text(total), text(t("report.fig.fair_firms")), num(float64(f.Firms), Count), blank, blank, blank},
		{text(total), text(t("report.fig.fair_positions")), num(float64(f.PositionKinds), Count), num(float64(f.Positions), Count), blank, blank},
		{text(total), text(t("report.fig.fair_attendees")), num(float64(f.Attendees), Count), blank, blank, blank},
		{text(total), text("  " + t("report.fig.fair_newcomers")), num(float64(f.Newcomers), Count), blank, blank, blank},
		{text(total), text("  " + t("report.fair.priority")), num(float64(f.PriorityAttendees), Count), blank, blank, blank},
		{text(total), text(t("report.fig.fair_intentions")), num(float64(f.Intentions), Count), blank, num(float64(f.IntentionRecords), Count), num(float64(f.Hired), Count)},
	}
	for _, a := range r.ByTrade {
		rows = append(rows, []Cell{text(t("report.fair.group.trade")), text(d.TradeName(a.ID)), num(float64(a.PositionKinds), Count),
			num(float64(a.Positions), Count), num(float64(a.Intentions), Count), num(float64(a.Hired), Count)})
	}
	for _, a := range r.ByFirm {
		rows = append(rows, []Cell{text(t("report.fair.group.firm")), text(a.Name), num(float64(a.PositionKinds), Count),
			num(float64(a.Positions), Count), num(float64(a.Intentions), Count), num(float64(a.Hired), Count)})
	}
	for _, g := range store.PriorityGroups {
		if n := r.ByGroup[g]; n > 0 {
			rows = append(rows, []Cell{text(t("report.fair.group.priority")), text(t("export.group." + g)), num(float64(n), Count), blank, blank, blank})
		}
	}
	return rows
}

// FairHead is the head row of a fair's table.
func (d *Doc) FairHead() []string {
	t := d.Cat.T
	return []string{t("report.fair.col.group"), t("report.fair.col.name"), t("report.fair.col.count"), t("report.fair.col.places"),
		t("report.fair.col.intentions"), t("report.fair.col.hired")}
}

// fairTables are one table (an xlsx sheet) per fair held in the period.
func (d *Doc) fairTables() []Table {
	var out []Table
	for i, r := range d.Fairs.Events {
		sheet := d.Cat.T("report.sheet.fair", r.Event.Day)
		if len(d.Fairs.Events) > 1 {
			sheet = fmt.Sprintf("%s (%d)", sheet, i+1)
		}
		out = append(out, Table{Sheet: sheet, Title: d.FairTitle(r), Head: d.FairHead(), Rows: d.EventRows(r)})
	}
	return out
}
