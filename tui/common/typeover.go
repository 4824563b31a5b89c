package common

import (
	"strings"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

// TypeOver is a text field's "selected on entry": a field entered with a value in it (a
// returning caller's usual start, a copied head-count) shows the value selected, and the first
// character typed replaces it instead of being appended to it ("明天 08:00lg"). Arrows, Home
// and End keep the value and put the cursor in it; Backspace clears it.
type TypeOver struct{ on bool }

// Enter selects the field's value, if it has one, as the field gains the focus.
func (t *TypeOver) Enter(in *textinput.Model) {
	t.on = in.Value() != ""
	in.CursorEnd()
}

// Selected says whether the value is selected.
func (t *TypeOver) Selected() bool { return t.on }

// Key is called before the field sees msg: a typed character clears the selected value first;
// Backspace or Delete clears it and is used up (consumed).
func (t *TypeOver) Key(in *textinput.Model, msg tea.KeyMsg) (consumed bool) {
	if !t.on {
		return false
	}
	t.on = false
	switch msg.Type {
	case tea.KeyRunes, tea.KeySpace:
		in.SetValue("")
	case tea.KeyBackspace, tea.KeyDelete:
		in.SetValue("")
		return true
	}
	return false
}

// View draws the field: its value highlighted while selected, else the field itself.
func (t *TypeOver) View(in *textinput.Model, selected lipgloss.Style) string {
	if !t.on {
		return in.View()
	}
	v := ansi.Truncate(in.Value(), max(in.Width, 1), "…")
	// as wide as the field draws itself (its width and the cursor's cell), so what stands
	// beside the field does not move when the value is selected
	pad := max(in.Width+1-lipgloss.Width(v), 0)
	return selected.Render(v) + strings.Repeat(" ", pad)
}
