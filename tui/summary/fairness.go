package summary

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/tui/common"
)

// The fairness section (issue #20): for the period and the last 30 days, the Gini of days
// worked and the priority groups' shares, then the workers who signed in most without work
// and why. `f` brings it to the top of the screen.

// fairLines are the section's lines, laid out with the rest of the body.
func (m *Model) fairLines() []string {
	d, st := m.doc, m.c.Styles
	title := st.Title.Render(d.Cat.T("report.section.fairness"))
	switch {
	case m.fairPending:
		return []string{"", title, st.Subtle.Render(m.c.T("sum.loading"))}
	case m.fairErr != "":
		return []string{"", title, st.Error.Render(m.fairErr)}
	}
	rows := d.FairRows()
	label := 0
	for _, r := range rows {
		label = max(label, lipgloss.Width(r.Label)+2)
	}
	cols := [2]string{d.Cat.T("report.fair.col.period"), d.Cat.T("report.fair.col.last30")}
	cw := max(lipgloss.Width(cols[0]), lipgloss.Width(cols[1]), 7)
	out := []string{"", title,
		st.Label.Render(common.Cell("", label) + " " + common.CellRight(cols[0], cw) + " " + common.CellRight(cols[1], cw))}
	for _, r := range rows {
		l := common.Cell(r.Label, label)
		if r.Sub {
			l = st.Subtle.Render(common.Cell("  "+r.Label, label))
		}
		out = append(out, l+" "+common.CellRight(d.FairValue(r, r.Period), cw)+" "+common.CellRight(d.FairValue(r, r.Last30), cw))
	}
	out = append(out, st.Label.Render(d.WaitingTitle()))
	for i, w := range d.Sum.Fairness30.Waiting {
		if i == listRows {
			break
		}
		out = append(out, "  "+d.WaitingText(w))
	}
	if len(d.Sum.Fairness30.Waiting) == 0 {
		out = append(out, "  "+st.Subtle.Render(d.Cat.T("report.none")))
	}
	return out
}

// toFairness scrolls the body so the fairness section's title is the first line shown.
func (m *Model) toFairness() {
	if m.doc == nil {
		return
	}
	title := m.doc.Cat.T("report.section.fairness")
	for i, l := range m.lines {
		if strings.Contains(ansi.Strip(l), title) {
			m.offset = 0
			m.scroll(i)
			return
		}
	}
}
