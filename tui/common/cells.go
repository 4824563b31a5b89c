package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// Cell pads or cuts s to exactly w cells; a cut ends in "…" and is padded again, since cutting
// through a wide character leaves one cell short.
func Cell(s string, w int) string {
	if lipgloss.Width(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	return s + strings.Repeat(" ", max(w-lipgloss.Width(s), 0))
}

// CellRight right-aligns s in exactly w cells, cut like Cell.
func CellRight(s string, w int) string {
	if lipgloss.Width(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	return strings.Repeat(" ", max(w-lipgloss.Width(s), 0)) + s
}

// FitHint is the placeholder for an input of width cells: full when it fits whole, else short
// (a textinput cuts a placeholder it cannot show whole).
func FitHint(width int, full, short string) string {
	if lipgloss.Width(full) < width {
		return full
	}
	return short
}
