package summary

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// View draws the title line, the visible part of the body and a scroll hint.
func (m *Model) View() string {
	st := m.c.Styles
	title := m.titleLine()
	switch {
	case m.err != nil:
		return title + "\n\n" + st.Error.Render(m.c.Cat.Err(m.err))
	case m.doc == nil:
		return title + "\n\n" + st.Subtle.Render(m.c.T("sum.loading"))
	case m.closing:
		return m.closeView(title)
	}
	rows := m.pageRows()
	end := min(m.offset+rows, len(m.lines))
	body := m.lines[m.offset:end]
	out := make([]string, 0, rows+2)
	out = append(out, title)
	for _, l := range body {
		if lipgloss.Width(l) > m.width {
			l = ansi.Truncate(l, m.width, "…")
		}
		out = append(out, l)
	}
	for len(out) < rows+1 {
		out = append(out, "")
	}
	if len(m.lines) > rows {
		out = append(out, st.Subtle.Render(m.c.T("sum.scroll", m.offset+1, len(m.lines)-rows+1)))
	}
	return strings.Join(out, "\n")
}

func (m *Model) titleLine() string {
	st := m.c.Styles
	var t string
	if m.doc != nil {
		t = st.Title.Render(m.doc.Title())
	} else {
		t = st.Title.Render(m.c.T("tab.summary") + " " + m.day)
	}
	if m.loading {
		t += "  " + st.Subtle.Render(m.c.T("sum.loading"))
	}
	return t
}
