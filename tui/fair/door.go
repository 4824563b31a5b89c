package fair

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// doorModel is the door sign-in, built for a queue: one box takes the phone, its last four
// digits, a name or pinyin initials; Enter signs in the worker found. A whole phone nobody
// has opens the newcomer's short form with it filled in (name, phone, trades).
type doorModel struct {
	c       *common.Common
	input   textinput.Model
	found   []store.Worker
	cursor  int
	req     int
	asked   string // the query the found list answers
	pending bool   // Enter came before the answer to what was typed: act on the answer
	width   int
}

// searchMsg answers the door's search.
type searchMsg struct {
	req     int
	query   string
	workers []store.Worker
	err     error
}

func (searchMsg) Owner() common.Page { return common.PageFair }

func newDoor(c *common.Common) doorModel {
	return doorModel{c: c, input: common.NewBox(30, c.T("fair.door.placeholder")), width: 80}
}

func (d *doorModel) setWidth(w int) { d.width, d.input.Width = w, max(w-14, 10) }

func (d *doorModel) start() tea.Cmd {
	d.clear()
	return d.input.Focus()
}

func (d *doorModel) clear() {
	d.input.SetValue("")
	d.found, d.cursor, d.asked, d.pending = nil, 0, "", false
}

func (d *doorModel) search() tea.Cmd {
	d.req++
	req, q, s, ctx := d.req, d.input.Value(), d.c.Store, d.c.Ctx
	return func() tea.Msg {
		ws, err := s.SearchWorkers(ctx, q, 8)
		return searchMsg{req: req, query: q, workers: ws, err: err}
	}
}

// doorFound takes a search's answer, and acts on an Enter that came before it.
func (m *Model) doorFound(msg searchMsg) tea.Cmd {
	d := &m.door
	if msg.req != d.req {
		return nil
	}
	d.found, d.cursor, d.asked = msg.workers, 0, msg.query
	if msg.err != nil {
		d.pending = false
		return common.Status(m.c.Cat.Err(msg.err), true)
	}
	if d.pending {
		d.pending = false
		return m.doorEnter()
	}
	return nil
}

func (m *Model) doorKey(msg tea.KeyMsg) tea.Cmd {
	d, k := &m.door, m.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		if d.input.Value() != "" {
			d.clear()
			return nil
		}
		m.view = viewEvent
		return nil
	case key.Matches(msg, keyNewer):
		return m.newcomerForm(d.input.Value())
	case key.Matches(msg, k.Up):
		d.cursor = max(d.cursor-1, 0)
		return nil
	case key.Matches(msg, k.Down):
		d.cursor = min(d.cursor+1, max(len(d.found)-1, 0))
		return nil
	case key.Matches(msg, k.Select):
		if d.asked != d.input.Value() {
			d.pending = true // the answer to what was typed is on its way
			return nil
		}
		return m.doorEnter()
	}
	before := d.input.Value()
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(valid.StripControls(string(msg.Runes)))
	}
	var cmd tea.Cmd
	d.input, cmd = d.input.Update(msg)
	if v := d.input.Value(); v != before {
		if strings.TrimSpace(v) == "" {
			d.found, d.asked = nil, v
			return cmd
		}
		return tea.Batch(cmd, d.search())
	}
	return cmd
}

// doorEnter signs in the worker found, or opens the newcomer's form for a phone nobody has.
func (m *Model) doorEnter() tea.Cmd {
	d := &m.door
	q := strings.TrimSpace(d.input.Value())
	switch {
	case q == "":
		return nil
	case len(d.found) > 0:
		w := d.found[d.cursor]
		s, ctx, staff, ev, typed := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.ev.ID, d.input.Value()
		return m.write(m.c.T("fair.door.in", w.Name, len(m.attendees)+1), func(m *Model) tea.Cmd {
			if m.door.input.Value() == typed { // not when the clerk is already typing the next one
				m.door.clear()
			}
			return nil
		}, func() error {
			_, err := s.SignInAttendee(ctx, staff, ev, w.ID)
			return err
		})
	}
	if _, p := valid.Phone(q); p == nil {
		return m.newcomerForm(q)
	}
	return common.Status(m.c.T("fair.door.none", q), true)
}

// newcomerForm is the short form of someone not registered: name, phone, the work they want.
// What was typed at the door fills the phone (or the name).
func (m *Model) newcomerForm(typed string) tea.Cmd {
	typed = strings.TrimSpace(typed)
	name, phone := typed, ""
	if _, p := valid.Phone(typed); p == nil || isDigits(typed) {
		name, phone = "", typed
	}
	f := newForm(m.c, m.c.T("fair.form.newcomer"))
	f.text("fair.f.name", 40, name, true)
	f.text("fair.f.phone", 20, phone, true)
	trades := f.trade("fair.f.trades", true)
	f.setWidth(m.width)
	m.form = f
	m.onSave = func() tea.Cmd {
		n := store.Newcomer{Name: f.fields[0].value(), Phone: f.fields[1].value()}
		for _, t := range trades.trades.Selected() {
			n.Trades = append(n.Trades, t.TradeID)
		}
		s, ctx, staff, ev := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.ev.ID
		return m.write(m.c.T("fair.door.new_in", n.Name, len(m.attendees)+1), func(m *Model) tea.Cmd {
			m.form = nil
			m.door.clear()
			return nil
		}, func() error {
			_, err := s.SignInNewcomer(ctx, staff, ev, n)
			return err
		})
	}
	if name != "" {
		return f.focusOn(1) // the name came from the door's box: the phone is next
	}
	return f.focusOn(0)
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// doorView is the box, what it found (with who is already in), and the latest in.
func (m *Model) doorView() string {
	d, st := &m.door, m.c.Styles
	lines := append(m.head(), "", st.Label.Render(common.Cell(m.c.T("fair.door.find"), 12))+" "+d.input.View(), "")
	in := map[int64]bool{}
	for _, a := range m.attendees {
		in[a.WorkerID] = true
	}
	for i, w := range d.found {
		text := fmt.Sprintf("%-6d %s  %s  %s", w.ID, common.Cell(w.Name, 8), valid.MaskPhone(w.Phone), m.tradeNames(w.Trades))
		if in[w.ID] {
			text += "  " + m.c.T("fair.door.already")
		}
		text = common.Cell(text, m.width-2)
		if i == d.cursor {
			text = st.RowActive.Render(text)
		}
		lines = append(lines, text)
	}
	if len(d.found) == 0 {
		hint := m.c.T("fair.door.hint")
		if q := strings.TrimSpace(d.input.Value()); q != "" && d.asked == d.input.Value() {
			hint = m.c.T("fair.door.none", q)
		}
		lines = append(lines, st.Subtle.Render(common.Cell(hint, m.width-2)))
	}
	lines = append(lines, "", st.Label.Render(m.c.T("fair.door.latest")))
	for i, a := range m.attendees {
		if len(lines) >= m.height {
			break
		}
		mark := ""
		if a.Newcomer {
			mark = "  " + m.c.T("fair.door.newcomer")
		}
		lines = append(lines, st.Subtle.Render(common.Cell(fmt.Sprintf("%4d  %s  %s  %s%s", len(m.attendees)-i,
			a.At.In(m.c.Store.Location()).Format("15:04"), common.Cell(a.Name, 8), valid.MaskPhone(a.Phone), mark), m.width-2)))
	}
	return strings.Join(lines, "\n")
}

// tradeNames are a worker's trades in the staff member's language.
func (m *Model) tradeNames(ts []store.WorkerTrade) string {
	var names []string
	for _, t := range ts {
		names = append(names, m.c.Cat.TradeName(m.c.Records, t.TradeID))
	}
	return strings.Join(names, "、")
}
