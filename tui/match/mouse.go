package match

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// The panes' mouse: on every list a click picks the row under it, a double click does what
// Enter does there, and the wheel moves the selection by a row (common.RowClick and
// common.Pick, as on the Board and the Jobs list). Rows are counted from the pane's first line.

// mouse on the workers found picks one; a double click shows the jobs ranked for them.
// On those jobs a click picks one and a double click dispatches it, asking the pay first.
func (p *walkPane) mouse(msg tea.MouseMsg) tea.Cmd {
	if p.walkJobs {
		n := len(p.worker.Candidates)
		top, end := window(p.jobsSel, n, p.rows()-1)
		move, row, open := p.jobsClicks.Mouse(msg, 1, top, end, p.c.Now()) // under the title
		if common.Pick(&p.jobsSel, n, move, row, open) {
			return p.dispatchSelected()
		}
		return nil
	}
	top, end := window(p.walkSel, len(p.found), p.rows()-1)
	move, row, open := p.foundClicks.Mouse(msg, 2, top, end, p.c.Now()) // under the title and the intro
	if common.Pick(&p.walkSel, len(p.found), move, row, open) {
		p.jobsSel = 0
		return p.loadJobsFor(p.found[row].ID)
	}
	return nil
}

// mouse on today's dispatches or the follow-up list picks one; a double click opens its job.
func (p *listPane) mouse(msg tea.MouseMsg) tea.Cmd {
	top, end := window(p.sel, len(p.list), p.rows()-1)
	move, row, open := p.clicks.Mouse(msg, 2, top, end, p.c.Now()) // under the title and the head
	if common.Pick(&p.sel, len(p.list), move, row, open) {
		return common.Goto(common.PageMatch, p.list[row].JobID)
	}
	return nil
}

// mouse on the plan picks a line, a double click opens the workers to change it for; on
// those workers a click picks one and a double click makes them the line's.
func (p *planPane) mouse(msg tea.MouseMsg) tea.Cmd {
	if p.plan == nil {
		return nil
	}
	if p.picking >= 0 {
		if p.picks == nil {
			return nil
		}
		top, end := window(p.pickSel, len(p.picks), p.rows()-2)
		move, row, open := p.pickClicks.Mouse(msg, 2, top, end, p.c.Now()) // under the title and the head
		if common.Pick(&p.pickSel, len(p.picks), move, row, open) {
			p.pick()
		}
		return nil
	}
	top, end := p.shown()
	move, row, open := p.clicks.Mouse(msg, len(p.heading())+1, top, end, p.c.Now())
	if common.Pick(&p.sel, len(p.lines), move, row, open) {
		return p.change()
	}
	return nil
}
