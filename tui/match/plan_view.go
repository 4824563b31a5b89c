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
	lines := p.heading()
	if len(p.lines) == 0 {
		return strings.Join(append(lines, st.Subtle.Render(p.c.T("plan.none"))), "\n")
	}
	hdr := []string{p.c.T("plan.col.job"), p.c.T("plan.col.trade"), p.c.T("plan.col.start"), p.c.T("plan.col.place"),
		p.c.T("plan.col.worker"), p.c.T("plan.col.score"), p.c.T("plan.col.state")}
	widths := p.planColumns(hdr)
	lines = append(lines, st.Subtle.Render(p.tableRow(hdr, widths, 0, 5)))
	top, end := p.shown()
	for i := top; i < end; i++ {
		l := p.lines[i]
		row := p.tableRow(p.lineCells(l), widths, 0, 5)
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

// heading is the plan's title and its summary, the summary on a line of its own when the two
// do not fit on one.
func (p *planPane) heading() []string {
	st := p.c.Styles
	need := 0
	for _, j := range p.plan.Jobs {
		need += j.Remaining
	}
	title := p.c.T("plan.title", p.plan.Date)
	sum := p.c.T("plan.readable", need, len(p.lines), p.plan.Proposal.Total, len(p.plan.Jobs), len(p.plan.Pool.Workers))
	if lipgloss.Width(title)+2+lipgloss.Width(sum) <= p.width {
		return []string{st.Title.Render(title) + "  " + st.Subtle.Render(sum)}
	}
	return []string{st.Title.Render(title), st.Subtle.Render(ansi.Truncate(sum, p.width, "…"))}
}

// shown is the plan lines drawn, from top to before end, under the heading and the header.
func (p *planPane) shown() (top, end int) {
	return window(p.sel, len(p.lines), p.rows()-1-len(p.heading()))
}

// planCols are the plan's columns in the order of its cells: the job, trade, start, place,
// worker, score and state; trades, places and names grow to their widest text, the state
// takes what is left.
var planCols = []common.Column{{Min: 2}, {Min: 4, Max: 20}, {Min: 5}, {Min: 4, Max: 24}, {Min: 6, Max: 20}, {Min: 3}, {Min: 4}}

// planColumns lays out the header and the lines held with common.Layout (a day's plan is tens
// of lines, not thousands).
func (p *planPane) planColumns(hdr []string) []int {
	cols := slices.Clone(planCols)
	for i := range cols {
		cols[i].Fit(hdr[i])
	}
	for _, l := range p.lines {
		for i, c := range p.lineCells(l) {
			cols[i].Fit(c)
		}
	}
	return common.Layout(cols, p.width, 2)
}

// tableRow lays out one row of cells in widths, numbers (right) where right says so, cut at the width.
func (p *planPane) tableRow(cells []string, widths []int, right ...int) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		if slices.Contains(right, i) {
			parts[i] = common.CellRight(c, widths[i])
		} else {
			parts[i] = common.Cell(c, widths[i])
		}
	}
	return ansi.Truncate(strings.TrimRight(strings.Join(parts, "  "), " "), p.width, "…")
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

// lineCells is one proposed line: the job, its trade, time and place, who goes, the score, its state.
func (p *planPane) lineCells(l planLine) []string {
	state := ""
	if l.state != "" {
		state = p.c.T("plan.state." + l.state)
	}
	return []string{fmt.Sprint(l.job.ID), p.c.Cat.TradeName(p.c.Records, l.job.TradeID), l.job.StartsAt.In(p.c.Store.Location()).Format("15:04"),
		p.c.Records.PlaceName(l.job.CommunityID), p.workerName(l.worker), fmt.Sprint(l.score), state}
}

// pickView is the workers ranked for the line being changed, under headers, each with why.
func (p *planPane) pickView() string {
	st := p.c.Styles
	l := p.lines[p.picking]
	lines := []string{st.Title.Render(p.c.T("plan.pick", l.job.ID, p.c.Cat.TradeName(p.c.Records, l.job.TradeID)))}
	if p.picks == nil {
		return strings.Join(append(lines, st.Subtle.Render(p.c.T("status.loading"))), "\n")
	}
	hdr := []string{p.c.T("plan.col.no"), p.c.T("plan.col.no_worker"), p.c.T("plan.col.name"), p.c.T("plan.col.place"),
		p.c.T("plan.col.score"), p.c.T("plan.col.why")}
	notNow := p.plan.MatchJob[l.job.ID].NotNow
	top, end := window(p.pickSel, len(p.picks), p.rows()-2)
	rows := make([][]string, 0, end-top)
	for i := top; i < end; i++ {
		c := p.picks[i]
		info := p.pickInfo[c.WorkerID]
		why := whyText(p.c, p.pickWt, c, info)
		if slices.Contains(notNow, c.WorkerID) {
			why = p.c.T("plan.why.not_now") + "·" + why
		}
		rows = append(rows, []string{fmt.Sprint(i + 1), fmt.Sprint(c.WorkerID), valid.MaskName(info.Name), p.c.Records.PlaceName(info.CommunityID), fmt.Sprint(c.Score), why})
	}
	cols := slices.Clone(pickCols)
	for i := range cols {
		cols[i].Fit(hdr[i])
		for _, r := range rows {
			cols[i].Fit(r[i])
		}
	}
	widths := common.Layout(cols, p.width, 2)
	lines = append(lines, st.Subtle.Render(p.tableRow(hdr, widths, 0, 1, 4)))
	for k, r := range rows {
		row := p.tableRow(r, widths, 0, 1, 4)
		if top+k == p.pickSel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// pickCols are the columns of the workers to pick from: the line's number, the worker's, the
// name, the place, the score and why, laid out on the rows shown.
var pickCols = []common.Column{{Min: 2}, {Min: 4}, {Min: 4, Max: 12}, {Min: 6, Max: 24}, {Min: 3}, {Min: 8}}
