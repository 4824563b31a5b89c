package match

import (
	"slices"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	smatch "gigdesk/store/match"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
)

// jobPane is one job's ranked candidates: staff phone down the list, note each call's
// outcome, skip or reveal a worker, and dispatch the one who accepts.
type jobPane struct {
	*shared
	jobID    int64
	ranking  *store.Ranking
	made     int64 // the dispatch last made from this job's list: Ctrl+P prints its slip
	clicks   common.RowClick
	need     candCols // widest name, trades and community among the ranking's candidates
	loadErr  string
	skipped  map[int64]bool
	outcome  map[int64]store.CallOutcome // last call per worker for this job
	revealed map[int64]string
	names    map[int64]string // names shown in full after v, for the call (audited)
	sel      int
}

func newJobPane(d *shared) *jobPane {
	return &jobPane{shared: d, skipped: map[int64]bool{}, outcome: map[int64]store.CallOutcome{},
		revealed: map[int64]string{}, names: map[int64]string{}}
}

// open shows job id from the top, with nobody skipped or revealed.
func (p *jobPane) open(id int64) tea.Cmd {
	p.skipped, p.revealed, p.names = map[int64]bool{}, map[int64]string{}, map[int64]string{}
	p.made = 0
	p.sel = 0
	return p.load(id)
}

func (p *jobPane) reload() tea.Cmd {
	if p.jobID != 0 {
		return p.load(p.jobID)
	}
	return nil
}

func (p *jobPane) back() bool { return false }

func (p *jobPane) help() []key.Binding {
	k := p.c.Keys
	if p.jobID == 0 { // nothing to call yet: how to get started
		return []key.Binding{k.MatchJob, k.MatchWalkIn, k.MatchToday, k.MatchFollowUp, k.MatchPlan}
	}
	return []key.Binding{k.MatchNoAnswer, k.MatchDecline, k.MatchAccept, k.MatchDispatch, k.MatchSkip, k.MatchReveal, k.MatchJob, k.MatchSlip}
}

// rows is how many candidates fit with the job's header and the detail pane.
func (p *jobPane) rows() int {
	if p.wide() {
		return p.height - 4
	}
	return p.height - 8
}

// wide is true when the detail pane fits beside the list.
func (p *jobPane) wide() bool { return p.width >= 130 }

func (p *jobPane) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case rankedMsg:
		if msg.req != p.req {
			return nil
		}
		p.loading = false
		if msg.err != nil {
			p.ranking, p.loadErr = nil, p.c.Cat.Err(msg.err)
			return nil
		}
		prev, had := p.selected()
		p.ranking = &msg.r
		p.need = p.measureCandidates()
		p.sel = min(p.sel, max(len(p.visible())-1, 0))
		if had { // a reload keeps the dispatcher on the worker they were looking at
			if i := slices.IndexFunc(p.visible(), func(c smatch.Candidate) bool { return c.WorkerID == prev.WorkerID }); i >= 0 {
				p.sel = i
			}
		}
	case callsMsg:
		if msg.req != p.req || msg.job != p.jobID {
			return nil
		}
		p.outcome = map[int64]store.CallOutcome{}
		for _, c := range msg.calls {
			p.outcome[c.WorkerID] = c.Outcome
		}
	case revealMsg:
		if msg.err != nil {
			return common.Status(p.c.Cat.Err(msg.err), true)
		}
		p.revealed[msg.worker] = msg.phone
		p.names[msg.worker] = msg.name
	}
	return nil
}

// visible is the ranked candidates minus the ones skipped this time.
func (p *jobPane) visible() []smatch.Candidate {
	if p.ranking == nil {
		return nil
	}
	out := make([]smatch.Candidate, 0, len(p.ranking.Candidates))
	for _, c := range p.ranking.Candidates {
		if !p.skipped[c.WorkerID] {
			out = append(out, c)
		}
	}
	return out
}

func (p *jobPane) selected() (smatch.Candidate, bool) {
	v := p.visible()
	if p.sel < 0 || p.sel >= len(v) {
		return smatch.Candidate{}, false
	}
	return v[p.sel], true
}

func (p *jobPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if p.move(msg, &p.sel, len(p.visible()), p.rows()) {
		return nil
	}
	if key.Matches(msg, k.MatchSlip) { // the slip of the dispatch just made, for the worker to take
		if p.made == 0 {
			return common.Status(p.c.T("slip.none_yet"), true)
		}
		return p.saveSlip(p.made)
	}
	c, ok := p.selected()
	if !ok {
		return nil
	}
	w := c.WorkerID
	switch {
	case key.Matches(msg, k.MatchNoAnswer):
		p.outcome[w] = store.NoAnswer
		return p.call(w, store.NoAnswer, "match.status.no_answer")
	case key.Matches(msg, k.MatchDecline):
		return p.askDecline(w)
	case key.Matches(msg, k.MatchAccept):
		p.outcome[w] = store.Accepted
		call := p.call(w, store.Accepted, "match.status.accepted")
		return tea.Batch(call, p.askPay(store.DispatchInput{JobID: p.jobID, WorkerID: w}, p.ranking.Job.PayFen))
	case key.Matches(msg, k.MatchDispatch):
		if p.outcome[w] != store.Accepted {
			return common.Status(p.c.T("match.need_accept"), true)
		}
		return p.askPay(store.DispatchInput{JobID: p.jobID, WorkerID: w}, p.ranking.Job.PayFen)
	case key.Matches(msg, k.MatchSkip):
		p.skipped[w] = true
		p.sel = min(p.sel, max(len(p.visible())-1, 0))
	case key.Matches(msg, k.MatchReveal):
		s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
		return func() tea.Msg { // whom the dispatcher calls and the number: both audited
			name, err := s.RevealWorker(ctx, staff, w, "name")
			if err != nil {
				return revealMsg{worker: w, err: err}
			}
			phone, err := s.RevealWorker(ctx, staff, w, "phone")
			return revealMsg{worker: w, name: name, phone: phone, err: err}
		}
	}
	return nil
}

// call records a call to worker w with outcome, and says so in the footer with text.
func (p *jobPane) call(w int64, outcome store.CallOutcome, text string) tea.Cmd {
	s, ctx, staff, job := p.c.Store, p.c.Ctx, p.c.Staff.ID, p.jobID
	name := p.ranking.Workers[w].Name
	return p.write(-1, func() (store.Dispatch, string, error) {
		_, err := s.RecordCall(ctx, staff, job, w, outcome, "")
		return store.Dispatch{}, p.c.T(text, name), err
	})
}

// askDecline asks why worker w declined; the question stays, with what was typed, until the
// store accepts the call.
func (p *jobPane) askDecline(w int64) tea.Cmd {
	return p.ask(question{Spec: prompt.Spec{Label: "match.ask.decline"},
		answer: func(a prompt.Answer) tea.Cmd {
			p.outcome[w] = store.Declined
			s, ctx, staff, job := p.c.Store, p.c.Ctx, p.c.Staff.ID, p.jobID
			return p.write(-1, func() (store.Dispatch, string, error) {
				_, err := s.RecordCall(ctx, staff, job, w, store.Declined, a.Text)
				return store.Dispatch{}, p.c.T("match.status.declined"), err
			})
		}})
}
