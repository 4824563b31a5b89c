package admin

import tea "github.com/charmbracelet/bubbletea"

// Every section reads and saves in its own tea.Cmds (in its own file); they answer with one
// of these messages.

// paneMsg is a load or a save answered to one section; req drops late answers.
type paneMsg struct {
	to  section
	req int
	v   any
	err error
}

// doneMsg answers a change saved from the staff, settings or personal-data section; the
// parent shows it and reads the section shown again (done).
type doneMsg struct {
	text string
	err  error
}

// reload reads the section shown again; a late answer to any section of the desk is dropped.
func (m *Model) reload() tea.Cmd {
	m.req++
	return m.pane().load()
}
