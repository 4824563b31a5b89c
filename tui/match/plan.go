package match

import (
	"fmt"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	smatch "gigdesk/store/match"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// planLine is one proposed assignment as staff go through the plan.
type planLine struct {
	job    store.Job
	worker int64
	score  int
	state  string // "", "accepted", "dropped", "changed"
}

// planPane is the one-key day plan: one worker proposed per open place of a day's jobs;
// staff accept a line (a call and a dispatch), change who goes, or drop it.
type planPane struct {
	*shared
	date     string
	plan     *store.DayPlan
	lines    []planLine
	sel      int
	picking  int // plan line being changed, -1 when not
	picks    []smatch.Candidate
	pickSel  int
	pickInfo map[int64]store.Candidate
}

func (p *planPane) reload() tea.Cmd { return nil } // the plan is proposed once; accepted lines say so

// back leaves choosing another worker for the plan.
func (p *planPane) back() bool {
	if p.picking >= 0 {
		p.picking = -1
		return true
	}
	return false
}

func (p *planPane) help() []key.Binding {
	k := p.c.Keys
	if p.picking >= 0 {
		return []key.Binding{k.Select, k.Back}
	}
	return []key.Binding{k.PlanAccept, k.PlanChange, k.PlanDrop, k.PlanPrevDay, k.PlanNextDay, k.Back}
}

// settled marks plan line i accepted once its dispatch is saved; i < 0 is none.
func (p *planPane) settled(i int) {
	if i >= 0 && i < len(p.lines) {
		p.lines[i].state = "accepted"
	}
}

func (p *planPane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case planMsg:
		if msg.req != p.req {
			return nil
		}
		p.loading = false
		if msg.err != nil {
			p.plan = nil
			return common.Status(p.c.Cat.Err(msg.err), true)
		}
		p.proposed(msg.p)
	case pickMsg:
		if msg.req != p.req || msg.line != p.picking {
			return nil
		}
		if msg.err != nil {
			p.picking = -1
			return common.Status(p.c.Cat.Err(msg.err), true)
		}
		p.offered(msg)
	}
	return nil
}

// proposed takes a day's plan: one line per proposed assignment, from the top.
func (p *planPane) proposed(pl store.DayPlan) {
	p.plan = &pl
	jobs := map[int64]store.Job{}
	for _, j := range pl.Jobs {
		jobs[j.Job.ID] = j.Job
	}
	p.lines = p.lines[:0]
	for _, a := range pl.Proposal.Assignments {
		p.lines = append(p.lines, planLine{job: jobs[a.JobID], worker: a.WorkerID, score: a.Score})
	}
	p.sel = 0
}

// offered takes the workers ranked for a line's job, minus those the plan already sends.
func (p *planPane) offered(msg pickMsg) {
	taken := map[int64]bool{}
	for i, l := range p.lines {
		if i != msg.line && l.state != "dropped" {
			taken[l.worker] = true
		}
	}
	p.picks = p.picks[:0]
	for _, c := range msg.r.Candidates {
		if !taken[c.WorkerID] {
			p.picks = append(p.picks, c)
		}
	}
	p.pickInfo, p.pickSel = msg.r.Workers, 0
}

func (p *planPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if p.picking >= 0 {
		if p.move(msg, &p.pickSel, len(p.picks), p.rows()) {
			return nil
		}
		if key.Matches(msg, k.Select) && p.pickSel < len(p.picks) {
			l := &p.lines[p.picking]
			l.worker, l.score, l.state = p.picks[p.pickSel].WorkerID, p.picks[p.pickSel].Score, "changed"
			p.picking = -1
		}
		return nil
	}
	if p.move(msg, &p.sel, len(p.lines), p.rows()) {
		return nil
	}
	if key.Matches(msg, k.PlanPrevDay) || key.Matches(msg, k.PlanNextDay) {
		d, err := time.ParseInLocation(time.DateOnly, p.date, p.c.Store.Location())
		if err != nil {
			return nil
		}
		step := 1
		if key.Matches(msg, k.PlanPrevDay) {
			step = -1
		}
		p.date = d.AddDate(0, 0, step).Format(time.DateOnly)
		return p.load()
	}
	if p.sel >= len(p.lines) {
		return nil
	}
	return p.lineKey(msg, &p.lines[p.sel])
}

// lineKey accepts, changes or drops the selected line l; an accepted line stays as it is.
func (p *planPane) lineKey(msg tea.KeyMsg, l *planLine) tea.Cmd {
	k := p.c.Keys
	if l.state == "accepted" {
		return common.Status(p.c.T("plan.already"), true)
	}
	switch {
	case key.Matches(msg, k.PlanAccept):
		if l.state == "dropped" {
			l.state = ""
			return nil
		}
		s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
		job, w := l.job.ID, l.worker
		return p.write(p.sel, func() (store.Dispatch, string, error) {
			if _, err := s.RecordCall(ctx, staff, job, w, store.Accepted, ""); err != nil {
				return store.Dispatch{}, "", err
			}
			d, err := s.Dispatch(ctx, staff, store.DispatchInput{JobID: job, WorkerID: w})
			return d, p.c.T("dispatch.status.dispatched", d.ID, d.WorkerName, job), err
		})
	case key.Matches(msg, k.PlanChange):
		p.picking, p.picks = p.sel, nil
		return p.loadPicks(p.sel, l.job.ID)
	case key.Matches(msg, k.PlanDrop):
		l.state = "dropped"
	}
	return nil
}

// view is the day's proposed lines, or the workers to choose from for one of them.
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
		st.Subtle.Render(p.c.T("plan.summary", len(p.plan.Jobs), need, len(p.lines), p.plan.Proposal.Total, len(p.plan.Pool.Workers)))}
	if len(p.lines) == 0 {
		lines = append(lines, st.Subtle.Render(p.c.T("plan.none")))
	}
	top, end := window(p.sel, len(p.lines), p.rows()-1)
	for i := top; i < end; i++ {
		l := p.lines[i]
		row := p.lineRow(l)
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

// lineRow is one proposed line: the job, its trade, time and place, who goes, the score.
func (p *planPane) lineRow(l planLine) string {
	name := fmt.Sprint(l.worker)
	if w, ok := p.plan.Workers[l.worker]; ok {
		name = fmt.Sprintf("%d %s", l.worker, valid.MaskName(w.Name))
	} else if c, ok := p.pickInfo[l.worker]; ok {
		name = fmt.Sprintf("%d %s", l.worker, valid.MaskName(c.Name))
	}
	state := ""
	if l.state != "" {
		state = p.c.T("plan.state." + l.state)
	}
	row := common.Cell(fmt.Sprint(l.job.ID), 6) + " " + common.Cell(p.c.Cat.TradeName(p.c.Records, l.job.TradeID), 8) + " " + common.Cell(l.job.StartsAt.In(p.c.Store.Location()).Format("15:04"), 6) + " " +
		common.Cell(p.c.Records.PlaceName(l.job.CommunityID), 12) + " " + common.Cell(p.c.T("plan.worker", name), 16) + " " + common.Cell(fmt.Sprintf("%3d", l.score), 4) + " " + state
	return ansi.Truncate(row, p.width, "…")
}

// pickView is the workers ranked for the line being changed.
func (p *planPane) pickView() string {
	st := p.c.Styles
	l := p.lines[p.picking]
	lines := []string{st.Title.Render(p.c.T("plan.pick", l.job.ID, p.c.Cat.TradeName(p.c.Records, l.job.TradeID)))}
	if p.picks == nil {
		lines = append(lines, st.Subtle.Render(p.c.T("status.loading")))
	}
	top, end := window(p.pickSel, len(p.picks), p.rows()-1)
	for i := top; i < end; i++ {
		c := p.picks[i]
		info := p.pickInfo[c.WorkerID]
		row := common.Cell(fmt.Sprint(i+1), 3) + " " + common.Cell(fmt.Sprint(c.WorkerID), 7) + " " + common.Cell(valid.MaskName(info.Name), 8) + " " +
			common.Cell(p.c.Records.PlaceName(info.CommunityID), 12) + " " + fmt.Sprintf("%3d", c.Score)
		row = ansi.Truncate(row, p.width, "…")
		if i == p.pickSel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}
