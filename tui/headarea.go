package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/admin"
)

// adminKey opens the head's Admin area on F6 (F6 again steps through its sections) and leaves
// it on Esc or F1–F5. done means the key was used.
func (m *Model) adminKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	if m.confirm || m.showHelp || m.fatal != "" {
		return nil, false
	}
	if key.Matches(msg, k.Admin) && (m.mode == modeMain || m.mode == modeAdmin) {
		return m.openAdmin(), true
	}
	if m.mode != modeAdmin {
		return nil, false
	}
	for p := range m.screens {
		if key.Matches(msg, k.Screens[p]) {
			m.mode = modeMain
			return nil, false // the root's own routing opens the page
		}
	}
	if key.Matches(msg, k.Back) && !m.admin.Capturing() {
		m.mode = modeMain
		return nil, true
	}
	return nil, false
}

// openAdmin shows the Admin area to the head, or its next section when it shows already.
func (m *Model) openAdmin() tea.Cmd {
	if m.c.Staff.Role != store.RoleHead {
		m.setStatus(m.c.T("admin.head_only"), true)
		return nil
	}
	if m.mode == modeAdmin {
		return m.admin.Next()
	}
	m.mode = modeAdmin
	if m.admin == nil {
		m.admin = admin.New(m.c)
		m.resize()
		return m.admin.Init()
	}
	return nil
}

// settingsSaved takes the new settings (the idle lock, the station's name) for every screen.
func (m *Model) settingsSaved(st store.Settings) tea.Cmd {
	m.c.Settings = st
	if m.admin != nil {
		return m.admin.Saved()
	}
	return nil
}

// adminHelp is the F6 key in the footer, for the head only.
func (m *Model) adminHelp() []key.Binding {
	if m.c.Staff.Role == store.RoleHead && (m.mode == modeMain || m.mode == modeAdmin) {
		return []key.Binding{m.c.Keys.Admin}
	}
	return nil
}
