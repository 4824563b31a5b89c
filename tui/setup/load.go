package setup

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
)

// savedMsg is the answer of save: the head created, or why not.
type savedMsg struct {
	head store.Staff
	err  error
}

// save writes the station's name and its head with the PIN, in one go.
func (m *Model) save() tea.Cmd {
	st, head, pin, ctx, s := m.station, m.head, m.pin, m.c.Ctx, m.c.Store
	return func() tea.Msg {
		h, err := s.SetupWithPIN(ctx, st, head, pin)
		return savedMsg{head: h, err: err}
	}
}
