package board

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// RefreshEvery is how often an idle board redraws anyway, so "just changed" marks and waiting
// times move on; between those, unchanged polls never wake the UI.
const RefreshEvery = 15 * time.Second

// poll checks the watcher every PollEvery inside the command and answers only when the file
// changed, the check failed, or RefreshEvery has passed: an idle board does no UI work.
func (m *Model) poll() tea.Cmd {
	w, ctx := m.watcher, m.c.Ctx
	return func() tea.Msg {
		for waited := time.Duration(0); waited < RefreshEvery; waited += PollEvery {
			if !common.Wait(ctx, PollEvery) {
				return nil // the session ended
			}
			if changed, err := w.Changed(); changed || err != nil {
				return pollMsg{changed: changed, err: err}
			}
		}
		return pollMsg{}
	}
}

// watched starts polling once the watcher is open; without one the board still works, by hand.
func (m *Model) watched(msg watcherMsg) tea.Cmd {
	if msg.err != nil {
		m.err = m.c.Cat.Err(msg.err)
		return common.Status(m.c.T("board.live_off", m.err), true)
	}
	m.watcher = msg.w
	return m.poll()
}

// polled reloads when the file changed (once the running load is done) and polls again.
func (m *Model) polled(msg pollMsg) tea.Cmd {
	m.now = m.c.Clock()
	if msg.err != nil {
		if !m.pollErr { // say it once, keep trying
			m.pollErr = true
			return tea.Batch(m.poll(), common.Status(m.c.T("board.live_off", m.c.Cat.Err(msg.err)), true))
		}
		return m.poll()
	}
	var back tea.Cmd
	if m.pollErr { // the server answers again: say so once, as its loss was said, and reload
		m.pollErr, back = false, common.Status(m.c.T("board.live_back"), false)
	}
	if msg.changed {
		back = tea.Batch(back, func() tea.Msg { return common.StationChangedMsg{} })
	}
	if msg.changed || back != nil {
		if m.loading {
			m.stale = true
			return tea.Batch(back, m.poll())
		}
		return tea.Batch(back, m.poll(), m.load())
	}
	return m.poll()
}
