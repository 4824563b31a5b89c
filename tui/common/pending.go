package common

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
)

// Pending is a screen that a later piece of work fills; it says what it will hold.
type Pending struct {
	c             *Common
	title, plan   string
	width, height int
}

// NewPending returns a screen showing the catalogue texts title and plan.
func NewPending(c *Common, title, plan string) *Pending {
	return &Pending{c: c, title: title, plan: plan}
}

func (p *Pending) Init() tea.Cmd                    { return nil }
func (p *Pending) Update(tea.Msg) (Screen, tea.Cmd) { return p, nil }
func (p *Pending) SetSize(w, h int)                 { p.width, p.height = w, h }
func (p *Pending) ShortHelp() []key.Binding         { return nil }
func (p *Pending) FullHelp() [][]key.Binding        { return nil }
func (p *Pending) Capturing() bool                  { return false }
func (p *Pending) Dirty() bool                      { return false }
func (p *Pending) View() string {
	s := p.c.Styles
	body := s.Title.Render(p.c.T(p.title)) + "\n\n" + lipgloss.NewStyle().Width(max(p.width-4, 20)).Render(p.c.T(p.plan))
	return lipgloss.NewStyle().Padding(1, 2).Render(body)
}
