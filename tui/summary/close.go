package summary

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// The close list: the dispatches whose work ended but that nobody closed, one key each to
// mark done, no-show or cancelled, without leaving the Summary screen.

// closedMsg answers a close: which dispatch, how, and whether the store refused.
type closedMsg struct {
	id  int64
	how string // done, no_show, cancelled
	err error
}

func (closedMsg) Owner() common.Page { return common.PageSummary }

// openClose shows the close list on its first dispatch; with none it says so.
func (m *Model) openClose() tea.Cmd {
	if m.doc == nil || len(m.doc.Sum.StillOpen) == 0 {
		return common.Status(m.c.T("sum.close.none"), false)
	}
	m.closing, m.cur = true, 0
	return nil
}

// closeKey is the close list's keys: move, close the chosen dispatch one of three ways, leave.
func (m *Model) closeKey(msg tea.KeyMsg) tea.Cmd {
	list, ck := m.doc.Sum.StillOpen, m.c.Keys
	switch {
	case msg.Type == tea.KeyEsc:
		m.closing = false
	case key.Matches(msg, ck.Down):
		m.cur = min(m.cur+1, len(list)-1)
	case key.Matches(msg, ck.Up):
		m.cur = max(m.cur-1, 0)
	case msg.Type == tea.KeyEnter:
		return m.closeOne("done")
	case msg.String() == "n":
		return m.closeOne("no_show")
	case msg.String() == "x":
		return m.closeOne("cancelled")
	}
	return nil
}

// closeOne closes the chosen dispatch through the store's own rules (a no-show or a cancel
// needs a worker who never checked in: the store says so otherwise).
func (m *Model) closeOne(how string) tea.Cmd {
	if m.cur >= len(m.doc.Sum.StillOpen) {
		return nil
	}
	id := m.doc.Sum.StillOpen[m.cur].DispatchID
	s, ctx, by, reason := m.c.Store, m.c.Ctx, m.c.Staff.ID, m.c.T("sum.close.reason")
	return func() tea.Msg {
		var err error
		switch how {
		case "done":
			_, err = s.Done(ctx, by, id)
		case "no_show":
			_, err = s.MarkNoShow(ctx, by, id)
		default:
			_, err = s.Cancel(ctx, by, id, store.ByStation, reason)
		}
		return closedMsg{id: id, how: how, err: err}
	}
}

// closed reports a close and reloads, so the list and the figures move on together.
func (m *Model) closed(msg closedMsg) tea.Cmd {
	if msg.err != nil {
		return common.Status(m.c.Cat.Err(msg.err), true)
	}
	return tea.Batch(common.Status(m.c.T("sum.closed."+msg.how, msg.id), false), m.load(), func() tea.Msg { return common.ChangedMsg{} })
}

// closeView is the close list under the title: its heading, the keys, the visible rows.
func (m *Model) closeView(title string) string {
	st, d := m.c.Styles, m.doc
	out := []string{title, st.Warning.Render(d.StillOpenTitle()), st.Subtle.Render(m.c.T("sum.close.hint"))}
	list := d.Sum.StillOpen
	rows := max(m.height-len(out), 1)
	first := max(0, min(m.cur-rows/2, len(list)-rows))
	for i := first; i < len(list) && i < first+rows; i++ {
		line := ansi.Truncate("  "+d.StillOpenText(list[i]), m.width, "…")
		if i == m.cur {
			line = st.RowActive.Render(common.Cell(line, m.width))
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
