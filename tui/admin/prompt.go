package admin

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// prompt is a one-line question asked inside a section (a new member's name, the audit's
// day): Enter answers, Esc cancels, other keys type. It stands in for tui/widget/prompt.
type prompt struct {
	in   textinput.Model
	open bool
}

// promptStep is what a key did to a prompt.
type promptStep int

const (
	promptTyped promptStep = iota
	promptCancel
	promptAnswer
)

func newPrompt(limit int, placeholder string) prompt {
	in := common.NewInput()
	in.CharLimit = limit
	in.Placeholder = placeholder
	return prompt{in: in}
}

// ask opens the prompt with value typed in.
func (p *prompt) ask(value string) tea.Cmd {
	p.open = true
	p.in.SetValue(value)
	return p.in.Focus()
}

func (p *prompt) close() {
	p.open = false
	p.in.Blur()
}

func (p *prompt) value() string { return p.in.Value() }

// key reads Enter and Esc (the caller answers or closes) and types anything else.
func (p *prompt) key(k *common.KeyMap, msg tea.KeyMsg) (tea.Cmd, promptStep) {
	switch {
	case key.Matches(msg, k.Back):
		return nil, promptCancel
	case key.Matches(msg, k.Select):
		return nil, promptAnswer
	}
	var cmd tea.Cmd
	p.in, cmd = p.in.Update(msg)
	return cmd, promptTyped
}

func (p *prompt) view() string { return p.in.View() }
