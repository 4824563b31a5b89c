package staff

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		m.list, m.err = msg.staff, m.c.Cat.Err(msg.err)
		m.cursor = min(m.cursor, max(len(m.list)-1, 0))
		return m, nil
	case addedMsg:
		m.busy = false
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.input.Reset()
		m.input.Blur()
		return m, tea.Batch(m.load, m.ask(msg.staff))
	case signedInMsg:
		m.busy = false
		m.pin.Reset()
		if msg.err != nil {
			if e := store.AsError(msg.err); e != nil && e.Key == "pin.not_set" {
				return m, m.ask(msg.staff)
			}
			m.err = m.pinErr(msg.err)
			return m, nil
		}
		return m, chosen(msg.staff)
	case pinSetMsg:
		m.busy = false
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			m.step, m.first = stepNewPIN, ""
			m.pin.Reset()
			return m, nil
		}
		st := msg.staff
		st.HasPIN = true
		return m, tea.Batch(chosen(st), common.Status(m.c.T("pin.set_done"), false))
	case tea.KeyMsg:
		if m.busy {
			return m, nil
		}
		return m.key(msg)
	}
	return m, nil
}

func chosen(st store.Staff) tea.Cmd { return func() tea.Msg { return ChosenMsg{Staff: st} } }

// key routes a key to the step on screen: the list, the new name, or a PIN.
func (m *Model) key(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	switch m.step {
	case stepAdd:
		return m.addKey(msg)
	case stepPIN, stepNewPIN, stepAgain:
		return m.pinKey(msg)
	}
	return m.listKey(msg)
}

// listKey moves through the list; Enter or a digit chooses, + adds (the head only).
func (m *Model) listKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Up):
		m.cursor = max(m.cursor-1, 0)
	case key.Matches(msg, k.Down):
		m.cursor = min(m.cursor+1, max(len(m.list)-1, 0))
	case key.Matches(msg, m.add) && m.c.Staff.Role == store.RoleHead:
		m.step, m.err = stepAdd, ""
		return m, m.input.Focus()
	case key.Matches(msg, m.add):
		m.err = m.c.Cat.Err(&store.Error{Code: store.Conflict, Key: "staff.head_only"})
	case key.Matches(msg, k.Select):
		if m.cursor < len(m.list) {
			return m, m.ask(m.list[m.cursor])
		}
	default:
		// a digit picks that line, as staff read the list aloud
		if r := msg.String(); len(r) == 1 && r[0] >= '1' && r[0] <= '9' {
			if i := int(r[0] - '1'); i < len(m.list) {
				m.cursor = i
				return m, m.ask(m.list[i])
			}
		}
	}
	return m, nil
}

// addKey types a new staff member's name; Enter saves it and asks their first PIN.
func (m *Model) addKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		m.step, m.err = stepList, ""
		m.input.Blur()
		return m, nil
	case key.Matches(msg, k.Select):
		m.busy = true
		return m, m.addStaff(m.input.Value())
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}
