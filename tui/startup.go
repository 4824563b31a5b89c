package tui

import (
	"path/filepath"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
)

// loadedMsg carries the station's settings and records, read at start-up and after setup.
type loadedMsg struct {
	settings store.Settings
	records  *store.Catalog
	err      error
}

// load reads the settings and the records every screen names things from.
func (m *Model) load() tea.Msg {
	st, err := m.c.Store.Settings(m.c.Ctx)
	if err != nil {
		return loadedMsg{err: err}
	}
	rec, err := m.c.Store.Catalog(m.c.Ctx)
	return loadedMsg{settings: st, records: rec, err: err}
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

// checked shows what the start-up check found: a damaged file stops everything, a backup or
// an expiry sweep that failed goes to the footer, and so does the day's backup once made.
func (m *Model) checked(msg checkedMsg) {
	switch {
	case msg.damage != "":
		m.fatal = m.damagedText(msg.damage)
	case msg.backErr != nil:
		m.setStatus(m.c.T("backup.daily_failed", m.c.Cat.Err(msg.backErr)), true)
	case msg.expireErr != nil:
		m.setStatus(m.c.T("rights.expire_failed", m.c.Cat.Err(msg.expireErr)), true)
	case msg.made:
		m.setStatus(m.c.T("backup.daily_done", filepath.Base(msg.backup.Path)), false)
	}
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
	if damage != "" {
		text += "\n\n" + damage
	}
	return lipgloss.NewStyle().Width(max(m.width-6, 40)).Render(text)
}
