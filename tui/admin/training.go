package admin

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/tradepick"
)

// trainingPane lists local training offers (培训信息); + adds one, d closes or reopens the
// selected one for referrals.
type trainingPane struct {
	c      *common.Common
	req    int
	offers []store.TrainingOffer
	cursor int
	adding bool
	fields
	add    key.Binding
	toggle key.Binding
}

// offer form fields, in order
const (
	ofTitle = iota
	ofProvider
	ofTrade
	ofStarts
	ofPlace
	ofContact
	ofFee
	ofCount
)

var offerLabels = [ofCount]string{"training.f.title", "training.f.provider", "training.f.trade", "training.f.starts",
	"training.f.place", "training.f.contact", "training.f.fee"}

type offerSaved struct{ o store.TrainingOffer }

func newTrainingPane(c *common.Common) *trainingPane {
	return &trainingPane{c: c, fields: fields{errAt: -1},
		add:    key.NewBinding(key.WithKeys("+", "insert"), key.WithHelp("+", c.T("training.key.add"))),
		toggle: key.NewBinding(key.WithKeys("d"), key.WithHelp("d", c.T("training.key.toggle")))}
}

func (p *trainingPane) load() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	return func() tea.Msg {
		list, err := s.Offers(ctx, true)
		return paneMsg{to: secTraining, req: req, v: list, err: err}
	}
}

// changed reads the section again after another screen's change.
func (p *trainingPane) changed() tea.Cmd { return p.load() }

// leave keeps what is typed: the section shows it again when it is back.
func (p *trainingPane) leave() {}

func (p *trainingPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	switch v := pm.v.(type) {
	case []store.TrainingOffer:
		if pm.req == p.req {
			p.offers = v
			p.cursor = min(p.cursor, max(len(v)-1, 0))
			if pm.err != nil {
				p.err = p.c.Cat.Err(pm.err)
			}
		}
	case offerSaved:
		if pm.err != nil {
			p.err, p.errAt = p.c.Cat.Err(pm.err), fieldOf(pm.err)
			return common.Status(p.err, true), true
		}
		p.adding, p.inputs, p.err = false, nil, ""
		return tea.Batch(common.Status(p.c.T("training.saved", v.o.Title), false), p.load(), func() tea.Msg { return common.ChangedMsg{} }), true
	}
	return nil, true
}

// fieldOf is the offer field a store refusal names, -1 for none.
func fieldOf(err error) int {
	if se := store.AsError(err); se != nil {
		for i, f := range []string{"title", "provider", "trade", "starts_on", "place", "contact", "fee"} {
			if se.Field == f {
				return i
			}
		}
	}
	return -1
}

func (p *trainingPane) open() tea.Cmd {
	limits := [ofCount]int{60, 60, 20, 10, 100, 40, 10}
	p.inputs = make([]textinput.Model, ofCount)
	for i := range p.inputs {
		in := common.NewInput()
		in.Prompt, in.CharLimit, in.Width = "", limits[i], 30
		p.inputs[i] = in
	}
	p.inputs[ofStarts].Placeholder = p.c.Clock().AddDate(0, 0, 7).Format("2006-01-02")
	p.inputs[ofFee].Placeholder = "0"
	p.adding, p.at, p.err, p.errAt = true, 0, "", -1
	return p.inputs[0].Focus()
}

// trade finds the trade typed (name, pinyin or English); 0 and true when left empty.
func (p *trainingPane) trade() (store.Trade, bool) {
	q := strings.TrimSpace(p.inputs[ofTrade].Value())
	if q == "" {
		return store.Trade{}, true
	}
	found := tradepick.Filter(tradepick.Options(p.c.Records), q)
	if len(found) == 0 {
		return store.Trade{}, false
	}
	return found[0].Trade, true
}

func (p *trainingPane) save() tea.Cmd {
	v := func(i int) string { return strings.TrimSpace(p.inputs[i].Value()) }
	o := store.TrainingOffer{Title: v(ofTitle), Provider: v(ofProvider), StartsOn: v(ofStarts), Place: v(ofPlace), Contact: v(ofContact)}
	t, ok := p.trade()
	if !ok {
		return p.refuse(p.c.T("training.err.trade"), ofTrade)
	}
	o.TradeID = t.ID
	if f := v(ofFee); f != "" {
		fen, prob := valid.ParseYuan(f)
		if prob != nil {
			return p.refuse(p.c.Cat.Err(prob), ofFee)
		}
		o.FeeFen = fen
	}
	if err := o.Validate(); err != nil {
		return p.refuse(p.c.Cat.Err(err), fieldOf(err))
	}
	s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
	return func() tea.Msg {
		o, err := s.SaveOffer(ctx, staff, o)
		return paneMsg{to: secTraining, v: offerSaved{o}, err: err}
	}
}

func (p *trainingPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	if p.adding {
		cmd, step := p.fields.key(p.c, msg)
		switch step {
		case formCancel:
			p.adding, p.inputs, p.err = false, nil, ""
		case formSave:
			return p.save()
		}
		return cmd
	}
	switch {
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(len(p.offers)-1, 0))
	case key.Matches(msg, p.add):
		return p.open()
	case key.Matches(msg, p.toggle) && p.cursor < len(p.offers):
		o := p.offers[p.cursor]
		o.Active = !o.Active
		s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
		return func() tea.Msg {
			o, err := s.SaveOffer(ctx, staff, o)
			return paneMsg{to: secTraining, v: offerSaved{o}, err: err}
		}
	}
	return nil
}

func (p *trainingPane) offerLine(o store.TrainingOffer) string {
	trade := ""
	if o.TradeID != 0 {
		trade = p.c.Cat.TradeName(p.c.Records, o.TradeID)
	}
	fee := p.c.T("training.free")
	if o.FeeFen > 0 {
		fee = p.c.Cat.Money(o.FeeFen)
	}
	starts := o.StartsOn
	if starts == "" {
		starts = p.c.T("training.rolling")
	}
	state := ""
	if !o.Active {
		state = p.c.T("training.closed")
	}
	return common.Cell(o.Title, 20) + " " + common.Cell(o.Provider, 14) + " " + common.Cell(trade, 10) + " " + common.Cell(starts, 10) + " " + common.Cell(fee, 9) + " " +
		common.Cell(o.Place, 14) + " " + o.Contact + " " + state
}

func (p *trainingPane) view(w, h int) string {
	st, t := p.c.Styles, p.c.T
	lines := []string{st.Label.Render(common.Cell(t("training.f.title"), 20) + " " + common.Cell(t("training.f.provider"), 14) + " " +
		common.Cell(t("training.f.trade"), 10) + " " + common.Cell(t("training.f.starts"), 10) + " " + common.Cell(t("training.f.fee"), 9) + " " +
		common.Cell(t("training.f.place"), 14) + " " + t("training.f.contact"))}
	if len(p.offers) == 0 {
		lines = append(lines, st.Subtle.Render(t("training.none")))
	}
	rows := h - 2
	if p.adding {
		rows = h - 3 - ofCount
	}
	top, end := window(p.cursor, len(p.offers), rows)
	for i := top; i < end; i++ {
		row := common.Cell(p.offerLine(p.offers[i]), w)
		switch {
		case i == p.cursor && !p.adding:
			row = st.RowActive.Render(row)
		case !p.offers[i].Active:
			row = st.Subtle.Render(row)
		}
		lines = append(lines, row)
	}
	if p.adding {
		lines = append(lines, st.Title.Render(t("training.add.title")))
		for i := range p.inputs {
			mark := " "
			if i == p.at {
				mark = "›"
			}
			line := mark + " " + common.Cell(t(offerLabels[i]), 10) + " " + p.inputs[i].View()
			if i == ofTrade {
				if tr, ok := p.trade(); ok && tr.ID != 0 {
					line += " " + st.Good.Render(p.c.Cat.Trade(tr))
				}
			}
			if p.errAt == i && p.err != "" {
				line += " " + st.Error.Render(p.err)
			}
			lines = append(lines, line)
		}
		if p.errAt < 0 && p.err != "" {
			lines = append(lines, st.Error.Render(p.err))
		}
	} else if p.err != "" {
		lines = append(lines, st.Error.Render(p.err))
	}
	return fit(lines, w, h)
}

func (p *trainingPane) help() []key.Binding {
	k := p.c.Keys
	if p.adding {
		return []key.Binding{k.Next, k.Save, k.Back}
	}
	return []key.Binding{k.Up, k.Down, p.add, p.toggle}
}

func (p *trainingPane) capturing() bool { return p.adding }

func (p *trainingPane) dirty() bool {
	for _, in := range p.inputs {
		if p.adding && in.Value() != "" {
			return true
		}
	}
	return false
}
