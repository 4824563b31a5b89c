package setup

import (
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/huh"

	"gigdesk/tui/common"
)

// Update runs the form; once it is complete with matching PINs, it saves.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case savedMsg:
		m.saving = false
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			m.form = m.newForm()
			return m, m.form.Init()
		}
		return m, func() tea.Msg { return DoneMsg{Head: msg.head} }
	}
	if m.saving {
		return m, nil
	}
	f, cmd := m.form.Update(msg)
	if ff, ok := f.(*huh.Form); ok {
		m.form = ff
	}
	if m.form.State == huh.StateCompleted {
		if m.pin != m.again { // the name and station stay; only the PINs are asked again
			m.err = m.c.T("pin.mismatch")
			m.pin, m.again = "", ""
			m.form = m.newForm()
			return m, m.form.Init()
		}
		m.saving, m.err = true, ""
		return m, m.save()
	}
	if m.form.State == huh.StateAborted {
		m.form = m.newForm()
		return m, m.form.Init()
	}
	return m, cmd
}
