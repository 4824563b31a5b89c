package match

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	smatch "gigdesk/store/match"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
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
	pickWt   smatch.Weights

	clicks, pickClicks common.RowClick
}

// planAllMsg answers accepting every line left: the lines dispatched and those refused.
type planAllMsg struct {
	req     int
	done    []int
	refused map[int]error
}

// acceptAllKey accepts every line of the plan not yet dispatched or dropped, after a confirmation.
func (p *planPane) acceptAllKey() key.Binding { return p.c.Keys.PlanAcceptAll }

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
	return []key.Binding{p.acceptAllKey(), k.PlanAccept, k.PlanChange, k.PlanDrop, k.PlanPrevDay, k.PlanNextDay, k.Back}
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
	// who just did not answer goes last, marked, so another is picked first
	notNow := p.plan.MatchJob[p.lines[msg.line].job.ID].NotNow
	slices.SortStableFunc(p.picks, func(a, b smatch.Candidate) int {
		return cmp.Compare(boolInt(slices.Contains(notNow, a.WorkerID)), boolInt(slices.Contains(notNow, b.WorkerID)))
	})
	p.pickInfo, p.pickWt, p.pickSel = msg.r.Workers, msg.r.Weights, 0
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *planPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if p.picking >= 0 {
		if p.move(msg, &p.pickSel, len(p.picks), p.rows()-1) {
			return nil
		}
		if key.Matches(msg, k.Select) {
			p.pick()
		}
		return nil
	}
	if p.move(msg, &p.sel, len(p.lines), p.rows()-1) {
		return nil
	}
	if key.Matches(msg, p.acceptAllKey()) {
		return p.askAcceptAll()
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
		ctx, job, w := p.c.Ctx, l.job.ID, l.worker
		return p.write(p.sel, func() (store.Dispatch, string, error) { return p.dispatchDefault(ctx, job, w) })
	case key.Matches(msg, k.PlanChange):
		return p.change()
	case key.Matches(msg, k.PlanDrop):
		l.state = "dropped"
	}
	return nil
}

// change opens the workers ranked for the selected line's job, to send another.
func (p *planPane) change() tea.Cmd {
	if p.sel >= len(p.lines) {
		return nil
	}
	if p.lines[p.sel].state == "accepted" {
		return common.Status(p.c.T("plan.already"), true)
	}
	p.picking, p.picks = p.sel, nil
	return p.loadPicks(p.sel, p.lines[p.sel].job.ID)
}

// pick makes the selected worker the one the line being changed sends.
func (p *planPane) pick() {
	if p.picking < 0 || p.pickSel >= len(p.picks) {
		return
	}
	l := &p.lines[p.picking]
	l.worker, l.score, l.state = p.picks[p.pickSel].WorkerID, p.picks[p.pickSel].Score, "changed"
	p.picking = -1
}

// pending is the plan lines still to dispatch: neither dispatched nor dropped.
func (p *planPane) pending() []int {
	var out []int
	for i, l := range p.lines {
		if l.state != "accepted" && l.state != "dropped" {
			out = append(out, i)
		}
	}
	return out
}

// askAcceptAll asks, saying how many dispatches it means, before dispatching every line left.
func (p *planPane) askAcceptAll() tea.Cmd {
	todo := p.pending()
	if len(todo) == 0 {
		return common.Status(p.c.T("plan.nothing_left"), true)
	}
	jobs := map[int64]bool{}
	for _, i := range todo {
		jobs[p.lines[i].job.ID] = true
	}
	return p.ask(question{quiet: true,
		Spec: prompt.Spec{Label: "plan.ask.accept_all", Args: []any{len(todo), len(jobs)}, Kind: prompt.Confirm, Warn: true},
		answer: func(a prompt.Answer) tea.Cmd {
			p.q = nil
			if !a.Yes {
				return nil
			}
			return p.acceptAll(todo)
		}})
}

// acceptAll dispatches the lines todo one after another, each as its own accept would; a
// refused line (the worker paused since, the job filled) leaves the others dispatched.
func (p *planPane) acceptAll(todo []int) tea.Cmd {
	req, ctx := p.req, p.c.Ctx
	type pair struct{ job, worker int64 }
	pairs := make([]pair, len(todo))
	for k, i := range todo {
		pairs[k] = pair{p.lines[i].job.ID, p.lines[i].worker}
	}
	return func() tea.Msg {
		msg := planAllMsg{req: req, refused: map[int]error{}}
		for k, i := range todo {
			if _, _, err := p.dispatchDefault(ctx, pairs[k].job, pairs[k].worker); err != nil {
				msg.refused[i] = err
				continue
			}
			msg.done = append(msg.done, i)
		}
		return msg
	}
}

// acceptedAll marks the dispatched lines and says how many went, and why any did not.
func (p *planPane) acceptedAll(msg planAllMsg) tea.Cmd {
	if msg.req != p.req {
		return nil
	}
	for _, i := range msg.done {
		p.settled(i)
	}
	changed := func() tea.Msg { return common.ChangedMsg{} }
	if len(msg.refused) == 0 {
		return tea.Batch(common.Status(p.c.T("plan.all_done", len(msg.done)), false), changed)
	}
	var why []string
	for _, i := range slices.Sorted(maps.Keys(msg.refused)) {
		why = append(why, fmt.Sprintf("%d %s", p.lines[i].job.ID, p.c.Cat.Err(msg.refused[i])))
	}
	return tea.Batch(common.Status(p.c.T("plan.all_partly", len(msg.done), len(msg.refused), strings.Join(why, p.c.T("list.sep"))), true), changed)
}
