package admin

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case paneMsg:
		cmd, _ := m.panes[msg.to].update(msg)
		return m, cmd
	case common.ChangedMsg:
		return m, m.pane().changed()
	case doneMsg:
		return m, m.done(msg)
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

// done answers a change saved from the staff, settings or personal-data section.
func (m *Model) done(msg doneMsg) tea.Cmd {
	if msg.err != nil {
		m.err = m.c.Cat.Err(msg.err)
		return common.Status(m.err, true)
	}
	m.err = ""
	m.staff.closePrompt() // the name was saved: close the prompt and show the new member in the list
	// the root broadcasts ChangedMsg to the five pages only, so Admin reloads its own list
	return tea.Batch(common.Status(msg.text, false), m.reload(), func() tea.Msg { return common.ChangedMsg{} })
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if m.arrowsSwitch() {
		switch {
		case key.Matches(msg, m.left):
			return m.show((m.sec + secCount - 1) % secCount)
		case key.Matches(msg, m.right):
			return m.show((m.sec + 1) % secCount)
		}
	}
	return m.pane().key(msg)
}

// Next shows the next section (F6 again, as the root routes it).
func (m *Model) Next() tea.Cmd {
	return m.show((m.sec + 1) % secCount)
}

func (m *Model) show(s section) tea.Cmd {
	for _, p := range m.panes {
		p.leave()
	}
	m.sec, m.err = s, ""
	return m.reload()
}

// Saved marks the settings form clean after the root stored the new settings.
func (m *Model) Saved() tea.Cmd { return m.settings.saved() }
