package match

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// Messages carry the request id they answer, so a late answer never lands on newer state.
type (
	rankedMsg struct {
		req int
		r   store.Ranking
		err error
	}
	callsMsg struct {
		req   int
		job   int64
		calls []store.Call
	}
	foundMsg struct {
		req     int
		workers []store.Worker
		err     error
	}
	jobsMsg struct {
		req int
		r   store.JobRanking
		err error
	}
	listMsg struct {
		req   int
		list  []store.Dispatch
		cases map[int64]bool // dispatches with a rights case not yet resolved
		err   error
	}
	// caseMsg answers opening a rights case from a dispatch.
	caseMsg struct {
		c   store.RightsCase
		err error
	}
	planMsg struct {
		req int
		p   store.DayPlan
		err error
	}
	pickMsg struct {
		req  int
		line int
		r    store.Ranking
		err  error
	}
	// doneMsg reports one write: text for the footer, err when refused.
	doneMsg struct {
		text     string
		err      error
		dispatch store.Dispatch
		planLine int       // ≥ 0: the plan line this write settled
		asked    *question // the question open when the write was made: the one it answers
	}
	revealMsg struct {
		worker      int64
		name, phone string
		err         error
	}
)

func (rankedMsg) Owner() common.Page   { return common.PageMatch }
func (callsMsg) Owner() common.Page    { return common.PageMatch }
func (foundMsg) Owner() common.Page    { return common.PageMatch }
func (jobsMsg) Owner() common.Page     { return common.PageMatch }
func (listMsg) Owner() common.Page     { return common.PageMatch }
func (planMsg) Owner() common.Page     { return common.PageMatch }
func (pickMsg) Owner() common.Page     { return common.PageMatch }
func (doneMsg) Owner() common.Page     { return common.PageMatch }
func (revealMsg) Owner() common.Page   { return common.PageMatch }
func (caseMsg) Owner() common.Page     { return common.PageMatch }
func (defaultsMsg) Owner() common.Page { return common.PageMatch }
func (planAllMsg) Owner() common.Page  { return common.PageMatch }

// candidateLimit is how many candidates a job lists: more than staff will ever phone.
const candidateLimit = 100

// warmPool reads every worker into the store's pool cache at start-up, so the Match screen's
// first open ranks from memory instead of reading a district's hundred thousand workers then.
// A failure only leaves the first open to read them.
func (m *Model) warmPool() tea.Cmd {
	s, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		s.WarmPool(ctx)
		return nil
	}
}

// load fetches a job's ranking and the calls already made for it.
func (p *jobPane) load(id int64) tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	p.jobID, p.loading, p.loadErr = id, true, ""
	return tea.Batch(func() tea.Msg {
		r, err := s.RankForJob(ctx, id, candidateLimit)
		return rankedMsg{req: req, r: r, err: err}
	}, func() tea.Msg {
		calls, _ := s.Calls(ctx, id) // without them the list only lacks its call marks
		return callsMsg{req: req, job: id, calls: calls}
	})
}

// load fetches today's dispatches, or the follow-up list, with the ones under a rights case.
func (p *listPane) load() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	f := store.DispatchFilter{Day: s.Today()}
	if p.followUp {
		f = store.DispatchFilter{FollowUp: true}
	}
	return func() tea.Msg {
		list, err := s.Dispatches(ctx, f)
		if err != nil {
			return listMsg{req: req, err: err}
		}
		// the cases still followed up are few: mark their dispatches
		open, err := s.RightsCases(ctx, store.CaseFilter{FollowUp: true})
		cases := map[int64]bool{}
		for _, c := range open {
			if c.DispatchID != 0 {
				cases[c.DispatchID] = true
			}
		}
		return listMsg{req: req, list: list, cases: cases, err: err}
	}
}

// load fetches the proposed plan for the pane's day.
func (p *planPane) load() tea.Cmd {
	p.req++
	req, s, ctx, day := p.req, p.c.Store, p.c.Ctx, p.date
	p.loading = true
	return func() tea.Msg {
		pl, err := s.PlanDay(ctx, day)
		return planMsg{req: req, p: pl, err: err}
	}
}

// loadPicks ranks the other workers for a plan line's job, when staff change who goes.
func (p *planPane) loadPicks(line int, job int64) tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	return func() tea.Msg {
		r, err := s.RankForJob(ctx, job, 30)
		return pickMsg{req: req, line: line, r: r, err: err}
	}
}

// search finds walk-in workers by what was typed.
func (p *walkPane) search(q string) tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	return func() tea.Msg {
		ws, err := s.SearchWorkers(ctx, q, 30)
		return foundMsg{req: req, workers: ws, err: err}
	}
}

// loadJobsFor ranks the open jobs for one walk-in worker.
func (p *walkPane) loadJobsFor(worker int64) tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	return func() tea.Msg {
		r, err := s.RankJobsForWorker(ctx, worker, 50)
		return jobsMsg{req: req, r: r, err: err}
	}
}

// write runs one store change in a command and reports it; every screen reloads after.
func (d *shared) write(planLine int, fn func() (store.Dispatch, string, error)) tea.Cmd {
	asked := d.q
	return func() tea.Msg {
		d, text, err := fn()
		return doneMsg{text: text, err: err, dispatch: d, planLine: planLine, asked: asked}
	}
}
