package summary

import (
	"path/filepath"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/report"
)

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.req != m.req {
			return m, nil
		}
		m.loading, m.err, m.fairPending, m.fairErr = false, msg.err, false, ""
		var cmd tea.Cmd
		if msg.err != nil {
			m.exportFor = "" // the error is on the screen; nothing to write
		} else {
			m.doc = &report.Doc{Cat: m.c.Cat, Rec: m.c.Records, Station: m.c.Settings.StationName, Sum: msg.sum, Rights: msg.rights, Fairs: msg.fairs, Made: m.c.Now()}
			m.cur = min(m.cur, len(msg.sum.StillOpen)-1)
			m.closing = m.closing && len(msg.sum.StillOpen) > 0
			cmd = m.loadFairness(msg.req, msg.sum)
		}
		m.layout()
		return m, cmd
	case fairMsg:
		if msg.req != m.req || m.doc == nil {
			return m, nil
		}
		m.fairPending = false
		asked := m.exportFor == m.period()
		m.exportFor = ""
		if msg.err != nil { // the figures stay; the section says it could not be counted
			m.fairErr = m.c.Cat.Err(msg.err)
			m.layout()
			return m, common.Status(m.fairErr, true)
		}
		m.fairErr = ""
		m.doc.Sum.Fairness, m.doc.Sum.Fairness30 = msg.cur, msg.last30
		m.layout()
		if asked {
			return m, m.export()
		}
		return m, nil
	case closedMsg:
		return m, m.closed(msg)
	case exportedMsg:
		if msg.err != nil {
			return m, common.Status(m.c.Cat.Err(msg.err), true)
		}
		text := m.c.T("report.written", msg.path)
		if lipgloss.Width(text) > m.width-2 { // keep the file's name in sight on a narrow screen
			text = m.c.T("report.written", filepath.Join("…", filepath.Base(filepath.Dir(msg.path)), filepath.Base(msg.path)))
		}
		return m, common.Status(text, false)
	case common.ChangedMsg, common.GotoMsg:
		return m, m.load()
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if m.closing && m.doc != nil {
		return m.closeKey(msg)
	}
	k, ck := m.k, m.c.Keys
	switch {
	case key.Matches(msg, k.Close):
		return m.openClose()
	case key.Matches(msg, k.Fair):
		m.toFairness()
	case key.Matches(msg, k.Prev):
		return m.move(-1)
	case key.Matches(msg, k.Next):
		return m.move(1)
	case key.Matches(msg, k.Today):
		m.day, m.offset = m.today(), 0
		return m.load()
	case key.Matches(msg, k.Day):
		return m.setSpan(store.SpanDay)
	case key.Matches(msg, k.Week):
		return m.setSpan(store.SpanWeek)
	case key.Matches(msg, k.Month):
		return m.setSpan(store.SpanMonth)
	case key.Matches(msg, k.Reload):
		return m.load()
	case key.Matches(msg, k.Export):
		return m.export()
	case key.Matches(msg, ck.Down):
		m.scroll(1)
	case key.Matches(msg, ck.Up):
		m.scroll(-1)
	case key.Matches(msg, ck.PgDown):
		m.scroll(m.pageRows())
	case key.Matches(msg, ck.PgUp):
		m.scroll(-m.pageRows())
	case key.Matches(msg, k.Home):
		m.offset = 0
	case key.Matches(msg, k.End):
		m.scroll(len(m.lines))
	}
	return nil
}

// move goes n periods back or on, never past the period that holds today.
func (m *Model) move(n int) tea.Cmd {
	from, _, err := store.Period(m.span, m.day, n)
	if err != nil {
		return nil
	}
	if last, _, _ := store.Period(m.span, m.today(), 0); from > last {
		return nil
	}
	if m.span == store.SpanDay {
		m.day = from
	} else {
		// keep the weekday or the day of the month where possible, so w then d comes back
		m.day = shiftKeep(m.span, m.day, n, from)
	}
	if m.day > m.today() {
		m.day = m.today()
	}
	m.offset = 0
	return m.load()
}

func shiftKeep(span store.Span, day string, n int, from string) string {
	if span == store.SpanWeek {
		d, _, _ := store.Period(store.SpanDay, day, 7*n)
		return d
	}
	_, to, _ := store.Period(span, from, 0)
	if want := from[:8] + day[8:]; want <= to {
		return want
	}
	return to
}

func (m *Model) setSpan(s store.Span) tea.Cmd {
	if m.span == s {
		return nil
	}
	m.span, m.offset = s, 0
	return m.load()
}

func (m *Model) scroll(n int) {
	m.offset = max(0, min(m.offset+n, len(m.lines)-m.pageRows()))
}
