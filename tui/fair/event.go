package fair

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// row is one line of the event's page: a firm, or one of its positions.
type row struct {
	firm *store.EventFirm
	pos  *store.Position
}

// rows are the firms, each followed by its positions.
func (m *Model) rows() []row {
	var out []row
	for i := range m.firms {
		out = append(out, row{firm: &m.firms[i]})
		for j := range m.positions {
			if m.positions[j].FirmID == m.firms[i].ID {
				out = append(out, row{firm: &m.firms[i], pos: &m.positions[j]})
			}
		}
	}
	return out
}

func (m *Model) eventKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	rows := m.rows()
	switch {
	case key.Matches(msg, k.Back):
		m.view, m.ev = viewEvents, store.Event{}
		return m.loadEvents()
	case key.Matches(msg, k.Up):
		m.rowCursor = max(m.rowCursor-1, 0)
	case key.Matches(msg, k.Down):
		m.rowCursor = min(m.rowCursor+1, max(len(rows)-1, 0))
	case key.Matches(msg, keyEdit):
		return m.eventForm(m.ev)
	case key.Matches(msg, keyDoor):
		return m.open(viewDoor)
	case key.Matches(msg, keyFirm):
		return m.open(viewFirmAdd)
	case key.Matches(msg, keyPosition):
		if len(rows) == 0 {
			return common.Status(m.c.T("fair.no_firm"), true)
		}
		return m.positionForm(*rows[min(m.rowCursor, len(rows)-1)].firm)
	case key.Matches(msg, keyBooth):
		if len(m.positions) == 0 {
			return common.Status(m.c.T("fair.no_position"), true)
		}
		return m.open(viewBooth)
	case key.Matches(msg, keyOutcomes):
		m.view = viewOutcomes
	}
	return nil
}

// counts is the event's four figures as the door sees them now.
func (m *Model) counts() string {
	places := 0
	for _, p := range m.positions {
		places += p.Headcount
	}
	people := map[int64]bool{}
	for _, i := range m.intents {
		people[i.AttendeeID] = true
	}
	return m.c.T("sum.fair.four", len(m.firms), places, len(m.attendees), len(people))
}

// head is the event's name, day, campaign and place, with its four figures.
func (m *Model) head() []string {
	st := m.c.Styles
	e := m.ev
	title := e.Name + "  " + e.Day + "  " + m.c.T("fair.campaign."+string(e.Campaign))
	if e.Place != "" {
		title += "  " + e.Place
	}
	return []string{st.Title.Render(common.Cell(title, m.width-2)), m.counts()}
}

// eventView is the event's firms and their positions.
func (m *Model) eventView() string {
	st := m.c.Styles
	lines := append(m.head(), "")
	rows := m.rows()
	if len(rows) == 0 {
		lines = append(lines, st.Subtle.Render(m.c.T("fair.firms.none")))
	}
	visible := max(m.height-len(lines), 1)
	top := common.ScrollOffset(m.rowCursor, 0, visible, len(rows))
	for i := top; i < len(rows) && i < top+visible; i++ {
		text := m.rowText(rows[i])
		if i == m.rowCursor {
			text = st.RowActive.Render(common.Cell(text, m.width-2))
		}
		lines = append(lines, text)
	}
	return strings.Join(lines, "\n")
}

func (m *Model) rowText(r row) string {
	if r.pos == nil {
		booth := ""
		if r.firm.Booth != "" {
			booth = "[" + r.firm.Booth + "] "
		}
		return common.Cell(booth+r.firm.Name, m.width-2)
	}
	p := r.pos
	pay := m.c.Cat.Money(p.PayMinFen)
	if p.PayMaxFen > p.PayMinFen {
		pay += "–" + valid.FormatYuan(p.PayMaxFen)
	}
	pay += m.c.T("unit.per." + string(p.PayUnit))
	text := fmt.Sprintf("    %s · %s · %s · %s · %s", p.Title, m.c.Cat.TradeName(m.c.Records, p.TradeID),
		m.c.T("fair.places", p.Headcount), pay, m.c.T("fair.term."+string(p.Term)))
	return common.Cell(text, m.width-2)
}
