package match

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	smatch "gigdesk/store/match"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// walkPane is the walk-in: find the worker at the counter as their name or phone is typed,
// then the open jobs ranked for them, and dispatch one.
type walkPane struct {
	*shared
	found    []store.Worker
	worker   *store.JobRanking
	top      int // the most a job can score for the worker, for the bars
	walkSel  int
	jobsSel  int
	walkJobs bool // the list shows the chosen worker's jobs

	foundClicks, jobsClicks common.RowClick
}

func (p *walkPane) reload() tea.Cmd {
	if p.walkJobs && p.worker != nil {
		return p.loadJobsFor(p.worker.Worker.ID)
	}
	return nil
}

// back leaves the worker's jobs for the workers found.
func (p *walkPane) back() bool {
	if p.walkJobs {
		p.walkJobs = false
		return true
	}
	return false
}

func (p *walkPane) help() []key.Binding {
	k := p.c.Keys
	return []key.Binding{k.MatchWalkIn, k.MatchDispatch, k.Back}
}

func (p *walkPane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case foundMsg:
		if msg.req != p.req {
			return nil
		}
		p.found, p.walkSel, p.walkJobs = msg.workers, 0, false
		if msg.err != nil {
			return common.Status(p.c.Cat.Err(msg.err), true)
		}
	case jobsMsg:
		if msg.req != p.req {
			return nil
		}
		if msg.err != nil {
			p.walkJobs = false
			return common.Status(p.c.Cat.Err(msg.err), true)
		}
		p.worker, p.walkJobs, p.top = &msg.r, true, p.maxWeights()
		p.jobsSel = min(p.jobsSel, max(len(msg.r.Candidates)-1, 0))
	}
	return nil
}

// maxWeights is the top score with the station's weights, for bars outside a job's ranking.
func (p *walkPane) maxWeights() int {
	wt, err := store.ParseWeights(p.c.Settings.MatchWeights)
	if err != nil {
		wt = smatch.DefaultWeights()
	}
	return topScore(wt)
}

func (p *walkPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if !p.walkJobs {
		if p.move(msg, &p.walkSel, len(p.found), p.rows()) {
			return nil
		}
		if key.Matches(msg, k.Select) && p.walkSel < len(p.found) {
			p.jobsSel = 0
			return p.loadJobsFor(p.found[p.walkSel].ID)
		}
		return nil
	}
	if p.move(msg, &p.jobsSel, len(p.worker.Candidates), p.rows()) {
		return nil
	}
	if key.Matches(msg, k.MatchDispatch) || key.Matches(msg, k.Select) {
		return p.dispatchSelected()
	}
	return nil
}

// dispatchSelected dispatches the worker at the counter to the job selected, asking the pay first.
func (p *walkPane) dispatchSelected() tea.Cmd {
	if p.jobsSel >= len(p.worker.Candidates) {
		return nil
	}
	j := p.worker.Jobs[p.worker.Candidates[p.jobsSel].JobID]
	return p.askPay(store.DispatchInput{JobID: j.ID, WorkerID: p.worker.Worker.ID}, j.PayFen)
}

// view is the workers found, or the chosen worker's jobs.
func (p *walkPane) view() string {
	if p.walkJobs {
		return p.jobsView()
	}
	st := p.c.Styles
	lines := []string{st.Title.Render(p.c.T("match.walkin.title")), st.Subtle.Render(p.c.T("match.walkin.intro"))}
	top, end := window(p.walkSel, len(p.found), p.rows()-1)
	for i := top; i < end; i++ {
		w := p.found[i]
		var trades []string
		for _, t := range w.Trades {
			trades = append(trades, p.c.Cat.TradeName(p.c.Records, t.TradeID))
		}
		row := common.Cell(fmt.Sprint(w.ID), 7) + " " + common.Cell(valid.MaskName(w.Name), 8) + " " + common.Cell(valid.MaskPhone(w.Phone), 12) + " " +
			common.Cell(strings.Join(trades, "/"), 16) + " " + common.Cell(p.c.Records.PlaceName(w.CommunityID), 12) + " " + p.c.T("match.worker_status."+string(w.Status))
		row = ansi.Truncate(row, p.width, "…")
		if i == p.walkSel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// jobsView is the open jobs ranked for the chosen worker.
func (p *walkPane) jobsView() string {
	st := p.c.Styles
	r := p.worker
	lines := []string{st.Title.Render(p.c.T("match.walkin.title")) + "  " + st.Label.Render(p.c.T("match.walkin.for", r.Worker.ID, valid.MaskName(r.Worker.Name)))}
	if len(r.Candidates) == 0 {
		lines = append(lines, st.Subtle.Render(p.c.T("match.walkin.none")))
	}
	top, end := window(p.jobsSel, len(r.Candidates), p.rows()-1)
	for i := top; i < end; i++ {
		jc := r.Candidates[i]
		j := r.Jobs[jc.JobID]
		row := common.Cell(fmt.Sprint(i+1), 3) + " " + common.Cell(p.jobLine(j), max(p.width-24, 30)) + " " +
			st.Bar.Render(p.bar(jc.Score, p.top, 10)) + fmt.Sprintf(" %3d", jc.Score) +
			"  " + p.c.T("match.filled_short", j.Filled, j.Headcount)
		row = ansi.Truncate(row, p.width, "…")
		if i == p.jobsSel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}
