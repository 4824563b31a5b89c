// Package tui is gigdesk's terminal UI: the root model routes between screens and draws the
// header, tabs and footer around them.
package tui

import (
	"context"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"

	"gigdesk/oplog"
	"gigdesk/store"
	"gigdesk/tui/admin"
	"gigdesk/tui/board"
	"gigdesk/tui/common"
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
}

type mode int

const (
	modeLoading mode = iota
	modeSetup
	modeStaff
	modeMain
)

type loadedMsg struct {
	settings store.Settings
	records  *store.Catalog
	err      error
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
	trust     trustState
	help      help.Model
	showHelp  bool
	confirm   bool
	status    string
	statusErr bool
	statusAt  time.Time
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
	c := &common.Common{
		Ctx:    context.Background(),
		Store:  o.Store,
		Cat:    cat,
		Styles: common.DefaultStyles(),
		Keys:   common.DefaultKeyMap(cat.T),
		Now:    o.Now,
		Demo:   o.Demo,
		Log:    o.Log,
		Width:  MinWidth,
		Height: MinHeight,
	}
	h := help.New()
	h.ShortSeparator = "  "
	return &Model{c: c, help: h, width: MinWidth, height: MinHeight, page: o.Page}
}

// Common exposes the shared context (tests read the staff on duty from it).
func (m *Model) Common() *common.Common { return m.c }

func (m *Model) load() tea.Msg {
	st, err := m.c.Store.Settings(m.c.Ctx)
	if err != nil {
		return loadedMsg{err: err}
	}
	rec, err := m.c.Store.Catalog(m.c.Ctx)
	return loadedMsg{settings: st, records: rec, err: err}
}

func (m *Model) tick() tea.Cmd {
	now := m.c.Now()
	wait := time.Until(now.Truncate(time.Minute).Add(time.Minute))
	if wait <= 0 || wait > time.Minute {
		wait = time.Minute
	}
	return tea.Tick(wait, func(t time.Time) tea.Msg { return tickMsg(t) })
}

func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.load, m.tick(), m.startupCheck)
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

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if cmd, done := m.trustUpdate(msg); done {
		return m, cmd
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.c.Width, m.c.Height = msg.Width, msg.Height
		m.resize()
		return m, nil
	case tickMsg:
		return m, m.tick()
	case loadedMsg:
		if msg.err != nil {
			m.fatal = m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.c.Settings, m.c.Records = msg.settings, msg.records
		if m.mode != modeLoading {
			return m, nil // a reload after setup: keep the screen
		}
		if !msg.settings.Configured() {
			m.mode = modeSetup
			m.setup = setup.New(m.c)
			m.resize()
			return m, m.setup.Init()
		}
		return m, m.chooseStaff()
	case setup.DoneMsg:
		m.setup = nil
		return m, tea.Batch(m.load, m.choose(msg.Head))
	case staff.ChosenMsg:
		return m, m.choose(msg.Staff)
	case common.GotoMsg:
		if m.mode != modeMain {
			return m, nil
		}
		m.page = msg.Page
		var cmd tea.Cmd
		m.screens[m.page], cmd = m.screens[m.page].Update(msg)
		return m, cmd
	case common.StatusMsg:
		m.status, m.statusErr, m.statusAt = msg.Text, msg.Error, m.c.Now()
		return m, nil
	case common.ChangedMsg:
		return m, m.broadcast(msg)
	case common.Owned:
		return m, m.deliver(msg.Owner(), msg)
	case tea.MouseMsg:
		if msg.Action == tea.MouseActionRelease && msg.Button == tea.MouseButtonLeft && msg.Y == 1 && m.mode == modeMain && !m.confirm {
			if p, ok := m.tabAt(msg.X); ok {
				m.page = p
				return m, nil
			}
		}
	case tea.KeyMsg:
		if cmd, done := m.globalKey(msg); done {
			return m, cmd
		}
	}
	scr := m.active()
	if scr == nil {
		return m, nil
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
	return m, cmd
}

// globalKey handles keys that work everywhere; done means the key was used.
func (m *Model) globalKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.c.Keys
	if m.confirm {
		switch {
		case key.Matches(msg, k.Yes):
			return tea.Quit, true
		case key.Matches(msg, k.No):
			m.confirm = false
		}
		return nil, true
	}
	if m.showHelp {
		if key.Matches(msg, k.Back) || key.Matches(msg, k.Help) {
			m.showHelp = false
			return nil, true
		}
		if !key.Matches(msg, k.Quit) {
			return nil, true
		}
	}
	scr := m.active()
	capturing := scr != nil && scr.Capturing()
	switch {
	case msg.String() == "ctrl+c" || msg.String() == "f10":
		if m.dirty() {
			m.confirm = true
			return nil, true
		}
		return tea.Quit, true
	case msg.String() == "q" && !capturing && m.mode != modeSetup:
		if m.dirty() {
			m.confirm = true
			return nil, true
		}
		return tea.Quit, true
	case key.Matches(msg, k.Help) && (msg.String() != "?" || !capturing):
		m.showHelp = true
		return nil, true
	case m.fatal != "":
		return nil, true
	}
	if m.mode == modeStaff && m.c.Staff.ID != 0 && !m.trust.locked && key.Matches(msg, k.Back) && !capturing {
		m.mode = modeMain
		return nil, true
	}
	if m.mode != modeMain {
		return nil, false
	}
	for p := range common.PageCount {
		if key.Matches(msg, k.Screens[p]) {
			m.page = p
			return nil, true
		}
	}
	if key.Matches(msg, k.Staff) {
		return m.chooseStaff(), true
	}
	return nil, false
}

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
	m.status, m.statusErr, m.statusAt = m.c.T("staff.changed", st.Name), false, m.c.Now()
	if m.screens[0] != nil {
		return nil
	}
	m.screens = [common.PageCount]common.Screen{
		common.PageRegister: register.New(m.c),
		common.PageJobs:     jobs.New(m.c),
		common.PageBoard:    board.New(m.c),
		common.PageMatch:    match.New(m.c),
		common.PageSummary:  summary.New(m.c),
	}
	m.resize()
	cmds := make([]tea.Cmd, 0, len(m.screens))
	for _, s := range m.screens {
		cmds = append(cmds, s.Init())
	}
	return tea.Batch(cmds...)
}

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

// tabLabels are the tab texts as drawn: "F1 登记".
func (m *Model) tabLabels() []string {
	labels := make([]string, common.PageCount)
	for p := range common.PageCount {
		labels[p] = "F" + string(rune('1'+p)) + " " + m.c.T(common.TabKeys[p])
	}
	return labels
}

// tabAt finds the tab drawn at column x.
func (m *Model) tabAt(x int) (common.Page, bool) {
	pos := 0
	for p, l := range m.tabLabels() {
		w := lipgloss.Width(m.c.Styles.Tab.Render(l))
		if x >= pos && x < pos+w {
			return common.Page(p), true
		}
		pos += w + 1
	}
	return 0, false
}

func (m *Model) View() string {
	if m.width < MinWidth || m.height < MinHeight {
		return m.c.Styles.Warning.Render(m.c.T("screen.too_small", m.width, m.height))
	}
	header := m.headerView()
	tabs := m.tabsView()
	bodyH := m.height - chrome
	var body string
	switch {
	case m.fatal != "":
		body = lipgloss.NewStyle().Padding(1, 2).Render(m.c.Styles.Error.Render(m.fatal))
	case m.confirm:
		body = lipgloss.Place(m.width, bodyH, lipgloss.Center, lipgloss.Center,
			m.c.Styles.Dialog.Render(lipgloss.NewStyle().Width(min(50, m.width-10)).Render(m.c.T("quit.confirm"))))
	case m.showHelp:
		body = m.helpView()
	case m.active() != nil:
		body = m.active().View()
	default:
		body = lipgloss.NewStyle().Padding(1, 2).Render(m.c.Styles.Subtle.Render(m.c.T("status.loading")))
	}
	body = fit(body, m.width, bodyH)
	return header + "\n" + tabs + "\n" + body + "\n" + m.footerView()
}

// fit pads or cuts a block to exactly w×h cells so the chrome never moves.
func fit(s string, w, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

func (m *Model) headerView() string {
	s := m.c.Styles
	now := m.c.Clock()
	name := m.c.Settings.StationName
	if name == "" {
		name = m.c.T("app.name")
	}
	left := s.Station.Render(name)
	if m.c.Demo {
		left += " " + s.Demo.Render(" "+m.c.T("app.demo")+" ")
	}
	duty := m.c.T("app.nobody")
	if m.c.Staff.ID != 0 {
		duty = m.c.T("app.on_duty", m.c.Staff.Name)
	}
	right := duty + "  " + m.c.Cat.Date(now) + " " + now.Format("15:04")
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		left = ansi.Truncate(left, max(m.width-lipgloss.Width(right)-1, 1), "…")
		gap = max(m.width-lipgloss.Width(left)-lipgloss.Width(right), 1)
	}
	return s.Header.Render(left + strings.Repeat(" ", gap) + right)
}

func (m *Model) tabsView() string {
	s := m.c.Styles
	var parts []string
	for p, l := range m.tabLabels() {
		if m.mode == modeMain && common.Page(p) == m.page {
			parts = append(parts, s.TabActive.Render(l))
		} else {
			parts = append(parts, s.Tab.Render(l))
		}
	}
	return s.TabBar.Width(m.width).Render(strings.Join(parts, " "))
}

func (m *Model) footerView() string {
	s := m.c.Styles
	path := m.c.T("app.db", m.c.Store.Path())
	status := ""
	if m.status != "" && m.c.Now().Sub(m.statusAt) < 30*time.Second {
		if m.statusErr {
			status = s.StatusErr.Render(m.status)
		} else {
			status = s.StatusOK.Render(m.status)
		}
	}
	// the database path always shows, at least its last cells: a long status gives way first
	keep := min(lipgloss.Width(path), max(m.width/3, 24))
	status = ansi.Truncate(status, m.width-keep-2, "…")
	room := m.width - lipgloss.Width(status) - 2
	if lipgloss.Width(path) > room {
		path = "…" + ansi.TruncateLeft(path, lipgloss.Width(path)-room+1, "")
	}
	line := status + strings.Repeat(" ", max(m.width-lipgloss.Width(status)-lipgloss.Width(path), 0)) + s.Path.Render(path)
	return line + "\n" + ansi.Truncate(m.help.ShortHelpView(m.shortHelp()), m.width, "…")
}

// shortHelp is the footer's keys: the screen's own first, then the global ones. When they do
// not fit the width, the screen's last keys give way (the full list is on ?), never help or quit.
func (m *Model) shortHelp() []key.Binding {
	k := m.c.Keys
	var global []key.Binding
	if m.mode == modeMain {
		global = append(global, key.NewBinding(key.WithKeys("f1"), key.WithHelp("F1-F5", m.c.T("key.screen"))), k.Staff)
	}
	global = append(global, m.adminHelp()...)
	global = append(global, k.Help, k.Quit)
	var own []key.Binding
	if scr := m.active(); scr != nil {
		own = scr.ShortHelp()
	}
	h := m.help
	h.Width = 0
	for n := len(own); n >= 0; n-- {
		out := append(append([]key.Binding{}, own[:n]...), global...)
		if n == 0 || lipgloss.Width(h.ShortHelpView(out)) <= m.width {
			return out
		}
	}
	return global
}

func (m *Model) helpView() string {
	s := m.c.Styles
	k := m.c.Keys
	var b strings.Builder
	b.WriteString(s.Title.Render(m.c.T("help.title")) + "\n\n")
	b.WriteString(s.Label.Render(m.c.T("help.global")) + "\n")
	b.WriteString("  " + m.c.T("help.screens") + "\n")
	b.WriteString("  " + m.c.T("help.mouse") + "\n")
	for _, bind := range append(append([]key.Binding{k.Staff}, m.adminHelp()...), k.Help, k.Quit) {
		b.WriteString("  " + s.HelpKey.Render(bind.Help().Key) + "  " + s.HelpDesc.Render(bind.Help().Desc) + "\n")
	}
	if scr := m.active(); scr != nil {
		groups := scr.FullHelp()
		if len(groups) > 0 {
			b.WriteString("\n" + s.Label.Render(m.c.T("help.screen")) + "\n")
			for _, g := range groups {
				var parts []string
				for _, bind := range g {
					if bind.Enabled() {
						parts = append(parts, s.HelpKey.Render(bind.Help().Key)+" "+s.HelpDesc.Render(bind.Help().Desc))
					}
				}
				// wrap at the window so no key is cut off at 80 columns
				line := ""
				for _, part := range parts {
					if line != "" && lipgloss.Width(line)+3+lipgloss.Width(part) > m.width-6 {
						b.WriteString("  " + line + "\n")
						line = ""
					}
					if line != "" {
						line += "   "
					}
					line += part
				}
				b.WriteString("  " + line + "\n")
			}
		}
	}
	b.WriteString("\n" + s.Subtle.Render(m.c.T("help.close")))
	return lipgloss.NewStyle().Padding(1, 2).Render(b.String())
}
