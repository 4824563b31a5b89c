package setup

import (
	"github.com/charmbracelet/lipgloss"
)

func (m *Model) View() string {
	s := m.c.Styles
	body := s.Title.Render(m.c.T("setup.title")) + "\n" + s.Subtle.Render(m.c.T("setup.intro")) + "\n\n" + m.form.View()
	if m.err != "" {
		body += "\n" + s.Error.Render(m.err)
	}
	return lipgloss.NewStyle().Padding(1, 2).Render(body)
}
