package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"gigdesk/tui/common"
)

func width(s string) int { return lipgloss.Width(s) }

var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

// Bar draws n of most as a bar at most w cells long, in eighths of a cell.
func Bar(n, most, w int) string {
	if n <= 0 || most <= 0 || w <= 0 {
		return ""
	}
	units := n * w * 8 / most
	if units == 0 {
		units = 1 // something happened: never draw it as nothing
	}
	return strings.Repeat("█", units/8) + eighths[units%8]
}

var sparks = []rune("▁▂▃▄▅▆▇█")

// Sparkline draws one cell per value, scaled to the largest.
func Sparkline(vals []int) string {
	most := 0
	for _, v := range vals {
		most = max(most, v)
	}
	var b strings.Builder
	for _, v := range vals {
		switch {
		case most == 0 || v <= 0:
			b.WriteRune(' ')
		default:
			b.WriteRune(sparks[min((v*len(sparks)-1)/most, len(sparks)-1)])
		}
	}
	return b.String()
}

// FigureRows are the figures as table cells: label, this period, previous and mark, average and mark.
func (d *Doc) FigureRows() [][4]string {
	var out [][4]string
	for _, l := range d.Lines() {
		label := d.Label(l)
		if l.Sub {
			label = "  " + label
		}
		out = append(out, [4]string{label, d.Value(l, l.Cur, false),
			d.Value(l, l.Prev, false) + " " + Mark(l.Cur, l.Prev), d.Value(l, l.Avg, true) + " " + Mark(l.Cur, l.Avg)})
	}
	return out
}

// WriteText writes the report as plain text for printing or pasting into a message.
func (d *Doc) WriteText(w io.Writer) error {
	var b strings.Builder
	station := d.Station
	if station == "" {
		station = d.Cat.T("app.name")
	}
	fmt.Fprintf(&b, "%s  %s\n", station, d.Title())
	fmt.Fprintf(&b, "%s\n\n", d.Cat.T("report.generated", d.Sum.Now.Format("2006-01-02 15:04")))
	d.textFigures(&b)
	b.WriteString("\n" + d.Cat.T("report.section.by_trade") + "\n")
	d.areaTable(&b, true)
	b.WriteString("\n" + d.Cat.T("report.section.by_community") + "\n")
	d.areaTable(&b, false)
	d.textHours(&b)
	d.textTodo(&b)
	d.textUnmet(&b)
	d.textFairness(&b)
	d.textFairs(&b)
	head, notes := d.Notes()
	b.WriteString("\n" + head + "\n")
	for _, n := range notes {
		b.WriteString("  " + n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// textFigures is the table of figures with this period, the previous one and the average.
func (d *Doc) textFigures(b *strings.Builder) {
	rows := d.FigureRows()
	cols := [4]int{width(d.Cat.T("report.col.figure")), width(d.CurHeader()), width(d.PrevHeader()), width(d.AvgHeader())}
	for _, r := range rows {
		for i := range 4 {
			cols[i] = max(cols[i], width(r[i]))
		}
	}
	line := func(r [4]string) {
		fmt.Fprintf(b, "%s  %s  %s  %s\n", common.Cell(r[0], cols[0]), common.CellRight(r[1], cols[1]), common.CellRight(r[2], cols[2]),
			strings.TrimRight(common.CellRight(r[3], cols[3]), " "))
	}
	line([4]string{d.Cat.T("report.col.figure"), d.CurHeader(), d.PrevHeader(), d.AvgHeader()})
	for _, r := range rows {
		line(r)
	}
	// as of now, not per period: no comparison
	fmt.Fprintf(b, "%s  %s\n", common.Cell(d.Cat.T("report.fig.still_open"), cols[0]), common.CellRight(fmt.Sprint(d.Sum.StillOpenCount), cols[1]))
}

// textHours is the jobs by hour as bars and the 30-day trend as a sparkline.
func (d *Doc) textHours(b *strings.Builder) {
	b.WriteString("\n" + d.Cat.T("report.section.by_hour") + "\n")
	most := 0
	for _, n := range d.Sum.Cur.JobsByHour {
		most = max(most, n)
	}
	for h, n := range d.Sum.Cur.JobsByHour {
		if n > 0 {
			fmt.Fprintf(b, "  %02d:00 %4d %s\n", h, n, Bar(n, most, 30))
		}
	}
	if most == 0 {
		b.WriteString("  " + d.Cat.T("report.none") + "\n")
	}
	var trend []int
	for _, t := range d.Sum.Trend {
		trend = append(trend, t.Count)
	}
	if len(d.Sum.Trend) > 0 {
		fmt.Fprintf(b, "\n%s (%s – %s)\n  %s\n", d.Cat.T("report.section.trend"), d.Sum.Trend[0].Day, d.Sum.Trend[len(d.Sum.Trend)-1].Day, Sparkline(trend))
	}
}

// textTodo is the jobs still open and the no-shows, disputes and unpaid wages.
func (d *Doc) textTodo(b *strings.Builder) {
	b.WriteString("\n" + d.StillOpenTitle() + "\n")
	for _, o := range d.Sum.StillOpen {
		b.WriteString("  " + d.StillOpenText(o) + "\n")
	}
	b.WriteString("\n" + d.Cat.T("report.section.open", d.Sum.Cur.OpenIntoTomorrow) + "\n")
	for _, o := range d.Sum.Open {
		b.WriteString("  " + d.OpenText(o) + "\n")
	}
	for _, kind := range []string{"no_show", "dispute", "unpaid"} {
		var lines []string
		for _, is := range d.Sum.Issues {
			if string(is.Kind) == kind {
				lines = append(lines, "  "+d.IssueText(is))
			}
		}
		fmt.Fprintf(b, "\n%s\n", d.Cat.T("report.section."+kind, len(lines)))
		for _, l := range lines {
			b.WriteString(l + "\n")
		}
	}
}

// textUnmet is the trades with places nobody filled.
func (d *Doc) textUnmet(b *strings.Builder) {
	unmet := d.Unmet()
	fmt.Fprintf(b, "\n%s\n", d.Cat.T("report.section.unmet"))
	nameW := 12 // the longest trade name: a file is never cut
	for _, a := range unmet {
		nameW = max(nameW, width(d.TradeName(a.ID)))
	}
	for _, a := range unmet {
		fmt.Fprintf(b, "  %s %s\n", common.Cell(d.TradeName(a.ID), nameW), d.Cat.T("report.places", a.MissedPlaces))
	}
	if len(unmet) == 0 {
		b.WriteString("  " + d.Cat.T("report.none") + "\n")
	}
}

// AreaHeaders are the columns of the by-trade and by-community tables.
var AreaHeaders = []string{"jobs_posted", "places_asked", "places_filled", "unfilled_places", "dispatched", "completed", "wages_paid"}

// AreaCells are one area's figures as text, in AreaHeaders order.
func (d *Doc) AreaCells(a AreaFiguresView) []string {
	return []string{fmt.Sprint(a.JobsPosted), fmt.Sprint(a.PlacesAsked), fmt.Sprint(a.PlacesFilled), fmt.Sprint(a.UnfilledPlaces),
		fmt.Sprint(a.Dispatched), fmt.Sprint(a.Completed), d.Cat.Money(a.WagesPaidFen)}
}

func (d *Doc) areaTable(b *strings.Builder, trades bool) {
	rows := d.Areas(trades)
	head := []string{d.Cat.T("report.col.trade")}
	if !trades {
		head = []string{d.Cat.T("report.col.community")}
	}
	for _, h := range AreaHeaders {
		head = append(head, d.Cat.T("report.fig."+h))
	}
	table := [][]string{head}
	for _, a := range rows {
		table = append(table, append([]string{a.Name}, d.AreaCells(a)...))
	}
	ws := make([]int, len(head))
	for _, r := range table {
		for i, c := range r {
			ws[i] = max(ws[i], width(c))
		}
	}
	for _, r := range table {
		b.WriteString(" ")
		for i, c := range r {
			if i > 0 {
				b.WriteString(" " + common.CellRight(c, ws[i]))
			} else {
				b.WriteString(" " + common.Cell(c, ws[i]))
			}
		}
		b.WriteString("\n")
	}
	if len(rows) == 0 {
		b.WriteString("  " + d.Cat.T("report.none") + "\n")
	}
}
