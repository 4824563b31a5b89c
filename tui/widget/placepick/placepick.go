// Package placepick is a community (社区/村) picker for forms: type characters of the name,
// pinyin initials or full pinyin, see each community beside its sub-district or town, choose
// with the arrow keys and Enter.
//
// It chooses from the store.Catalog it is handed and reports the choice to the form that
// embeds it; it never calls the store and never saves anything itself.
package placepick

import (
	"strings"
	"unicode"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/pinyinkey"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// Option is one community the picker offers, with the words it is found by.
type Option struct {
	Place    store.Place
	Area     string   // the sub-district or town that holds it
	keys     []string // lower-case pinyin of the name: full reading and initials
	areaKeys []string
}

// Options lists the catalogue's communities with their search keys, in catalogue order.
func Options(cat *store.Catalog) []Option {
	if cat == nil {
		return nil
	}
	var out []Option
	for _, p := range cat.Communities() {
		o := Option{Place: p, keys: []string{pinyinkey.Full(p.Name), pinyinkey.Initials(p.Name)}}
		if sub, _ := cat.Area(p.ID); sub != 0 {
			if sp, ok := cat.Place(sub); ok {
				o.Area = sp.Name
				o.areaKeys = []string{pinyinkey.Full(sp.Name), pinyinkey.Initials(sp.Name)}
			}
		}
		out = append(out, o)
	}
	return out
}

// Filter returns the options that match query, best first: the name starts with it (in
// characters or pinyin), then the name contains it, then its sub-district or town matches.
// An empty query returns every option.
func Filter(opts []Option, query string) []Option {
	q := valid.PickQuery(query)
	if q == "" {
		return opts
	}
	latin := isLatin(q)
	var ranks [3][]Option
	for _, o := range opts {
		switch {
		case strings.HasPrefix(o.Place.Name, q) || latin && pinyinkey.Matches(q, o.keys):
			ranks[0] = append(ranks[0], o)
		case strings.Contains(o.Place.Name, q):
			ranks[1] = append(ranks[1], o)
		case strings.HasPrefix(o.Area, q) || latin && pinyinkey.Matches(q, o.areaKeys):
			ranks[2] = append(ranks[2], o)
		}
	}
	return append(append(ranks[0], ranks[1]...), ranks[2]...)
}

func isLatin(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return false
		}
	}
	return true
}

// Model is the picker: one input line and, while choosing, a list of matches under it.
type Model struct {
	c        *common.Common
	opts     []Option
	input    textinput.Model
	shown    []Option
	cursor   int
	offset   int
	value    int64
	open     bool
	fresh    bool // focused with a choice shown: the first letter typed replaces it
	width    int
	rows     int
	lastName string
}

// MaxQuery bounds what can be typed: no community name is longer.
const MaxQuery = 30

// New returns a picker over c.Records' communities.
func New(c *common.Common) *Model {
	in := common.NewInput()
	in.CharLimit = MaxQuery
	in.Placeholder = c.T("place.placeholder")
	in.Prompt = ""
	m := &Model{c: c, opts: Options(c.Records), input: in, rows: 5}
	m.SetWidth(40)
	return m
}

// SetWidth sets how many cells the picker may use.
func (m *Model) SetWidth(w int) {
	m.width = max(w, 16)
	// a textinput of width N can show N+1 cells with wide characters: leave slack
	m.input.Width = max(m.width-2, 8)
	m.input.Placeholder = common.FitHint(m.input.Width, m.c.T("place.placeholder"), m.c.T("place.placeholder.short"))
}

// SetRows sets how many matches the open list shows at most.
func (m *Model) SetRows(n int) { m.rows = max(n, 1) }

// SetValue chooses the community with id (0 clears the choice).
func (m *Model) SetValue(id int64) {
	m.value = 0
	m.input.SetValue("")
	m.lastName = ""
	for _, o := range m.opts {
		if o.Place.ID == id {
			m.value = id
			m.lastName = o.Place.Name
			m.input.SetValue(o.Place.Name)
			m.input.CursorEnd()
		}
	}
	m.open = false
}

// Value is the chosen community's id, 0 when none is chosen.
func (m *Model) Value() int64 { return m.value }

// Query is what is typed in the picker now.
func (m *Model) Query() string { return m.input.Value() }

// Open reports whether the list of matches is showing (Enter and Esc belong to the picker).
func (m *Model) Open() bool { return m.open }

// Unresolved reports text typed that names no chosen community: the form must not save it.
func (m *Model) Unresolved() bool {
	return m.value == 0 && valid.PickQuery(m.input.Value()) != ""
}

// Focus puts the cursor in the picker.
func (m *Model) Focus() tea.Cmd {
	m.fresh = m.value != 0
	return m.input.Focus()
}

// Blur leaves the picker; text that matches exactly one community chooses it.
func (m *Model) Blur() {
	m.input.Blur()
	m.open = false
	m.fresh = false
	if m.value != 0 && m.input.Value() == m.lastName {
		return
	}
	m.value = 0
	if valid.PickQuery(m.input.Value()) == "" {
		m.input.SetValue("")
		return
	}
	matches := Filter(m.opts, m.input.Value())
	for _, o := range matches {
		if o.Place.Name == strings.TrimSpace(m.input.Value()) {
			m.choose(o)
			return
		}
	}
	if len(matches) == 1 {
		m.choose(matches[0])
	}
}

// Focused reports whether the picker has the cursor.
func (m *Model) Focused() bool { return m.input.Focused() }

func (m *Model) choose(o Option) {
	m.value = o.Place.ID
	m.lastName = o.Place.Name
	m.input.SetValue(o.Place.Name)
	m.input.CursorEnd()
	m.open = false
}

func (m *Model) refilter() {
	m.shown = Filter(m.opts, m.input.Value())
	m.cursor, m.offset = 0, 0
}

// Update handles a key while the picker is focused.
func (m *Model) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyMsg)
	if !ok || !m.input.Focused() {
		return nil
	}
	k := m.c.Keys
	switch {
	case key.Matches(km, k.Down):
		if !m.open {
			m.open = true
			m.refilter()
			return nil
		}
		m.move(1)
		return nil
	case key.Matches(km, k.Up):
		m.move(-1)
		return nil
	case key.Matches(km, k.PgDown):
		m.move(m.rows)
		return nil
	case key.Matches(km, k.PgUp):
		m.move(-m.rows)
		return nil
	case key.Matches(km, k.Select):
		if m.open && m.cursor < len(m.shown) {
			m.choose(m.shown[m.cursor])
		}
		return nil
	case key.Matches(km, k.Back):
		if m.open {
			m.open = false
			if m.value != 0 {
				m.input.SetValue(m.lastName)
				m.input.CursorEnd()
			}
		}
		return nil
	}
	if m.fresh && km.Type == tea.KeyRunes {
		m.input.SetValue("")
	}
	m.fresh = false
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(km)
	if m.input.Value() != before {
		m.value = 0
		m.open = valid.PickQuery(m.input.Value()) != ""
		m.refilter()
	}
	return cmd
}

func (m *Model) move(d int) {
	if !m.open || len(m.shown) == 0 {
		return
	}
	m.cursor = min(max(m.cursor+d, 0), len(m.shown)-1)
	m.offset = common.ScrollOffset(m.cursor, m.offset, m.rows, len(m.shown))
}

// Lines is how many lines View takes now.
func (m *Model) Lines() int {
	if !m.open {
		return 1
	}
	return 1 + max(min(len(m.shown)-m.offset, m.rows), 1)
}

// View draws the input line and, while choosing, the visible matches.
func (m *Model) View() string {
	s := m.c.Styles
	in := m.input
	area := ""
	if !m.open && m.value != 0 {
		if o, ok := m.option(m.value); ok && o.Area != "" {
			in.Width = lipgloss.Width(o.Place.Name) + 1 // keep the sub-district beside the name
			area = "  " + s.Subtle.Render(o.Area)
		}
	}
	line := in.View() + area
	line = ansi.Truncate(line, m.width, "…")
	if !m.open {
		return line
	}
	var b strings.Builder
	b.WriteString(line)
	if len(m.shown) == 0 {
		b.WriteString("\n" + s.Warning.Render(ansi.Truncate("  "+m.c.T("place.no_match"), m.width, "…")))
		return b.String()
	}
	nameW := 0
	end := min(m.offset+m.rows, len(m.shown))
	for _, o := range m.shown[m.offset:end] {
		nameW = max(nameW, lipgloss.Width(o.Place.Name))
	}
	for i := m.offset; i < end; i++ {
		o := m.shown[i]
		pad := strings.Repeat(" ", nameW-lipgloss.Width(o.Place.Name))
		var row string
		if i == m.cursor {
			row = s.RowActive.Render(ansi.Truncate("  "+o.Place.Name+pad+"  "+o.Area+" ", m.width, "…"))
		} else {
			row = "  " + o.Place.Name + pad + "  " + s.Subtle.Render(o.Area)
		}
		if more := len(m.shown) - end; i == end-1 && more > 0 {
			row += " " + s.Subtle.Render(m.c.T("place.more", more))
		}
		b.WriteString("\n" + ansi.Truncate(row, m.width, "…"))
	}
	return b.String()
}

func (m *Model) option(id int64) (Option, bool) {
	for _, o := range m.opts {
		if o.Place.ID == id {
			return o, true
		}
	}
	return Option{}, false
}

// Name is the chosen community's name, "" when none.
func (m *Model) Name() string {
	if o, ok := m.option(m.value); ok {
		return o.Place.Name
	}
	return ""
}
