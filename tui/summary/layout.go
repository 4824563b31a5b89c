package summary

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/report"
)

// listRows is how many rows of each list the screen shows; the export holds them all.
const listRows = 10

// layout turns the loaded summary into the body's lines for the current width. It runs when
// an answer arrives or the window changes size, never in View.
func (m *Model) layout() {
	if m.doc == nil {
		m.lines = nil
		return
	}
	figs := m.figureLines()
	rest := append(append(append(m.chartLines(), m.todoLines()...), m.fairLines()...), m.eventLines()...)
	if m.width < wideWidth {
		m.lines = append(append(append(figs, ""), rest...), m.noteLines(m.width)...)
		return
	}
	left := 0
	for _, l := range figs {
		left = max(left, lipgloss.Width(l))
	}
	right := m.width - left - 3
	rest = append(rest, m.noteLines(right)...)
	n := max(len(figs), len(rest))
	m.lines = make([]string, n)
	for i := range n {
		var a, b string
		if i < len(figs) {
			a = figs[i]
		}
		if i < len(rest) {
			b = ansi.Truncate(rest[i], right, "…")
		}
		m.lines[i] = common.Cell(a, left) + " │ " + b
	}
}

// figureLines is the table of figures with their comparisons and marks.
func (m *Model) figureLines() []string {
	d, st := m.doc, m.c.Styles
	lines := d.Lines()
	head := [4]string{d.Cat.T("report.col.figure"), d.CurHeader(), d.PrevHeader(), d.AvgHeader()}
	type row struct {
		label, cur, prev, avg string
		l                     report.Line
	}
	rows := make([]row, len(lines))
	w := [4]int{max(lipgloss.Width(head[0]), lipgloss.Width(d.Cat.T("report.fig.still_open"))), lipgloss.Width(head[1]), lipgloss.Width(head[2]) + 2, lipgloss.Width(head[3]) + 2}
	for i, l := range lines {
		label := d.Label(l)
		if l.Sub {
			label = "  " + label
		}
		rows[i] = row{label, d.Value(l, l.Cur, false), d.Value(l, l.Prev, false), d.Value(l, l.Avg, true), l}
		w[0] = max(w[0], lipgloss.Width(label))
		w[1] = max(w[1], lipgloss.Width(rows[i].cur))
		w[2] = max(w[2], lipgloss.Width(rows[i].prev)+2)
		w[3] = max(w[3], lipgloss.Width(rows[i].avg)+2)
	}
	mark := func(l report.Line, base float64) string {
		s := report.Mark(l.Cur, base)
		if good, ok := report.Good(l, base); ok {
			if good {
				return st.Good.Render(s)
			}
			return st.Error.Render(s)
		}
		return st.Subtle.Render(s)
	}
	out := []string{st.Label.Render(common.Cell(head[0], w[0]) + "  " + common.CellRight(head[1], w[1]) + "  " + common.CellRight(head[2], w[2]) + "  " + common.CellRight(head[3], w[3]))}
	for _, r := range rows {
		label := common.Cell(r.label, w[0])
		if r.l.Sub {
			label = st.Subtle.Render(label)
		}
		cur := common.CellRight(r.cur, w[1])
		if !r.l.Sub {
			cur = st.Big.Render(cur)
		}
		out = append(out, label+"  "+cur+"  "+common.CellRight(r.prev, w[2]-2)+" "+mark(r.l, r.l.Prev)+"  "+common.CellRight(r.avg, w[3]-2)+" "+mark(r.l, r.l.Avg))
	}
	// as of now, not per period: no comparison; a warning while any is left
	still := common.Cell(d.Cat.T("report.fig.still_open"), w[0]) + "  " + common.CellRight(fmt.Sprint(d.Sum.StillOpenCount), w[1])
	if d.Sum.StillOpenCount > 0 {
		still = st.Warning.Render(still)
	}
	return append(out, still)
}

// chartLines are the bar charts (jobs by trade and by hour), the 30-day sparkline and the
// communities.
func (m *Model) chartLines() []string {
	barW := 30
	if m.width < wideWidth {
		barW = max(10, m.width-30)
	}
	out := m.tradeBars(barW)
	out = append(append(out, ""), m.hourBars(barW)...)
	out = append(append(out, ""), m.trendLines()...)
	return append(append(out, ""), m.communityLines()...)
}

// tradeBars are the jobs posted by trade, one bar each.
func (m *Model) tradeBars(barW int) []string {
	d, st := m.doc, m.c.Styles
	out := []string{st.Title.Render(d.Cat.T("report.section.by_trade") + " · " + d.Cat.T("report.fig.jobs_posted"))}
	trades := d.Areas(true)
	most, nameW := 0, 0
	for _, a := range trades {
		most = max(most, a.JobsPosted)
		nameW = max(nameW, lipgloss.Width(a.Name))
	}
	nameW = min(nameW, 18)
	shown := 0
	for _, a := range trades {
		if a.JobsPosted == 0 {
			continue
		}
		shown++
		out = append(out, "  "+common.Cell(a.Name, nameW)+" "+common.CellRight(fmt.Sprint(a.JobsPosted), 4)+" "+st.Bar.Render(report.Bar(a.JobsPosted, most, barW)))
	}
	if shown == 0 {
		out = append(out, "  "+st.Subtle.Render(d.Cat.T("report.none")))
	}
	return out
}

// hourBars are the jobs posted by hour, from the first busy hour to the last.
func (m *Model) hourBars(barW int) []string {
	d, st := m.doc, m.c.Styles
	out := []string{st.Title.Render(d.Cat.T("report.section.by_hour"))}
	hours := d.Sum.Cur.JobsByHour
	first, last, most := -1, -1, 0
	for h, n := range hours {
		if n > 0 {
			if first < 0 {
				first = h
			}
			last = h
			most = max(most, n)
		}
	}
	if first < 0 {
		out = append(out, "  "+st.Subtle.Render(d.Cat.T("report.none")))
	}
	for h := first; first >= 0 && h <= last; h++ {
		out = append(out, fmt.Sprintf("  %02d:00 %4d ", h, hours[h])+st.Bar.Render(report.Bar(hours[h], most, barW)))
	}
	return out
}

// trendLines are the dispatches over the last 30 days as a sparkline.
func (m *Model) trendLines() []string {
	d, st := m.doc, m.c.Styles
	var vals []int
	peak := 0
	for _, t := range d.Sum.Trend {
		vals = append(vals, t.Count)
		peak = max(peak, t.Count)
	}
	out := []string{st.Title.Render(d.Cat.T("sum.trend", peak))}
	if len(d.Sum.Trend) > 0 {
		out = append(out, "  "+st.Bar.Render(report.Sparkline(vals)), "  "+st.Subtle.Render(d.Sum.Trend[0].Day[5:]+strings.Repeat(" ", max(len(vals)-10, 1))+d.Sum.Trend[len(vals)-1].Day[5:]))
	}
	return out
}

// communityLines are the communities, busiest first.
func (m *Model) communityLines() []string {
	d, st := m.doc, m.c.Styles
	comms := d.Areas(false)
	out := []string{st.Title.Render(d.Cat.T("report.section.by_community"))}
	cw := 0
	for _, a := range comms {
		cw = max(cw, lipgloss.Width(a.Name))
	}
	cw = min(cw, 16)
	// columns as wide as their headings, so a long English heading does not push its column off the figures
	heads := [3]string{d.Cat.T("report.fig.jobs_posted_short"), d.Cat.T("report.fig.dispatched_short"), d.Cat.T("report.fig.wages_paid_short")}
	colW := [3]int{max(9, lipgloss.Width(heads[0])), max(6, lipgloss.Width(heads[1])), max(12, lipgloss.Width(heads[2]))}
	hdr := "  " + common.Cell("", cw) + " " + common.CellRight(heads[0], colW[0]) + " " + common.CellRight(heads[1], colW[1]) + " " + common.CellRight(heads[2], colW[2])
	if len(comms) > 0 {
		out = append(out, st.Subtle.Render(hdr))
	}
	for i, a := range comms {
		if i == listRows {
			out = append(out, "  "+st.Subtle.Render(d.Cat.T("sum.more", len(comms)-listRows)))
			break
		}
		out = append(out, "  "+common.Cell(a.Name, cw)+" "+common.CellRight(fmt.Sprint(a.JobsPosted), colW[0])+" "+common.CellRight(fmt.Sprint(a.Dispatched), colW[1])+" "+common.CellRight(d.Cat.Money(a.WagesPaidFen), colW[2]))
	}
	if len(comms) == 0 {
		out = append(out, "  "+st.Subtle.Render(d.Cat.T("report.none")))
	}
	return out
}

// todoLines are the lists to act on: open jobs, no-shows, disputes, unpaid wages, unmet demand.
func (m *Model) todoLines() []string {
	d, st := m.doc, m.c.Styles
	out := []string{"", st.Title.Render(d.Cat.T("sum.todo"))}
	list := func(title string, items []string, warn bool) {
		t := st.Label.Render(title)
		if warn && len(items) > 0 {
			t = st.Warning.Render(title)
		}
		out = append(out, t)
		for i, s := range items {
			if i == listRows {
				out = append(out, "  "+st.Subtle.Render(d.Cat.T("sum.more", len(items)-listRows)))
				break
			}
			out = append(out, "  "+s)
		}
	}
	var still []string
	for _, o := range d.Sum.StillOpen {
		still = append(still, d.StillOpenText(o))
	}
	stillTitle := d.StillOpenTitle()
	if len(still) > 0 {
		stillTitle += " · " + d.Cat.T("sum.close.start")
	}
	list(stillTitle, still, true)
	var open []string
	for _, o := range d.Sum.Open {
		s := d.OpenText(o)
		if o.Urgent {
			s = st.Urgent.Render(s)
		}
		open = append(open, s)
	}
	list(d.Cat.T("report.section.open", d.Sum.Cur.OpenIntoTomorrow), open, true)
	for _, kind := range []store.IssueKind{store.IssueNoShow, store.IssueDispute, store.IssueUnpaid} {
		var items []string
		for _, is := range d.Sum.Issues {
			if is.Kind == kind {
				items = append(items, d.IssueText(is))
			}
		}
		list(d.Cat.T("report.section."+string(kind), len(items)), items, true)
	}
	var unmet []string
	unmetTrades := d.Unmet()
	unmetW := 12 // the longest trade name, cut at 18 cells like the chart's
	for _, a := range unmetTrades {
		unmetW = max(unmetW, min(lipgloss.Width(d.TradeName(a.ID)), 18))
	}
	for _, a := range unmetTrades {
		unmet = append(unmet, common.Cell(d.TradeName(a.ID), unmetW)+" "+d.Cat.T("report.places", a.MissedPlaces))
	}
	if len(unmet) == 0 {
		unmet = []string{st.Subtle.Render(d.Cat.T("report.none"))}
	}
	list(d.Cat.T("report.section.unmet"), unmet, false)
	return out
}

// noteLines are the report's notes, which moment each figure counts, wrapped to width.
func (m *Model) noteLines(width int) []string {
	st := m.c.Styles
	head, notes := m.doc.Notes()
	out := []string{""}
	for _, l := range common.Wrap(head, max(width, 20)) {
		out = append(out, st.Label.Render(l))
	}
	for _, n := range notes {
		for _, l := range common.Wrap(n, max(width-2, 20)) {
			out = append(out, "  "+st.Subtle.Render(l))
		}
	}
	return out
}
