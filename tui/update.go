package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/admin"
	"gigdesk/tui/common"
	"gigdesk/tui/setup"
	"gigdesk/tui/staff"
)

// Init loads the settings and records, starts the minute tick and runs the start-up check.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.load, m.tick(), m.startupCheck)
}

// Update handles what belongs to the root (size, clock, start-up, sign-in, the lock, global
// keys) and hands everything else to the active screen.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if st, ok := admin.SettingsSaved(msg); ok {
		return m, m.settingsSaved(st)
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tickMsg:
		m.lockIfIdle()
		return m, m.tick()
	case checkedMsg:
		m.checked(msg)
		return m, nil
	case loadedMsg:
		return m, m.loaded(msg)
	case setup.DoneMsg:
		m.setup = nil
		return m, tea.Batch(m.load, m.choose(msg.Head))
	case staff.ChosenMsg:
		if m.idle.locked {
			return m, m.unlock(msg.Staff)
		}
		return m, m.choose(msg.Staff)
	case common.GotoMsg:
		return m, m.gotoPage(msg)
	case common.StatusMsg:
		m.setStatus(msg.Text, msg.Error)
		return m, nil
	case common.ChangedMsg:
		return m, m.broadcast(msg)
	case common.StationChangedMsg: // another desk's change: every screen that shows it live
		return m, m.broadcast(msg)
	case common.Owned:
		return m, m.deliver(msg.Owner(), msg)
	case tea.MouseMsg:
		m.idle.touch(m.c.Now())
		if cmd, ok := m.clickTab(msg); ok {
			return m, cmd
		}
	case tea.KeyMsg:
		m.idle.touch(m.c.Now())
		if cmd, done := m.lockKey(msg); done {
			return m, cmd
		}
		if cmd, done := m.adminKey(msg); done {
			return m, cmd
		}
		if cmd, done := m.globalKey(msg); done {
			return m, cmd
		}
	}
	return m, m.updateActive(msg)
}

// updateActive hands msg to the screen that gets keys now.
func (m *Model) updateActive(msg tea.Msg) tea.Cmd {
	scr := m.active()
	if scr == nil {
		return nil
	}
	if mm, ok := msg.(tea.MouseMsg); ok && m.mode == modeMain {
		mm.Y -= common.BodyTop // pages count rows from their own top
		msg = mm
	}
	next, cmd := scr.Update(msg)
	switch m.mode {
	case modeSetup:
		m.setup = next.(*setup.Model)
	case modeStaff:
		m.staff = next.(*staff.Model)
	case modeMain:
		m.screens[m.page] = next
	case modeAdmin:
		m.admin = next.(*admin.Model)
	}
	return cmd
}

// loaded takes the settings and records: the first time, it opens setup or the staff chooser.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	if msg.err != nil {
		m.fatal = m.c.Cat.Err(msg.err)
		if se := store.AsError(msg.err); se != nil && se.Key == "db.corrupt" {
			m.fatal = m.damagedText("") // the damage met first by a read: say what to restore, as the check does
		}
		return nil
	}
	m.c.Settings, m.c.Records = msg.settings, msg.records
	if m.mode != modeLoading {
		return nil // a reload after setup: keep the screen
	}
	if !msg.settings.Configured() {
		m.mode = modeSetup
		m.setup = setup.New(m.c)
		m.resize()
		return m.setup.Init()
	}
	return m.chooseStaff()
}

// gotoPage opens a page on another screen's request (Enter on the Board opens Match).
func (m *Model) gotoPage(msg common.GotoMsg) tea.Cmd {
	if m.mode != modeMain {
		return nil
	}
	m.page = msg.Page
	var cmd tea.Cmd
	m.screens[m.page], cmd = m.screens[m.page].Update(msg)
	return cmd
}

// clickTab opens the page whose tab was clicked; it reports whether the click was used.
func (m *Model) clickTab(msg tea.MouseMsg) (tea.Cmd, bool) {
	if msg.Action != tea.MouseActionRelease || msg.Button != tea.MouseButtonLeft || msg.Y != 1 || m.mode != modeMain || m.confirm {
		return nil, false
	}
	p, ok := m.tabAt(msg.X)
	if !ok {
		return nil, false
	}
	return m.showPage(p), true
}

// broadcast hands msg to every open screen (a record changed: each reloads what it shows).
func (m *Model) broadcast(msg tea.Msg) tea.Cmd {
	var cmds []tea.Cmd
	for i, s := range m.screens {
		if s == nil {
			continue
		}
		var cmd tea.Cmd
		m.screens[i], cmd = s.Update(msg)
		cmds = append(cmds, cmd)
	}
	return tea.Batch(cmds...)
}

// deliver hands msg to the screen of page p, whether or not it is shown.
func (m *Model) deliver(p common.Page, msg tea.Msg) tea.Cmd {
	if p < 0 || p >= common.PageCount || m.screens[p] == nil {
		return nil
	}
	var cmd tea.Cmd
	m.screens[p], cmd = m.screens[p].Update(msg)
	return cmd
}

// showPage brings up page p and tells it so.
func (m *Model) showPage(p common.Page) tea.Cmd {
	m.page = p
	if m.screens[p] == nil {
		return nil
	}
	var cmd tea.Cmd
	m.screens[p], cmd = m.screens[p].Update(common.ShownMsg{})
	return cmd
}
