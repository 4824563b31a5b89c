// Package summary is the end-of-day Summary screen: the day's (week's, month's) figures
// beside the period before and the 7 periods before that, charts, and the lists the
// station head acts on before closing; one key writes the same as an Excel file.
package summary

import (
	"path/filepath"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/report"
)

// wideWidth is the body width from which figures and charts stand side by side.
const wideWidth = 130

// keys are the Summary screen's own bindings.
type keys struct {
	Prev, Next, Today, Day, Week, Month, Export, Reload, Home, End key.Binding
}

func newKeys(t func(string, ...any) string) keys {
	return keys{
		Prev:   key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", t("sum.key.prev"))),
		Next:   key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", t("sum.key.next"))),
		Today:  key.NewBinding(key.WithKeys("t"), key.WithHelp("t", t("sum.key.today"))),
		Day:    key.NewBinding(key.WithKeys("d"), key.WithHelp("d", t("sum.key.day"))),
		Week:   key.NewBinding(key.WithKeys("w"), key.WithHelp("w", t("sum.key.week"))),
		Month:  key.NewBinding(key.WithKeys("m"), key.WithHelp("m", t("sum.key.month"))),
		Export: key.NewBinding(key.WithKeys("e", "ctrl+e"), key.WithHelp("e", t("sum.key.export"))),
		Reload: key.NewBinding(key.WithKeys("r", "f5"), key.WithHelp("r", t("sum.key.reload"))),
		Home:   key.NewBinding(key.WithKeys("home", "g")),
		End:    key.NewBinding(key.WithKeys("end", "G")),
	}
}

// loadedMsg answers request req with the period's summary.
type loadedMsg struct {
	req    int
	sum    store.Summary
	rights report.Rights
	err    error
}

// exportedMsg says where the Excel file went.
type exportedMsg struct {
	path string
	err  error
}

// Both answers belong to this screen even when the staff member has moved to another page.
func (loadedMsg) Owner() common.Page   { return common.PageSummary }
func (exportedMsg) Owner() common.Page { return common.PageSummary }

// Model is the Summary screen.
type Model struct {
	c       *common.Common
	k       keys
	span    store.Span
	day     string
	req     int
	loading bool
	doc     *report.Doc
	err     error
	lines   []string // the body, laid out for the current width
	offset  int
	width   int
	height  int
}

// New returns the Summary screen, on today.
func New(c *common.Common) common.Screen {
	return &Model{c: c, k: newKeys(c.T), span: store.SpanDay, width: 80, height: 19}
}

func (m *Model) today() string { return m.c.Store.DayOf(m.c.Clock()) }

// Init loads today's summary.
func (m *Model) Init() tea.Cmd {
	m.day = m.today()
	return m.load()
}

// load asks for the chosen period; an answer to an older request is dropped.
func (m *Model) load() tea.Cmd {
	m.req++
	m.loading = true
	req, span, day, s, ctx := m.req, m.span, m.day, m.c.Store, m.c.Ctx
	return func() tea.Msg {
		sum, err := s.Summary(ctx, span, day)
		if err != nil {
			return loadedMsg{req: req, err: err}
		}
		rights, err := report.LoadRights(ctx, s, sum)
		return loadedMsg{req: req, sum: sum, rights: rights, err: err}
	}
}

func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case loadedMsg:
		if msg.req != m.req {
			return m, nil
		}
		m.loading, m.err = false, msg.err
		if msg.err == nil {
			m.doc = &report.Doc{Cat: m.c.Cat, Rec: m.c.Records, Station: m.c.Settings.StationName, Sum: msg.sum, Rights: msg.rights}
		}
		m.layout()
		return m, nil
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
	k, ck := m.k, m.c.Keys
	switch {
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

// export writes the period as an Excel file beside the database, in an exports folder.
func (m *Model) export() tea.Cmd {
	if m.doc == nil || m.loading {
		return nil
	}
	doc := *m.doc
	path := filepath.Join(filepath.Dir(m.c.Store.Path()), "exports", doc.FileName("xlsx"))
	return tea.Batch(common.Status(m.c.T("sum.exporting"), false), func() tea.Msg {
		return exportedMsg{path: path, err: report.WriteFile(path, doc.WriteXLSX)}
	})
}

func (m *Model) pageRows() int { return max(m.height-2, 1) }

func (m *Model) scroll(n int) {
	m.offset = max(0, min(m.offset+n, len(m.lines)-m.pageRows()))
}

// SetSize lays the body out again for the new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
	m.scroll(0)
}

func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.k.Prev, m.k.Next, m.k.Day, m.k.Week, m.k.Month, m.k.Export}
}

func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.k.Prev, m.k.Next, m.k.Today}, {m.k.Day, m.k.Week, m.k.Month}, {m.k.Export, m.k.Reload, m.c.Keys.Up, m.c.Keys.Down}}
}

func (m *Model) Capturing() bool { return false }
func (m *Model) Dirty() bool     { return false }

// View draws the title line, the visible part of the body and a scroll hint.
func (m *Model) View() string {
	st := m.c.Styles
	title := m.titleLine()
	switch {
	case m.err != nil:
		return title + "\n\n" + st.Error.Render(m.c.Cat.Err(m.err))
	case m.doc == nil:
		return title + "\n\n" + st.Subtle.Render(m.c.T("sum.loading"))
	}
	rows := m.pageRows()
	end := min(m.offset+rows, len(m.lines))
	body := m.lines[m.offset:end]
	out := make([]string, 0, rows+2)
	out = append(out, title)
	for _, l := range body {
		if lipgloss.Width(l) > m.width {
			l = ansi.Truncate(l, m.width, "…")
		}
		out = append(out, l)
	}
	for len(out) < rows+1 {
		out = append(out, "")
	}
	if len(m.lines) > rows {
		out = append(out, st.Subtle.Render(m.c.T("sum.scroll", m.offset+1, len(m.lines)-rows+1)))
	}
	return strings.Join(out, "\n")
}

func (m *Model) titleLine() string {
	st := m.c.Styles
	var t string
	if m.doc != nil {
		t = st.Title.Render(m.doc.Title())
	} else {
		t = st.Title.Render(m.c.T("tab.summary") + " " + m.day)
	}
	if m.loading {
		t += "  " + st.Subtle.Render(m.c.T("sum.loading"))
	}
	return t
}
