package common

import (
	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/textinput"
)

// NewInput is the text field every screen uses. Its cursor does not blink: a blinking cursor
// redraws the screen twice a second on an idle counter PC and gains staff nothing.
func NewInput() textinput.Model {
	in := textinput.New()
	in.Cursor.SetMode(cursor.CursorStatic)
	return in
}
