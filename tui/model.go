package tui

import (
	"context"
	"time"

	"github.com/charmbracelet/bubbles/help"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-runewidth"

	"gigdesk/store"
	"gigdesk/store/oplog"
	"gigdesk/tui/admin"
	"gigdesk/tui/board"
	"gigdesk/tui/common"
	"gigdesk/tui/fair"
	"gigdesk/tui/i18n"
	"gigdesk/tui/jobs"
	"gigdesk/tui/match"
	"gigdesk/tui/register"
	"gigdesk/tui/setup"
	"gigdesk/tui/staff"
	"gigdesk/tui/summary"
)

// MinWidth and MinHeight are the smallest terminal gigdesk draws in.
const (
	MinWidth  = 80
	MinHeight = 24
)

// chrome is the rows the header, tabs and footer take.
const chrome = 5

func init() {
	// Box-drawing characters, —, · and … are one cell wide in every terminal we draw for;
	// a zh_CN locale would otherwise count them as two and break every border.
	runewidth.DefaultCondition.EastAsianWidth = false
}

// Options are what cmd/gigdesk hands the UI.
type Options struct {
	Store *store.Store
	Lang  i18n.Lang
	Now   func() time.Time
	Demo  bool
	Page  common.Page // the page shown once staff is on duty (gigdesk board opens on the Board)
	Log   *oplog.Log  // internal errors are logged here and shown with their code; nil logs nothing
	// Ctx ends with the session: its queries and the board's watcher stop with it; nil never ends.
	Ctx context.Context
	// Renderer draws the styles for one terminal (an SSH session's own); nil is the process's.
	Renderer *lipgloss.Renderer
	// HostKey is serve's host key fingerprint, shown in Admin's counters; "" if never served.
	HostKey string
	// Counter names the counter of an SSH session (the footer shows it); "" on the station PC.
	Counter string
}

type tickMsg time.Time

// Model is the root model.
type Model struct {
	c         *common.Common
	mode      mode
	page      common.Page
	screens   [common.PageCount]common.Screen
	setup     *setup.Model
	staff     *staff.Model
	admin     *admin.Model
	idle      idleLock
	help      help.Model
	showHelp  bool
	confirm   bool
	status    string
	statusErr bool
	statusAt  time.Time
	statusOn  statusPlace // the screen that set the status: it shows there only
	fatal     string
	width     int
	height    int
}

// New builds the root model.
func New(o Options) *Model {
	if o.Now == nil {
		o.Now = time.Now
	}
	cat := i18n.New(o.Lang)
	if o.Log != nil {
		cat.Log = o.Log
	}
	styles := common.DefaultStyles()
	if o.Renderer != nil {
		styles = common.StylesFor(o.Renderer)
	}
	if o.Ctx == nil {
		o.Ctx = context.Background()
	}
	c := &common.Common{
		Ctx:     o.Ctx,
		Store:   o.Store,
		Cat:     cat,
		Styles:  styles,
		Keys:    common.DefaultKeyMap(cat.T),
		Now:     o.Now,
		Demo:    o.Demo,
		Log:     o.Log,
		HostKey: o.HostKey,
		Counter: o.Counter,
		Width:   MinWidth,
		Height:  MinHeight,
	}
	h := help.New()
	h.ShortSeparator = "  "
	return &Model{c: c, help: h, width: MinWidth, height: MinHeight, page: o.Page}
}

// Common exposes the shared context (tests read the staff on duty from it).
func (m *Model) Common() *common.Common { return m.c }

// tick wakes the root on the next full minute: the header's clock and the idle lock.
func (m *Model) tick() tea.Cmd {
	now := m.c.Now()
	wait := time.Until(now.Truncate(time.Minute).Add(time.Minute))
	if wait <= 0 || wait > time.Minute {
		wait = time.Minute
	}
	return common.Tick(m.c.Ctx, wait, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// openScreens builds the five pages, once, when the first staff member comes on duty.
func (m *Model) openScreens() tea.Cmd {
	m.screens = [common.PageCount]common.Screen{
		common.PageRegister: register.New(m.c),
		common.PageJobs:     jobs.New(m.c),
		common.PageBoard:    board.New(m.c),
		common.PageMatch:    match.New(m.c),
		common.PageSummary:  summary.New(m.c),
		common.PageFair:     fair.New(m.c),
	}
	m.resize()
	cmds := make([]tea.Cmd, 0, len(m.screens))
	for _, s := range m.screens {
		cmds = append(cmds, s.Init())
	}
	return tea.Batch(cmds...)
}

// active is the screen that gets keys now.
func (m *Model) active() common.Screen {
	switch m.mode {
	case modeSetup:
		return m.setup
	case modeStaff:
		return m.staff
	case modeMain:
		return m.screens[m.page]
	case modeAdmin:
		return m.admin
	}
	return nil
}

// dirty reports unsaved input anywhere: quitting then asks first.
func (m *Model) dirty() bool {
	if m.admin != nil && m.admin.Dirty() {
		return true
	}
	if m.mode == modeMain {
		for _, s := range m.screens {
			if s != nil && s.Dirty() {
				return true
			}
		}
		return false
	}
	scr := m.active()
	return scr != nil && scr.Dirty()
}

// resize hands every model the body's size: the window less the chrome.
func (m *Model) resize() {
	w, h := max(m.width, MinWidth), max(m.height-chrome, MinHeight-chrome)
	for _, s := range m.screens {
		if s != nil {
			s.SetSize(w, h)
		}
	}
	if m.setup != nil {
		m.setup.SetSize(w, h)
	}
	if m.staff != nil {
		m.staff.SetSize(w, h)
	}
	if m.admin != nil {
		m.admin.SetSize(w, h)
	}
	m.help.Width = w
}

// statusPlace is where a status was set: the mode and, on the five pages, the page.
type statusPlace struct {
	mode mode
	page common.Page
}

func (m *Model) here() statusPlace { return statusPlace{mode: m.mode, page: m.page} }

// setStatus puts a line in the footer of the screen shown now, for a while: it belongs to that
// screen, so it does not follow the clerk to the next one.
func (m *Model) setStatus(text string, isErr bool) {
	m.status, m.statusErr, m.statusAt, m.statusOn = text, isErr, m.c.Now(), m.here()
}
