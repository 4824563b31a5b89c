// Package tradepick is the trade (工种) chooser of the counter's forms: type characters,
// pinyin initials or full pinyin (sd → 水电) or English, move with the arrows, Enter or
// Space picks. In multi mode it holds several trades, each with years of experience
// (digits typed after picking set the years of the last trade picked); in single mode it
// holds one trade (a job's trade).
//
// It chooses from the store.Catalog it is handed and reports the choice to the form that
// embeds it; it never calls the store and never saves anything itself.
package tradepick

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// MaxQuery is the longest filter kept (a paste of 10,000 characters is cut here).
const MaxQuery = 20

// MaxYears is the most years of experience a trade can carry.
const MaxYears = 70

// Model is the trade chooser.
type Model struct {
	c        *common.Common
	multi    bool
	opts     []Option
	input    textinput.Model
	shown    []Option
	cursor   int
	selected []store.WorkerTrade // in the order picked
	width    int
	rows     int
	focused  bool
}

// New returns a chooser: multi for a worker's trades, single for a job's trade.
func New(c *common.Common, multi bool) *Model {
	in := common.NewInput()
	in.CharLimit = MaxQuery
	in.Prompt = ""
	in.Placeholder = c.T("reg.trade.placeholder")
	m := &Model{c: c, multi: multi, opts: Options(c.Records), input: in, rows: 3}
	m.shown = m.opts
	m.SetWidth(40)
	return m
}

// SetWidth sets the cells the widget may use.
func (m *Model) SetWidth(w int) {
	m.width = max(w, 16)
	m.input.Width = max(m.width/2, 8)
	m.input.Placeholder = common.FitHint(m.input.Width, m.c.T("reg.trade.placeholder"), m.c.T("reg.trade.placeholder.short"))
}

// SetRows sets how many lines of trades the open list shows at most.
func (m *Model) SetRows(n int) { m.rows = max(n, 1) }

// Selected is the worker's trades with years, in the order picked (multi mode).
func (m *Model) Selected() []store.WorkerTrade {
	return append([]store.WorkerTrade(nil), m.selected...)
}

// SetSelected replaces the chosen trades (unknown ids are dropped).
func (m *Model) SetSelected(ts []store.WorkerTrade) {
	m.selected = nil
	for _, t := range ts {
		if _, ok := m.option(t.TradeID); ok {
			m.selected = append(m.selected, t)
		}
	}
	if !m.multi && len(m.selected) > 1 {
		m.selected = m.selected[:1]
	}
}

// Value is the chosen trade in single mode (the first one in multi mode), 0 when none.
func (m *Model) Value() int64 {
	if len(m.selected) == 0 {
		return 0
	}
	return m.selected[0].TradeID
}

// SetValue chooses one trade (single mode); 0 clears.
func (m *Model) SetValue(id int64) {
	m.selected = nil
	if _, ok := m.option(id); ok {
		m.selected = []store.WorkerTrade{{TradeID: id}}
	}
}

// Query is the filter as typed.
func (m *Model) Query() string { return m.input.Value() }

// Open reports whether a filter is typed: then Enter belongs to the picker (it picks the
// highlighted trade); with no filter, Enter is the form's (move on).
func (m *Model) Open() bool { return m.input.Value() != "" }

// Unresolved reports a filter typed but not turned into a trade.
func (m *Model) Unresolved() bool { return valid.PickQuery(m.input.Value()) != "" }

// Focus shows the list of trades and takes typing.
func (m *Model) Focus() tea.Cmd {
	m.focused = true
	return m.input.Focus()
}

// Blur hides the list; a filter matching exactly one trade picks it, any other is kept.
func (m *Model) Blur() {
	m.focused = false
	m.input.Blur()
	if m.Unresolved() {
		shown := Filter(m.opts, m.input.Value())
		if len(shown) != 1 {
			return // keep what was typed: the form says it is not a trade yet
		}
		m.pick(shown[0].Trade.ID)
	}
	m.input.SetValue("")
	m.refilter()
}

// Focused reports whether the widget takes keys.
func (m *Model) Focused() bool { return m.focused }

func (m *Model) option(id int64) (Option, bool) {
	for _, o := range m.opts {
		if o.Trade.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

func (m *Model) index(id int64) int {
	for i, t := range m.selected {
		if t.TradeID == id {
			return i
		}
	}
	return -1
}

// toggle picks or drops a trade (multi); in single mode it picks.
func (m *Model) toggle(id int64) {
	if i := m.index(id); i >= 0 && m.multi {
		m.selected = append(m.selected[:i], m.selected[i+1:]...)
		return
	}
	m.pick(id)
}

func (m *Model) pick(id int64) {
	if !m.multi {
		m.selected = []store.WorkerTrade{{TradeID: id}}
		return
	}
	if m.index(id) < 0 {
		m.selected = append(m.selected, store.WorkerTrade{TradeID: id})
	}
}

func (m *Model) refilter() {
	m.shown = Filter(m.opts, m.input.Value())
	m.cursor = 0
}

// Update handles a key while focused.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok || !m.focused {
		return nil
	}
	k := m.c.Keys
	switch {
	case key.Matches(km, k.Down), km.Type == tea.KeyRight && m.input.Value() == "":
		if len(m.shown) > 0 {
			m.cursor = (m.cursor + 1) % len(m.shown)
		}
		return nil
	case key.Matches(km, k.Up), km.Type == tea.KeyLeft && m.input.Value() == "":
		if len(m.shown) > 0 {
			m.cursor = (m.cursor + len(m.shown) - 1) % len(m.shown)
		}
		return nil
	case key.Matches(km, k.Select), km.Type == tea.KeySpace:
		if (m.Open() || km.Type == tea.KeySpace) && m.cursor < len(m.shown) {
			m.toggle(m.shown[m.cursor].Trade.ID)
			m.input.SetValue("")
			m.refilter()
		}
		return nil
	case key.Matches(km, k.Back):
		m.input.SetValue("")
		m.refilter()
		return nil
	case km.Type == tea.KeyBackspace && m.input.Value() == "":
		m.backspace()
		return nil
	case km.Type == tea.KeyRunes && m.input.Value() == "" && m.multi && len(m.selected) > 0 && allDigits(km.Runes):
		m.typeYears(km.Runes)
		return nil
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(cleanKey(km))
	if v := m.input.Value(); v != before {
		if clean := valid.Typing(v); clean != v { // pasted escapes and controls never reach the screen
			m.input.SetValue(clean)
		}
		m.refilter()
	}
	return cmd
}

// cleanKey drops escape sequences and controls from typed or pasted text before an input
// sees it (the input drops ESC itself but would keep the "[31m" after it).
func cleanKey(km tea.KeyMsg) tea.KeyMsg {
	if km.Type == tea.KeyRunes {
		km.Runes = []rune(valid.KeyText(string(km.Runes)))
	}
	return km
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９') {
			return false
		}
	}
	return len(rs) > 0
}

// typeYears appends digits to the years of the last trade picked (0–70; a third digit starts over).
func (m *Model) typeYears(rs []rune) {
	t := &m.selected[len(m.selected)-1]
	for _, r := range rs {
		if r >= '０' {
			r = r - '０' + '0'
		}
		y := t.Years*10 + int(r-'0')
		if y > MaxYears || t.Years >= 10 {
			y = int(r - '0')
		}
		t.Years = y
	}
}

// backspace with no filter drops the last digit of years, then the last trade picked.
func (m *Model) backspace() {
	if len(m.selected) == 0 {
		return
	}
	last := &m.selected[len(m.selected)-1]
	if m.multi && last.Years > 0 {
		last.Years /= 10
		return
	}
	m.selected = m.selected[:len(m.selected)-1]
}

// Label is how chosen trades read in one line: 水电 5年 · 力工.
func (m *Model) Label() string {
	var parts []string
	for _, t := range m.selected {
		o, ok := m.option(t.TradeID)
		if !ok {
			continue
		}
		s := m.c.Cat.Trade(o.Trade)
		if m.multi && t.Years > 0 {
			s += " " + m.c.T("reg.trade.years", t.Years)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " · ")
}

// Lines is how many lines View takes now.
func (m *Model) Lines() int { return strings.Count(m.View(), "\n") + 1 }

// View draws the chosen trades and the filter, and while focused the matching trades.
func (m *Model) View() string {
	s := m.c.Styles
	line := m.Label()
	if line != "" {
		line += "  "
	}
	if m.focused || line == "" || m.Unresolved() {
		line += m.input.View()
	}
	line = ansi.Truncate(line, m.width, "…")
	if !m.focused {
		return line
	}
	if len(m.shown) == 0 {
		return line + "\n" + s.Warning.Render(ansi.Truncate("  "+m.c.T("reg.trade.no_match"), m.width, "…"))
	}
	// lay the matches out across the width, keeping the highlighted one on a visible line
	var lines [][]string
	var cur []string
	curW, cursorLine := 0, 0
	for i, o := range m.shown {
		name := m.c.Cat.Trade(o.Trade)
		if o.Via != "" { // say which of the counter's words found it
			name += m.c.T("trade.via", o.Via)
		}
		mark := "  "
		if m.index(o.Trade.ID) >= 0 {
			mark = "✓ "
		}
		cell := mark + name
		w := lipgloss.Width(cell) + 1
		if curW > 0 && curW+w > m.width {
			lines = append(lines, cur)
			cur, curW = nil, 0
		}
		if i == m.cursor {
			cell = s.RowActive.Render(cell)
			cursorLine = len(lines)
		}
		cur = append(cur, cell)
		curW += w
	}
	lines = append(lines, cur)
	first := 0
	if cursorLine >= m.rows {
		first = cursorLine - m.rows + 1
	}
	var b strings.Builder
	b.WriteString(line)
	for i := first; i < min(first+m.rows, len(lines)); i++ {
		row := strings.Join(lines[i], " ")
		if i == first+m.rows-1 && i < len(lines)-1 {
			row += " " + s.Subtle.Render("…")
		}
		b.WriteString("\n" + ansi.Truncate(row, m.width, "…"))
	}
	return b.String()
}

// String is for tests and logs.
func (m *Model) String() string { return fmt.Sprintf("tradepick%v", m.selected) }
