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
	dupOpen          // Enter on the same person: open their record, nothing of it changed
	dupAdopt         // u on the same person: the form becomes an edit of their record
	dupSave          // Enter on a similar one: register anyway
)

// key answers the question. For the same person the safe choice is Enter: open the record
// as it is; overwriting it with what was typed takes u, with the changes shown first.
func (d *dupDialog) key(msg tea.KeyMsg) dupWant {
	keys := d.c.Keys
	switch {
	case key.Matches(msg, keys.Back):
		return dupBack
	case key.Matches(msg, keys.Select):
		if d.dup.Same.ID != 0 {
			return dupOpen
		}
		return dupSave
	case d.dup.Same.ID != 0 && (msg.String() == "u" || msg.String() == "U"):
		return dupAdopt
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
		b.WriteString(s.Warning.Render(c.T(key)) + "\n\n  " + workerLine(c, d.dup.Same) + "\n")
		if ch := workerChanges(c, d.dup.Same, mergeTyped(d.dup.Same, d.pending)); len(ch) > 0 {
			b.WriteString("\n" + c.T("reg.dup.changes") + "\n")
			for _, x := range ch {
				b.WriteString("  " + x.label + "：" + x.before + " → " + x.after + "\n")
			}
		} else {
			b.WriteString("\n" + c.T("reg.dup.no_changes") + "\n")
		}
		b.WriteString("\n" + c.T("reg.dup.same_keys"))
	} else {
		b.WriteString(s.Warning.Render(c.T("reg.dup.similar")) + "\n")
		for _, w := range d.dup.Similar {
			b.WriteString("\n  " + workerLine(c, w))
		}
		b.WriteString("\n\n" + c.T("reg.dup.similar_keys"))
	}
	return s.Dialog.Width(min(width-4, 76)).Render(b.String())
}
