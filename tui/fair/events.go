package fair

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/common"
)

var campaignKeys = func() []string {
	var out []string
	for _, c := range store.Campaigns {
		out = append(out, "fair.campaign."+string(c))
	}
	return out
}()

func (m *Model) eventsKey(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, keyNew):
		return m.eventForm(store.Event{Day: m.c.Store.Today(), Place: m.c.Settings.StationName})
	case key.Matches(msg, k.Up):
		m.evCursor = max(m.evCursor-1, 0)
	case key.Matches(msg, k.Down):
		m.evCursor = min(m.evCursor+1, max(len(m.events)-1, 0))
	case key.Matches(msg, k.Select) && len(m.events) > 0:
		m.ev, m.view, m.rowCursor = m.events[m.evCursor], viewEvent, 0
		m.firms, m.positions, m.attendees, m.intents = nil, nil, nil, nil
		return m.loadEvent()
	}
	return nil
}

// eventForm opens the event's form: a new event (ID 0) or the open one to correct.
func (m *Model) eventForm(e store.Event) tea.Cmd {
	title := m.c.T("fair.form.event")
	if e.ID != 0 {
		title = m.c.T("fair.form.event_edit")
	}
	f := newForm(m.c, title)
	f.text("fair.f.name", 60, e.Name, true)
	at := 0
	for i, c := range store.Campaigns {
		if c == e.Campaign {
			at = i
		}
	}
	f.choice("fair.f.campaign", campaignKeys, at)
	f.text("fair.f.day", 10, e.Day, true)
	f.text("fair.f.place", 100, e.Place, false)
	f.text("fair.f.organiser", 60, e.Organiser, false)
	f.setWidth(m.width)
	m.form = f
	m.onSave = func() tea.Cmd {
		ev := e
		ev.Name, ev.Campaign, ev.Day = f.fields[0].value(), store.Campaigns[f.fields[1].choice], f.fields[2].value()
		ev.Place, ev.Organiser = f.fields[3].value(), f.fields[4].value()
		s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
		var saved store.Event
		return m.write(m.c.T("fair.saved.event", ev.Name), func(m *Model) tea.Cmd {
			m.form = nil
			if ev.ID != 0 {
				m.ev = saved
			}
			return nil
		}, func() (err error) {
			saved, err = s.SaveEvent(ctx, staff, ev)
			return err
		})
	}
	return f.focusOn(0)
}

// eventsView lists the events, the latest first, with their day and campaign.
func (m *Model) eventsView() string {
	st := m.c.Styles
	lines := []string{st.Title.Render(m.c.T("fair.events.title")), ""}
	if len(m.events) == 0 {
		lines = append(lines, st.Subtle.Render(m.c.T("fair.events.none")))
	}
	cw := 14 // the campaign's column: as wide as its longest name, up to a quarter of the screen
	for _, e := range m.events {
		cw = max(cw, lipgloss.Width(m.c.T("fair.campaign."+string(e.Campaign))))
	}
	cw = min(cw, max(14, m.width/4))
	top := common.ScrollOffset(m.evCursor, 0, m.height-4, len(m.events))
	for i := top; i < len(m.events) && i < top+m.height-4; i++ {
		e := m.events[i]
		row := fmt.Sprintf("%s  %s  %s", e.Day, common.Cell(m.c.T("fair.campaign."+string(e.Campaign)), cw), e.Name)
		row = common.Cell(row, m.width-2)
		if i == m.evCursor {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	return strings.Join(lines, "\n")
}
