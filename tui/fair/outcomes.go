package fair

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// outcomesModel is the list of the event's intentions, where what became of each is marked
// later: h hired, x not hired, u not known yet.
type outcomesModel struct{ cursor int }

func (m *Model) outcomesKey(msg tea.KeyMsg) tea.Cmd {
	o, k := &m.outc, m.c.Keys
	var out store.Outcome
	switch {
	case m.back(msg):
		return nil
	case key.Matches(msg, k.Up):
		o.cursor = max(o.cursor-1, 0)
		return nil
	case key.Matches(msg, k.Down):
		o.cursor = min(o.cursor+1, max(len(m.intents)-1, 0))
		return nil
	case key.Matches(msg, keyHired):
		out = store.OutcomeHired
	case key.Matches(msg, keyNotHired):
		out = store.OutcomeNotHired
	case key.Matches(msg, keyPending):
		out = store.OutcomePending
	default:
		return nil
	}
	if len(m.intents) == 0 {
		return nil
	}
	it := m.intents[min(o.cursor, len(m.intents)-1)]
	s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
	return m.write(m.c.T("fair.saved.outcome", it.Name, m.outcomeText(out)), nil, func() error {
		return s.SetOutcome(ctx, staff, it.ID, out)
	})
}

func (m *Model) outcomeText(o store.Outcome) string {
	if o == store.OutcomePending {
		return m.c.T("fair.outcome.pending")
	}
	return m.c.T("fair.outcome." + string(o))
}

func (m *Model) outcomesView() string {
	o, st := &m.outc, m.c.Styles
	lines := append(m.head(), "")
	if len(m.intents) == 0 {
		lines = append(lines, st.Subtle.Render(m.c.T("fair.outcomes.none")))
	}
	visible := max(m.height-len(lines), 1)
	o.cursor = min(o.cursor, max(len(m.intents)-1, 0))
	top := common.ScrollOffset(o.cursor, 0, visible, len(m.intents))
	for i := top; i < len(m.intents) && i < top+visible; i++ {
		it := m.intents[i]
		text := common.Cell(fmt.Sprintf("%s  %s  %s · %s  %s", it.At.In(m.c.Store.Location()).Format("15:04"), common.Cell(it.Name, 8),
			it.Firm, it.Title, m.outcomeText(it.Outcome)), m.width-2)
		if i == o.cursor {
			text = st.RowActive.Render(text)
		}
		lines = append(lines, text)
	}
	return strings.Join(lines, "\n")
}
