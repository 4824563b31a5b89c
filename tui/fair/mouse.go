package fair

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// mouse: the wheel moves through a list, a click picks a row, a double click opens it as
// Enter would (the event, or signs in the worker found at the door). Forms take no mouse.
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	if m.form != nil || m.ask != nil || m.saving {
		return nil
	}
	enter := func() tea.Cmd { return m.key(tea.KeyMsg{Type: tea.KeyEnter}) }
	switch m.view {
	case viewEvents:
		top := common.ScrollOffset(m.evCursor, 0, m.height-4, len(m.events))
		if m.pick(msg, &m.evCursor, 2, top, len(m.events)) {
			return enter()
		}
	case viewEvent:
		rows := len(m.rows())
		top := common.ScrollOffset(m.rowCursor, 0, max(m.height-3, 1), rows)
		m.pick(msg, &m.rowCursor, 3, top, rows)
	case viewDoor:
		if m.pick(msg, &m.door.cursor, 5, 0, len(m.door.found)) {
			return enter()
		}
	case viewOutcomes:
		top := common.ScrollOffset(m.outc.cursor, 0, max(m.height-3, 1), len(m.intents))
		m.pick(msg, &m.outc.cursor, 3, top, len(m.intents))
	}
	return nil
}

// pick applies a mouse event to a list of n rows drawn from body line first, top the row
// shown there; it reports a double click.
func (m *Model) pick(msg tea.MouseMsg, sel *int, first, top, n int) bool {
	move, row, open := m.clicks.Mouse(msg, first, top, n, m.c.Now())
	return common.Pick(sel, n, move, row, open)
}
