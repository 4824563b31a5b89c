package admin

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// fields is a pane's form of text fields with the cursor in one and a refusal at one.
type fields struct {
	inputs  []textinput.Model
	at      int
	err     string
	errAt   int            // -1: the refusal is not about one field
	opened  []string       // what the fields held before the first key: typed means changed from these
	leaving common.Discard // Esc with something typed: asking whether to discard it
}

// typed says whether a field differs from what the form opened with.
func (f *fields) typed() bool {
	for i, in := range f.inputs {
		if i < len(f.opened) && in.Value() != f.opened[i] {
			return true
		}
	}
	return false
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
func (f *fields) key(c *common.Common, msg tea.KeyMsg) (tea.Cmd, formStep) {
	k := c.Keys
	if len(f.opened) != len(f.inputs) { // a form just opened: remember what it started with
		f.opened = make([]string, len(f.inputs))
		for i, in := range f.inputs {
			f.opened[i] = in.Value()
		}
	}
	if f.leaving.Asking() {
		if f.leaving.Answer(msg) {
			f.opened = nil
			return common.Status("", false), formCancel
		}
		if f.leaving.Asking() {
			return nil, formTyped // another key: the question stays in the footer
		}
		return common.Status("", false), formTyped
	}
	switch {
	case key.Matches(msg, k.Back):
		if f.typed() {
			f.leaving.Ask() // as every form does: typed input is not dropped on one key
			return common.Status(f.leaving.Question(c), true), formTyped
		}
		f.opened = nil
		return nil, formCancel
	case key.Matches(msg, k.Save):
		f.opened = nil
		return nil, formSave
	case key.Matches(msg, k.Next), key.Matches(msg, k.Down):
		return f.focus(f.at + 1), formTyped
	case key.Matches(msg, k.Prev), key.Matches(msg, k.Up):
		return f.focus(f.at - 1), formTyped
	case key.Matches(msg, k.Select):
		if f.at == len(f.inputs)-1 {
			f.opened = nil
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
