package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// KeyLines lays out keys with what they do ("w 有活吗   t 今日派工") in lines of at most
// width cells, breaking between items and never inside one, so a key never lands on one
// line and its words on the next. Disabled keys are left out.
func KeyLines(s *Styles, keys []key.Binding, width int) []string {
	var lines []string
	line := ""
	for _, bind := range keys {
		if !bind.Enabled() {
			continue
		}
		part := s.HelpKey.Render(bind.Help().Key) + " " + s.HelpDesc.Render(bind.Help().Desc)
		if line != "" && lipgloss.Width(line)+3+lipgloss.Width(part) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += "   "
		}
		line += part
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// KeyBlock is KeyLines joined, each line indented by indent.
func KeyBlock(s *Styles, keys []key.Binding, width int, indent string) string {
	lines := KeyLines(s, keys, width-len(indent))
	for i := range lines {
		lines[i] = indent + lines[i]
	}
	return strings.Join(lines, "\n")
}
