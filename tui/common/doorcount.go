package common

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
)

// DoorCountLine is what the board and the door screen say while a fair is on today: each
// fair's name and how many are signed in at its door, with its firms and places when they fit
// in w cells. It carries no personal data; "" when no fair is on.
func DoorCountLine(c *Common, fairs []store.DoorCount, w int) string {
	if len(fairs) == 0 {
		return ""
	}
	long, short := make([]string, len(fairs)), make([]string, len(fairs))
	for i, f := range fairs {
		short[i] = c.T("fair.live.in", f.Name, f.Attendees)
		long[i] = short[i] + c.T("fair.live.more", f.Firms, f.Positions)
	}
	line := strings.Join(long, "   ")
	if lipgloss.Width(line) <= w {
		return line
	}
	if line = strings.Join(short, "   "); lipgloss.Width(line) <= w || len(fairs) > 1 {
		return ansi.Truncate(line, w, "…")
	}
	// one fair with a long name: cut the name, never the count
	f := fairs[0]
	room := w - lipgloss.Width(c.T("fair.live.in", "", f.Attendees))
	return c.T("fair.live.in", ansi.Truncate(f.Name, max(room, 1), "…"), f.Attendees)
}
