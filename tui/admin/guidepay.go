package admin

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// guidePane is the guide pay (工资指导价位) of each trade and pay unit: ↑↓ choose a trade,
// Enter edits its four units at once, an emptied field removes that guide.
type guidePane struct {
	c      *common.Common
	req    int
	guides map[int64]map[store.PayUnit]int64
	cursor int
	edit   bool
	fields // one input per store.PayUnits
}

type guideSaved struct{ trade string }

func newGuidePane(c *common.Common) *guidePane { return &guidePane{c: c, fields: fields{errAt: -1}} }

func (p *guidePane) trades() []store.Trade {
	if p.c.Records == nil {
		return nil
	}
	return p.c.Records.Trades
}

func (p *guidePane) load() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	return func() tea.Msg {
		gs, err := s.GuidePays(ctx)
		by := map[int64]map[store.PayUnit]int64{}
		for _, g := range gs {
			if by[g.TradeID] == nil {
				by[g.TradeID] = map[store.PayUnit]int64{}
			}
			by[g.TradeID][g.Unit] = g.PayFen
		}
		return paneMsg{to: secGuide, req: req, v: by, err: err}
	}
}

// changed reads the section again after another screen's change.
func (p *guidePane) changed() tea.Cmd { return p.load() }

// leave keeps what is typed: the section shows it again when it is back.
func (p *guidePane) leave() {}

func (p *guidePane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	switch v := pm.v.(type) {
	case map[int64]map[store.PayUnit]int64:
		if pm.req == p.req {
			p.guides = v
			if pm.err != nil {
				p.err = p.c.Cat.Err(pm.err)
			}
		}
	case guideSaved:
		if pm.err != nil {
			p.err, p.errAt = p.c.Cat.Err(pm.err), -1
			return common.Status(p.err, true), true
		}
		p.edit, p.inputs, p.err = false, nil, ""
		return tea.Batch(common.Status(p.c.T("guide.saved", v.trade), false), p.load(), func() tea.Msg { return common.ChangedMsg{} }), true
	}
	return nil, true
}

func (p *guidePane) open() tea.Cmd {
	ts := p.trades()
	if p.cursor >= len(ts) {
		return nil
	}
	cur := p.guides[ts[p.cursor].ID]
	p.inputs = make([]textinput.Model, len(store.PayUnits))
	for i, u := range store.PayUnits {
		in := common.NewInput()
		in.Prompt, in.CharLimit, in.Width = "", 10, 12
		if fen := cur[u]; fen > 0 {
			in.SetValue(valid.FormatYuan(fen))
		}
		p.inputs[i] = in
	}
	p.edit, p.at, p.err, p.errAt = true, 0, "", -1
	return p.inputs[0].Focus()
}

// save checks every unit first so a bad one changes nothing, then sets those that changed.
func (p *guidePane) save() tea.Cmd {
	t := p.trades()[p.cursor]
	cur := p.guides[t.ID]
	want := map[store.PayUnit]int64{}
	for i, u := range store.PayUnits {
		v := strings.TrimSpace(p.inputs[i].Value())
		if v == "" {
			want[u] = 0
			continue
		}
		fen, prob := valid.ParseYuan(v)
		if prob == nil && fen != 0 { // 0 removes the guide, like an empty field
			prob = valid.PayFen(fen)
		}
		if prob != nil {
			return p.refuse(p.c.Cat.Err(prob), i)
		}
		want[u] = fen
	}
	s, ctx, head, name := p.c.Store, p.c.Ctx, p.c.Staff.ID, p.c.Cat.Trade(t)
	return func() tea.Msg {
		for _, u := range store.PayUnits {
			if want[u] == cur[u] {
				continue
			}
			if err := s.SetGuidePay(ctx, head, t.ID, u, want[u]); err != nil {
				return paneMsg{to: secGuide, v: guideSaved{}, err: err}
			}
		}
		return paneMsg{to: secGuide, v: guideSaved{trade: name}}
	}
}

func (p *guidePane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if p.edit {
		cmd, step := p.fields.key(p.c, msg)
		switch step {
		case formCancel:
			p.edit, p.inputs, p.err = false, nil, ""
		case formSave:
			return p.save()
		}
		return cmd
	}
	n := len(p.trades())
	switch {
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(n-1, 0))
	case key.Matches(msg, k.PgUp):
		p.cursor = max(p.cursor-10, 0)
	case key.Matches(msg, k.PgDown):
		p.cursor = min(p.cursor+10, max(n-1, 0))
	case key.Matches(msg, k.Select):
		return p.open()
	}
	return nil
}

func (p *guidePane) view(w, h int) string {
	st, t := p.c.Styles, p.c.T
	ts := p.trades()
	const tw, uw = 14, 12
	head := common.Cell(t("guide.col.trade"), tw)
	for _, u := range store.PayUnits {
		head += " " + common.Cell(t("unit."+string(u)), uw)
	}
	lines := []string{st.Subtle.Render(t("guide.intro")), st.Label.Render(head)}
	rows := h - 3
	if p.edit {
		rows = h - 4 - len(p.inputs)
	}
	top, end := window(p.cursor, len(ts), rows)
	for i := top; i < end; i++ {
		row := common.Cell(p.c.Cat.Trade(ts[i]), tw)
		for _, u := range store.PayUnits {
			v := "-"
			if fen := p.guides[ts[i].ID][u]; fen > 0 {
				v = p.c.Cat.Money(fen)
			}
			row += " " + common.Cell(v, uw)
		}
		if i == p.cursor {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	if p.edit && p.cursor < len(ts) {
		lines = append(lines, st.Title.Render(t("guide.edit", p.c.Cat.Trade(ts[p.cursor]))))
		for i, u := range store.PayUnits {
			mark := " "
			if i == p.at {
				mark = "›"
			}
			line := mark + " " + common.Cell(t("unit."+string(u)), 10) + " ¥" + p.inputs[i].View()
			if p.errAt == i && p.err != "" {
				line += " " + st.Error.Render(p.err)
			}
			lines = append(lines, line)
		}
		if p.errAt < 0 && p.err != "" {
			lines = append(lines, st.Error.Render(p.err))
		}
		lines = append(lines, st.Subtle.Render(t("guide.edit.hint")))
	} else if p.err != "" {
		lines = append(lines, st.Error.Render(p.err))
	}
	return fit(lines, w, h)
}

func (p *guidePane) help() []key.Binding {
	k := p.c.Keys
	if p.edit {
		return []key.Binding{k.Next, k.Save, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Select}
}

func (p *guidePane) capturing() bool { return p.edit }

func (p *guidePane) dirty() bool {
	if !p.edit {
		return false
	}
	ts := p.trades()
	cur := p.guides[ts[p.cursor].ID]
	for i, u := range store.PayUnits {
		was := ""
		if fen := cur[u]; fen > 0 {
			was = valid.FormatYuan(fen)
		}
		if strings.TrimSpace(p.inputs[i].Value()) != was {
			return true
		}
	}
	return false
}
