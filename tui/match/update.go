package match

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// Update hands each message to the pane that asked for it, and keys to the open form, the
// open question, the screen's own keys or the current pane, in that order.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case common.ShownMsg:
		if m.view == viewJob && m.job.jobID == 0 && m.c.LastJob != 0 && m.q == nil {
			m.q = nil
			return m, m.job.open(m.c.LastJob) // the job just taken on the phone, ready to call
		}
		return m, nil
	case common.GotoMsg:
		if msg.Job != 0 {
			m.show(viewJob)
			m.q = nil
			return m, m.job.open(msg.Job)
		}
		return m, nil
	case common.ChangedMsg:
		return m, m.pane().reload()
	case common.StationChangedMsg:
		if m.view == viewJob { // another desk's change, or a request at the terminal, on this job's list
			return m, m.job.reload()
		}
		return m, nil
	case rankedMsg, callsMsg, revealMsg:
		return m, m.job.update(msg)
	case foundMsg, jobsMsg:
		return m, m.walk.update(msg)
	case listMsg, caseMsg:
		return m, m.list.update(msg)
	case planMsg, pickMsg:
		return m, m.plan.update(msg)
	case doneMsg:
		return m, m.done(msg)
	case defaultsMsg:
		return m, m.defaulted(msg)
	case planAllMsg:
		return m, m.plan.acceptedAll(msg)
	case tea.MouseMsg:
		if m.q != nil || m.list.caseF != nil {
			return m, nil // a question or the case form is open: the list under it stays
		}
		return m, m.pane().mouse(msg)
	case tea.KeyMsg:
		if m.list.caseF != nil {
			return m, m.list.caseKey(msg)
		}
		if m.q != nil {
			return m, m.questionKey(msg)
		}
		return m, m.key(msg)
	}
	return m, nil
}

// done reports one write. A refusal leaves the question open with what was typed (a refused
// dispatch drops insured?, which holds nothing typed); success closes it, except the pay that
// is asked while the accepted call is being saved.
func (m *Model) done(msg doneMsg) tea.Cmd {
	// a write answers the question open when it was made; a question asked since (the pay,
	// asked while the accepted call is saved; insured?, asked while a slow save runs) stays
	mine := m.q != nil && m.q == msg.asked
	if msg.err != nil {
		if mine && m.q.dropOnRefusal {
			m.q = nil
		}
		return common.Status(m.c.Cat.Err(msg.err), true)
	}
	if mine && !m.q.keepOnDone {
		m.q = nil
	}
	m.plan.settled(msg.planLine)
	if msg.dispatch.ID != 0 && msg.dispatch.JobID == m.job.jobID {
		m.job.made = msg.dispatch.ID
	}
	return tea.Batch(common.Status(msg.text, false), func() tea.Msg { return common.ChangedMsg{} })
}

// key is the screen's own keys, which switch views from any of them, then the pane's.
func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.MatchJob):
		return m.askJob("")
	case key.Matches(msg, k.MatchWalkIn):
		m.show(viewWalkIn)
		m.walk.walkJobs = false
		return m.askSearch()
	case key.Matches(msg, k.MatchToday) && m.view != viewToday:
		m.show(viewToday)
		m.list.sel = 0
		return m.list.load()
	case key.Matches(msg, k.MatchFollowUp):
		if m.view == viewFollowUp {
			m.show(viewToday)
		} else {
			m.show(viewFollowUp)
		}
		m.list.sel = 0
		return m.list.load()
	case key.Matches(msg, k.MatchPlan) && m.view != viewPlan:
		m.show(viewPlan)
		m.plan.picking = -1
		if m.plan.date == "" {
			m.plan.date = m.defaultPlanDate()
		}
		return m.askDate(m.plan.date)
	case m.view == viewJob && isDigit(msg):
		return m.askJob(string(msg.Runes)) // typing a number opens that job
	case key.Matches(msg, k.Back):
		if !m.pane().back() {
			m.show(viewJob)
		}
		return nil
	}
	return m.pane().key(msg)
}

func isDigit(msg tea.KeyMsg) bool {
	return msg.Type == tea.KeyRunes && len(msg.Runes) > 0 && msg.Runes[0] >= '0' && msg.Runes[0] <= '9'
}

// move changes a selection by the arrow and page keys; rows is the pane's page.
func (d *shared) move(msg tea.KeyMsg, sel *int, n, rows int) bool {
	k := d.c.Keys
	page := max(rows, 1)
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
