package staff

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// pinKey types a PIN; Enter checks or sets it, Esc goes back to the list (not on the lock).
func (m *Model) pinKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		if m.lock {
			return m, nil // the lock opens only with a PIN (or F8 for someone else)
		}
		m.step, m.err = stepList, ""
		m.pin.Blur()
		return m, nil
	case key.Matches(msg, k.Select):
		return m.enterPIN()
	}
	var cmd tea.Cmd
	m.pin, cmd = m.pin.Update(msg)
	return m, cmd
}

// ask moves to the PIN of st: typing it, or choosing one when they have none yet.
func (m *Model) ask(st store.Staff) tea.Cmd {
	m.chosen, m.err, m.first = st, "", ""
	m.pin.Reset()
	m.step = stepPIN
	if !st.HasPIN {
		m.step = stepNewPIN
	}
	return m.pin.Focus()
}

// enterPIN takes the PIN typed: the first entry of a new one, the same again, or a sign-in.
func (m *Model) enterPIN() (common.Screen, tea.Cmd) {
	pin := m.pin.Value()
	if err := store.ValidPIN(pin); err != nil {
		m.err = m.c.Cat.Err(err)
		return m, nil
	}
	switch m.step {
	case stepNewPIN:
		m.first, m.err = pin, ""
		m.step = stepAgain
		m.pin.Reset()
		return m, nil
	case stepAgain:
		if pin != m.first {
			m.err = m.c.T("pin.mismatch")
			m.step, m.first = stepNewPIN, ""
			m.pin.Reset()
			return m, nil
		}
		m.busy = true
		return m, m.setPIN(m.chosen, pin)
	}
	m.busy = true
	return m, m.signIn(m.chosen, pin)
}

// pinErr words a sign-in failure, with the tries left or the seconds to wait.
func (m *Model) pinErr(err error) string {
	if e := store.AsError(err); e != nil {
		switch e.Key {
		case "pin.wrong":
			return m.c.T("pin.wrong_left", e.Ref)
		case "pin.locked":
			return m.c.T("pin.locked_for", e.Ref)
		}
	}
	return m.c.Cat.Err(err)
}
