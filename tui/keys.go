package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// globalKey handles keys that work everywhere: quit (asking first over unsaved input), help,
// Esc back from the staff chooser, F1–F5 and F8. done means the key was used.
func (m *Model) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	if m.confirm {
		return m.confirmKey(msg), true
	}
	if m.showHelp {
		if key.Matches(msg, k.Back) || key.Matches(msg, k.Help) {
			m.showHelp = false
			return nil, true
		}
		if !key.Matches(msg, k.Quit) {
			return nil, true
		}
	}
	scr := m.active()
	capturing := scr != nil && scr.Capturing()
	switch {
	case msg.String() == "ctrl+c" || msg.String() == "f10",
		msg.String() == "q" && !capturing && m.mode != modeSetup:
		return m.quit(), true
	case key.Matches(msg, k.Help) && (msg.String() != "?" || !capturing):
		m.showHelp = true
		return nil, true
	case m.fatal != "":
		return nil, true
	}
	if m.mode == modeStaff && m.c.Staff.ID != 0 && !m.idle.locked && key.Matches(msg, k.Back) && !capturing {
		m.mode = modeMain
		return nil, true
	}
	if m.mode != modeMain {
		return nil, false
	}
	for p := range common.PageCount {
		if key.Matches(msg, k.Screens[p]) {
			return m.showPage(p), true
		}
	}
	if key.Matches(msg, k.Staff) {
		return m.chooseStaff(), true
	}
	return nil, false
}

// quit ends the program, or asks first when something holds unsaved input.
func (m *Model) quit() tea.Cmd {
	if m.dirty() {
		m.confirm = true
		return nil
	}
	return tea.Quit
}

// confirmKey answers the quit question: y quits, n goes back, anything else waits.
func (m *Model) confirmKey(msg tea.KeyMsg) tea.Cmd {
	switch {
	case key.Matches(msg, m.c.Keys.Yes):
		return tea.Quit
	case key.Matches(msg, m.c.Keys.No):
		m.confirm = false
	}
	return nil
}
