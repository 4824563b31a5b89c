package jobs

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// action is what a key does to the selected job: open it on Match, edit it, ask before it is
// cancelled or expired, or reveal its employer's phone.
func (m *Model) action(km tea.KeyMsg, j store.JobListing) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(km, k.Select):
		return common.Goto(common.PageMatch, j.ID)
	case key.Matches(km, k.JobEdit):
		if !j.Open() && j.Status != store.JobFilled {
			return common.Status(m.c.T("err.job.closed"), true)
		}
		m.asked++
		return loadEdit(m.c, m.asked, j.ID)
	case key.Matches(km, k.JobCancel), key.Matches(km, k.JobExpire):
		if closedStatus(j.Status) {
			return common.Status(m.c.T("err.job.closed"), true)
		}
		if key.Matches(km, k.JobCancel) {
			return m.prompt.open(store.JobCancelled)
		}
		return m.prompt.open(store.JobExpired)
	case key.Matches(km, k.JobReveal):
		m.asked++
		return revealPhone(m.c, m.asked, j.EmployerID)
	}
	return nil
}

// editLoaded opens the form on the job loaded for editing.
func (m *Model) editLoaded(msg editLoadedMsg) tea.Cmd {
	if msg.seq != m.asked {
		return nil
	}
	if msg.err != nil {
		return common.Status(m.c.Cat.Err(msg.err), true)
	}
	return m.openForm(editForm(m.c, msg.employer, msg.job))
}

// revealed shows the phone asked for until the selection moves.
func (m *Model) revealed(msg revealedMsg) tea.Cmd {
	if msg.seq != m.asked {
		return nil
	}
	if msg.err != nil {
		return common.Status(m.c.Cat.Err(msg.err), true)
	}
	m.list.revealed = map[int64]string{msg.employer: msg.phone}
	return nil
}

// closed says the job was cancelled or expired and tells the other screens.
func (m *Model) closed(msg closedMsg) tea.Cmd {
	if msg.err != nil {
		return common.Status(m.c.Cat.Err(msg.err), true)
	}
	return tea.Batch(common.Status(m.c.T("jobs.closed."+string(msg.status), msg.id), false),
		func() tea.Msg { return common.ChangedMsg{} })
}

// saved closes the form, keeps the card to read back and tells the other screens.
func (m *Model) saved(j store.Job) tea.Cmd {
	edited := m.form.edit.ID != 0
	m.form = nil
	now := m.c.Clock()
	trade := m.c.Cat.TradeName(m.c.Records, j.TradeID)
	card := m.c.T("jobs.card", j.ID, m.c.Cat.When(j.StartsAt.In(m.c.Store.Location()), now), trade, j.Headcount,
		m.c.Cat.Pay(j.PayFen, j.PayUnit))
	status := m.c.T("jobs.saved", j.ID)
	if edited {
		status = m.c.T("jobs.updated", j.ID)
	}
	m.list.show(j, card) // in the tab that holds it
	m.c.LastJob = j.ID   // F4 opens it on Match
	return tea.Batch(common.Status(status, false), func() tea.Msg { return common.ChangedMsg{} })
}
