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
	formAliases        // the counter's other words for the trade under the cursor
)

// tradeSaved answers a save; on error the form stays open with what was typed.
type tradeSaved struct{ text string }

// tradesPane is the trades and places section; the catalogue it reads is the one every
// screen shares (c.Records).
type tradesPane struct {
	*desk
	places  bool // the list shows communities rather than trades
	cursor  int
	form    tpForm
	inputs  []textinput.Model
	at      int
	fieldEr map[int]string // an error shown under its field
	target  store.Trade    // the trade whose related trades are edited
	opened  []string       // what the form's fields held when it opened
	leaving common.Discard // Esc with something typed: asking whether to discard it
	relate  key.Binding
	alias   key.Binding
	swap    key.Binding
}

func newTradesPane(d *desk) *tradesPane {
	t := d.c.T
	return &tradesPane{desk: d,
		relate: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", t("admin.trade.relate"))),
		alias:  key.NewBinding(key.WithKeys("a"), key.WithHelp("a", t("admin.trade.alias"))),
		swap:   key.NewBinding(key.WithKeys("tab", "shift+tab"), key.WithHelp("Tab", t("admin.tp.switch"))),
	}
}

func (p *tradesPane) load() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	return func() tea.Msg {
		cat, err := s.Catalog(ctx)
		return paneMsg{to: secTrades, req: req, v: cat, err: err}
	}
}

func (p *tradesPane) changed() tea.Cmd { return nil }

func (p *tradesPane) leave() { p.form, p.inputs = formNone, nil }

func (p *tradesPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	switch v := pm.v.(type) {
	case *store.Catalog:
		if pm.err == nil {
			p.c.Records = v // every screen reads the catalogue from here
			p.cursor = min(p.cursor, max(p.count()-1, 0))
		} else if pm.req == p.req {
			p.err = p.c.Cat.Err(pm.err)
		}
	case tradeSaved:
		return p.saved(v, pm.err), true
	}
	return nil, true
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
func (p *tradesPane) relatedNames(id int64) []string {
	var out []string
	for _, t := range p.c.Records.Trades {
		if t.ID != id && p.c.Records.Related[[2]int64{id, t.ID}] {
			out = append(out, p.c.Cat.Trade(t))
		}
	}
	return out
}

func (p *tradesPane) openForm(f tpForm, labels []string, values []string) tea.Cmd {
	p.form, p.at, p.fieldEr, p.leaving = f, 0, map[int]string{}, common.Discard{}
	p.opened = make([]string, len(labels))
	copy(p.opened, values)
	p.inputs = make([]textinput.Model, len(labels))
	for i := range labels {
		in := common.NewInput()
		in.Prompt = ""
		in.Placeholder = p.c.T(labels[i])
		in.CharLimit = 60
		in.Width = min(40, max(p.width-30, 10))
		if i < len(values) {
			in.SetValue(values[i])
		}
		p.inputs[i] = in
	}
	p.err = ""
	return p.inputs[0].Focus()
}

var (
	tradeLabels   = []string{"admin.trade.code", "admin.trade.zh", "admin.trade.en", "admin.trade.related"}
	placeLabels   = []string{"admin.place.parent", "admin.place.name"}
	relatedLabels = []string{"admin.trade.related"}
	aliasLabels   = []string{"admin.trade.aliases"}
)

func (p *tradesPane) formLabels() []string {
	switch p.form {
	case formTrade:
		return tradeLabels
	case formPlace:
		return placeLabels
	case formRelated:
		return relatedLabels
	case formAliases:
		return aliasLabels
	}
	return nil
}

func (p *tradesPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.form != formNone {
		return p.formKey(msg)
	}
	k, n := p.c.Keys, p.count()
	switch {
	case key.Matches(msg, p.swap):
		p.places, p.cursor = !p.places, 0
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(n-1, 0))
	case key.Matches(msg, k.PgUp):
		p.cursor = max(p.cursor-p.rows(), 0)
	case key.Matches(msg, k.PgDown):
		p.cursor = min(p.cursor+p.rows(), max(n-1, 0))
	case key.Matches(msg, p.add) && p.places:
		parent := ""
		if cs := p.c.Records.Communities(); p.cursor < len(cs) {
			if pl, ok := p.c.Records.Place(cs[p.cursor].ParentID); ok {
				parent = pl.Name // the sub-district of the row under the cursor, the likeliest
			}
		}
		return p.openForm(formPlace, placeLabels, []string{parent})
	case key.Matches(msg, p.add):
		return p.openForm(formTrade, tradeLabels, nil)
	case key.Matches(msg, p.relate) && !p.places && p.cursor < len(p.c.Records.Trades):
		p.target = p.c.Records.Trades[p.cursor]
		return p.openForm(formRelated, relatedLabels, []string{strings.Join(p.relatedNames(p.target.ID), " ")})
	case key.Matches(msg, p.alias) && !p.places && p.cursor < len(p.c.Records.Trades):
		p.target = p.c.Records.Trades[p.cursor]
		cmd := p.openForm(formAliases, aliasLabels, []string{strings.Join(p.target.Aliases, " ")})
		p.inputs[0].CharLimit = store.MaxTradeAliases * (store.MaxTradeName + 1)
		return cmd
	}
	return nil
}

// formKey types into the open form: Tab, ↑↓ and Enter move, Enter on the last field or
// Ctrl+S saves, Esc closes it.
func (p *tradesPane) formKey(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if p.leaving.Asking() {
		if p.leaving.Answer(msg) {
			p.form, p.inputs, p.err = formNone, nil, ""
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Back):
		if p.dirty() {
			p.leaving.Ask()
			return nil
		}
		p.form, p.inputs = formNone, nil
		p.err = ""
		return nil
	case key.Matches(msg, k.Save):
		return p.save()
	case key.Matches(msg, k.Select) && p.at == len(p.inputs)-1:
		return p.save()
	case key.Matches(msg, k.Select), key.Matches(msg, k.Next), key.Matches(msg, k.Down):
		return p.focusField((p.at + 1) % len(p.inputs))
	case key.Matches(msg, k.Prev), key.Matches(msg, k.Up):
		return p.focusField((p.at + len(p.inputs) - 1) % len(p.inputs))
	}
	var cmd tea.Cmd
	before := p.inputs[p.at].Value()
	p.inputs[p.at], cmd = p.inputs[p.at].Update(msg)
	if p.inputs[p.at].Value() != before {
		delete(p.fieldEr, p.at)
	}
	return cmd
}

func (p *tradesPane) focusField(i int) tea.Cmd {
	p.inputs[p.at].Blur()
	p.at = i
	return p.inputs[i].Focus()
}

// fieldFail shows text under field i and puts the cursor there; what was typed stays.
func (p *tradesPane) fieldFail(i int, text string) tea.Cmd {
	p.fieldEr[i] = text
	return p.focusField(i)
}

func (p *tradesPane) save() tea.Cmd {
	s, ctx, by, cat := p.c.Store, p.c.Ctx, p.c.Staff.ID, p.c.Records
	val := func(i int) string { return p.inputs[i].Value() }
	switch p.form {
	case formTrade:
		related, bad := findTrades(cat, val(3))
		if bad != "" {
			return p.fieldFail(3, p.c.T("admin.trade.unknown", bad))
		}
		t := store.Trade{Code: val(0), NameZh: val(1), NameEn: val(2)}
		return func() tea.Msg {
			t, err := s.AddTrade(ctx, by, t, related...)
			return paneMsg{to: secTrades, v: tradeSaved{p.c.T("admin.trade.added", t.NameZh)}, err: err}
		}
	case formPlace:
		parent, why := findParent(cat, val(0))
		if why != "" {
			return p.fieldFail(0, p.c.T("admin.place."+why, strings.TrimSpace(val(0))))
		}
		name := val(1)
		return func() tea.Msg {
			pl, err := s.AddPlace(ctx, by, parent.ID, name)
			return paneMsg{to: secTrades, v: tradeSaved{p.c.T("admin.place.added", pl.Name)}, err: err}
		}
	case formRelated:
		related, bad := findTrades(cat, val(0))
		if bad != "" {
			return p.fieldFail(0, p.c.T("admin.trade.unknown", bad))
		}
		target := p.target
		return func() tea.Msg {
			err := s.SetRelated(ctx, by, target.ID, related)
			return paneMsg{to: secTrades, v: tradeSaved{p.c.T("admin.trade.related_saved", p.c.Cat.Trade(target))}, err: err}
		}
	case formAliases:
		words, target := splitWords(val(0)), p.target
		return func() tea.Msg {
			err := s.SetTradeAliases(ctx, by, target.ID, words)
			return paneMsg{to: secTrades, v: tradeSaved{p.c.T("admin.trade.aliases_saved", p.c.Cat.Trade(target))}, err: err}
		}
	}
	return nil
}

// saved closes the form after a save, or shows the error at its field and keeps the input.
func (p *tradesPane) saved(v tradeSaved, err error) tea.Cmd {
	if err != nil {
		text := p.c.Cat.Err(err)
		if se := store.AsError(err); se != nil {
			if i := slices.Index(fieldOrder[p.form], se.Field); i >= 0 && i < len(p.inputs) {
				return tea.Batch(p.fieldFail(i, text), common.Status(text, true))
			}
		}
		p.err = text
		return common.Status(text, true)
	}
	p.form, p.inputs, p.err = formNone, nil, ""
	return tea.Batch(common.Status(v.text, false), p.load(), func() tea.Msg { return common.ChangedMsg{} })
}

// fieldOrder maps a store error's Field to the form's input.
var fieldOrder = map[tpForm][]string{
	formTrade:   {"trade_code", "trade_zh", "trade_en", "trade_related"},
	formPlace:   {"place_parent", "place_name"},
	formRelated: {"trade_related"},
	formAliases: {"trade_alias"},
}

// count is how many rows the list has.
func (p *tradesPane) count() int {
	if p.c.Records == nil {
		return 0
	}
	if p.places {
		return len(p.c.Records.Communities())
	}
	return len(p.c.Records.Trades)
}

// rows is how many list rows fit under the section's own heading.
func (p *tradesPane) rows() int { return max(p.height-7, 3) }

func (p *tradesPane) view(w, _ int) string {
	s, cat := p.c.Styles, p.c.Records
	if cat == nil {
		return s.Subtle.Render(p.c.T("status.loading")) + "\n"
	}
	if p.form != formNone {
		return p.viewForm()
	}
	var b strings.Builder
	comms := cat.Communities()
	tr := p.c.T("admin.trades", len(cat.Trades))
	pl := p.c.T("admin.places", len(comms))
	if p.places {
		b.WriteString(s.Subtle.Render(tr) + "  " + s.Label.Render(pl) + "\n")
	} else {
		b.WriteString(s.Label.Render(tr) + "  " + s.Subtle.Render(pl) + "\n")
	}
	rows := p.rows()
	n := p.count()
	top := max(0, min(p.cursor-rows/2, n-rows))
	for i := top; i < n && i < top+rows; i++ {
		line := ansi.Truncate(p.row(i, comms), w, "…")
		if i == p.cursor {
			line = s.RowActive.Render(line)
		}
		b.WriteString(line + "\n")
	}
	return b.String()
}

// row is list row i: a community with its sub-district, or a trade with its related trades.
func (p *tradesPane) row(i int, comms []store.Place) string {
	cat := p.c.Records
	if p.places {
		c := comms[i]
		parent, _ := cat.Place(c.ParentID)
		return " " + common.Cell(c.Name, 16) + " " + p.c.T("admin.place.under", parent.Name)
	}
	t := cat.Trades[i]
	rel := p.relatedNames(t.ID)
	relText := p.c.T("admin.trade.none")
	if len(rel) > 0 {
		relText = strings.Join(rel, p.c.T("list.sep"))
	}
	line := fmt.Sprintf(" %s %s %s ~ %s", common.Cell(t.NameZh, 9), common.Cell(t.NameEn, 22), common.Cell(t.Code, 12), relText)
	if len(t.Aliases) > 0 {
		line += "  " + p.c.T("admin.trade.aka", strings.Join(t.Aliases, p.c.T("list.sep")))
	}
	return line
}

func (p *tradesPane) viewForm() string {
	s := p.c.Styles
	var b strings.Builder
	title := p.c.T("admin.trade.add")
	switch p.form {
	case formPlace:
		title = p.c.T("admin.place.add")
	case formRelated:
		title = p.c.T("admin.trade.related_of", p.c.Cat.Trade(p.target))
	case formAliases:
		title = p.c.T("admin.trade.aliases_of", p.c.Cat.Trade(p.target))
	}
	b.WriteString(s.Label.Render(title) + "\n")
	labels := p.formLabels()
	lw := 0
	for _, l := range labels {
		lw = max(lw, lipgloss.Width(p.c.T(l)))
	}
	for i, l := range labels {
		mark := "  "
		if i == p.at {
			mark = "> "
		}
		line := mark + s.Label.Render(common.Cell(p.c.T(l), lw)) + "  " + p.inputs[i].View()
		if p.form == formPlace && i == 0 {
			if pl, why := findParent(p.c.Records, p.inputs[0].Value()); why == "" {
				line += "  " + s.Subtle.Render(p.c.T("admin.place.under", pl.Name))
			}
		}
		b.WriteString(line + "\n")
		if e := p.fieldEr[i]; e != "" {
			b.WriteString("    " + s.Error.Render(e) + "\n")
		}
	}
	if p.leaving.Asking() {
		b.WriteString(s.Warning.Render(p.leaving.Question(p.c)) + "\n")
	} else {
		b.WriteString(s.Subtle.Render(p.c.T("admin.tp.form_hint")) + "\n")
	}
	return b.String()
}

func (p *tradesPane) help() []key.Binding {
	k := p.c.Keys
	if p.form != formNone {
		return []key.Binding{k.Next, k.Save, k.Back}
	}
	return []key.Binding{k.Up, k.Down, p.swap, p.add, p.relate, p.alias}
}

func (p *tradesPane) capturing() bool { return p.form != formNone }

// dirty: a field holds something other than what the form opened with.
func (p *tradesPane) dirty() bool {
	for i, in := range p.inputs {
		if i < len(p.opened) && in.Value() != p.opened[i] {
			return true
		}
	}
	return false
}

// splitWords reads the words typed for a trade, separated by spaces or 、，,;.
func splitWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune(" 　、，,;；", r) })
}
