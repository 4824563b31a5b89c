// Package board is the live job board: every open and partly filled job, filtered and
// searched at the counter, reloaded by itself when anyone changes the database file.
package board

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/pinyinkey"
	"gigdesk/tui/common"
)

// PollEvery is how often the board asks SQLite whether the file changed: a change by another
// gigdesk shows within a second, and an idle poll costs a few microseconds.
const PollEvery = 400 * time.Millisecond

// ChangedFor is how long a new or changed job stays marked.
const ChangedFor = time.Minute

// Day filters.
type dayFilter int

const (
	anyDay dayFilter = iota
	today
	tomorrow
	thisWeek
	dayFilters
)

var dayKeys = [dayFilters]string{"board.day.any", "board.day.today", "board.day.tomorrow", "board.day.week"}

// row is one open job as the board holds it, with what filtering needs already worked out.
type row struct {
	job store.Job
	sub int64 // sub-district or town of the job's community
}

// Messages. Each is owned by the Board page so the root delivers it while another page shows.
type (
	watcherMsg struct {
		w   *store.Watcher
		err error
	}
	pollMsg struct {
		changed bool
		err     error
	}
	loadedMsg struct {
		id   int
		rows []row
		err  error
	}
)

func (watcherMsg) Owner() common.Page { return common.PageBoard }
func (pollMsg) Owner() common.Page    { return common.PageBoard }
func (loadedMsg) Owner() common.Page  { return common.PageBoard }

// Model is the Board screen.
type Model struct {
	c      *common.Common
	width  int
	height int

	all      []row // every open job, by start time then urgency
	shown    []int // indexes into all that pass the filters
	cursor   int   // index into shown
	offset   int   // first shown row drawn
	selected int64 // job under the cursor, kept across reloads
	wanted   int   // workers still wanted over the shown jobs
	idWidth  int
	payWidth int // the widest pay of the loaded jobs, in cells

	trade   int64
	sub     int64
	day     dayFilter
	urgent  bool
	search  textinput.Model
	typing  bool
	matches matchSet

	watcher  *store.Watcher
	reqID    int
	loading  bool
	stale    bool // a change came in while a load was running
	loaded   bool
	loadedAt time.Time
	now      time.Time
	err      string
	pollErr  bool
}

// New returns the Board screen.
func New(c *common.Common) *Model {
	ti := common.NewInput()
	ti.Prompt = ""
	ti.Placeholder = c.T("board.search.placeholder")
	ti.CharLimit = 30
	return &Model{c: c, search: ti, now: c.Clock(), width: 80, height: 19}
}

// Init opens the watcher and loads the jobs.
func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.openWatcher, m.load())
}

func (m *Model) openWatcher() tea.Msg {
	w, err := m.c.Store.NewWatcher(m.c.Ctx)
	return watcherMsg{w: w, err: err}
}

// RefreshEvery is how often an idle board redraws anyway, so "just changed" marks and waiting
// times move on; between those, unchanged polls never wake the UI.
const RefreshEvery = 15 * time.Second

// poll checks the watcher every PollEvery inside the command and answers only when the file
// changed, the check failed, or RefreshEvery has passed: an idle board does no UI work.
func (m *Model) poll() tea.Cmd {
	w := m.watcher
	return func() tea.Msg {
		for waited := time.Duration(0); waited < RefreshEvery; waited += PollEvery {
			time.Sleep(PollEvery)
			if changed, err := w.Changed(); changed || err != nil {
				return pollMsg{changed: changed, err: err}
			}
		}
		return pollMsg{}
	}
}

// load reads the open jobs and sorts them, off the UI goroutine.
func (m *Model) load() tea.Cmd {
	m.reqID++
	m.loading, m.stale = true, false
	id, s, ctx, rec := m.reqID, m.c.Store, m.c.Ctx, m.c.Records
	staff := m.c.Staff.ID
	return func() tea.Msg {
		// expired jobs leave the board (and count as expired) before it reads what is open
		if _, err := s.ExpireJobs(ctx, staff); err != nil {
			return loadedMsg{id: id, err: err}
		}
		jobs, err := s.Jobs(ctx, store.JobFilter{Statuses: []store.JobStatus{store.JobOpen, store.JobPartly}})
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		return loadedMsg{id: id, rows: rowsOf(jobs, rec)}
	}
}

// rowsOf orders jobs by start time, urgent first at the same time, and notes each one's area.
func rowsOf(jobs []store.Job, rec *store.Catalog) []row {
	rows := make([]row, len(jobs))
	for i, j := range jobs {
		rows[i].job = j
		if rec != nil {
			rows[i].sub, _ = rec.Area(j.CommunityID)
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		if c := a.job.StartsAt.Compare(b.job.StartsAt); c != 0 {
			return c
		}
		if a.job.Urgent != b.job.Urgent {
			if a.job.Urgent {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.job.ID, b.job.ID)
	})
	return rows
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case watcherMsg:
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, common.Status(m.c.T("board.live_off", m.err), true)
		}
		m.watcher = msg.w
		return m, m.poll()
	case pollMsg:
		m.now = m.c.Clock()
		if msg.err != nil {
			if !m.pollErr { // say it once, keep trying
				m.pollErr = true
				return m, tea.Batch(m.poll(), common.Status(m.c.T("board.live_off", m.c.Cat.Err(msg.err)), true))
			}
			return m, m.poll()
		}
		m.pollErr = false
		if msg.changed {
			if m.loading {
				m.stale = true
				return m, m.poll()
			}
			return m, tea.Batch(m.poll(), m.load())
		}
		return m, m.poll()
	case loadedMsg:
		if msg.id != m.reqID {
			return m, nil // an older request: a newer one is on its way
		}
		m.loading = false
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.err = ""
		m.all, m.loaded, m.now, m.loadedAt = msg.rows, true, m.c.Clock(), m.c.Clock()
		m.idWidth, m.payWidth = 0, 0
		for _, r := range m.all {
			m.idWidth = max(m.idWidth, len(strconv.FormatInt(r.job.ID, 10)))
			m.payWidth = max(m.payWidth, lipgloss.Width(m.c.Cat.Pay(r.job.PayFen, r.job.PayUnit)))
		}
		m.refilter()
		if m.stale {
			return m, m.load()
		}
		return m, nil
	case common.ChangedMsg:
		return m, m.load()
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	if m.typing {
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return m, cmd
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
		return nil
	case key.Matches(msg, k.Down):
		m.move(1)
		return nil
	case key.Matches(msg, k.PgUp):
		m.move(-m.visible())
		return nil
	case key.Matches(msg, k.PgDown):
		m.move(m.visible())
		return nil
	case key.Matches(msg, k.Select):
		if m.typing {
			m.typing = false
			m.search.Blur()
			return nil
		}
		if id := m.current(); id != 0 {
			return common.Goto(common.PageMatch, id)
		}
		return nil
	}
	if m.typing {
		if key.Matches(msg, k.Back) {
			m.typing = false
			m.search.Blur()
			m.search.SetValue("")
			m.refilter()
			return nil
		}
		before := m.search.Value()
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		if m.search.Value() != before {
			m.refilter()
		}
		return cmd
	}
	shift := msg.String() == strings.ToUpper(msg.String()) && msg.Type == tea.KeyRunes
	switch {
	case key.Matches(msg, k.BoardHome):
		m.move(-len(m.shown))
	case key.Matches(msg, k.BoardEnd):
		m.move(len(m.shown))
	case key.Matches(msg, k.BoardSearch):
		m.typing = true
		return m.search.Focus()
	case key.Matches(msg, k.BoardTrade):
		m.trade = m.cycle(m.trade, m.tradeIDs(), shift)
		m.refilter()
	case key.Matches(msg, k.BoardArea):
		m.sub = m.cycle(m.sub, m.subIDs(), shift)
		m.refilter()
	case key.Matches(msg, k.BoardDay):
		if shift {
			m.day = (m.day + dayFilters - 1) % dayFilters
		} else {
			m.day = (m.day + 1) % dayFilters
		}
		m.refilter()
	case key.Matches(msg, k.BoardUrgent):
		m.urgent = !m.urgent
		m.refilter()
	case key.Matches(msg, k.BoardClear):
		m.trade, m.sub, m.day, m.urgent = 0, 0, anyDay, false
		m.search.SetValue("")
		m.refilter()
	case key.Matches(msg, k.Back) && m.search.Value() != "":
		m.search.SetValue("")
		m.refilter()
	}
	return nil
}

// cycle steps a filter through 0 (everything) and ids, backwards when back.
func (m *Model) cycle(cur int64, ids []int64, back bool) int64 {
	all := append([]int64{0}, ids...)
	i := max(slices.Index(all, cur), 0)
	if back {
		i = (i + len(all) - 1) % len(all)
	} else {
		i = (i + 1) % len(all)
	}
	return all[i]
}

func (m *Model) tradeIDs() []int64 {
	if m.c.Records == nil {
		return nil
	}
	ids := make([]int64, 0, len(m.c.Records.Trades))
	for _, t := range m.c.Records.Trades {
		ids = append(ids, t.ID)
	}
	return ids
}

func (m *Model) subIDs() []int64 {
	if m.c.Records == nil {
		return nil
	}
	var ids []int64
	for _, p := range m.c.Records.Places {
		if p.Level == store.LevelSubdistrict || p.Level == store.LevelTown {
			ids = append(ids, p.ID)
		}
	}
	return ids
}

// move shifts the cursor by n rows and remembers the job under it.
func (m *Model) move(n int) {
	if len(m.shown) == 0 {
		m.cursor, m.offset, m.selected = 0, 0, 0
		return
	}
	m.cursor = min(max(m.cursor+n, 0), len(m.shown)-1)
	m.selected = m.all[m.shown[m.cursor]].job.ID
	m.scroll()
}

// scroll keeps the cursor's row on screen.
func (m *Model) scroll() {
	m.offset = common.ScrollOffset(m.cursor, m.offset, m.visible(), len(m.shown))
}

func (m *Model) current() int64 {
	if m.cursor < len(m.shown) {
		return m.all[m.shown[m.cursor]].job.ID
	}
	return 0
}

// refilter applies the filters and the search to all rows; the cursor stays on the same job
// when it is still shown, otherwise on the row that took its place.
func (m *Model) refilter() {
	m.matches = newMatchSet(m.search.Value(), m.c.Records)
	from, to := m.dayRange()
	m.shown = m.shown[:0]
	m.wanted = 0
	for i := range m.all {
		r := &m.all[i]
		j := &r.job
		switch {
		case m.trade != 0 && j.TradeID != m.trade,
			m.sub != 0 && r.sub != m.sub,
			m.urgent && !j.Urgent,
			!from.IsZero() && (j.StartsAt.Before(from) || !j.StartsAt.Before(to)),
			!m.matches.match(r):
			continue
		}
		m.shown = append(m.shown, i)
		m.wanted += max(j.Headcount-j.Filled, 0)
	}
	cur := -1
	if m.selected != 0 {
		cur = slices.IndexFunc(m.shown, func(i int) bool { return m.all[i].job.ID == m.selected })
	}
	if cur < 0 {
		cur = min(m.cursor, len(m.shown)-1)
	}
	m.cursor = max(cur, 0)
	if len(m.shown) > 0 {
		m.selected = m.all[m.shown[m.cursor]].job.ID
	}
	m.scroll()
}

// dayRange is the start-time window of the day filter; zero times mean any day.
func (m *Model) dayRange() (time.Time, time.Time) {
	now := m.c.Clock()
	y, mo, d := now.Date()
	start := time.Date(y, mo, d, 0, 0, 0, 0, now.Location())
	switch m.day {
	case today:
		return start, start.AddDate(0, 0, 1)
	case tomorrow:
		return start.AddDate(0, 0, 1), start.AddDate(0, 0, 2)
	case thisWeek: // today to the end of Sunday: 本周 at the counter is the calendar week
		left := (7 - int(now.Weekday())) % 7
		return start, start.AddDate(0, 0, left+1)
	}
	return time.Time{}, time.Time{}
}

// matchSet is what a search finds: the trades and places whose names, pinyin or initials
// match, worked out once per keystroke so each job is only a few lookups.
type matchSet struct {
	query  string
	digits string
	trades map[int64]bool
	places map[int64]bool
}

func newMatchSet(q string, rec *store.Catalog) matchSet {
	q = strings.ToLower(strings.TrimSpace(q))
	ms := matchSet{query: q}
	if q == "" {
		return ms
	}
	if d := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(q, "no."), "#"), "0"); d != "" && strings.Trim(d, "0123456789") == "" {
		ms.digits = d
	}
	if rec == nil {
		return ms
	}
	ms.trades, ms.places = map[int64]bool{}, map[int64]bool{}
	for _, t := range rec.Trades {
		if nameMatches(q, t.NameZh) || strings.Contains(strings.ToLower(t.NameEn), q) || strings.Contains(strings.ToLower(t.Code), q) {
			ms.trades[t.ID] = true
		}
	}
	for _, p := range rec.Places {
		if p.Level != store.LevelDistrict && nameMatches(q, p.Name) {
			ms.places[p.ID] = true
		}
	}
	return ms
}

// nameMatches: the name holds q, or its pinyin (full or initials) starts with it.
func nameMatches(q, name string) bool {
	if strings.Contains(name, q) {
		return true
	}
	return pinyinkey.Matches(q, []string{pinyinkey.Initials(name), pinyinkey.Full(name)})
}

func (ms *matchSet) match(r *row) bool {
	if ms.query == "" {
		return true
	}
	if ms.digits != "" && strings.HasPrefix(strconv.FormatInt(r.job.ID, 10), ms.digits) {
		return true
	}
	return ms.trades[r.job.TradeID] || ms.places[r.job.CommunityID] || ms.places[r.sub]
}

// SetSize is the body's size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.search.Width = max(min(24, w/4), 8)
	m.scroll()
}

// visible is the number of job rows that fit under the title, filter and header lines.
func (m *Model) visible() int { return max(m.height-3, 1) }

func (m *Model) ShortHelp() []key.Binding {
	k := m.c.Keys
	return []key.Binding{k.Select, k.BoardSearch, k.BoardTrade, k.BoardArea, k.BoardDay, k.BoardUrgent}
}

func (m *Model) FullHelp() [][]key.Binding {
	k := m.c.Keys
	return [][]key.Binding{
		{k.Up, k.Down, k.PgUp, k.PgDown, k.BoardHome, k.BoardEnd},
		{k.Select, k.BoardSearch, k.Back},
		{k.BoardTrade, k.BoardArea, k.BoardDay, k.BoardUrgent, k.BoardClear},
	}
}

func (m *Model) Capturing() bool { return m.typing }
func (m *Model) Dirty() bool     { return false }

// Selected is the job under the cursor (0 when the list is empty).
func (m *Model) Selected() int64 { return m.current() }

// columns are the widths of one row's cells. At 80 columns pay gets 12 cells and trade and
// community share what is left; wide, pay first gets its full width, then the sub-district,
// trade and community take what they need up to a cap each, so no column sprawls.
// placeCap is the most cells a community name gets: the longest names fit, the rest of a wide
// screen is left as margin rather than stretching the row apart.
const placeCap = 24

type columns struct {
	id, trade, place, sub, when, pay, filled, waited, urgent int
}

func (m *Model) columns() columns {
	t := m.c.T
	w := func(key string, least int) int { return max(lipgloss.Width(t(key)), least) }
	c := columns{id: w("board.col.id", m.idWidth+1), when: 16, pay: 12, filled: w("board.col.filled", 5),
		waited: w("board.col.waited", 6), urgent: max(w("board.col.urgent", 2), lipgloss.Width(t("board.urgent")))}
	if !m.c.Cat.Zh() {
		c.when = 15
	}
	fixed := 3 + c.id + c.when + c.pay + c.filled + c.waited + c.urgent + 7 // marks and gaps
	flex := max(m.width-fixed, 16)
	if flex >= 44 { // wide: show the sub-district too
		if need := max(m.payWidth, lipgloss.Width(t("board.col.pay"))); need > c.pay && flex-(need-c.pay) >= 44 {
			flex -= need - c.pay
			c.pay = need
		}
		c.sub = min(flex/4, 14)
		flex -= c.sub + 1
	}
	c.trade = min(max(flex*2/5, 8), 22)
	c.place = min(flex-c.trade-1, placeCap)
	return c
}

func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(m.titleLine() + "\n")
	b.WriteString(m.filterLine() + "\n")
	cols := m.columns()
	b.WriteString(s.Label.Render(m.headerLine(cols)) + "\n")
	switch {
	case m.err != "" && !m.loaded:
		b.WriteString(s.Error.Render(m.err))
	case !m.loaded:
		b.WriteString(s.Subtle.Render(m.c.T("status.loading")))
	case len(m.all) == 0:
		b.WriteString(s.Subtle.Render(m.c.T("board.empty")))
	case len(m.shown) == 0:
		b.WriteString(s.Subtle.Render(m.c.T("board.none_match")))
	default:
		end := min(m.offset+m.visible(), len(m.shown))
		for i := m.offset; i < end; i++ {
			b.WriteString(m.rowLine(&m.all[m.shown[i]], cols, i == m.cursor))
			if i < end-1 {
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

func (m *Model) titleLine() string {
	s := m.c.Styles
	left := s.Title.Render(m.c.T("board.title")) + "  " + m.c.T("board.count", len(m.shown), m.wanted)
	if len(m.shown) != len(m.all) {
		left += s.Subtle.Render(" " + m.c.T("board.of_all", len(m.all)))
	}
	var right string
	switch {
	case m.watcher == nil || m.pollErr:
		right = s.Warning.Render(m.c.T("board.not_live"))
	default:
		right = s.Good.Render("● "+m.c.T("board.live")) + s.Subtle.Render(" "+m.loadedAt.Format("15:04:05"))
	}
	if len(m.shown) > 0 {
		right = s.Subtle.Render(m.c.T("board.position", m.cursor+1, len(m.shown))) + "  " + right
	}
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left+" "+right, m.width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m *Model) filterLine() string {
	s := m.c.Styles
	value := func(on bool, v string) string {
		if on {
			return s.Changed.Render(v)
		}
		return v
	}
	tradeName, subName := m.c.T("board.all"), m.c.T("board.all")
	if m.trade != 0 {
		tradeName = m.c.Cat.TradeName(m.c.Records, m.trade)
	}
	if m.sub != 0 {
		subName = m.c.Records.PlaceName(m.sub)
	}
	urgent := m.c.T("board.no")
	if m.urgent {
		urgent = m.c.T("board.yes")
	}
	parts := []string{
		m.c.T("board.f.trade") + value(m.trade != 0, tradeName),
		m.c.T("board.f.area") + value(m.sub != 0, subName),
		m.c.T("board.f.day") + value(m.day != anyDay, m.c.T(dayKeys[m.day])),
		m.c.T("board.f.urgent") + value(m.urgent, urgent),
	}
	line := strings.Join(parts, "  ")
	var search string
	switch {
	case m.typing:
		search = s.Label.Render("/ ") + m.search.View()
	case m.search.Value() != "":
		search = s.Label.Render("/ ") + s.Changed.Render(m.search.Value())
	default:
		search = s.Subtle.Render(m.c.T("board.search.hint"))
	}
	gap := m.width - lipgloss.Width(line) - lipgloss.Width(search)
	if gap < 2 {
		// narrow: the search box wins the room it needs; the filters are cut
		line = ansi.Truncate(line, max(m.width-lipgloss.Width(search)-2, 10), "…")
		gap = max(m.width-lipgloss.Width(line)-lipgloss.Width(search), 1)
	}
	return line + strings.Repeat(" ", gap) + search
}

func (m *Model) headerLine(c columns) string {
	t := m.c.T
	parts := []string{"   " + common.Cell(t("board.col.id"), c.id), common.Cell(t("board.col.trade"), c.trade), common.Cell(t("board.col.place"), c.place)}
	if c.sub > 0 {
		parts = append(parts, common.Cell(t("board.col.sub"), c.sub))
	}
	parts = append(parts, common.Cell(t("board.col.when"), c.when), common.Cell(t("board.col.pay"), c.pay),
		common.CellRight(t("board.col.filled"), c.filled), common.CellRight(t("board.col.waited"), c.waited), common.Cell(t("board.col.urgent"), c.urgent))
	return common.Cell(strings.Join(parts, " "), m.width)
}

func (m *Model) rowLine(r *row, c columns, active bool) string {
	s := m.c.Styles
	j := &r.job
	cat := m.c.Cat
	mark := " "
	if active {
		mark = "▸"
	}
	if m.now.Sub(j.UpdatedAt) < ChangedFor {
		mark += s.Changed.Render("●") + " "
	} else {
		mark += "  "
	}
	parts := []string{common.Cell("#"+strconv.FormatInt(j.ID, 10), c.id), common.Cell(m.c.Cat.TradeName(m.c.Records, j.TradeID), c.trade), common.Cell(m.c.Records.PlaceName(j.CommunityID), c.place)}
	if c.sub > 0 {
		parts = append(parts, common.Cell(m.c.Records.PlaceName(r.sub), c.sub))
	}
	parts = append(parts, common.Cell(cat.When(j.StartsAt.In(m.now.Location()), m.now), c.when), common.Cell(cat.Pay(j.PayFen, j.PayUnit), c.pay),
		common.CellRight(strconv.Itoa(j.Filled)+"/"+strconv.Itoa(j.Headcount), c.filled), common.CellRight(m.waited(m.now.Sub(j.CreatedAt)), c.waited))
	urgent := common.Cell("", c.urgent)
	if j.Urgent {
		urgent = common.Cell(m.c.T("board.urgent"), c.urgent)
	}
	line := strings.Join(parts, " ") + " "
	switch {
	case active:
		return mark + s.RowActive.Render(common.Cell(line+urgent, m.width-3))
	case j.Urgent:
		return mark + common.Cell(line+s.Urgent.Render(urgent), m.width-3)
	}
	return mark + common.Cell(line+urgent, m.width-3)
}

// waited is how long a job has been waiting, in the largest whole unit.
func (m *Model) waited(d time.Duration) string {
	switch {
	case d < time.Minute:
		return m.c.T("board.waited.now")
	case d < time.Hour:
		return m.c.T("board.waited.min", int(d/time.Minute))
	case d < 48*time.Hour:
		return m.c.T("board.waited.hour", int(d/time.Hour))
	}
	return m.c.T("board.waited.day", int(d/(24*time.Hour)))
}
