package admin

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// The trades and places section: the station's trades with their related trades, and the
// communities by sub-district or town; the head adds a trade or a community, and changes which
// trades are related.

type tpForm int

const (
	formNone    tpForm = iota
	formTrade          // code, zh, en, related
	formPlace          // parent, name
	formRelated        // related trades of the trade under the cursor
)

// catalogMsg brings the catalogue, read again after a change.
type catalogMsg struct {
	req int
	cat *store.Catalog
	err error
}

// tpSavedMsg answers a save; on error the form stays open with what was typed.
type tpSavedMsg struct {
	text string
	err  error
}

type tradesState struct {
	places  bool // the list shows communities rather than trades
	cursor  int
	form    tpForm
	inputs  []textinput.Model
	at      int
	fieldEr map[int]string // an error shown under its field
	target  store.Trade    // the trade whose related trades are edited
	relate  key.Binding
	swap    key.Binding
}

func newTradesState(t func(string, ...any) string) tradesState {
	return tradesState{
		relate: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t("admin.trade.relate"))),
		swap:   key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("Tab", t("admin.tp.switch"))),
	}
}

func (m *Model) loadCatalog() tea.Cmd {
	m.req++
	req, s, ctx := m.req, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		cat, err := s.Catalog(ctx)
		return catalogMsg{req: req, cat: cat, err: err}
	}
}

// parents are the sub-districts and towns, in catalogue order.
func parents(cat *store.Catalog) []store.Place {
	var out []store.Place
	for _, p := range cat.Places {
		if p.Level == store.LevelSubdistrict || p.Level == store.LevelTown {
			out = append(out, p)
		}
	}
	return out
}

// findParent resolves a typed sub-district or town: its full name, or a name without
// 街道/镇, or the start of exactly one name.
func findParent(cat *store.Catalog, typed string) (store.Place, string) {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		return store.Place{}, "unknown"
	}
	var starts []store.Place
	for _, p := range parents(cat) {
		if p.Name == typed || strings.TrimSuffix(strings.TrimSuffix(p.Name, "街道"), "镇") == typed {
			return p, ""
		}
		if strings.HasPrefix(p.Name, typed) {
			starts = append(starts, p)
		}
	}
	switch len(starts) {
	case 0:
		return store.Place{}, "unknown"
	case 1:
		return starts[0], ""
	}
	return store.Place{}, "ambiguous"
}

// findTrades resolves trades typed by their Chinese or English name or code, separated by
// spaces, commas or 、; bad is the first word that names no trade.
func findTrades(cat *store.Catalog, typed string) (ids []int64, bad string) {
	words := strings.FieldsFunc(typed, func(r rune) bool { return r == ' ' || r == ',' || r == '，' || r == '、' || r == ';' })
	for _, w := range words {
		found := int64(0)
		for _, t := range cat.Trades {
			if t.NameZh == w || strings.EqualFold(t.NameEn, w) || strings.EqualFold(t.Code, w) {
				found = t.ID
				break
			}
		}
		if found == 0 {
			return nil, w
		}
		if !slices.Contains(ids, found) {
			ids = append(ids, found)
		}
	}
	return ids, ""
}

// relatedNames lists the trades related to id in the staff's language.
func (m *Model) relatedNames(id int64) []string {
	var out []string
	for _, t := range m.c.Records.Trades {
		if t.ID != id && m.c.Records.Related[[2]int64{id, t.ID}] {
			out = append(out, m.c.Cat.Trade(t))
		}
	}
	return out
}

func (m *Model) openForm(f tpForm, labels []string, values []string) tea.Cmd {
	tp := &m.tp
	tp.form, tp.at, tp.fieldEr = f, 0, map[int]string{}
	tp.inputs = make([]textinput.Model, len(labels))
	for i := range labels {
		in := common.NewInput()
		in.Prompt = ""
		in.Placeholder = m.c.T(labels[i])
		in.CharLimit = 60
		in.Width = min(40, max(m.width-30, 10))
		if i < len(values) {
			in.SetValue(values[i])
		}
		tp.inputs[i] = in
	}
	m.err = ""
	return tp.inputs[0].Focus()
}

var (
	tradeLabels   = []string{"admin.trade.code", "admin.trade.zh", "admin.trade.en", "admin.trade.related"}
	placeLabels   = []string{"admin.place.parent", "admin.place.name"}
	relatedLabels = []string{"admin.trade.related"}
)

func (m *Model) formLabels() []string {
	switch m.tp.form {
	case formTrade:
		return tradeLabels
	case formPlace:
		return placeLabels
	case formRelated:
		return relatedLabels
	}
	return nil
}

func (m *Model) tradesKey(msg tea.KeyMsg) (common.Screen, tea.Cmd) {
	k, tp := m.c.Keys, &m.tp
	if tp.form != formNone {
		switch {
		case key.Matches(msg, k.Back):
			tp.form, tp.inputs = formNone, nil
			m.err = ""
			return m, nil
		case key.Matches(msg, k.Save):
			return m, m.saveForm()
		case key.Matches(msg, k.Select) && tp.at == len(tp.inputs)-1:
			return m, m.saveForm()
		case key.Matches(msg, k.Select), key.Matches(msg, k.Next), key.Matches(msg, k.Down):
			return m, m.focusField((tp.at + 1) % len(tp.inputs))
		case key.Matches(msg, k.Prev), key.Matches(msg, k.Up):
			return m, m.focusField((tp.at + len(tp.inputs) - 1) % len(tp.inputs))
		}
		var cmd tea.Cmd
		before := tp.inputs[tp.at].Value()
		tp.inputs[tp.at], cmd = tp.inputs[tp.at].Update(msg)
		if tp.inputs[tp.at].Value() != before {
			delete(tp.fieldEr, tp.at)
		}
		return m, cmd
	}
	n := m.tpLen()
	switch {
	case key.Matches(msg, tp.swap):
		tp.places, tp.cursor = !tp.places, 0
	case key.Matches(msg, k.Up):
		tp.cursor = max(tp.cursor-1, 0)
	case key.Matches(msg, k.Down):
		tp.cursor = min(tp.cursor+1, max(n-1, 0))
	case key.Matches(msg, k.PgUp):
		tp.cursor = max(tp.cursor-m.tpRows(), 0)
	case key.Matches(msg, k.PgDown):
		tp.cursor = min(tp.cursor+m.tpRows(), max(n-1, 0))
	case key.Matches(msg, m.keys.add) && tp.places:
		parent := ""
		if cs := m.c.Records.Communities(); tp.cursor < len(cs) {
			if p, ok := m.c.Records.Place(cs[tp.cursor].ParentID); ok {
				parent = p.Name // the sub-district of the row under the cursor, the likeliest
			}
		}
		return m, m.openForm(formPlace, placeLabels, []string{parent})
	case key.Matches(msg, m.keys.add):
		return m, m.openForm(formTrade, tradeLabels, nil)
	case key.Matches(msg, tp.relate) && !tp.places && tp.cursor < len(m.c.Records.Trades):
		tp.target = m.c.Records.Trades[tp.cursor]
		return m, m.openForm(formRelated, relatedLabels, []string{strings.Join(m.relatedNames(tp.target.ID), " ")})
	}
	return m, nil
}

func (m *Model) focusField(i int) tea.Cmd {
	m.tp.inputs[m.tp.at].Blur()
	m.tp.at = i
	return m.tp.inputs[i].Focus()
}

// fieldFail shows text under field i and puts the cursor there; what was typed stays.
func (m *Model) fieldFail(i int, text string) tea.Cmd {
	m.tp.fieldEr[i] = text
	return m.focusField(i)
}

func (m *Model) saveForm() tea.Cmd {
	tp := &m.tp
	s, ctx, by, cat := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.c.Records
	val := func(i int) string { return tp.inputs[i].Value() }
	switch tp.form {
	case formTrade:
		related, bad := findTrades(cat, val(3))
		if bad != "" {
			return m.fieldFail(3, m.c.T("admin.trade.unknown", bad))
		}
		t := store.Trade{Code: val(0), NameZh: val(1), NameEn: val(2)}
		return func() tea.Msg {
			t, err := s.AddTrade(ctx, by, t, related...)
			return tpSavedMsg{text: m.c.T("admin.trade.added", t.NameZh), err: err}
		}
	case formPlace:
		parent, why := findParent(cat, val(0))
		if why != "" {
			return m.fieldFail(0, m.c.T("admin.place."+why, strings.TrimSpace(val(0))))
		}
		name := val(1)
		return func() tea.Msg {
			p, err := s.AddPlace(ctx, by, parent.ID, name)
			return tpSavedMsg{text: m.c.T("admin.place.added", p.Name), err: err}
		}
	case formRelated:
		related, bad := findTrades(cat, val(0))
		if bad != "" {
			return m.fieldFail(0, m.c.T("admin.trade.unknown", bad))
		}
		target := tp.target
		return func() tea.Msg {
			err := s.SetRelated(ctx, by, target.ID, related)
			return tpSavedMsg{text: m.c.T("admin.trade.related_saved", m.c.Cat.Trade(target)), err: err}
		}
	}
	return nil
}

// tpSaved closes the form after a save, or shows the error at its field and keeps the input.
func (m *Model) tpSaved(msg tpSavedMsg) tea.Cmd {
	if msg.err != nil {
		text := m.c.Cat.Err(msg.err)
		if se := store.AsError(msg.err); se != nil {
			if i := slices.Index(fieldOrder[m.tp.form], se.Field); i >= 0 && i < len(m.tp.inputs) {
				return tea.Batch(m.fieldFail(i, text), common.Status(text, true))
			}
		}
		m.err = text
		return common.Status(text, true)
	}
	m.tp.form, m.tp.inputs, m.err = formNone, nil, ""
	return tea.Batch(common.Status(msg.text, false), m.loadCatalog(), func() tea.Msg { return common.ChangedMsg{} })
}

// fieldOrder maps a store error's Field to the form's input.
var fieldOrder = map[tpForm][]string{
	formTrade:   {"trade_code", "trade_zh", "trade_en", "trade_related"},
	formPlace:   {"place_parent", "place_name"},
	formRelated: {"trade_related"},
}

func (m *Model) tpLen() int {
	if m.c.Records == nil {
		return 0
	}
	if m.tp.places {
		return len(m.c.Records.Communities())
	}
	return len(m.c.Records.Trades)
}

// tpRows is how many list rows fit under the section's own heading.
func (m *Model) tpRows() int { return max(m.height-7, 3) }

func (m *Model) viewTrades(b *strings.Builder, w int) {
	s, tp, cat := m.c.Styles, &m.tp, m.c.Records
	if cat == nil {
		b.WriteString(s.Subtle.Render(m.c.T("status.loading")) + "\n")
		return
	}
	if tp.form != formNone {
		m.viewForm(b)
		return
	}
	comms := cat.Communities()
	tr := m.c.T("admin.trades", len(cat.Trades))
	pl := m.c.T("admin.places", len(comms))
	if tp.places {
		b.WriteString(s.Subtle.Render(tr) + "  " + s.Label.Render(pl) + "\n")
	} else {
		b.WriteString(s.Label.Render(tr) + "  " + s.Subtle.Render(pl) + "\n")
	}
	rows := m.tpRows()
	n := m.tpLen()
	top := max(0, min(tp.cursor-rows/2, n-rows))
	for i := top; i < n && i < top+rows; i++ {
		var line string
		if tp.places {
			c := comms[i]
			parent, _ := cat.Place(c.ParentID)
			line = " " + common.Cell(c.Name, 16) + " " + m.c.T("admin.place.under", parent.Name)
		} else {
			t := cat.Trades[i]
			rel := m.relatedNames(t.ID)
			relText := m.c.T("admin.trade.none")
			if len(rel) > 0 {
				relText = strings.Join(rel, "、")
			}
			line = fmt.Sprintf(" %s %s %s ~ %s", common.Cell(t.NameZh, 9), common.Cell(t.NameEn, 22), common.Cell(t.Code, 12), relText)
		}
		line = ansi.Truncate(line, w, "…")
		if i == tp.cursor {
			line = s.RowActive.Render(line)
		}
		b.WriteString(line + "\n")
	}
}

func (m *Model) viewForm(b *strings.Builder) {
	s, tp := m.c.Styles, &m.tp
	title := m.c.T("admin.trade.add")
	switch tp.form {
	case formPlace:
		title = m.c.T("admin.place.add")
	case formRelated:
		title = m.c.T("admin.trade.related_of", m.c.Cat.Trade(tp.target))
	}
	b.WriteString(s.Label.Render(title) + "\n")
	labels := m.formLabels()
	lw := 0
	for _, l := range labels {
		lw = max(lw, lipgloss.Width(m.c.T(l)))
	}
	for i, l := range labels {
		mark := "  "
		if i == tp.at {
			mark = "> "
		}
		line := mark + s.Label.Render(common.Cell(m.c.T(l), lw)) + "  " + tp.inputs[i].View()
		if tp.form == formPlace && i == 0 {
			if p, why := findParent(m.c.Records, tp.inputs[0].Value()); why == "" {
				line += "  " + s.Subtle.Render(m.c.T("admin.place.under", p.Name))
			}
		}
		b.WriteString(line + "\n")
		if e := tp.fieldEr[i]; e != "" {
			b.WriteString("    " + s.Error.Render(e) + "\n")
		}
	}
	b.WriteString(s.Subtle.Render(m.c.T("admin.tp.form_hint")) + "\n")
}
