package match

import (
	"strings"

	"gigdesk/store"
	smatch "gigdesk/store/match"
)

// View is the current pane, with the question or the rights-case form under it.
func (m *Model) View() string {
	body := m.pane().view()
	if m.q != nil {
		body += "\n" + m.q.p.View()
	}
	if m.list.caseF != nil {
		body += "\n" + m.list.caseF.View(m.width)
	}
	return body
}

// rows is how many list rows fit in the body under a pane's header.
func (d *shared) rows() int { return d.height - 4 }

// window is the slice of n rows to draw so that sel is visible.
func window(sel, n, rows int) (int, int) {
	rows = max(rows, 1)
	top := max(min(sel-rows/2, n-rows), 0)
	return top, min(top+rows, n)
}

// jobLine is a job in one line: number, trade, when, how long, where and the pay.
func (d *shared) jobLine(j store.Job) string {
	return d.c.T("match.job_line", j.ID, d.c.Cat.TradeName(d.c.Records, j.TradeID), d.c.Cat.WhenEnd(j.StartsAt.In(d.c.Store.Location()), j.Duration, d.c.Clock()),
		d.c.Cat.Duration(j.Duration), d.c.Records.PlaceName(j.CommunityID), d.c.Cat.Pay(j.PayFen, j.PayUnit))
}

// bar is a score of most drawn in cells.
func (d *shared) bar(v, most, cells int) string {
	if most <= 0 {
		return strings.Repeat("░", cells)
	}
	n := min(max(v*cells/most, 0), cells)
	return strings.Repeat("█", n) + strings.Repeat("░", cells-n)
}

// topScore is the most a candidate can score with weights wt.
func topScore(wt smatch.Weights) int {
	return wt.Trade + wt.Experience + wt.Present + wt.Distance + wt.Pay + wt.Reliability + wt.Rotation + wt.Priority + wt.Requested + wt.Asked
}
