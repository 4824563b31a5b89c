package register

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// dupDialog asks, before a save, about a worker already registered: the same phone or ID
// (one person, one record), or the same name and birth year (perhaps someone else).
type dupDialog struct {
	c       *common.Common
	dup     store.Duplicates
	pending store.Worker // what waits for the answer
}

// dupWant is what a key on the duplicate question asks of the screen.
type dupWant int

const (
	dupStays dupWant = iota
	dupBack          // Esc: back to the form, nothing saved
	dupAdopt         // Enter on the same person: the form becomes an edit of their record
	dupSave          // Enter on a similar one: register anyway
)

func (d *dupDialog) key(msg tea.KeyMsg) dupWant {
	keys := d.c.Keys
	switch {
	case key.Matches(msg, keys.Back):
		return dupBack
	case key.Matches(msg, keys.Select):
		if d.dup.Same.ID != 0 {
			return dupAdopt
		}
		return dupSave
	}
	return dupStays
}

func (d *dupDialog) view(width int) string {
	c, s := d.c, d.c.Styles
	var b strings.Builder
	if d.dup.Same.ID != 0 {
		key := "reg.dup.same_phone"
		if d.dup.Field == "id_number" {
			key = "reg.dup.same_id"
		}
		b.WriteString(s.Warning.Render(c.T(key)) + "\n\n  " + workerLine(c, d.dup.Same) + "\n\n" + c.T("reg.dup.same_keys"))
	} else {
		b.WriteString(s.Warning.Render(c.T("reg.dup.similar")) + "\n")
		for _, w := range d.dup.Similar {
			b.WriteString("\n  " + workerLine(c, w))
		}
		b.WriteString("\n\n" + c.T("reg.dup.similar_keys"))
	}
	return s.Dialog.Width(min(width-4, 76)).Render(b.String())
}
