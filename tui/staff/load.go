package staff

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
)

type loadedMsg struct {
	staff []store.Staff
	err   error
}

type addedMsg struct {
	staff store.Staff
	err   error
}

type signedInMsg struct {
	staff store.Staff
	err   error
}

type pinSetMsg struct {
	staff store.Staff
	err   error
}

// load reads the staff list.
func (m *Model) load() tea.Msg {
	list, err := m.c.Store.ListStaff(m.c.Ctx)
	return loadedMsg{staff: list, err: err}
}

// addStaff saves a new staff member, added by whoever is on duty (the head).
func (m *Model) addStaff(name string) tea.Cmd {
	by, s, ctx := m.c.Staff.ID, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		st, err := s.AddStaff(ctx, by, name, store.RoleStaff)
		return addedMsg{staff: st, err: err}
	}
}

// setPIN saves st's first PIN, set by st themselves.
func (m *Model) setPIN(st store.Staff, pin string) tea.Cmd {
	s, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg { return pinSetMsg{staff: st, err: s.SetPIN(ctx, st.ID, st.ID, pin)} }
}

// signIn checks st's PIN in the store, which counts the wrong tries.
func (m *Model) signIn(st store.Staff, pin string) tea.Cmd {
	s, ctx := m.c.Store, m.c.Ctx
	return func() tea.Msg {
		got, err := s.StaffSignIn(ctx, st.ID, pin)
		if err != nil {
			got = st
		}
		return signedInMsg{staff: got, err: err}
	}
}
