package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/tui/common"
)

// shortHelp is the footer's keys: the screen's own (the keys of what it is doing now) first,
// then the global ones. When they do not fit the width, the global reminders give way first
// (F1-F5, F7 and the staff key are in every screen's tabs and on ?), then the screen's last keys;
// help and quit always stay.
func (m *Model) shortHelp() []key.Binding {
	k := m.c.Keys
	var extra []key.Binding
	if m.mode == modeMain {
		extra = append(extra, key.NewBinding(key.WithKeys("f1"), key.WithHelp("F1-F5 F7", m.c.T("key.screen"))), k.Staff)
	}
	extra = append(extra, m.adminHelp()...)
	last := []key.Binding{k.Help, k.Quit}
	var own []key.Binding
	if scr := m.active(); scr != nil {
		own = scr.ShortHelp()
	}
	h := m.help
	h.Width = 0
	fits := func(b []key.Binding) bool { return lipgloss.Width(h.ShortHelpView(b)) <= m.width }
	for n := len(extra); n >= 0; n-- {
		if out := join(own, extra[:n], last); fits(out) {
			return out
		}
	}
	for n := len(own); n > 0; n-- {
		if out := join(own[:n], last); fits(out) {
			return out
		}
	}
	return last
}

func join(groups ...[]key.Binding) []key.Binding {
	var out []key.Binding
	for _, g := range groups {
		out = append(out, g...)
	}
	return out
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
		if l, ok := scr.(common.Legend); ok { // what the marks in its lists mean
			b.WriteString("  " + s.Subtle.Render(l.Legend()) + "\n")
		}
	}
	b.WriteString("\n" + s.Subtle.Render(m.c.T("help.close")))
	return lipgloss.NewStyle().Padding(1, 2).Render(b.String())
}

// helpGroup is one group of a screen's keys, wrapped at the window so no key is cut off at
// 80 columns.
func (m *Model) helpGroup(g []key.Binding) string {
	return common.KeyBlock(m.c.Styles, g, m.width-4, "  ") + "\n"
}
