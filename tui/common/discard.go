package common

import tea "github.com/charmbracelet/bubbletea"

// Discard is the question every form asks when Esc would drop what was typed: "放弃填写的内容？
// y 放弃，n 继续填写". Ask opens it; while it is open Answer takes the keys: y leaves, n or Esc
// goes back to the form, any other key leaves the question as it is.
type Discard struct{ asking bool }

// Ask opens the question.
func (d *Discard) Ask() { d.asking = true }

// Asking says whether the question is open (its keys go to Answer).
func (d *Discard) Asking() bool { return d.asking }

// Answer reads a key while the question is open: leave is true when the form is to go.
func (d *Discard) Answer(msg tea.KeyMsg) (leave bool) {
	switch msg.String() {
	case "y", "Y":
		d.asking = false
		return true
	case "n", "N", "esc":
		d.asking = false
	}
	return false
}

// Question is the question's words, for the form to draw while Asking.
func (d *Discard) Question(c *Common) string { return c.T("form.discard") }
