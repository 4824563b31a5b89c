package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/staff"
)

// chooseStaff opens the staff chooser (F8, and after start-up).
func (m *Model) chooseStaff() tea.Cmd {
	m.mode = modeStaff
	m.staff = staff.New(m.c)
	m.resize()
	return m.staff.Init()
}

// choose puts a staff member on duty and opens the main screens the first time.
func (m *Model) choose(st store.Staff) tea.Cmd {
	m.c.Staff = st
	m.mode = modeMain
	m.setStatus(m.c.T("staff.changed", st.Name), false)
	if m.screens[0] != nil {
		return nil
	}
	return m.openScreens()
}

// lockIfIdle covers the pages or the Admin area once the station's idle time has passed.
func (m *Model) lockIfIdle() {
	if (m.mode == modeMain || m.mode == modeAdmin) && m.idle.due(m.c.Now(), m.c.Settings.IdleLockMinute) {
		m.lockScreens()
	}
}

// lockScreens covers the screens with the idle lock; what they hold stays as it was.
func (m *Model) lockScreens() {
	m.idle.close(m.mode)
	m.mode = modeStaff
	m.staff = staff.NewLock(m.c, m.c.Settings.IdleLockMinute)
	m.resize()
}

// unlock puts st on duty after the lock's PIN: the same head goes back to Admin, anyone else
// gets the pages (the Admin area belongs to the head who opened it).
func (m *Model) unlock(st store.Staff) tea.Cmd {
	same := st.ID == m.c.Staff.ID
	back := m.idle.open(m.c.Now())
	cmd := m.choose(st)
	if back == modeAdmin && same && m.admin != nil {
		m.mode = modeAdmin
	} else if !same {
		m.admin = nil
	}
	return cmd
}

// lockKey is F8 on the lock: someone else signs in; the lock stays until they do.
func (m *Model) lockKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	if m.confirm || m.showHelp || m.fatal != "" {
		return nil, false
	}
	if m.idle.locked && m.mode == modeStaff && key.Matches(msg, m.c.Keys.Staff) {
		return m.chooseStaff(), true
	}
	return nil, false
}
