package jobs

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// Update takes the answers of the screen's loads, then hands keys to the form while it is
// open, else to the question asked over the list, else to the list.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case listMsg:
		m.list.arrived(msg)
		return m, nil
	case common.ChangedMsg:
		return m, m.list.load()
	case common.GotoMsg:
		if msg.Job != 0 {
			m.list.select1 = msg.Job
			return m, m.list.load()
		}
		return m, nil
	case editLoadedMsg:
		return m, m.editLoaded(msg)
	case revealedMsg:
		return m, m.revealed(msg)
	case closedMsg:
		return m, m.closed(msg)
	}
	if m.form != nil {
		return m, m.formUpdate(msg)
	}
	if mm, ok := msg.(tea.MouseMsg); ok && !m.prompt.active() {
		return m, m.list.mouse(mm)
	}
	if km, ok := msg.(tea.KeyMsg); ok {
		if m.prompt.active() {
			return m, m.promptKey(km)
		}
		return m, m.listKey(km)
	}
	return m, nil
}

// formUpdate hands a message to the open form and closes it once it is saved or left.
func (m *Model) formUpdate(msg tea.Msg) tea.Cmd {
	if sm, ok := msg.(savedMsg); ok && sm.seq == m.form.seq && sm.err == nil {
		return m.saved(sm.job)
	}
	cmd, closed := m.form.update(msg)
	if closed {
		m.form = nil
	}
	return cmd
}

// listKey opens a new form, switches tabs or moves the selection, then acts on the job selected.
func (m *Model) listKey(km tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(km, k.JobNew):
		m.list.card = ""
		return m.openForm(newForm(m.c))
	case key.Matches(km, k.JobTabs):
		return m.list.switchTab(km)
	}
	m.list.navigate(km)
	j, ok := m.list.selected()
	if !ok {
		return nil
	}
	return m.action(km, j)
}

// promptKey answers the question asked over the selected job; the answer closes the job.
func (m *Model) promptKey(km tea.KeyMsg) tea.Cmd {
	j, ok := m.list.selected()
	if !ok {
		m.prompt.drop()
		return nil
	}
	cmd, answer, ok := m.prompt.key(km)
	if ok {
		return closeJob(m.c, j.ID, answer.status, answer.reason)
	}
	return cmd
}
