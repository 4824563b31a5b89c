package staff

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/store/demo"
)

func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	switch {
	case m.lock:
		b.WriteString(s.Title.Render(m.c.T("lock.title")) + "\n")
		b.WriteString(s.Subtle.Render(m.c.T("lock.intro", m.idleMin)) + "\n\n")
		b.WriteString(m.c.T("lock.on_duty", m.chosen.Name) + "\n")
	case m.step == stepPIN || m.step == stepNewPIN || m.step == stepAgain:
		b.WriteString(s.Title.Render(m.c.T("staff.title")) + "\n\n")
		if m.step == stepPIN {
			b.WriteString(m.c.T("pin.title", m.chosen.Name) + "\n")
		} else {
			b.WriteString(m.c.T("pin.new_title", m.chosen.Name) + "\n")
		}
	default:
		b.WriteString(s.Title.Render(m.c.T("staff.title")) + "\n")
		b.WriteString(s.Subtle.Render(m.c.T("staff.intro")) + "\n\n")
		rows := max(m.height-8, 3)
		top := max(0, m.cursor-rows+1)
		for i := top; i < len(m.list) && i < top+rows; i++ {
			st := m.list[i]
			line := fmt.Sprintf(" %d  %s  %s ", i+1, st.Name, s.Subtle.Render(m.c.T("staff.role."+string(st.Role))))
			if i == m.cursor && m.step == stepList {
				line = s.RowActive.Render(line)
			}
			b.WriteString(line + "\n")
		}
		b.WriteString("\n")
		if m.step == stepAdd {
			b.WriteString(s.Label.Render(m.c.T("staff.new_name")) + "\n" + m.input.View() + "\n")
		} else if m.c.Staff.Role == store.RoleHead {
			b.WriteString(s.Subtle.Render("+ " + m.c.T("staff.add")))
		}
	}
	if m.step != stepList && m.step != stepAdd {
		label := "pin.prompt"
		switch m.step {
		case stepNewPIN:
			label = "pin.new"
		case stepAgain:
			label = "pin.again"
		}
		b.WriteString("\n" + s.Label.Render(m.c.T(label)) + "\n" + m.pin.View() + "\n")
		if m.lock {
			b.WriteString("\n" + s.Subtle.Render(m.c.T("lock.other")) + "\n")
		} else {
			b.WriteString("\n" + s.Subtle.Render(m.c.T("pin.hint")) + "\n")
		}
		if m.c.Demo && m.step == stepPIN {
			b.WriteString(s.Subtle.Render(m.c.T("pin.demo_hint", demo.PIN)) + "\n")
		}
	}
	if m.err != "" {
		b.WriteString("\n" + s.Error.Render(m.err))
	}
	return lipgloss.NewStyle().Padding(1, 2).Render(b.String())
}
