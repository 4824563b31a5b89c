package match

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// planCols are the widths of the plan's columns, the widest text of each within limits.
type planCols struct{ job, trade, start, place, worker, score int }

// view is the day's proposed lines under their column headers, or the workers to choose from
// for one of them.
func (p *planPane) view() string {
	st := p.c.Styles
	if p.plan == nil {
		msg := p.c.T("plan.intro")
		if p.loading {
			msg = p.c.T("status.loading")
		}
		return st.Title.Render(p.c.T("plan.title", p.date)) + "\n" + st.Subtle.Render(msg)
	}
	if p.picking >= 0 {
		return p.pickView()
	}
	need := 0
	for _, j := range p.plan.Jobs {
		need += j.Remaining
	}
	lines := []string{st.Title.Render(p.c.T("plan.title", p.plan.Date)) + "  " +
		st.Subtle.Render(p.c.T("plan.readable", need, len(p.lines), p.plan.Proposal.Total, len(p.plan.Jobs), len(p.plan.Pool.Workers)))}
	if len(p.lines) == 0 {
		return strings.Join(append(lines, st.Subtle.Render(p.c.T("plan.none"))), "\n")
	}
	cols := p.planColumns()
	head := p.planRow(cols, p.c.T("plan.col.job"), p.c.T("plan.col.trade"), p.c.T("plan.col.start"), p.c.T("plan.col.place"),
		p.c.T("plan.col.worker"), p.c.T("plan.col.score"), p.c.T("plan.col.state"))
	lines = append(lines, st.Subtle.Render(head))
	top, end := window(p.sel, len(p.lines), p.rows()-2)
	for i := top; i < end; i++ {
		l := p.lines[i]
		row := p.lineRow(l, cols)
		switch {
		case i == p.sel:
			row = st.RowActive.Render(row)
		case l.state == "accepted":
			row = st.Good.Render(row)
		case l.state == "dropped":
			row = st.Subtle.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// planColumns measures the lines held (a day's plan is tens of lines, not thousands).
func (p *planPane) planColumns() planCols {
	w := func(s string) int { return lipgloss.Width(s) }
	c := planCols{job: w(p.c.T("plan.col.job")), trade: w(p.c.T("plan.col.trade")), start: max(w(p.c.T("plan.col.start")), 5),
		place: w(p.c.T("plan.col.place")), worker: w(p.c.T("plan.col.worker")), score: max(w(p.c.T("plan.col.score")), 3)}
	for _, l := range p.lines {
		c.job = max(c.job, w(fmt.Sprint(l.job.ID)))
		c.trade = max(c.trade, w(p.c.Cat.TradeName(p.c.Records, l.job.TradeID)))
		c.place = max(c.place, w(p.c.Records.PlaceName(l.job.CommunityID)))
		c.worker = max(c.worker, w(p.workerName(l.worker)))
	}
	// the widest text decides while the row fits; past the width the long columns give way
	if c.job+c.trade+c.start+c.place+c.worker+c.score+12+10 > p.width {
		c.trade, c.place, c.worker = min(c.trade, 16), min(c.place, 20), min(c.worker, 16)
	}
	return c
}

// planRow lays out one row of the plan's columns; the state takes what is left.
func (p *planPane) planRow(c planCols, job, trade, start, place, worker, score, state string) string {
	row := common.CellRight(job, c.job) + "  " + common.Cell(trade, c.trade) + "  " + common.Cell(start, c.start) + "  " +
		common.Cell(place, c.place) + "  " + common.Cell(worker, c.worker) + "  " + common.CellRight(score, c.score) + "  " + state
	return ansi.Truncate(strings.TrimRight(row, " "), p.width, "…")
}

// workerName is a proposed worker's number and masked name.
func (p *planPane) workerName(id int64) string {
	if w, ok := p.plan.Workers[id]; ok {
		return fmt.Sprintf("%d %s", id, valid.MaskName(w.Name))
	}
	if c, ok := p.pickInfo[id]; ok {
		return fmt.Sprintf("%d %s", id, valid.MaskName(c.Name))
	}
	return fmt.Sprint(id)
}

// lineRow is one proposed line: the job, its trade, time and place, who goes, the score.
func (p *planPane) lineRow(l planLine, c planCols) string {
	state := ""
	if l.state != "" {
		state = p.c.T("plan.state." + l.state)
	}
	return p.planRow(c, fmt.Sprint(l.job.ID), p.c.Cat.TradeName(p.c.Records, l.job.TradeID), l.job.StartsAt.In(p.c.Store.Location()).Format("15:04"),
		p.c.Records.PlaceName(l.job.CommunityID), p.workerName(l.worker), fmt.Sprint(l.score), state)
}

// pickView is the workers ranked for the line being changed, under headers, each with why.
func (p *planPane) pickView() string {
	st := p.c.Styles
	l := p.lines[p.picking]
	lines := []string{st.Title.Render(p.c.T("plan.pick", l.job.ID, p.c.Cat.TradeName(p.c.Records, l.job.TradeID)))}
	if p.picks == nil {
		return strings.Join(append(lines, st.Subtle.Render(p.c.T("status.loading"))), "\n")
	}
	row := func(no, id, name, place, score, why string) string {
		r := common.CellRight(no, 3) + "  " + common.CellRight(id, 6) + "  " + common.Cell(name, 8) + "  " +
			common.Cell(place, 14) + "  " + common.CellRight(score, 5) + "  " + why
		return ansi.Truncate(strings.TrimRight(r, " "), p.width, "…")
	}
	lines = append(lines, st.Subtle.Render(row(p.c.T("plan.col.no"), p.c.T("plan.col.no_worker"), p.c.T("plan.col.name"),
		p.c.T("plan.col.place"), p.c.T("plan.col.score"), p.c.T("plan.col.why"))))
	notNow := p.plan.MatchJob[l.job.ID].NotNow
	top, end := window(p.pickSel, len(p.picks), p.rows()-2)
	for i := top; i < end; i++ {
		c := p.picks[i]
		info := p.pickInfo[c.WorkerID]
		why := whyText(p.c, p.pickWt, c, info)
		if slices.Contains(notNow, c.WorkerID) {
			why = p.c.T("plan.why.not_now") + "·" + why
		}
		r := row(fmt.Sprint(i+1), fmt.Sprint(c.WorkerID), valid.MaskName(info.Name), p.c.Records.PlaceName(info.CommunityID), fmt.Sprint(c.Score), why)
		if i == p.pickSel {
			r = st.RowActive.Render(r)
		}
		lines = append(lines, r)
	}
	return strings.Join(lines, "\n")
}
