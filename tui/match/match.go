// Package match is the Match screen: a job's ranked candidates with their reasons, call
// outcomes and dispatch; the walk-in's ranked jobs; today's dispatches and the follow-up list
// with their lifecycle keys; and the one-key day plan.
package match

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	smatch "gigdesk/store/match"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/slip"
	"gigdesk/tui/widget/caseform"
)

// view is the Match screen's sub-view; the five top-level tabs stay as they are.
type view int

const (
	viewJob view = iota
	viewWalkIn
	viewToday
	viewFollowUp
	viewPlan
)

// prompt is the one-line question the screen is asking, if any.
type prompt int

const (
	promptNone     prompt = iota
	promptJob             // job number
	promptDecline         // reason the worker declined
	promptPay             // agreed pay for a dispatch
	promptInsured         // insured? y/n
	promptInsurer         // the insurer, when insured (Enter skips)
	promptPolicy          // the policy number, when insured (Enter skips)
	promptPaid            // amount paid
	promptRate            // ratings "5 4"
	promptCancelBy        // w / e / s
	promptCancel          // cancellation reason
	promptDispute         // dispute note
	promptResolve         // how the dispute ended
	promptSearch          // walk-in worker search
	promptDate            // plan date
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
		planLine int // ≥ 0: the plan line this write settled
	}
	revealMsg struct {
		worker int64
		phone  string
		err    error
	}
)

func (rankedMsg) Owner() common.Page { return common.PageMatch }
func (callsMsg) Owner() common.Page  { return common.PageMatch }
func (foundMsg) Owner() common.Page  { return common.PageMatch }
func (jobsMsg) Owner() common.Page   { return common.PageMatch }
func (listMsg) Owner() common.Page   { return common.PageMatch }
func (planMsg) Owner() common.Page   { return common.PageMatch }
func (pickMsg) Owner() common.Page   { return common.PageMatch }
func (doneMsg) Owner() common.Page   { return common.PageMatch }
func (revealMsg) Owner() common.Page { return common.PageMatch }
func (caseMsg) Owner() common.Page   { return common.PageMatch }

// candidateLimit is how many candidates a job lists: more than staff will ever phone.
const candidateLimit = 100

// planLine is one proposed assignment as staff go through the plan.
type planLine struct {
	job    store.Job
	worker int64
	score  int
	state  string // "", "accepted", "dropped", "changed"
}

// Model is the Match screen.
type Model struct {
	c             *common.Common
	width, height int
	view          view
	req           int

	// a job's candidates
	jobID    int64
	ranking  *store.Ranking
	need     candCols // widest name, trades and community among the ranking's candidates
	loadErr  string
	loading  bool
	skipped  map[int64]bool
	outcome  map[int64]store.CallOutcome // last call per worker for this job
	revealed map[int64]string
	sel      int

	// the walk-in
	found    []store.Worker
	worker   *store.JobRanking
	walkSel  int
	jobsSel  int
	walkJobs bool // the list shows the chosen worker's jobs

	// today's dispatches / follow-up
	list    []store.Dispatch
	listSel int
	cases   map[int64]bool // dispatches with an open rights case
	caseF   *caseform.Form // the rights case being opened from the selected dispatch

	// day plan
	planDate string
	plan     *store.DayPlan
	lines    []planLine
	planSel  int
	picking  int // plan line being changed, -1 when not
	picks    []smatch.Candidate
	pickSel  int
	pickInfo map[int64]store.Candidate

	// the question being asked
	prompt   prompt
	input    textinput.Model
	target   int64 // worker or dispatch the prompt is about
	pending  store.DispatchInput
	cancelBy string
	planFor  int    // plan line a dispatch prompt settles, -1 for none
	insurer  string // typed at promptInsurer, saved with the policy number
}

// New returns the Match screen.
func New(c *common.Common) common.Screen {
	ti := common.NewInput()
	ti.Prompt = ""
	ti.CharLimit = 200
	return &Model{c: c, input: ti, skipped: map[int64]bool{}, outcome: map[int64]store.CallOutcome{},
		revealed: map[int64]string{}, picking: -1, planFor: -1}
}

func (m *Model) Init() tea.Cmd { return nil }

func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.input.Width = max(w-30, 10)
}

func (m *Model) Capturing() bool { return m.prompt != promptNone || m.caseF != nil }

func (m *Model) Dirty() bool {
	if m.caseF != nil {
		return m.caseF.Dirty()
	}
	return m.prompt != promptNone && m.prompt != promptJob && m.prompt != promptSearch && m.prompt != promptDate && m.input.Value() != ""
}

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	if m.prompt != promptNone || m.caseF != nil {
		return []key.Binding{k.Select, k.Back}
	}
	switch m.view {
	case viewJob:
		return []key.Binding{k.MatchJob, k.MatchNoAnswer, k.MatchDecline, k.MatchAccept, k.MatchSkip, k.MatchToday, k.MatchWalkIn, k.MatchPlan}
	case viewWalkIn:
		return []key.Binding{k.MatchWalkIn, k.MatchDispatch, k.Back}
	case viewToday, viewFollowUp:
		return []key.Binding{k.MatchCheckIn, k.MatchDone, k.MatchPaid, k.MatchRate, k.MatchNoShow, k.MatchCancel, k.MatchDispute, k.RightsCase, k.MatchSlip, k.MatchFollowUp, k.Back}
	case viewPlan:
		if m.picking >= 0 {
			return []key.Binding{k.Select, k.Back}
		}
		return []key.Binding{k.PlanAccept, k.PlanChange, k.PlanDrop, k.PlanPrevDay, k.PlanNextDay, k.Back}
	}
	return nil
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.MatchJob, k.MatchWalkIn, k.MatchToday, k.MatchFollowUp, k.MatchPlan, k.Back},
		{k.MatchNoAnswer, k.MatchDecline, k.MatchAccept, k.MatchDispatch, k.MatchSkip, k.MatchReveal},
		{k.MatchCheckIn, k.MatchDone, k.MatchPaid, k.MatchRate, k.MatchNoShow, k.MatchCancel, k.MatchDispute, k.MatchResolve, k.RightsCase, k.MatchSlip},
		{k.PlanAccept, k.PlanChange, k.PlanDrop, k.PlanPrevDay, k.PlanNextDay},
	}
}

// ---- loading ----

func (m *Model) loadJob(id int64) tea.Cmd {
	m.req++
	req, s, ctx := m.req, m.c.Store, m.c.Ctx
	m.jobID, m.loading, m.loadErr = id, true, ""
	return tea.Batch(func() tea.Msg {
		r, err := s.RankForJob(ctx, id, candidateLimit)
		return rankedMsg{req: req, r: r, err: err}
	}, func() tea.Msg {
		calls, _ := s.Calls(ctx, id)
		return callsMsg{req: req, job: id, calls: calls}
	})
}

func (m *Model) loadList() tea.Cmd {
	m.req++
	req, s, ctx := m.req, m.c.Store, m.c.Ctx
	f := store.DispatchFilter{Day: s.Today()}
	if m.view == viewFollowUp {
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

func (m *Model) loadPlan() tea.Cmd {
	m.req++
	req, s, ctx, day := m.req, m.c.Store, m.c.Ctx, m.planDate
	m.loading = true
	return func() tea.Msg {
		p, err := s.PlanDay(ctx, day)
		return planMsg{req: req, p: p, err: err}
	}
}

func (m *Model) search(q string) tea.Cmd {
	m.req++
	req, s, ctx := m.req, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		ws, err := s.SearchWorkers(ctx, q, 30)
		return foundMsg{req: req, workers: ws, err: err}
	}
}

func (m *Model) loadJobsFor(worker int64) tea.Cmd {
	m.req++
	req, s, ctx := m.req, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		r, err := s.RankJobsForWorker(ctx, worker, 50)
		return jobsMsg{req: req, r: r, err: err}
	}
}

// reload fetches what the current view shows again, after a change anywhere.
func (m *Model) reload() tea.Cmd {
	switch m.view {
	case viewJob:
		if m.jobID != 0 {
			return m.loadJob(m.jobID)
		}
	case viewToday, viewFollowUp:
		return m.loadList()
	case viewWalkIn:
		if m.walkJobs && m.worker != nil {
			return m.loadJobsFor(m.worker.Worker.ID)
		}
	}
	return nil
}

// write runs one store change in a command and reports it; every screen reloads after.
func (m *Model) write(planLine int, fn func() (store.Dispatch, string, error)) tea.Cmd {
	return func() tea.Msg {
		d, text, err := fn()
		return doneMsg{text: text, err: err, dispatch: d, planLine: planLine}
	}
}

// ---- update ----

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.GotoMsg:
		if msg.Job != 0 {
			m.view, m.prompt = viewJob, promptNone
			m.skipped, m.revealed = map[int64]bool{}, map[int64]string{}
			m.sel = 0
			return m, m.loadJob(msg.Job)
		}
		return m, nil
	case common.ChangedMsg:
		return m, m.reload()
	case rankedMsg:
		if msg.req != m.req {
			return m, nil
		}
		m.loading = false
		if msg.err != nil {
			m.ranking, m.loadErr = nil, m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.ranking = &msg.r
		m.need = m.measureCandidates()
		m.sel = min(m.sel, max(len(m.visible())-1, 0))
		return m, nil
	case callsMsg:
		if msg.req != m.req || msg.job != m.jobID {
			return m, nil
		}
		m.outcome = map[int64]store.CallOutcome{}
		for _, c := range msg.calls {
			m.outcome[c.WorkerID] = c.Outcome
		}
		return m, nil
	case foundMsg:
		if msg.req != m.req {
			return m, nil
		}
		m.found, m.walkSel, m.walkJobs = msg.workers, 0, false
		if msg.err != nil {
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		return m, nil
	case jobsMsg:
		if msg.req != m.req {
			return m, nil
		}
		if msg.err != nil {
			m.walkJobs = false
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		m.worker, m.walkJobs = &msg.r, true
		m.jobsSel = min(m.jobsSel, max(len(msg.r.Candidates)-1, 0))
		return m, nil
	case listMsg:
		if msg.req != m.req {
			return m, nil
		}
		if msg.err != nil {
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		m.list, m.cases = msg.list, msg.cases
		m.listSel = min(m.listSel, max(len(m.list)-1, 0))
		return m, nil
	case planMsg:
		if msg.req != m.req {
			return m, nil
		}
		m.loading = false
		if msg.err != nil {
			m.plan = nil
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		m.plan = &msg.p
		jobs := map[int64]store.Job{}
		for _, j := range msg.p.Jobs {
			jobs[j.Job.ID] = j.Job
		}
		m.lines = m.lines[:0]
		for _, a := range msg.p.Proposal.Assignments {
			m.lines = append(m.lines, planLine{job: jobs[a.JobID], worker: a.WorkerID, score: a.Score})
		}
		m.planSel = 0
		return m, nil
	case pickMsg:
		if msg.req != m.req || msg.line != m.picking {
			return m, nil
		}
		if msg.err != nil {
			m.picking = -1
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		taken := map[int64]bool{}
		for i, l := range m.lines {
			if i != msg.line && l.state != "dropped" {
				taken[l.worker] = true
			}
		}
		m.picks = m.picks[:0]
		for _, c := range msg.r.Candidates {
			if !taken[c.WorkerID] {
				m.picks = append(m.picks, c)
			}
		}
		m.pickInfo, m.pickSel = msg.r.Workers, 0
		return m, nil
	case revealMsg:
		if msg.err != nil {
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		m.revealed[msg.worker] = msg.phone
		return m, nil
	case doneMsg:
		if msg.err != nil {
			if m.prompt == promptInsured {
				m.closePrompt() // a refused dispatch: nothing typed to keep
			}
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		if m.prompt != promptNone && m.prompt != promptPay {
			m.closePrompt()
		}
		if msg.planLine >= 0 && msg.planLine < len(m.lines) {
			m.lines[msg.planLine].state = "accepted"
		}
		return m, tea.Batch(common.Status(msg.text, false), func() tea.Msg { return common.ChangedMsg{} })
	case caseMsg:
		if m.caseF == nil {
			return m, nil
		}
		if msg.err != nil {
			m.caseF.SetError(msg.err) // at its field, with what was typed
			return m, nil
		}
		m.caseF = nil
		return m, tea.Batch(common.Status(m.c.T("rights.opened", msg.c.ID), false), func() tea.Msg { return common.ChangedMsg{} })
	case tea.KeyMsg:
		if m.caseF != nil {
			return m, m.caseKey(msg)
		}
		if m.prompt != promptNone {
			return m, m.promptKey(msg)
		}
		return m, m.key(msg)
	}
	return m, nil
}

// openCase opens the rights-case form for a dispatch; unpaid wages offer what is still owed.
func (m *Model) openCase(d store.Dispatch) tea.Cmd {
	owed := d.AgreedPayFen
	if d.Paid {
		owed = max(d.AgreedPayFen-d.PaidFen, 0)
	}
	about := m.c.T("rights.open.dispatch", d.ID, valid.MaskName(d.WorkerName), d.EmployerName)
	m.caseF = caseform.New(m.c, store.RightsCase{DispatchID: d.ID}, about, owed)
	m.caseF.SetWidth(m.width)
	return m.caseF.Focus()
}

// caseKey drives the rights-case form; Ctrl+S (or Enter on the last field) saves it.
func (m *Model) caseKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := m.caseF.Update(msg)
	switch res {
	case caseform.Cancel:
		m.caseF = nil
	case caseform.Submit:
		c, ok := m.caseF.Case()
		if !ok {
			return nil
		}
		s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
		return func() tea.Msg {
			c, err := s.OpenCase(ctx, staff, c)
			return caseMsg{c: c, err: err}
		}
	}
	return cmd
}

// ask opens the one-line prompt with value prefilled.
func (m *Model) ask(p prompt, value string) tea.Cmd {
	m.prompt = p
	m.input.SetValue(value)
	m.input.CursorEnd()
	return m.input.Focus()
}

func (m *Model) closePrompt() {
	m.prompt = promptNone
	m.input.Blur()
	m.input.SetValue("")
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.MatchJob):
		return m.ask(promptJob, "")
	case key.Matches(msg, k.MatchWalkIn):
		m.view, m.walkJobs = viewWalkIn, false
		return m.ask(promptSearch, "")
	case key.Matches(msg, k.MatchToday) && m.view != viewToday:
		m.view, m.listSel = viewToday, 0
		return m.loadList()
	case key.Matches(msg, k.MatchFollowUp):
		if m.view == viewFollowUp {
			m.view = viewToday
		} else {
			m.view = viewFollowUp
		}
		m.listSel = 0
		return m.loadList()
	case key.Matches(msg, k.MatchPlan) && m.view != viewPlan:
		m.view, m.picking = viewPlan, -1
		if m.planDate == "" {
			m.planDate = m.c.Clock().AddDate(0, 0, 1).Format(time.DateOnly)
		}
		return m.ask(promptDate, m.planDate)
	}
	switch m.view {
	case viewJob:
		return m.jobKey(msg)
	case viewWalkIn:
		return m.walkKey(msg)
	case viewToday, viewFollowUp:
		return m.listKey(msg)
	case viewPlan:
		return m.planKey(msg)
	}
	return nil
}

// move changes a selection by the arrow and page keys.
func (m *Model) move(msg tea.KeyMsg, sel *int, n int) bool {
	k := m.c.Keys
	page := max(m.rows(), 1)
	switch {
	case key.Matches(msg, k.Up):
		*sel = max(*sel-1, 0)
	case key.Matches(msg, k.Down):
		*sel = min(*sel+1, max(n-1, 0))
	case key.Matches(msg, k.PgUp):
		*sel = max(*sel-page, 0)
	case key.Matches(msg, k.PgDown):
		*sel = min(*sel+page, max(n-1, 0))
	default:
		return false
	}
	return true
}

// visible is the ranked candidates minus the ones skipped this time.
func (m *Model) visible() []smatch.Candidate {
	if m.ranking == nil {
		return nil
	}
	out := make([]smatch.Candidate, 0, len(m.ranking.Candidates))
	for _, c := range m.ranking.Candidates {
		if !m.skipped[c.WorkerID] {
			out = append(out, c)
		}
	}
	return out
}

func (m *Model) selected() (smatch.Candidate, bool) {
	v := m.visible()
	if m.sel < 0 || m.sel >= len(v) {
		return smatch.Candidate{}, false
	}
	return v[m.sel], true
}

func (m *Model) jobKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if m.move(msg, &m.sel, len(m.visible())) {
		return nil
	}
	if msg.Type == tea.KeyRunes && len(msg.Runes) > 0 && msg.Runes[0] >= '0' && msg.Runes[0] <= '9' {
		return m.ask(promptJob, string(msg.Runes)) // typing a number opens that job
	}
	c, ok := m.selected()
	if !ok {
		return nil
	}
	s, ctx, staff, job, w := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.jobID, c.WorkerID
	name := m.ranking.Workers[w].Name
	switch {
	case key.Matches(msg, k.MatchNoAnswer):
		m.outcome[w] = store.NoAnswer
		return m.write(-1, func() (store.Dispatch, string, error) {
			_, err := s.RecordCall(ctx, staff, job, w, store.NoAnswer, "")
			return store.Dispatch{}, m.c.T("match.status.no_answer", name), err
		})
	case key.Matches(msg, k.MatchDecline):
		m.target = w
		return m.ask(promptDecline, "")
	case key.Matches(msg, k.MatchAccept):
		m.outcome[w] = store.Accepted
		m.pending = store.DispatchInput{JobID: job, WorkerID: w}
		return tea.Batch(m.write(-1, func() (store.Dispatch, string, error) {
			_, err := s.RecordCall(ctx, staff, job, w, store.Accepted, "")
			return store.Dispatch{}, m.c.T("match.status.accepted", name), err
		}), m.ask(promptPay, valid.FormatYuan(m.ranking.Job.PayFen)))
	case key.Matches(msg, k.MatchDispatch):
		if m.outcome[w] != store.Accepted {
			return common.Status(m.c.T("match.need_accept"), true)
		}
		m.pending = store.DispatchInput{JobID: job, WorkerID: w}
		return m.ask(promptPay, valid.FormatYuan(m.ranking.Job.PayFen))
	case key.Matches(msg, k.MatchSkip):
		m.skipped[w] = true
		m.sel = min(m.sel, max(len(m.visible())-1, 0))
	case key.Matches(msg, k.MatchReveal):
		return func() tea.Msg {
			p, err := s.RevealWorker(ctx, staff, w, "phone")
			return revealMsg{worker: w, phone: p, err: err}
		}
	}
	return nil
}

func (m *Model) walkKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if !m.walkJobs {
		if m.move(msg, &m.walkSel, len(m.found)) {
			return nil
		}
		switch {
		case key.Matches(msg, k.Select) && m.walkSel < len(m.found):
			m.jobsSel = 0
			return m.loadJobsFor(m.found[m.walkSel].ID)
		case key.Matches(msg, k.Back):
			m.view = viewJob
		}
		return nil
	}
	if m.move(msg, &m.jobsSel, len(m.worker.Candidates)) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		m.walkJobs = false
	case (key.Matches(msg, k.MatchDispatch) || key.Matches(msg, k.Select)) && m.jobsSel < len(m.worker.Candidates):
		j := m.worker.Jobs[m.worker.Candidates[m.jobsSel].JobID]
		m.pending = store.DispatchInput{JobID: j.ID, WorkerID: m.worker.Worker.ID}
		return m.ask(promptPay, valid.FormatYuan(j.PayFen))
	}
	return nil
}

func (m *Model) selectedDispatch() (store.Dispatch, bool) {
	if m.listSel < 0 || m.listSel >= len(m.list) {
		return store.Dispatch{}, false
	}
	return m.list[m.listSel], true
}

func (m *Model) listKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if m.move(msg, &m.listSel, len(m.list)) {
		return nil
	}
	if key.Matches(msg, k.Back) {
		m.view = viewJob
		return nil
	}
	d, ok := m.selectedDispatch()
	if !ok {
		return nil
	}
	s, ctx, staff, id := m.c.Store, m.c.Ctx, m.c.Staff.ID, d.ID
	step := func(text string, fn func() (store.Dispatch, error)) tea.Cmd {
		return m.write(-1, func() (store.Dispatch, string, error) {
			d, err := fn()
			return d, m.c.T(text, id), err
		})
	}
	m.target = id
	switch {
	case key.Matches(msg, k.MatchCheckIn):
		return step("dispatch.status.checked_in", func() (store.Dispatch, error) { return s.CheckIn(ctx, staff, id) })
	case key.Matches(msg, k.MatchDone):
		return step("dispatch.status.done", func() (store.Dispatch, error) { return s.Done(ctx, staff, id) })
	case key.Matches(msg, k.MatchNoShow):
		return step("dispatch.status.no_show", func() (store.Dispatch, error) { return s.MarkNoShow(ctx, staff, id) })
	case key.Matches(msg, k.MatchPaid):
		return m.ask(promptPaid, valid.FormatYuan(d.AgreedPayFen))
	case key.Matches(msg, k.MatchRate):
		return m.ask(promptRate, "")
	case key.Matches(msg, k.MatchCancel):
		return m.ask(promptCancelBy, "")
	case key.Matches(msg, k.MatchDispute):
		return m.ask(promptDispute, "")
	case key.Matches(msg, k.MatchResolve):
		return m.ask(promptResolve, "")
	case key.Matches(msg, k.MatchSlip):
		return m.saveSlip(id)
	case key.Matches(msg, k.RightsCase):
		return m.openCase(d)
	}
	return nil
}

// saveSlip writes the dispatch slip beside the database and names the file in the footer.
func (m *Model) saveSlip(id int64) tea.Cmd {
	s, ctx, staff, cat := m.c.Store, m.c.Ctx, m.c.Staff, m.c.Cat
	st, rec := m.c.Settings, m.c.Records
	return func() tea.Msg {
		d, err := s.DispatchSlip(ctx, staff.ID, id)
		if err != nil {
			return doneMsg{err: err, planLine: -1}
		}
		text := slip.Slip{Station: st, Dispatch: d, Records: rec, Staff: staff.Name, Printed: s.Now()}.Text(cat)
		path := filepath.Join(slip.Dir(s.Path()), slip.FileName(cat, id))
		if err := slip.Save(path, text); err != nil {
			return doneMsg{err: &store.Error{Code: store.Invalid, Key: "slip.write", Detail: path, Err: err}, planLine: -1}
		}
		return doneMsg{text: cat.T("slip.saved", path), planLine: -1}
	}
}

func (m *Model) planKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if m.picking >= 0 {
		if m.move(msg, &m.pickSel, len(m.picks)) {
			return nil
		}
		switch {
		case key.Matches(msg, k.Back):
			m.picking = -1
		case key.Matches(msg, k.Select) && m.pickSel < len(m.picks):
			l := &m.lines[m.picking]
			l.worker, l.score, l.state = m.picks[m.pickSel].WorkerID, m.picks[m.pickSel].Score, "changed"
			m.picking = -1
		}
		return nil
	}
	if m.move(msg, &m.planSel, len(m.lines)) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		m.view = viewJob
		return nil
	case key.Matches(msg, k.PlanPrevDay), key.Matches(msg, k.PlanNextDay):
		d, err := time.ParseInLocation(time.DateOnly, m.planDate, m.c.Store.Location())
		if err != nil {
			return nil
		}
		step := 1
		if key.Matches(msg, k.PlanPrevDay) {
			step = -1
		}
		m.planDate = d.AddDate(0, 0, step).Format(time.DateOnly)
		return m.loadPlan()
	}
	if m.planSel >= len(m.lines) {
		return nil
	}
	l := &m.lines[m.planSel]
	if l.state == "accepted" {
		return common.Status(m.c.T("plan.already"), true)
	}
	switch {
	case key.Matches(msg, k.PlanAccept):
		if l.state == "dropped" {
			l.state = ""
			return nil
		}
		s, ctx, staff, line := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.planSel
		job, w := l.job.ID, l.worker
		return m.write(line, func() (store.Dispatch, string, error) {
			if _, err := s.RecordCall(ctx, staff, job, w, store.Accepted, ""); err != nil {
				return store.Dispatch{}, "", err
			}
			d, err := s.Dispatch(ctx, staff, store.DispatchInput{JobID: job, WorkerID: w})
			return d, m.c.T("dispatch.status.dispatched", d.ID, d.WorkerName, job), err
		})
	case key.Matches(msg, k.PlanChange):
		m.picking, m.picks = m.planSel, nil
		m.req++
		req, s, ctx, line, job := m.req, m.c.Store, m.c.Ctx, m.planSel, l.job.ID
		return func() tea.Msg {
			r, err := s.RankForJob(ctx, job, 30)
			return pickMsg{req: req, line: line, r: r, err: err}
		}
	case key.Matches(msg, k.PlanDrop):
		l.state = "dropped"
	}
	return nil
}

// promptKey handles typing into the prompt; Enter (or Ctrl+S) answers it, Esc leaves it.
func (m *Model) promptKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	p := m.prompt
	if key.Matches(msg, k.Back) {
		m.closePrompt()
		if p == promptSearch && len(m.found) == 0 && m.view == viewWalkIn {
			m.view = viewJob
		}
		return nil
	}
	if p == promptInsured || p == promptCancelBy {
		return m.choiceKey(msg)
	}
	if !key.Matches(msg, k.Select) && !key.Matches(msg, k.Save) {
		var cmd tea.Cmd
		m.input, cmd = m.input.Update(msg)
		if p == promptSearch && strings.TrimSpace(m.input.Value()) != "" {
			return tea.Batch(cmd, m.search(m.input.Value()))
		}
		return cmd
	}
	val := strings.TrimSpace(m.input.Value())
	s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
	id := m.target
	switch p {
	case promptJob:
		n, err := strconv.ParseInt(normaliseDigits(val), 10, 64)
		if err != nil || n <= 0 {
			return common.Status(m.c.T("match.err.job_number"), true)
		}
		m.closePrompt()
		m.view, m.sel = viewJob, 0
		m.skipped, m.revealed = map[int64]bool{}, map[int64]string{}
		return m.loadJob(n)
	case promptSearch:
		m.closePrompt()
		return nil
	case promptDate:
		if _, _, err := s.DayRange(val); err != nil {
			return common.Status(m.c.Cat.Err(err), true)
		}
		m.closePrompt()
		m.planDate = val
		return m.loadPlan()
	case promptDecline:
		// the prompt stays open, with what was typed, until the store accepts it
		m.outcome[id] = store.Declined
		job := m.jobID
		return m.write(-1, func() (store.Dispatch, string, error) {
			_, err := s.RecordCall(ctx, staff, job, id, store.Declined, val)
			return store.Dispatch{}, m.c.T("match.status.declined"), err
		})
	case promptPay:
		fen, prob := valid.ParseYuan(val)
		if prob == nil {
			prob = valid.PayFen(fen)
		}
		if prob != nil {
			return common.Status(m.c.Cat.Err(prob), true) // the prompt stays open with what was typed
		}
		m.pending.AgreedPayFen = fen
		m.prompt = promptInsured
		m.input.Blur()
		return nil
	case promptInsurer:
		v, prob := valid.Text("insurer", val, 40)
		if prob != nil {
			return common.Status(m.c.Cat.Err(prob), true) // the prompt keeps what was typed
		}
		m.insurer = v
		return m.ask(promptPolicy, "")
	case promptPolicy:
		v, prob := valid.Text("policy_no", val, 40)
		if prob != nil {
			return common.Status(m.c.Cat.Err(prob), true)
		}
		m.closePrompt()
		return m.dispatch(m.insurer, v)
	case promptPaid:
		fen, prob := valid.ParseYuan(val)
		if prob != nil {
			return common.Status(m.c.Cat.Err(prob), true)
		}
		return m.write(-1, func() (store.Dispatch, string, error) {
			d, err := s.Pay(ctx, staff, id, fen)
			return d, m.c.T("dispatch.status.paid", id, m.c.Cat.Money(fen)), err
		})
	case promptRate:
		wr, er, ok := parseRatings(val)
		if !ok {
			return common.Status(m.c.T("err.dispatch.rating"), true)
		}
		return m.write(-1, func() (store.Dispatch, string, error) {
			d, err := s.Rate(ctx, staff, id, wr, er)
			return d, m.c.T("dispatch.status.rated", id), err
		})
	case promptCancel:
		if val == "" {
			return common.Status(m.c.T("err.dispatch.reason_needed"), true)
		}
		by := m.cancelBy
		return m.write(-1, func() (store.Dispatch, string, error) {
			d, err := s.Cancel(ctx, staff, id, by, val)
			return d, m.c.T("dispatch.status.cancelled", id), err
		})
	case promptDispute:
		if val == "" {
			return common.Status(m.c.T("err.dispatch.note_needed"), true)
		}
		return m.write(-1, func() (store.Dispatch, string, error) {
			d, err := s.Dispute(ctx, staff, id, val)
			return d, m.c.T("dispatch.status.disputed", id), err
		})
	case promptResolve:
		return m.write(-1, func() (store.Dispatch, string, error) {
			d, err := s.ResolveDispute(ctx, staff, id, val)
			return d, m.c.T("dispatch.status.resolved", id), err
		})
	}
	return nil
}

// choiceKey answers the single-key questions: insured (y/n) and who cancels (w/e/s).
func (m *Model) choiceKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	if m.prompt == promptCancelBy {
		switch msg.String() {
		case "w", "W":
			m.cancelBy = store.ByWorker
		case "e", "E":
			m.cancelBy = store.ByEmployer
		case "s", "S":
			m.cancelBy = store.ByStation
		default:
			return nil
		}
		return m.ask(promptCancel, "")
	}
	switch {
	case key.Matches(msg, k.Yes):
		// insured: the provider and policy number next, each optional
		m.pending.Insured, m.insurer = true, ""
		return m.ask(promptInsurer, "")
	case msg.String() == "n" || msg.String() == "N":
	default:
		return nil
	}
	m.pending.Insured = false
	m.closePrompt()
	return m.dispatch("", "")
}

// dispatch saves the pending dispatch, then its insurer and policy number when given.
func (m *Model) dispatch(insurer, policy string) tea.Cmd {
	in := m.pending
	s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
	return m.write(-1, func() (store.Dispatch, string, error) {
		d, err := s.Dispatch(ctx, staff, in)
		if err != nil {
			return d, "", err
		}
		text := m.c.T("dispatch.status.dispatched", d.ID, d.WorkerName, in.JobID)
		if insurer != "" || policy != "" {
			if d, err = s.SetInsurance(ctx, staff, d.ID, true, insurer, policy); err != nil {
				return d, "", err
			}
			text += "  " + m.c.T("ins.saved", d.ID)
		}
		return d, text, nil
	})
}

// parseRatings reads "5 4" (worker, employer) or "5" (worker only); "-" skips one side.
func parseRatings(s string) (worker, employer int, ok bool) {
	f := strings.Fields(strings.NewReplacer(",", " ", "，", " ", "/", " ").Replace(normaliseDigits(s)))
	if len(f) == 0 || len(f) > 2 {
		return 0, 0, false
	}
	vals := [2]int{}
	for i, x := range f {
		if x == "-" {
			continue
		}
		n, err := strconv.Atoi(x)
		if err != nil || n < 1 || n > 5 {
			return 0, 0, false
		}
		vals[i] = n
	}
	return vals[0], vals[1], vals[0] != 0 || vals[1] != 0
}

// normaliseDigits folds full-width digits typed with a Chinese input method.
func normaliseDigits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '０' && r <= '９' {
			return r - '０' + '0'
		}
		return r
	}, strings.TrimSpace(s))
}

// ---- view ----

// rows is how many list rows fit in the body with the view's header and detail pane.
func (m *Model) rows() int {
	switch m.view {
	case viewJob:
		if m.wide() {
			return m.height - 4
		}
		return m.height - 8
	case viewToday, viewFollowUp:
		if m.caseF != nil {
			return max(m.height-12, 1) // the case form sits under the list
		}
	}
	return m.height - 4
}

// wide is true when the detail pane fits beside the list.
func (m *Model) wide() bool { return m.width >= 130 }

func (m *Model) View() string {
	var body string
	switch m.view {
	case viewJob:
		body = m.jobView()
	case viewWalkIn:
		body = m.walkView()
	case viewToday, viewFollowUp:
		body = m.listView()
	case viewPlan:
		body = m.planView()
	}
	if m.prompt != promptNone {
		body += "\n" + m.promptView()
	}
	if m.caseF != nil {
		body += "\n" + m.caseF.View(m.width)
	}
	return body
}

func (m *Model) promptView() string {
	st := m.c.Styles
	label := m.c.T(map[prompt]string{
		promptJob: "match.ask.job", promptDecline: "match.ask.decline", promptPay: "match.ask.pay",
		promptInsured: "match.ask.insured", promptPaid: "dispatch.ask.paid", promptRate: "dispatch.ask.rate",
		promptCancelBy: "dispatch.ask.cancel_by", promptCancel: "dispatch.ask.cancel", promptDispute: "dispatch.ask.dispute",
		promptResolve: "dispatch.ask.resolve", promptSearch: "match.ask.search", promptDate: "plan.ask.date",
		promptInsurer: "ins.ask.insurer", promptPolicy: "ins.ask.policy",
	}[m.prompt])
	if m.prompt == promptInsured || m.prompt == promptCancelBy {
		return st.Label.Render(label)
	}
	return st.Label.Render(label) + " " + m.input.View()
}

// window is the slice of n rows to draw so that sel is visible.
func window(sel, n, rows int) (int, int) {
	rows = max(rows, 1)
	top := max(min(sel-rows/2, n-rows), 0)
	return top, min(top+rows, n)
}

func (m *Model) jobLine(j store.Job) string {
	return m.c.T("match.job_line", j.ID, m.c.Cat.TradeName(m.c.Records, j.TradeID), m.c.Cat.When(j.StartsAt.In(m.c.Store.Location()), m.c.Clock()),
		m.c.Cat.Duration(j.Duration), m.c.Records.PlaceName(j.CommunityID), m.c.Cat.Pay(j.PayFen, j.PayUnit))
}

func (m *Model) jobView() string {
	st := m.c.Styles
	if m.jobID == 0 {
		return lipgloss.NewStyle().Padding(1, 2).Render(st.Title.Render(m.c.T("match.title")) + "\n\n" +
			lipgloss.NewStyle().Width(max(m.width-6, 20)).Render(m.c.T("match.intro")))
	}
	if m.loadErr != "" {
		return st.Error.Render(m.c.T("match.job_no", m.jobID) + "  " + m.loadErr)
	}
	if m.ranking == nil {
		return st.Subtle.Render(m.c.T("status.loading"))
	}
	r := m.ranking
	j := r.Job
	head := st.Title.Render(m.jobLine(j))
	fill := m.c.T("match.filled", j.Filled, j.Headcount, m.c.T("match.status."+string(j.Status)))
	if j.Status == store.JobFilled {
		fill = st.Good.Render(fill)
	} else if !j.Open() {
		fill = st.Warning.Render(fill)
	}
	head += "\n" + fill + "  " + st.Subtle.Render(m.c.T("match.pool", len(r.Candidates), r.Pool))
	cands := m.visible()
	listW := m.width
	if m.wide() {
		listW = m.width - 44
	}
	cols := m.candColumns(listW)
	lines := []string{m.candHeader(listW, cols)}
	if len(cands) == 0 {
		lines = append(lines, st.Subtle.Render(m.c.T("match.none")))
	}
	top, end := window(m.sel, len(cands), m.rows())
	for i := top; i < end; i++ {
		row := m.candRow(i, cands[i], listW, cols)
		if i == m.sel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	list := strings.Join(lines, "\n")
	detail := ""
	if c, ok := m.selected(); ok {
		detail = m.detail(c)
	}
	if m.wide() {
		return head + "\n" + lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(listW).Render(list), st.Box.Width(40).Render(detail))
	}
	for len(lines) < m.rows()+1 {
		lines = append(lines, "")
	}
	return head + "\n" + strings.Join(lines, "\n") + "\n" + detail
}

// candCols are the widths of the candidate list's name, trades and community columns.
type candCols struct{ name, trades, place int }

// candBase is the columns at 80 cells, and candMost the most a wide list gives each.
var (
	candBase = candCols{name: 7, trades: 10, place: 10}
	candMost = candCols{name: 14, trades: 40, place: 24}
)

// candColumns shares what a list wider than 80 cells has beyond them: names and trades first
// (up to what the candidates need), then the community; the reason keeps the rest.
func (m *Model) candColumns(w int) candCols {
	cols := candBase
	spare := max(w-80, 0)
	grow := func(col *int, need int) {
		add := min(max(need-*col, 0), spare)
		*col += add
		spare -= add
	}
	grow(&cols.name, m.need.name)
	grow(&cols.trades, m.need.trades)
	grow(&cols.place, m.need.place)
	return cols
}

// measureCandidates is how wide the ranking's names (with the present and call marks), trades
// and communities are, each capped at candMost; it runs when a ranking arrives, not in View.
func (m *Model) measureCandidates() candCols {
	var need candCols
	for _, c := range m.ranking.Candidates {
		info := m.ranking.Workers[c.WorkerID]
		need.name = max(need.name, lipgloss.Width(valid.MaskName(info.Name))+2)
		need.trades = max(need.trades, lipgloss.Width(m.candTrades(info)))
		need.place = max(need.place, lipgloss.Width(m.c.Records.PlaceName(info.CommunityID)))
	}
	need.name = min(need.name, candMost.name)
	need.trades = min(need.trades, candMost.trades)
	need.place = min(need.place, candMost.place)
	return need
}

func (m *Model) candTrades(info store.Candidate) string {
	var trades []string
	for _, t := range info.Trades {
		trades = append(trades, m.c.Cat.TradeName(m.c.Records, t.TradeID))
	}
	return strings.Join(trades, "/")
}

func (m *Model) candHeader(w int, cols candCols) string {
	h := common.Cell("#", 3) + " " + common.Cell(m.c.T("match.col.name"), cols.name) + " " + common.Cell(m.c.T("match.col.trades"), cols.trades) + " " +
		common.Cell(m.c.T("match.col.place"), cols.place) + " " + common.Cell(m.c.T("match.col.idle"), 5) + " " + common.Cell(m.c.T("match.col.reliable"), 5) + " " +
		common.Cell(m.c.T("match.col.score"), 16) + " " + m.c.T("match.col.reason")
	return m.c.Styles.Label.Render(ansi.Truncate(h, w, "…"))
}

func (m *Model) candRow(i int, c smatch.Candidate, w int, cols candCols) string {
	st := m.c.Styles
	info := m.ranking.Workers[c.WorkerID]
	present := " "
	if info.Match.PresentToday {
		present = "●"
	}
	name := present + valid.MaskName(info.Name)
	switch m.outcome[c.WorkerID] {
	case store.NoAnswer:
		name += "?"
	case store.Declined:
		name += "×"
	case store.Accepted:
		name += "✓"
	}
	rel := m.reliability(c, info)
	bar := m.bar(c.Score, m.maxScore(), 10) + fmt.Sprintf(" %3d", c.Score)
	row := common.Cell(fmt.Sprint(i+1), 3) + " " + common.Cell(name, cols.name) + " " + common.Cell(m.candTrades(info), cols.trades) + " " +
		common.Cell(m.c.Records.PlaceName(info.CommunityID), cols.place) + " " + common.Cell(m.c.T("match.days", info.IdleDays), 5) + " " + common.Cell(rel, 5) + " " +
		common.Cell(st.Bar.Render(bar), 16) + " " + m.reason(c, info)
	return ansi.Truncate(row, w, "…")
}

// maxScore is the most any candidate can score with the station's weights.
func (m *Model) maxScore() int {
	wt := m.ranking.Weights
	return wt.Trade + wt.Experience + wt.Present + wt.Distance + wt.Pay + wt.Reliability + wt.Rotation + wt.Priority + wt.Requested
}

func (m *Model) bar(v, most, cells int) string {
	if most <= 0 {
		return strings.Repeat("░", cells)
	}
	n := min(max(v*cells/most, 0), cells)
	return strings.Repeat("█", n) + strings.Repeat("░", cells-n)
}

// reliability shows the completion rate, or "new" before there is a record to judge.
func (m *Model) reliability(c smatch.Candidate, info store.Candidate) string {
	if info.Match.Dispatches < smatch.MinDispatchesForRecord {
		return m.c.T("match.new")
	}
	return fmt.Sprintf("%d%%", 100*info.Match.Completed/info.Match.Dispatches)
}

func points(c smatch.Candidate, key string) int {
	for _, f := range c.Factors {
		if f.Key == key {
			return f.Points
		}
	}
	return 0
}

// reason is the one line saying why this worker ranks where they do.
func (m *Model) reason(c smatch.Candidate, info store.Candidate) string {
	wt := m.ranking.Weights
	var parts []string
	if c.Requested {
		parts = append(parts, m.c.T("match.why.requested"))
	}
	if c.Related {
		parts = append(parts, m.c.T("match.why.related"))
	}
	switch d := points(c, smatch.KeyDistance); {
	case wt.Distance > 0 && d == wt.Distance:
		parts = append(parts, m.c.T("match.why.community"))
	case wt.Distance > 0 && d == wt.Distance*2/3 && d > 0:
		parts = append(parts, m.c.T("match.why.subdistrict"))
	}
	if points(c, smatch.KeyPresent) > 0 {
		parts = append(parts, m.c.T("match.why.present"))
	}
	if info.IdleDays >= 7 {
		parts = append(parts, m.c.T("match.why.idle", info.IdleDays))
	}
	if points(c, smatch.KeyPriority) > 0 {
		parts = append(parts, m.c.T("match.why.priority"))
	}
	if wt.Pay > 0 && points(c, smatch.KeyPay) == 0 {
		parts = append(parts, m.c.T("match.why.pay_low"))
	}
	if info.Match.DispatchesLast7 >= 3 {
		parts = append(parts, m.c.T("match.why.busy_week", info.Match.DispatchesLast7))
	}
	if len(parts) == 0 {
		parts = append(parts, m.c.T("match.why.trade"))
	}
	return strings.Join(parts, "·")
}

// detail is every factor's points for the selected candidate, with their phone if revealed.
func (m *Model) detail(c smatch.Candidate) string {
	st := m.c.Styles
	info := m.ranking.Workers[c.WorkerID]
	wt := m.ranking.Weights
	most := map[string]int{smatch.KeyTrade: wt.Trade, smatch.KeyExperience: wt.Experience, smatch.KeyPresent: wt.Present,
		smatch.KeyDistance: wt.Distance, smatch.KeyPay: wt.Pay, smatch.KeyReliability: wt.Reliability,
		smatch.KeyRotation: wt.Rotation, smatch.KeyPriority: wt.Priority, smatch.KeyRequested: wt.Requested}
	phone := valid.MaskPhone(info.Phone)
	if p, ok := m.revealed[c.WorkerID]; ok {
		phone = p
	}
	head := st.Label.Render(m.c.T("match.detail", c.WorkerID, valid.MaskName(info.Name), phone, c.Score))
	var parts []string
	for _, f := range c.Factors {
		parts = append(parts, fmt.Sprintf("%s %d/%d", m.c.T("match.factor."+f.Key), f.Points, most[f.Key]))
	}
	if m.wide() {
		return head + "\n" + strings.Join(parts, "\n") + "\n" + st.Subtle.Render(m.reason(c, info))
	}
	half := (len(parts) + 1) / 2
	return head + "\n" + ansi.Truncate(strings.Join(parts[:half], "  "), m.width, "…") + "\n" + ansi.Truncate(strings.Join(parts[half:], "  "), m.width, "…")
}

func (m *Model) walkView() string {
	st := m.c.Styles
	title := st.Title.Render(m.c.T("match.walkin.title"))
	if !m.walkJobs {
		lines := []string{title, st.Subtle.Render(m.c.T("match.walkin.intro"))}
		top, end := window(m.walkSel, len(m.found), m.rows()-1)
		for i := top; i < end; i++ {
			w := m.found[i]
			var trades []string
			for _, t := range w.Trades {
				trades = append(trades, m.c.Cat.TradeName(m.c.Records, t.TradeID))
			}
			row := common.Cell(fmt.Sprint(w.ID), 7) + " " + common.Cell(valid.MaskName(w.Name), 8) + " " + common.Cell(valid.MaskPhone(w.Phone), 12) + " " +
				common.Cell(strings.Join(trades, "/"), 16) + " " + common.Cell(m.c.Records.PlaceName(w.CommunityID), 12) + " " + m.c.T("match.worker_status."+string(w.Status))
			row = ansi.Truncate(row, m.width, "…")
			if i == m.walkSel {
				row = st.RowActive.Render(row)
			}
			lines = append(lines, row)
		}
		return strings.Join(lines, "\n")
	}
	r := m.worker
	lines := []string{title + "  " + st.Label.Render(m.c.T("match.walkin.for", r.Worker.ID, valid.MaskName(r.Worker.Name)))}
	if len(r.Candidates) == 0 {
		lines = append(lines, st.Subtle.Render(m.c.T("match.walkin.none")))
	}
	top, end := window(m.jobsSel, len(r.Candidates), m.rows()-1)
	for i := top; i < end; i++ {
		jc := r.Candidates[i]
		j := r.Jobs[jc.JobID]
		row := common.Cell(fmt.Sprint(i+1), 3) + " " + common.Cell(m.jobLine(j), max(m.width-24, 30)) + " " +
			st.Bar.Render(m.bar(jc.Score, m.maxWeights(), 10)) + fmt.Sprintf(" %3d", jc.Score) +
			"  " + m.c.T("match.filled_short", j.Filled, j.Headcount)
		row = ansi.Truncate(row, m.width, "…")
		if i == m.jobsSel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

// maxWeights is the top score with the station's weights, for bars outside a job's ranking.
func (m *Model) maxWeights() int {
	wt, err := store.ParseWeights(m.c.Settings.MatchWeights)
	if err != nil {
		wt = smatch.DefaultWeights()
	}
	return wt.Trade + wt.Experience + wt.Present + wt.Distance + wt.Pay + wt.Reliability + wt.Rotation + wt.Priority + wt.Requested
}

func (m *Model) listView() string {
	st := m.c.Styles
	title := m.c.T("dispatch.today.title", len(m.list))
	if m.view == viewFollowUp {
		title = m.c.T("dispatch.followup.title", len(m.list))
	}
	lines := []string{st.Title.Render(title)}
	hdr := common.Cell("#", 6) + " " + common.Cell(m.c.T("dispatch.col.time"), 11) + " " + common.Cell(m.c.T("match.col.trades"), 8) + " " +
		common.Cell(m.c.T("match.col.name"), 7) + " " + common.Cell(m.c.T("dispatch.col.employer"), 10) + " " + common.Cell(m.c.T("dispatch.col.status"), 8) + " " +
		common.Cell(m.c.T("dispatch.col.pay"), 12) + " " + m.c.T("dispatch.col.notes")
	lines = append(lines, st.Label.Render(ansi.Truncate(hdr, m.width, "…")))
	if len(m.list) == 0 {
		lines = append(lines, st.Subtle.Render(m.c.T("dispatch.none")))
	}
	loc := m.c.Store.Location()
	top, end := window(m.listSel, len(m.list), m.rows()-1)
	for i := top; i < end; i++ {
		d := m.list[i]
		pay := m.c.Cat.Money(d.AgreedPayFen)
		if d.Paid {
			pay = m.c.T("dispatch.paid_short", m.c.Cat.Money(d.PaidFen))
		}
		var notes []string
		if d.Insured {
			notes = append(notes, m.c.T("dispatch.insured"))
		}
		if d.WorkerRating > 0 || d.EmployerRating > 0 {
			notes = append(notes, m.c.T("dispatch.ratings", d.WorkerRating, d.EmployerRating))
		}
		if d.Disputed && d.DisputeResolvedAt.IsZero() {
			notes = append(notes, st.Urgent.Render(m.c.T("dispatch.dispute_open")))
		}
		if d.Status == store.DoneStatus && !d.Paid {
			notes = append(notes, st.Warning.Render(m.c.T("dispatch.unpaid")))
		}
		if m.cases[d.ID] {
			notes = append(notes, st.Urgent.Render(m.c.T("rights.mark")))
		}
		if d.CancelReason != "" {
			notes = append(notes, d.CancelReason)
		}
		row := common.Cell(fmt.Sprint(d.ID), 6) + " " + common.Cell(m.c.Cat.When(d.StartsAt.In(loc), m.c.Clock()), 11) + " " + common.Cell(m.c.Cat.TradeName(m.c.Records, d.TradeID), 8) + " " +
			common.Cell(valid.MaskName(d.WorkerName), 7) + " " + common.Cell(d.EmployerName, 10) + " " + common.Cell(m.c.T("dispatch.state."+string(d.Status)), 8) + " " +
			common.Cell(pay, 12) + " " + strings.Join(notes, " ")
		row = ansi.Truncate(row, m.width, "…")
		if i == m.listSel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) planView() string {
	st := m.c.Styles
	if m.plan == nil {
		msg := m.c.T("plan.intro")
		if m.loading {
			msg = m.c.T("status.loading")
		}
		return st.Title.Render(m.c.T("plan.title", m.planDate)) + "\n" + st.Subtle.Render(msg)
	}
	if m.picking >= 0 {
		return m.pickView()
	}
	need := 0
	for _, j := range m.plan.Jobs {
		need += j.Remaining
	}
	lines := []string{st.Title.Render(m.c.T("plan.title", m.plan.Date)) + "  " +
		st.Subtle.Render(m.c.T("plan.summary", len(m.plan.Jobs), need, len(m.lines), m.plan.Proposal.Total, len(m.plan.Pool.Workers)))}
	if len(m.lines) == 0 {
		lines = append(lines, st.Subtle.Render(m.c.T("plan.none")))
	}
	loc := m.c.Store.Location()
	top, end := window(m.planSel, len(m.lines), m.rows()-1)
	for i := top; i < end; i++ {
		l := m.lines[i]
		name := fmt.Sprint(l.worker)
		if w, ok := m.plan.Workers[l.worker]; ok {
			name = fmt.Sprintf("%d %s", l.worker, valid.MaskName(w.Name))
		} else if c, ok := m.pickInfo[l.worker]; ok {
			name = fmt.Sprintf("%d %s", l.worker, valid.MaskName(c.Name))
		}
		state := ""
		if l.state != "" {
			state = m.c.T("plan.state." + l.state)
		}
		row := common.Cell(fmt.Sprint(l.job.ID), 6) + " " + common.Cell(m.c.Cat.TradeName(m.c.Records, l.job.TradeID), 8) + " " + common.Cell(l.job.StartsAt.In(loc).Format("15:04"), 6) + " " +
			common.Cell(m.c.Records.PlaceName(l.job.CommunityID), 12) + " " + common.Cell(m.c.T("plan.worker", name), 16) + " " + common.Cell(fmt.Sprintf("%3d", l.score), 4) + " " + state
		row = ansi.Truncate(row, m.width, "…")
		switch {
		case i == m.planSel:
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

func (m *Model) pickView() string {
	st := m.c.Styles
	l := m.lines[m.picking]
	lines := []string{st.Title.Render(m.c.T("plan.pick", l.job.ID, m.c.Cat.TradeName(m.c.Records, l.job.TradeID)))}
	if m.picks == nil {
		lines = append(lines, st.Subtle.Render(m.c.T("status.loading")))
	}
	top, end := window(m.pickSel, len(m.picks), m.rows()-1)
	for i := top; i < end; i++ {
		c := m.picks[i]
		info := m.pickInfo[c.WorkerID]
		row := common.Cell(fmt.Sprint(i+1), 3) + " " + common.Cell(fmt.Sprint(c.WorkerID), 7) + " " + common.Cell(valid.MaskName(info.Name), 8) + " " +
			common.Cell(m.c.Records.PlaceName(info.CommunityID), 12) + " " + fmt.Sprintf("%3d", c.Score)
		row = ansi.Truncate(row, m.width, "…")
		if i == m.pickSel {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}
