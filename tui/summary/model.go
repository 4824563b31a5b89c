// Package summary is the end-of-day Summary screen: the day's (week's, month's) figures
// beside the period before and the 7 periods before that, charts, and the lists the
// station head acts on before closing; one key writes the same as an Excel file.
//
// It only reads: the figures come from the store in a tea.Cmd (load.go) and are laid out into
// lines when they arrive or the size changes (layout.go); View only shows the visible lines.
// The words and the figures' rules are tui/report's, shared with the exported files.
package summary

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/report"
)

// wideWidth is the body width from which figures and charts stand side by side.
const wideWidth = 130

// keys are the Summary screen's own bindings.
type keys struct {
	Prev, Next, Today, Day, Week, Month, Export, Reload, Close, Home, End, Fair key.Binding
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
		Close:  key.NewBinding(key.WithKeys("c"), key.WithHelp("c", t("sum.key.close"))),
		Home:   key.NewBinding(key.WithKeys("home", "g")),
		End:    key.NewBinding(key.WithKeys("end", "G")),
		Fair:   key.NewBinding(key.WithKeys("f"), key.WithHelp("f", t("sum.key.fair"))),
	}
}

// Model is the Summary screen.
type Model struct {
	c       *common.Common
	k       keys
	span    store.Span
	day     string
	req     int
	loading bool
	// fairPending: the figures are in, the fairness section is still being counted (fairMsg)
	fairPending bool
	fairErr     string // why the fairness section could not be counted, in the staff's words
	// exportFor: an export was asked for this period (span and day) while its fairness section
	// was still being counted; it is written when the section comes
	exportFor string
	doc       *report.Doc
	err       error
	lines     []string // the body, laid out for the current width
	offset    int
	closing   bool // the close list of still-open dispatches is shown (close.go)
	cur       int  // its chosen row
	width     int
	height    int
}

// New returns the Summary screen, on today.
func New(c *common.Common) common.Screen {
	return &Model{c: c, k: newKeys(c.T), span: store.SpanDay, width: 80, height: 19}
}

// period names the chosen span and day, so an export asked for one is not written for another.
func (m *Model) period() string { return string(m.span) + " " + m.day }

func (m *Model) today() string { return m.c.Store.DayOf(m.c.Clock()) }

// Init loads today's summary.
func (m *Model) Init() tea.Cmd {
	m.day = m.today()
	return m.load()
}

// pageRows is how many body lines fit between the title and the scroll hint.
func (m *Model) pageRows() int { return max(m.height-2, 1) }

// SetSize lays the body out again for the new size.
func (m *Model) SetSize(w, h int) {
	m.width, m.height = w, h
	m.layout()
	m.scroll(0)
}

func (m *Model) ShortHelp() []key.Binding {
	return []key.Binding{m.k.Prev, m.k.Next, m.k.Day, m.k.Week, m.k.Month, m.k.Export, m.k.Close, m.k.Fair}
}

func (m *Model) FullHelp() [][]key.Binding {
	return [][]key.Binding{{m.k.Prev, m.k.Next, m.k.Today}, {m.k.Day, m.k.Week, m.k.Month}, {m.k.Export, m.k.Reload, m.k.Close, m.k.Fair, m.c.Keys.Up, m.c.Keys.Down}}
}

// Capturing: the close list takes Esc and Enter for itself.
func (m *Model) Capturing() bool { return m.closing }
func (m *Model) Dirty() bool     { return false }
