package fair

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
)

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case eventsMsg:
		if msg.req == m.req {
			m.events, m.evCursor = msg.events, min(m.evCursor, max(len(msg.events)-1, 0))
			if msg.err != nil {
				return m, common.Status(m.c.Cat.Err(msg.err), true)
			}
		}
		return m, nil
	case eventMsg:
		if msg.req == m.req {
			if msg.err != nil {
				return m, common.Status(m.c.Cat.Err(msg.err), true)
			}
			m.firms, m.positions, m.attendees, m.intents = msg.firms, msg.positions, msg.attendees, msg.intents
			m.rowCursor = min(m.rowCursor, max(len(m.rows())-1, 0))
			m.booth.fit(m)
		}
		return m, nil
	case doneMsg:
		return m, m.done(msg)
	case searchMsg:
		return m, m.doorFound(msg)
	case employersMsg:
		m.firm.answered(msg)
		return m, nil
	case common.ChangedMsg, common.ShownMsg:
		if m.ev.ID != 0 {
			return m, m.loadEvent()
		}
		return m, m.loadEvents()
	case common.StationChangedMsg: // another desk's change: the open fair's lists and count
		if m.ev.ID != 0 {
			return m, m.loadEvent()
		}
		return m, nil
	case tea.KeyMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	}
	return m, nil
}

// key hands a key to the question, the open form or the view.
func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if m.ask != nil {
		return m.askKey(msg)
	}
	if m.form != nil {
		if m.saving {
			return nil
		}
		res, cmd := m.form.update(msg)
		switch res {
		case leave:
			m.form = nil
		case submit:
			if i := m.form.missing(); i >= 0 {
				return m.form.fail(m.c.T("fair.required", m.c.T(m.form.fields[i].label)), m.form.fields[i].label)
			}
			return m.onSave()
		}
		return cmd
	}
	switch m.view {
	case viewEvents:
		return m.eventsKey(msg)
	case viewEvent:
		return m.eventKey(msg)
	case viewFirmAdd:
		return m.firmKey(msg)
	case viewDoor:
		return m.doorKey(msg)
	case viewBooth:
		return m.boothKey(msg)
	case viewOutcomes:
		return m.outcomesKey(msg)
	}
	return nil
}

// open shows view v of the open event.
func (m *Model) open(v view) tea.Cmd {
	m.view = v
	switch v {
	case viewDoor:
		return m.door.start()
	case viewFirmAdd:
		return m.firm.start()
	case viewBooth:
		m.booth.fit(m)
		return m.booth.start()
	}
	return nil
}

// back leaves a view of the event for the event's page.
func (m *Model) back(msg tea.KeyMsg) bool {
	if key.Matches(msg, m.c.Keys.Back) {
		m.view = viewEvent
		return true
	}
	return false
}

// askReason asks for the reason the store wants before it saves (pay under the guide or the
// minimum wage, words a posting may not carry), then saves again with it.
func (m *Model) askReason(storeKey string) tea.Cmd {
	m.askPosting = storeKey == "posting.override_needed"
	label := "fair.ask.pay_reason"
	if m.askPosting {
		label = "fair.ask.posting_reason"
	}
	m.ask = prompt.New(m.c, prompt.Spec{Label: label, Warn: true, Below: true, Mark: "› ", Check: func(a prompt.Answer) string {
		if a.Text == "" {
			return "fair.ask.reason_needed"
		}
		return ""
	}})
	m.ask.SetWidth(m.width - 2)
	return m.ask.Focus()
}

func (m *Model) askKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := m.ask.Update(msg)
	switch res {
	case prompt.Answered:
		if m.askPosting {
			m.review.PostingOverride = m.ask.Answer().Text
		} else {
			m.review.PayReason = m.ask.Answer().Text
		}
		m.ask = nil
		return m.onSave()
	case prompt.Cancelled:
		m.ask = nil
	}
	return cmd
}
