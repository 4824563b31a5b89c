package admin

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/tui/common"
)

// pane is an Admin section kept in its own file (guide pay, training offers, the rights-case
// ledger): admin.go only routes to it.
type pane interface {
	// load reads what the pane shows; called when the section opens and after changes.
	load() tea.Cmd
	// update takes the pane's own messages; ok is false for anything else.
	update(msg tea.Msg) (cmd tea.Cmd, ok bool)
	key(msg tea.KeyMsg) tea.Cmd
	// view renders the section's body in w cells and h lines.
	view(w, h int) string
	help() []key.Binding
	capturing() bool
	dirty() bool
}

// newPanes builds the panes of the rights-and-rules sections.
func newPanes(c *common.Common) map[section]pane {
	return map[section]pane{secGuide: newGuidePane(c), secTraining: newTrainingPane(c), secCases: newCasesPane(c)}
}

// paneMsg is a load or a save answered to one pane; req drops late answers.
type paneMsg struct {
	to  section
	req int
	v   any
	err error
}

// updatePanes hands a message to the pane it belongs to.
func (m *Model) updatePanes(msg tea.Msg) (tea.Cmd, bool) {
	if pm, ok := msg.(paneMsg); ok {
		if p, ok := m.panes[pm.to]; ok {
			return p.update(pm)
		}
		return nil, true
	}
	if _, ok := msg.(common.ChangedMsg); ok {
		if p, ok := m.panes[m.sec]; ok {
			return p.load(), false // the root's own handling goes on
		}
	}
	return nil, false
}

// fit cuts each line to w cells and keeps at most h lines.
func fit(lines []string, w, h int) string {
	if h > 0 && len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return strings.Join(lines, "\n")
}

// cell fills s with spaces to w cells, cutting it when longer.
func cell(s string, w int) string {
	if lipgloss.Width(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", max(w-lipgloss.Width(s), 0))
}

// window is the first and last+1 row to draw so that sel stays in view.
func window(sel, n, rows int) (int, int) {
	rows = max(rows, 1)
	top := max(min(sel-rows/2, n-rows), 0)
	return top, min(top+rows, n)
}
