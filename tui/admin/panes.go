package admin

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
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
	return map[section]pane{secGuide: newGuidePane(c), secTraining: newTrainingPane(c), secCases: newCasesPane(c), secWeights: newWeightsPane(c)}
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

// window is the first and last+1 row to draw so that sel stays in view.
func window(sel, n, rows int) (int, int) {
	rows = max(rows, 1)
	top := max(min(sel-rows/2, n-rows), 0)
	return top, min(top+rows, n)
}

// fields is a pane's form of text fields with the cursor in one and a refusal at one.
type fields struct {
	inputs []textinput.Model
	at     int
	err    string
	errAt  int // -1: the refusal is not about one field
}

// focus moves the cursor to field i (wrapping round).
func (f *fields) focus(i int) tea.Cmd {
	f.inputs[f.at].Blur()
	f.at = (i + len(f.inputs)) % len(f.inputs)
	return f.inputs[f.at].Focus()
}

// refuse shows err at field i (or under the form when i < 0) and puts the cursor there.
func (f *fields) refuse(err string, i int) tea.Cmd {
	f.err, f.errAt = err, i
	if i < 0 {
		return nil
	}
	return f.focus(i)
}

// formStep is what a key did to a pane's form.
type formStep int

const (
	formTyped formStep = iota
	formCancel
	formSave
)

// key moves between fields (Tab, ↑↓, Enter), cancels on Esc and saves on Ctrl+S or Enter on
// the last field; other keys go to the field with the cursor and clear a refusal there.
func (f *fields) key(k *common.KeyMap, msg tea.KeyMsg) (tea.Cmd, formStep) {
	switch {
	case key.Matches(msg, k.Back):
		return nil, formCancel
	case key.Matches(msg, k.Save):
		return nil, formSave
	case key.Matches(msg, k.Next), key.Matches(msg, k.Down):
		return f.focus(f.at + 1), formTyped
	case key.Matches(msg, k.Prev), key.Matches(msg, k.Up):
		return f.focus(f.at - 1), formTyped
	case key.Matches(msg, k.Select):
		if f.at == len(f.inputs)-1 {
			return nil, formSave
		}
		return f.focus(f.at + 1), formTyped
	}
	var cmd tea.Cmd
	f.inputs[f.at], cmd = f.inputs[f.at].Update(msg)
	if f.errAt == f.at {
		f.err, f.errAt = "", -1
	}
	return cmd, formTyped
}
