package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// shortHelp is the footer's keys: the screen's own first, then the global ones. When they do
// not fit the width, the screen's last keys give way (the full list is on ?), never help or quit.
func (m *Model) shortHelp() []key.Binding {
	k := m.c.Keys
	var global []key.Binding
	if m.mode == modeMain {
		global = append(global, key.NewBinding(key.WithKeys("f1"), key.WithHelp("F1-F5", m.c.T("key.screen"))), k.Staff)
	}
	global = append(global, m.adminHelp()...)
	global = append(global, k.Help, k.Quit)
	var own []key.Binding
	if scr := m.active(); scr != nil {
		own = scr.ShortHelp()
	}
	h := m.help
	h.Width = 0
	for n := len(own); n >= 0; n-- {
		out := append(append([]key.Binding{}, own[:n]...), global...)
		if n == 0 || lipgloss.Width(h.ShortHelpView(out)) <= m.width {
			return out
		}
	}
	return global
}

// helpView is the help overlay: the global keys, then the active screen's key groups.
func (m *Model) helpView() string {
	s := m.c.Styles
	k := m.c.Keys
	var b strings.Builder
	b.WriteString(s.Title.Render(m.c.T("help.title")) + "\n\n")
	b.WriteString(s.Label.Render(m.c.T("help.global")) + "\n")
	b.WriteString("  " + m.c.T("help.screens") + "\n")
	b.WriteString("  " + m.c.T("help.mouse") + "\n")
	for _, bind := range append(append([]key.Binding{k.Staff}, m.adminHelp()...), k.Help, k.Quit) {
		b.WriteString("  " + s.HelpKey.Render(bind.Help().Key) + "  " + s.HelpDesc.Render(bind.Help().Desc) + "\n")
	}
	if scr := m.active(); scr != nil {
		if groups := scr.FullHelp(); len(groups) > 0 {
			b.WriteString("\n" + s.Label.Render(m.c.T("help.screen")) + "\n")
			for _, g := range groups {
				b.WriteString(m.helpGroup(g))
			}
		}
	}
	b.WriteString("\n" + s.Subtle.Render(m.c.T("help.close")))
	return lipgloss.NewStyle().Padding(1, 2).Render(b.String())
}

// helpGroup is one group of a screen's keys, wrapped at the window so no key is cut off at
// 80 columns.
func (m *Model) helpGroup(g []key.Binding) string {
	s := m.c.Styles
	var parts []string
	for _, bind := range g {
		if bind.Enabled() {
			parts = append(parts, s.HelpKey.Render(bind.Help().Key)+" "+s.HelpDesc.Render(bind.Help().Desc))
		}
	}
	var b strings.Builder
	line := ""
	for _, part := range parts {
		if line != "" && lipgloss.Width(line)+3+lipgloss.Width(part) > m.width-6 {
			b.WriteString("  " + line + "\n")
			line = ""
		}
		if line != "" {
			line += "   "
		}
		line += part
	}
	b.WriteString("  " + line + "\n")
	return b.String()
}
