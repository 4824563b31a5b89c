package report

import (
	"fmt"
	"time"

	"gigdesk/store"
)

// StillOpenLine is the figure the day's table ends with: how many dispatches are still open
// although their work ended (they are missing from completed, wages and no-shows until closed).
func (d *Doc) StillOpenLine() string {
	return d.Cat.T("report.fig.still_open") + "  " + fmt.Sprint(d.Sum.StillOpenCount)
}

// StillOpenTitle heads the list of still-open dispatches.
func (d *Doc) StillOpenTitle() string {
	return d.Cat.T("report.section.still_open", d.Sum.StillOpenCount)
}

// StillOpenText is one still-open dispatch: number, when, trade, worker, employer, state, age.
func (d *Doc) StillOpenText(o store.StillOpen) string {
	loc := d.Sum.Now.Location()
	return fmt.Sprintf("#%d %s–%s %s · %s · %s · %s · %s", o.DispatchID, o.StartsAt.In(loc).Format("01-02 15:04"),
		o.EndsAt.In(loc).Format("15:04"), d.TradeName(o.TradeID), o.Worker, o.Employer,
		d.Cat.T("report.still_open."+string(o.Status)), d.Cat.T("report.still_open.ago", d.age(d.Sum.Now.Sub(o.EndsAt))))
}

// age says how long ago the work ended, in its largest whole unit.
func (d *Doc) age(since time.Duration) string {
	switch {
	case since >= 24*time.Hour:
		return d.Cat.T("report.still_open.days", int(since/(24*time.Hour)))
	case since >= time.Hour:
		return d.Cat.T("report.still_open.hours", int(since/time.Hour))
	}
	return d.Cat.T("report.still_open.minutes", max(int(since/time.Minute), 0))
}

// stillOpenTable is the still-open dispatches as a table of the CSV and the xlsx.
func (d *Doc) stillOpenTable() Table {
	t := d.Cat.T
	tb := Table{Sheet: t("report.sheet.still_open"), Title: d.StillOpenTitle(),
		Head: []string{t("report.col.dispatch"), t("report.col.job"), t("report.col.starts"), t("report.col.ends"), t("report.col.trade"),
			t("report.col.worker"), t("report.col.employer"), t("report.col.state")}}
	loc := d.Sum.Now.Location()
	for _, o := range d.Sum.StillOpen {
		tb.Rows = append(tb.Rows, []Cell{num(float64(o.DispatchID), Count), num(float64(o.JobID), Count),
			text(o.StartsAt.In(loc).Format("2006-01-02 15:04")), text(o.EndsAt.In(loc).Format("2006-01-02 15:04")),
			text(d.TradeName(o.TradeID)), text(o.Worker), text(o.Employer), text(t("report.still_open." + string(o.Status)))})
	}
	return tb
}
