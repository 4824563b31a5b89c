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

// NewBox is a screen's one search or entry box: no prompt of its own (the screen labels it),
// at most limit characters, placeholder shown while it is empty.
func NewBox(limit int, placeholder string) textinput.Model {
	in := NewInput()
	in.Prompt, in.CharLimit, in.Placeholder = "", limit, placeholder
	return in
}
