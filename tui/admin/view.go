package admin

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

func (m *Model) View() string {
	s := m.c.Styles
	w := max(m.width-4, 20)
	var b strings.Builder
	b.WriteString(s.Title.Render(m.c.T("admin.title")) + "  " + m.tabBar(w) + "\n\n")
	b.WriteString(m.pane().view(w, max(m.height-4, 3)))
	if m.err != "" {
		b.WriteString("\n" + s.Error.Render(m.err))
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "…")
		}
	}
	return lipgloss.NewStyle().Padding(0, 2).Render(strings.Join(lines, "\n"))
}

// tabBar names every section with the one shown marked, or only that one where they do not fit.
func (m *Model) tabBar(w int) string {
	s := m.c.Styles
	var tabs []string
	for i, k := range sectionKeys {
		if section(i) == m.sec {
			tabs = append(tabs, s.TabActive.Render(m.c.T(k)))
		} else {
			tabs = append(tabs, s.Tab.Render(m.c.T(k)))
		}
	}
	bar := strings.Join(tabs, " ")
	if lipgloss.Width(s.Title.Render(m.c.T("admin.title"))+"  "+bar) > w {
		// eight sections do not fit in 80 columns: the one shown, where it stands, and ←→
		bar = fmt.Sprintf("← %s %d/%d →", tabs[m.sec], m.sec+1, secCount)
	}
	return bar
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
