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

// boothModel records intentions at a booth: the clerk picks the position (Tab steps through
// them) and finds each attendee who agreed by phone, its last digits, name or number.
type boothModel struct {
	c      *common.Common
	input  textinput.Model
	pos    int
	shown  []store.Attendee
	cursor int
	width  int
}

func newBooth(c *common.Common) boothModel {
	return boothModel{c: c, input: common.NewBox(20, c.T("fair.booth.placeholder")), width: 80}
}

func (b *boothModel) setWidth(w int) { b.width, b.input.Width = w, max(w-14, 10) }

func (b *boothModel) start() tea.Cmd {
	b.input.SetValue("")
	b.cursor = 0
	return b.input.Focus()
}

// fit keeps the position in range and filters the attendees by what is typed.
func (b *boothModel) fit(m *Model) {
	b.pos = min(b.pos, max(len(m.positions)-1, 0))
	q := strings.TrimSpace(b.input.Value())
	b.shown = b.shown[:0]
	for _, a := range m.attendees {
		if q == "" || strings.Contains(a.Name, q) || strings.HasSuffix(a.Phone, q) || fmt.Sprint(a.WorkerID) == q {
			b.shown = append(b.shown, a)
		}
		if len(b.shown) == 50 {
			break
		}
	}
	b.cursor = min(b.cursor, max(len(b.shown)-1, 0))
}

func (m *Model) boothKey(msg tea.KeyMsg) tea.Cmd {
	b, k := &m.booth, m.c.Keys
	switch {
	case m.back(msg):
		return nil
	case msg.Type == tea.KeyTab && len(m.positions) > 0:
		b.pos = (b.pos + 1) % len(m.positions)
		return nil
	case msg.Type == tea.KeyShiftTab && len(m.positions) > 0:
		b.pos = (b.pos + len(m.positions) - 1) % len(m.positions)
		return nil
	case key.Matches(msg, k.Up):
		b.cursor = max(b.cursor-1, 0)
		return nil
	case key.Matches(msg, k.Down):
		b.cursor = min(b.cursor+1, max(len(b.shown)-1, 0))
		return nil
	case key.Matches(msg, k.Select):
		if len(b.shown) == 0 || len(m.positions) == 0 {
			return common.Status(m.c.T("fair.booth.none"), true)
		}
		a, p := b.shown[b.cursor], m.positions[b.pos]
		s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
		return m.write(m.c.T("fair.saved.intention", a.Name, p.Title), func(m *Model) tea.Cmd {
			m.booth.input.SetValue("")
			m.booth.fit(m)
			return nil
		}, func() error {
			_, err := s.RecordIntention(ctx, staff, a.ID, p.ID)
			return err
		})
	}
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(valid.StripControls(string(msg.Runes)))
	}
	var cmd tea.Cmd
	b.input, cmd = b.input.Update(msg)
	b.fit(m)
	return cmd
}

func (m *Model) boothView() string {
	b, st := &m.booth, m.c.Styles
	lines := m.head()
	if len(m.positions) > 0 {
		p := m.positions[b.pos]
		lines = append(lines, "", st.Label.Render(m.c.T("fair.booth.position", b.pos+1, len(m.positions)))+" "+
			st.RowActive.Render(common.Cell(p.Firm+" · "+p.Title+" · "+m.c.T("fair.places", p.Headcount), m.width-16)))
	}
	lines = append(lines, st.Label.Render(common.Cell(m.c.T("fair.booth.find"), 12))+" "+b.input.View(), "")
	for i, a := range b.shown {
		if len(lines) >= m.height {
			break
		}
		text := common.Cell(fmt.Sprintf("%-6d %s  %s", a.WorkerID, common.Cell(a.Name, 8), valid.MaskPhone(a.Phone)), m.width-2)
		if i == b.cursor {
			text = st.RowActive.Render(text)
		}
		lines = append(lines, text)
	}
	return strings.Join(lines, "\n")
}
