package tui

import (
	"path/filepath"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/admin"
	"gigdesk/tui/staff"
)

// modeAdmin is the station head's Admin area (F6), outside the five pages.
const modeAdmin mode = modeMain + 1

// trustState is the root's part of trustworthy records: the idle lock and the start-up check.
type trustState struct {
	lastInput time.Time // the last key or click, on the app's clock
	locked    bool
	lockedIn  mode // the mode to return to after unlocking
}

// checkedMsg is the start-up check and the day's first backup, run in the background.
type checkedMsg struct {
	damage  string // what quick_check found; "" when sound
	backup  store.Backup
	made    bool
	backErr error
	// expireErr is a failed expiry sweep; the backup still ran
	expireErr error
}

// startupCheck runs PRAGMA quick_check and then, if the file is sound, the day's backup.
func (m *Model) startupCheck() tea.Msg {
	s, ctx := m.c.Store, m.c.Ctx
	rep, err := s.QuickCheck(ctx)
	if err != nil {
		return checkedMsg{damage: err.Error()}
	}
	if !rep.OK() {
		return checkedMsg{damage: rep.Summary()}
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return checkedMsg{backErr: err}
	}
	if !st.Configured() {
		return checkedMsg{} // nothing to keep before first-run setup
	}
	// jobs past their validity period leave the board before anyone looks at it
	_, expErr := s.ExpireJobs(ctx, m.c.Staff.ID)
	b, made, err := s.DailyBackup(ctx, store.BackupDir(s.Path()), st.BackupsKept)
	return checkedMsg{backup: b, made: made, backErr: err, expireErr: expErr}
}

// damagedText tells staff what to do with a damaged file: restore the latest backup, by path.
func (m *Model) damagedText(damage string) string {
	s := m.c.Store
	text := m.c.T("backup.damaged") + "\n\n"
	if b, ok := store.LatestBackup(store.BackupDir(s.Path()), s.Location()); ok {
		head := store.HeadOf(m.c.Ctx, b.Path)
		if head == "" {
			head = m.c.T("backup.head_placeholder")
		}
		text += m.c.T("backup.what_to_do", s.Path(), b.Path, head)
	} else {
		text += m.c.T("backup.no_backup")
	}
	// long paths wrap rather than vanish past the edge; the details come last
	return lipgloss.NewStyle().Width(max(m.width-6, 40)).Render(text + "\n\n" + damage)
}

// trustUpdate handles the start-up check, the idle lock and the Admin area before the root's
// own routing; done means msg was used up.
func (m *Model) trustUpdate(msg tea.Msg) (tea.Cmd, bool) {
	switch msg := msg.(type) {
	case checkedMsg:
		if msg.damage != "" {
			m.fatal = m.damagedText(msg.damage)
			return nil, true
		}
		switch {
		case msg.backErr != nil:
			m.status, m.statusErr, m.statusAt = m.c.T("backup.daily_failed", m.c.Cat.Err(msg.backErr)), true, m.c.Now()
		case msg.expireErr != nil:
			m.status, m.statusErr, m.statusAt = m.c.T("rights.expire_failed", m.c.Cat.Err(msg.expireErr)), true, m.c.Now()
		case msg.made:
			m.status, m.statusErr, m.statusAt = m.c.T("backup.daily_done", filepath.Base(msg.backup.Path)), false, m.c.Now()
		}
		return nil, true
	case tickMsg:
		if idle := m.c.Settings.IdleLockMinute; idle > 0 && !m.trust.locked && (m.mode == modeMain || m.mode == modeAdmin) &&
			!m.trust.lastInput.IsZero() && m.c.Now().Sub(m.trust.lastInput) >= time.Duration(idle)*time.Minute {
			m.lock()
		}
		return nil, false
	case staff.ChosenMsg:
		if !m.trust.locked {
			return nil, false
		}
		back, same := m.trust.lockedIn, msg.Staff.ID == m.c.Staff.ID
		m.trust.locked = false
		m.trust.lastInput = m.c.Now()
		cmd := m.choose(msg.Staff)
		if back == modeAdmin && same && m.admin != nil {
			m.mode = modeAdmin
		} else if !same {
			m.admin = nil // the Admin area belongs to the head who opened it
		}
		return cmd, true
	case tea.MouseMsg:
		m.trust.lastInput = m.c.Now()
	case tea.KeyMsg:
		m.trust.lastInput = m.c.Now()
		return m.trustKey(msg)
	}
	if st, ok := admin.SettingsSaved(msg); ok {
		m.c.Settings = st
		if m.admin != nil {
			return m.admin.Saved(), true
		}
		return nil, true
	}
	return nil, false
}

// lock covers the screens with the idle lock; what they hold stays as it was.
func (m *Model) lock() {
	m.trust.locked, m.trust.lockedIn = true, m.mode
	m.mode = modeStaff
	m.staff = staff.NewLock(m.c, m.c.Settings.IdleLockMinute)
	m.resize()
}

func (m *Model) trustKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	if m.confirm || m.showHelp || m.fatal != "" {
		return nil, false
	}
	if m.trust.locked && m.mode == modeStaff && key.Matches(msg, k.Staff) {
		return m.chooseStaff(), true // someone else signs in; the lock stays until they do
	}
	if key.Matches(msg, k.Admin) && (m.mode == modeMain || m.mode == modeAdmin) {
		if m.c.Staff.Role != store.RoleHead {
			m.status, m.statusErr, m.statusAt = m.c.T("admin.head_only"), true, m.c.Now()
			return nil, true
		}
		if m.mode == modeAdmin {
			return m.admin.Next(), true
		}
		m.mode = modeAdmin
		if m.admin == nil {
			m.admin = admin.New(m.c)
			m.resize()
			return m.admin.Init(), true
		}
		return nil, true
	}
	if m.mode != modeAdmin {
		return nil, false
	}
	for p := range m.screens {
		if key.Matches(msg, k.Screens[p]) {
			m.mode = modeMain
			return nil, false // the root's own routing opens the page
		}
	}
	if key.Matches(msg, k.Back) && !m.admin.Capturing() {
		m.mode = modeMain
		return nil, true
	}
	return nil, false
}

// adminHelp is the F6 key in the footer, for the head only.
func (m *Model) adminHelp() []key.Binding {
	if m.c.Staff.Role == store.RoleHead && (m.mode == modeMain || m.mode == modeAdmin) {
		return []key.Binding{m.c.Keys.Admin}
	}
	return nil
}
