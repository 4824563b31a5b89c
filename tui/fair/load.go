package fair

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// eventsMsg answers loadEvents.
type eventsMsg struct {
	req    int
	events []store.Event
	err    error
}

// eventMsg answers loadEvent: everything of one event.
type eventMsg struct {
	req       int
	firms     []store.EventFirm
	positions []store.Position
	attendees []store.Attendee
	intents   []store.Intention
	err       error
}

// doneMsg answers a write: the footer's words, or the store's refusal.
type doneMsg struct {
	text string
	err  error
	next func(*Model) tea.Cmd // what the view does once the write is in (clear the door's box)
}

// Every answer belongs to this screen even while another page shows.
func (eventsMsg) Owner() common.Page { return common.PageFair }
func (eventMsg) Owner() common.Page  { return common.PageFair }
func (doneMsg) Owner() common.Page   { return common.PageFair }

func (m *Model) loadEvents() tea.Cmd {
	m.req++
	req, s, ctx := m.req, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		evs, err := s.Events(ctx, "", "")
		// the latest first: today's fair is where the clerk starts
		for i, j := 0, len(evs)-1; i < j; i, j = i+1, j-1 {
			evs[i], evs[j] = evs[j], evs[i]
		}
		return eventsMsg{req: req, events: evs, err: err}
	}
}

func (m *Model) loadEvent() tea.Cmd {
	m.req++
	req, s, ctx, id := m.req, m.c.Store, m.c.Ctx, m.ev.ID
	return func() tea.Msg {
		msg := eventMsg{req: req}
		if msg.firms, msg.err = s.Firms(ctx, id); msg.err != nil {
			return msg
		}
		if msg.positions, msg.err = s.Positions(ctx, id); msg.err != nil {
			return msg
		}
		if msg.attendees, msg.err = s.Attendees(ctx, id); msg.err != nil {
			return msg
		}
		msg.intents, msg.err = s.Intentions(ctx, id)
		return msg
	}
}

// write runs a store write; on success the footer says text and the event reloads.
func (m *Model) write(text string, next func(*Model) tea.Cmd, fn func() error) tea.Cmd {
	m.saving = true
	return func() tea.Msg { return doneMsg{text: text, err: fn(), next: next} }
}

// done takes a write's answer.
func (m *Model) done(msg doneMsg) tea.Cmd {
	m.saving = false
	if msg.err != nil {
		return m.refused(msg.err)
	}
	cmds := []tea.Cmd{common.Status(msg.text, false), func() tea.Msg { return common.ChangedMsg{} }}
	if msg.next != nil {
		cmds = append(cmds, msg.next(m))
	}
	if m.ev.ID != 0 {
		cmds = append(cmds, m.loadEvent())
	} else {
		cmds = append(cmds, m.loadEvents())
	}
	return tea.Batch(cmds...)
}

// refused shows a refused write: on the open form (at its field), else in the footer.
func (m *Model) refused(err error) tea.Cmd {
	text := m.c.Cat.Err(err)
	if se := store.AsError(err); se != nil && m.form != nil {
		switch se.Key {
		case "guide.reason_needed", "guide.min_reason_needed", "posting.override_needed":
			return m.askReason(se.Key)
		}
		return m.form.fail(text, fieldOf[se.Field])
	}
	if m.form != nil {
		return m.form.fail(text, "")
	}
	return common.Status(text, true)
}

// fieldOf is the form field a store error's Field names.
var fieldOf = map[string]string{
	"name": "fair.f.name", "day": "fair.f.day", "place": "fair.f.place", "organiser": "fair.f.organiser", "phone": "fair.f.phone",
	"title": "fair.f.title", "trade": "fair.f.trade", "trades": "fair.f.trades", "headcount": "fair.f.headcount", "pay": "fair.f.pay_min",
	"pay_max": "fair.f.pay_max", "requirements": "fair.f.requirements", "contact": "fair.f.contact", "booth": "fair.f.booth",
}
