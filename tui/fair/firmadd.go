package fair

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// firmAddModel finds an employer already on record (by name or phone, as the phone intake
// does) to put on the event; Ctrl+N makes a new one.
type firmAddModel struct {
	c      *common.Common
	input  textinput.Model
	found  []store.Employer
	cursor int
	req    int
	asked  string // the query the found list answers
	width  int
}

// employersMsg answers a search for employers.
type employersMsg struct {
	req   int
	query string
	found []store.Employer
	err   error
}

func (employersMsg) Owner() common.Page { return common.PageFair }

func newFirmAdd(c *common.Common) firmAddModel {
	return firmAddModel{c: c, input: common.NewBox(60, c.T("fair.firm.placeholder")), width: 80}
}

func (f *firmAddModel) setWidth(w int) { f.width, f.input.Width = w, max(w-14, 10) }

func (f *firmAddModel) start() tea.Cmd {
	f.input.SetValue("")
	f.found, f.cursor, f.asked = nil, 0, ""
	return f.input.Focus()
}

func (f *firmAddModel) search() tea.Cmd {
	f.req++
	req, q, s, ctx := f.req, f.input.Value(), f.c.Store, f.c.Ctx
	return func() tea.Msg {
		found, err := s.FindEmployers(ctx, q, 10)
		return employersMsg{req: req, query: q, found: found, err: err}
	}
}

func (f *firmAddModel) answered(msg employersMsg) {
	if msg.req == f.req && msg.err == nil {
		f.found, f.cursor, f.asked = msg.found, 0, msg.query
	}
}

func (m *Model) firmKey(msg tea.KeyMsg) tea.Cmd {
	f, k := &m.firm, m.c.Keys
	switch {
	case m.back(msg):
		return nil
	case key.Matches(msg, keyNewer):
		return m.newFirmForm(f.input.Value())
	case key.Matches(msg, k.Up):
		f.cursor = max(f.cursor-1, 0)
		return nil
	case key.Matches(msg, k.Down):
		f.cursor = min(f.cursor+1, max(len(f.found)-1, 0))
		return nil
	case key.Matches(msg, k.Select):
		if len(f.found) == 0 {
			return common.Status(m.c.T("fair.firm.none_found"), true)
		}
		e := f.found[f.cursor]
		return m.addFirm(e, "")
	}
	before := f.input.Value()
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(valid.StripControls(string(msg.Runes)))
	}
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() != before {
		return tea.Batch(cmd, f.search())
	}
	return cmd
}

// addFirm puts e (known, or new with ID 0) on the event and goes back to the event's page.
func (m *Model) addFirm(e store.Employer, booth string) tea.Cmd {
	s, ctx, staff, ev := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.ev.ID
	return m.write(m.c.T("fair.saved.firm", e.Name), func(m *Model) tea.Cmd {
		m.form, m.view = nil, viewEvent
		return nil
	}, func() error {
		_, err := s.AddFirm(ctx, staff, ev, e, booth)
		return err
	})
}

// newFirmForm is a new employer's short form, filled from what was searched.
func (m *Model) newFirmForm(typed string) tea.Cmd {
	name, phone := strings.TrimSpace(typed), ""
	if _, p := store.EmployerPhone(name); p == nil {
		name, phone = "", strings.TrimSpace(typed)
	}
	f := newForm(m.c, m.c.T("fair.form.firm"))
	f.text("fair.f.name", 60, name, true)
	f.text("fair.f.phone", 20, phone, true)
	f.text("fair.f.contact", 30, "", false)
	f.text("fair.f.booth", 20, "", false)
	f.setWidth(m.width)
	m.form = f
	m.onSave = func() tea.Cmd {
		e := store.Employer{Kind: store.Firm, Name: f.fields[0].value(), Phone: f.fields[1].value(), Contact: f.fields[2].value()}
		return m.addFirm(e, f.fields[3].value())
	}
	if name != "" {
		return f.focusOn(1) // the name came from the search: the phone is next
	}
	return f.focusOn(0)
}

func (m *Model) firmView() string {
	f, st := &m.firm, m.c.Styles
	lines := append(m.head(), "", st.Label.Render(common.Cell(m.c.T("fair.firm.find"), 12))+" "+f.input.View(), "")
	for i, e := range f.found {
		text := common.Cell(e.Name+"  "+valid.MaskPhone(e.Phone), m.width-2)
		if i == f.cursor {
			text = st.RowActive.Render(text)
		}
		lines = append(lines, text)
	}
	if len(f.found) == 0 {
		hint := m.c.T("fair.firm.hint")
		if strings.TrimSpace(f.input.Value()) != "" && f.asked == f.input.Value() {
			hint = m.c.T("fair.firm.none_found")
		}
		lines = append(lines, st.Subtle.Render(common.Cell(hint, m.width-2)))
	}
	return strings.Join(lines, "\n")
}
