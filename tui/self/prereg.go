package self

import (
	"slices"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/store/valid"
)

// Pre-registration: a newcomer's name, phone, trades and community, one step each, then a
// check of what they typed. The record waits, paused and unconfirmed, for the counter.

// prereg is what the newcomer has typed and chosen so far.
type prereg struct {
	phone  string
	trades []int64
	place  int64
	filter string // typed to narrow the communities
}

// typing gives keys to the step that takes text: the name, or the communities' filter.
func (m *Model) typing(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch {
	case m.step == stepDone:
		m.clear() // any key: the result was read
		return nil, true
	case m.step == stepRegName && msg.Type != tea.KeyEnter && msg.Type != tea.KeyEsc && msg.Type != tea.KeyTab:
		var cmd tea.Cmd
		m.name, cmd = m.name.Update(msg)
		return cmd, true
	case m.step == stepRegPlace && msg.Type == tea.KeyRunes:
		m.reg.filter += string(msg.Runes)
		m.page, m.focus = 0, -1
		return nil, true
	case m.step == stepRegPlace && msg.Type == tea.KeyBackspace && m.reg.filter != "":
		r := []rune(m.reg.filter)
		m.reg.filter, m.page = string(r[:len(r)-1]), 0
		return nil, true
	}
	return nil, false
}

func (m *Model) regBlocks() []block {
	st := m.c.Styles
	n := map[step]int{stepRegName: 1, stepRegPhone: 2, stepRegTrades: 3, stepRegPlace: 4, stepRegCheck: 4}[m.step]
	head := text(st.KioskRow.Render(m.c.T("self.reg.title", n)))
	h := m.buttonHeight()
	next := button{label: m.c.T("self.key.next"), act: actNext, key: "enter"}
	switch m.step {
	case stepRegName:
		in := st.App.Border(lipgloss.RoundedBorder()).Width(24).Render(m.name.View())
		return []block{head, text(st.KioskRow.Render(m.c.T("self.reg.name"))), text(strings.Split(in, "\n")...),
			text(m.message()), row(h, next, m.backButton())}
	case stepRegPhone:
		return append([]block{head}, m.keypadBlocks(m.c.T("self.reg.phone"), phoneShape(m.digits), m.backButton())...)
	case stepRegTrades:
		out := []block{head, text(st.KioskRow.Render(m.c.T("self.reg.trades")))}
		out = append(out, grid(h, 4, m.tradeButtons())...)
		return append(out, text(m.message()), row(h, next, m.backButton()))
	case stepRegPlace:
		out := []block{head, text(st.KioskRow.Render(m.c.T("self.reg.community")) + "  " + st.Subtle.Render(m.c.T("self.reg.filter", m.reg.filter)))}
		places := m.placeButtons()
		per := m.placesPerPage()
		from := min(m.page*per, len(places))
		out = append(out, grid(h, 3, places[from:min(from+per, len(places))])...)
		if len(places) == 0 {
			out = append(out, text(st.Warning.Render(m.c.T("self.reg.none"))))
		}
		return append(out, text(m.message()), row(h, m.navButtons()...))
	}
	check := m.c.T("self.reg.check", strings.TrimSpace(m.name.Value()), m.reg.phone, m.tradeNames(), m.rec.PlaceName(m.reg.place))
	return []block{head, text(st.KioskRow.Render(check), "", m.message()),
		row(h+2, button{label: m.c.T("self.key.submit"), act: actSubmit, key: "enter"}, m.backButton())}
}

// grid lays buttons out cols to a row.
func grid(h, cols int, bs []button) []block {
	var out []block
	for i := 0; i < len(bs); i += cols {
		out = append(out, row(h, bs[i:min(i+cols, len(bs))]...))
	}
	return out
}

func (m *Model) tradeButtons() []button {
	var out []button
	if m.rec == nil {
		return nil
	}
	for _, t := range m.rec.Trades {
		out = append(out, button{label: m.c.Cat.TradeName(m.rec, t.ID), act: actTrade, n: t.ID, on: slices.Contains(m.reg.trades, t.ID)})
	}
	return out
}

func (m *Model) tradeNames() string {
	var names []string
	for _, t := range m.reg.trades {
		names = append(names, m.c.Cat.TradeName(m.rec, t))
	}
	return strings.Join(names, "、")
}

// placeButtons are the communities whose name holds the filter typed.
func (m *Model) placeButtons() []button {
	var out []button
	if m.rec == nil {
		return nil
	}
	for _, p := range m.rec.Communities() {
		if strings.Contains(p.Name, m.reg.filter) {
			out = append(out, button{label: p.Name, act: actPlace, n: p.ID, on: p.ID == m.reg.place})
		}
	}
	return out
}

// placesPerPage is how many communities fit, three to a row, above the page buttons.
func (m *Model) placesPerPage() int {
	h := m.buttonHeight()
	return 3 * max((m.height-7-h)/h, 1)
}

func (m *Model) placePages() int {
	n := len(m.placeButtons())
	return max((n+m.placesPerPage()-1)/m.placesPerPage(), 1)
}

// regPress is a pre-registration button: a trade toggled, a community chosen, Next, Submit.
func (m *Model) regPress(b button) tea.Cmd {
	switch {
	case b.act == actTrade:
		if i := slices.Index(m.reg.trades, b.n); i >= 0 {
			m.reg.trades = slices.Delete(m.reg.trades, i, i+1)
		} else {
			m.reg.trades = append(m.reg.trades, b.n)
		}
	case b.act == actPlace:
		m.reg.place, m.step, m.focus = b.n, stepRegCheck, 0
	case b.act == actNext && m.step == stepRegName:
		if _, p := valid.Name(m.name.Value()); p != nil {
			m.msg, m.msgErr = m.c.Cat.Err(p), true
			return nil
		}
		m.name.Blur()
		m.step, m.digits, m.focus = stepRegPhone, m.reg.phone, -1
	case b.act == actNext && m.step == stepRegTrades:
		if len(m.reg.trades) == 0 {
			m.msg, m.msgErr = m.c.T("self.reg.need_trade"), true
			return nil
		}
		m.step, m.page, m.focus = stepRegPlace, 0, -1
	case b.act == actSubmit:
		return m.submit(store.PreRegistration{Name: m.name.Value(), Phone: m.reg.phone, Trades: m.reg.trades, CommunityID: m.reg.place})
	}
	return nil
}

// regBack is one step back in pre-registration; what was typed is kept.
func (m *Model) regBack() {
	m.focus = -1
	switch m.step {
	case stepRegPhone:
		m.reg.phone, m.step = m.digits, stepRegName
		m.name.Focus()
	case stepRegTrades:
		m.step, m.digits = stepRegPhone, m.reg.phone
	case stepRegPlace:
		m.step = stepRegTrades
	case stepRegCheck:
		m.step = stepRegPlace
	}
}
