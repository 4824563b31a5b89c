// Package kiosk is the door screen: open jobs in large rows, paged every few seconds, for
// anyone walking in. It reads only store.PublicBoard, which has no personal fields at all.
//
// It must never show a name, a phone or an address, and it takes no key but Ctrl+Q twice
// (to exit): anyone at the door can reach the keyboard.
package kiosk

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// Timing of the door screen.
const (
	Tick        = time.Second     // the data poll
	PageEvery   = 9 * time.Second // one page of jobs stays this long
	TickerStep  = 3 * time.Second // the ticker moves on by one filled job; the screen redraws
	ReloadEvery = time.Minute     // reload even without changes: started jobs drop off, the day rolls over
	ExitWithin  = 2 * time.Second // the second Ctrl+Q must follow the first this soon
)

type (
	watcherMsg struct {
		w   *store.Watcher
		err error
	}
	tickMsg struct {
		elapsed time.Duration
		changed bool
		err     error
	}
	loadedMsg struct {
		id    int
		board store.PublicBoard
		rec   *store.Catalog
		err   error
	}
)

// Model is the door screen; run it as the program's only model.
type Model struct {
	c      *common.Common
	width  int
	height int

	board     store.PublicBoard
	wanted    int // places still wanted over the board's jobs, summed on load
	rec       *store.Catalog
	loaded    bool
	err       string
	page      int
	pageAge   time.Duration
	ticker    int
	tickAge   time.Duration
	sinceLoad time.Duration

	watcher *store.Watcher
	reqID   int
	loading bool
	stale   bool

	armed time.Time // when Ctrl+Q was first pressed; zero when not armed
	cols  columns
}

// New returns the door screen. c needs Store, Cat, Styles, Keys, Now and Ctx.
func New(c *common.Common) *Model {
	return &Model{c: c, width: 80, height: 24}
}

func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.openWatcher, m.load(), m.tick())
}

func (m *Model) openWatcher() tea.Msg {
	w, err := m.c.Store.NewWatcher(m.c.Ctx)
	return watcherMsg{w: w, err: err}
}

// tick polls the watcher every second inside the command and answers when the file changed or
// a TickerStep has passed: the screen redraws every few seconds, not every poll.
func (m *Model) tick() tea.Cmd {
	w := m.watcher
	return func() tea.Msg {
		start := time.Now()
		for {
			time.Sleep(Tick)
			var changed bool
			var err error
			if w != nil {
				changed, err = w.Changed()
			}
			if elapsed := time.Since(start); changed || err != nil || elapsed >= TickerStep-Tick/2 {
				return tickMsg{elapsed: elapsed.Round(Tick), changed: changed, err: err}
			}
		}
	}
}

func (m *Model) load() tea.Cmd {
	m.reqID++
	m.loading, m.stale, m.sinceLoad = true, false, 0
	id, s, ctx, rec := m.reqID, m.c.Store, m.c.Ctx, m.rec
	return func() tea.Msg {
		b, err := s.PublicBoard(ctx)
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		if rec == nil { // trade and place names: read once
			if rec, err = s.Catalog(ctx); err != nil {
				return loadedMsg{id: id, err: err}
			}
		}
		return loadedMsg{id: id, board: b, rec: rec}
	}
}

// Close lets go of the watcher's connection.
func (m *Model) Close() {
	if m.watcher != nil {
		m.watcher.Close()
	}
}

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.clampPage()
		m.layout()
	case watcherMsg:
		if msg.err == nil {
			m.watcher = msg.w
		}
	case tickMsg:
		return m, m.step(msg)
	case loadedMsg:
		if msg.id != m.reqID {
			return m, nil
		}
		m.loading = false
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.err, m.loaded, m.board, m.rec = "", true, msg.board, msg.rec
		m.wanted = 0
		for _, j := range m.board.Jobs {
			m.wanted += j.Wanted()
		}
		m.clampPage()
		m.layout()
		if m.ticker >= len(m.board.JustFilled) {
			m.ticker = 0
		}
		if m.stale {
			return m, m.load()
		}
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

// step is one second of the door screen: page, ticker, and a reload when the file changed.
func (m *Model) step(t tickMsg) tea.Cmd {
	cmds := []tea.Cmd{m.tick()}
	m.pageAge += t.elapsed
	if m.pageAge >= PageEvery {
		m.pageAge = 0
		if n := m.pages(); n > 0 {
			m.page = (m.page + 1) % n
		}
	}
	m.tickAge += t.elapsed
	if m.tickAge >= TickerStep {
		m.tickAge = 0
		if n := len(m.board.JustFilled); n > 0 {
			m.ticker = (m.ticker + 1) % n
		}
	}
	m.sinceLoad += t.elapsed
	if !m.armed.IsZero() && m.c.Now().Sub(m.armed) > ExitWithin {
		m.armed = time.Time{}
	}
	if t.changed || m.sinceLoad >= ReloadEvery || (m.err != "" && m.sinceLoad >= 5*Tick) {
		if m.loading {
			m.stale = true
		} else {
			cmds = append(cmds, m.load())
		}
	}
	return tea.Batch(cmds...)
}

// key ignores every key except Ctrl+Q pressed twice within ExitWithin.
func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if !key.Matches(msg, m.c.Keys.KioskExit) {
		return nil
	}
	now := m.c.Now()
	if !m.armed.IsZero() && now.Sub(m.armed) <= ExitWithin {
		return tea.Quit
	}
	m.armed = now
	return nil
}

// Armed reports whether one more Ctrl+Q quits.
func (m *Model) Armed() bool { return !m.armed.IsZero() }

// Page is the page shown (0-based) and Pages how many there are.
func (m *Model) Page() int  { return m.page }
func (m *Model) Pages() int { return m.pages() }

// NextPage turns the page as the timer would (tests walk every page with it).
func (m *Model) NextPage() {
	if n := m.pages(); n > 0 {
		m.page = (m.page + 1) % n
	}
}

// NextFill moves the ticker on by one filled job.
func (m *Model) NextFill() {
	if n := len(m.board.JustFilled); n > 0 {
		m.ticker = (m.ticker + 1) % n
	}
}

// layout: title, blank, stats, blank, header, rows…, blank, ticker, help.
const chromeRows = 8

func (m *Model) rowHeight() int {
	if m.height >= 40 {
		return 3 // a tall screen: rows with room around them read better from afar
	}
	return 2
}

func (m *Model) perPage() int { return max((m.height-chromeRows)/m.rowHeight(), 1) }

func (m *Model) pages() int {
	n := len(m.board.Jobs)
	if n == 0 {
		return 1
	}
	return (n + m.perPage() - 1) / m.perPage()
}

func (m *Model) clampPage() {
	if m.page >= m.pages() {
		m.page = 0
	}
}

func (m *Model) View() string {
	w, h := max(m.width, 20), max(m.height, 5)
	lines := make([]string, 0, h)
	lines = append(lines, m.titleLine(w), "", m.statsLine(w), "")
	body := h - chromeRows + 1 // the header line is part of the body here
	switch {
	case !m.loaded && m.err != "":
		lines = append(lines, m.c.Styles.Error.Render(m.c.T("kiosk.error", m.err)))
	case !m.loaded:
		lines = append(lines, m.c.T("kiosk.loading"))
	case len(m.board.Jobs) == 0:
		lines = append(lines, "", center(m.c.Styles.KioskRow.Render(m.c.T("kiosk.empty")), w))
	default:
		lines = append(lines, m.jobLines(w)...)
	}
	for len(lines) < 4+body {
		lines = append(lines, "")
	}
	lines = lines[:4+body]
	lines = append(lines, "", m.tickerLine(w), m.helpLine(w))
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// bar renders left and right in style across the whole width.
func bar(style lipgloss.Style, left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		left = ansi.Truncate(left, max(w-lipgloss.Width(right)-1, 0), "…")
		gap = max(w-lipgloss.Width(left)-lipgloss.Width(right), 0)
	}
	return style.Render(left + strings.Repeat(" ", gap) + right)
}

func center(s string, w int) string {
	return strings.Repeat(" ", max((w-lipgloss.Width(s))/2, 0)) + s
}

func (m *Model) titleLine(w int) string {
	name := m.board.StationName
	if name == "" {
		name = m.c.T("app.name")
	}
	left := " " + name + " · " + m.c.T("kiosk.title")
	if m.board.StationPhone != "" {
		left += "   " + m.c.T("kiosk.phone", m.board.StationPhone)
	}
	now := m.c.Clock()
	right := m.c.Cat.Date(now) + " " + now.Format("15:04") + " "
	return bar(m.c.Styles.KioskTitle, left, right, w)
}

func (m *Model) statsLine(w int) string {
	s := m.c.Styles
	left := " " + s.KioskStat.Render(m.c.T("kiosk.filled_today", m.board.FilledToday)) + "   " +
		s.KioskRow.Render(m.c.T("kiosk.open", len(m.board.Jobs), m.wanted))
	right := m.c.T("kiosk.page", m.page+1, m.pages()) + " "
	return bar(lipgloss.NewStyle(), left, right, w)
}

// columns of a job row: number, trade, where (community and employer kind), when, pay, wanted,
// the urgent tag, and the gap between cells. Worked out on load and resize, never in View.
type columns struct{ no, trade, where, when, pay, need, urgent, gap int }

// cells is one job row's texts.
type cells struct{ no, trade, where, when, pay, need string }

func (m *Model) cells(j store.PublicJob, now time.Time) cells {
	t := m.c.T
	where := m.rec.PlaceName(j.CommunityID)
	if kind := t("kiosk.kind." + string(j.EmployerKind)); where != "" {
		where += " · " + kind
	} else {
		where = kind
	}
	return cells{no: strconv.FormatInt(j.ID, 10), trade: m.c.Cat.TradeName(m.rec, j.TradeID), where: where,
		when: m.c.Cat.When(j.StartsAt.In(now.Location()), now), pay: m.c.Cat.Pay(j.PayFen, j.PayUnit), need: t("kiosk.need", j.Wanted())}
}

// layout sizes the columns to what the loaded jobs need, then shrinks the widest cells to fit
// the screen, or spreads spare room between the cells of a wide screen.
func (m *Model) layout() {
	t := m.c.T
	hw := func(key string) int { return lipgloss.Width(t(key)) }
	c := columns{no: hw("kiosk.col.no"), trade: hw("kiosk.col.trade"), where: hw("kiosk.col.where"), when: hw("kiosk.col.when"),
		pay: hw("kiosk.col.pay"), need: hw("kiosk.col.need"), urgent: lipgloss.Width(t("kiosk.urgent")) + 2, gap: 1}
	now := m.c.Clock()
	for _, j := range m.board.Jobs {
		x := m.cells(j, now)
		c.no = max(c.no, lipgloss.Width(x.no))
		c.trade = max(c.trade, lipgloss.Width(x.trade))
		c.where = max(c.where, lipgloss.Width(x.where))
		c.when = max(c.when, lipgloss.Width(x.when))
		c.pay = max(c.pay, lipgloss.Width(x.pay))
		c.need = max(c.need, lipgloss.Width(x.need))
	}
	sum := func() int { return 2 + c.no + c.trade + c.where + c.when + c.pay + c.need + c.urgent + 6*c.gap }
	// too wide: give up room where a cut hurts least, down to a floor each
	for _, s := range []struct {
		w     *int
		floor int
	}{{&c.where, 16}, {&c.trade, 12}, {&c.pay, 11}, {&c.where, 10}, {&c.trade, 8}, {&c.when, 10}} {
		if over := sum() - m.width; over > 0 && *s.w > s.floor {
			*s.w -= min(over, *s.w-s.floor)
		}
	}
	if spare := m.width - sum(); spare > 0 {
		c.gap += min(spare/7, 5)
	}
	m.cols = c
}

func (m *Model) jobLines(w int) []string {
	st := m.c.Styles
	t := m.c.T
	c := m.cols
	gap := strings.Repeat(" ", c.gap)
	head := "  " + strings.Join([]string{common.Cell(t("kiosk.col.no"), c.no), common.Cell(t("kiosk.col.trade"), c.trade),
		common.Cell(t("kiosk.col.where"), c.where), common.Cell(t("kiosk.col.when"), c.when), common.Cell(t("kiosk.col.pay"), c.pay),
		common.Cell(t("kiosk.col.need"), c.need)}, gap)
	lines := []string{st.KioskHead.Render(common.Cell(head, w))}
	per := m.perPage()
	from := m.page * per
	to := min(from+per, len(m.board.Jobs))
	now := m.c.Clock()
	for i := from; i < to; i++ {
		j := m.board.Jobs[i]
		style := st.KioskRow
		if (i-from)%2 == 1 {
			style = st.KioskRowAlt
		}
		x := m.cells(j, now)
		line := "  " + strings.Join([]string{
			style.Render(common.Cell(x.no, c.no)),
			style.Render(common.Cell(x.trade, c.trade)),
			style.Render(common.Cell(x.where, c.where)),
			style.Render(common.Cell(x.when, c.when)),
			st.KioskPay.Render(common.Cell(x.pay, c.pay)),
			style.Render(common.Cell(x.need, c.need)),
		}, gap)
		if j.Urgent {
			line += gap + st.KioskUrgent.Render(" "+t("kiosk.urgent")+" ")
		}
		lines = append(lines, line)
		for range m.rowHeight() - 1 {
			lines = append(lines, "")
		}
	}
	return lines
}

// tickerLine runs through today's filled jobs, starting at the current one, as far as fits.
func (m *Model) tickerLine(w int) string {
	t := m.c.T
	label := " " + t("kiosk.just_filled") + " "
	fills := m.board.JustFilled
	if len(fills) == 0 {
		return bar(m.c.Styles.KioskTicker, label+t("kiosk.none_filled"), "", w)
	}
	var items []string
	for k := range fills {
		f := fills[(m.ticker+k)%len(fills)]
		where := m.rec.PlaceName(f.CommunityID)
		items = append(items, t("kiosk.fill_item", m.c.Cat.TradeName(m.rec, f.TradeID), where, t("kiosk.kind."+string(f.EmployerKind)),
			f.Headcount, f.FilledAt.In(m.c.Store.Location()).Format("15:04")))
	}
	return bar(m.c.Styles.KioskTicker, label+strings.Join(items, "   ◆ "), "", w)
}

func (m *Model) helpLine(w int) string {
	exit := m.c.T("kiosk.exit_hint")
	if m.Armed() {
		exit = m.c.T("kiosk.exit_armed")
	}
	return bar(m.c.Styles.KioskFoot, " "+m.c.T("kiosk.ask"), exit+" ", w)
}

// Text is every piece of text the door screen can show from its data, whatever page or
// ticker position is on screen; the privacy test checks it too.
func (m *Model) Text() string {
	saveP, saveT, saveW := m.page, m.ticker, m.width
	defer func() { m.page, m.ticker, m.width = saveP, saveT, saveW }()
	var b strings.Builder
	m.width = 1000
	m.layout()
	defer m.layout()
	for p := range m.pages() {
		m.page = p
		b.WriteString(ansi.Strip(m.View()) + "\n")
	}
	return b.String()
}
