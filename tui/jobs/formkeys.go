package jobs

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
)

// update handles a message; closed reports that the form saved or was left.
func (f *form) update(msg tea.Msg) (cmd tea.Cmd, closed bool) {
	switch msg := msg.(type) {
	case lookupMsg:
		return f.prefill(msg), false
	case askedMsg:
		f.askedFound(msg)
		return nil, false
	case savedMsg:
		return f.saveAnswered(msg)
	case tea.KeyMsg:
		if f.saving {
			return nil, false
		}
		cmd, closed := f.key(msg)
		f.recheck()
		return cmd, closed
	case rightsMsg:
		f.rightsLoaded(msg)
		return nil, false
	}
	return nil, false
}

func (f *form) key(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := f.c.Keys
	if f.leaving.Asking() {
		return nil, f.leaving.Answer(msg)
	}
	f.edge = ""
	picker := f.pickerOpen()
	switch {
	case key.Matches(msg, k.Save):
		return f.save(), false
	case key.Matches(msg, k.Back) && !picker:
		if f.dirty() {
			f.leaving.Ask() // what the clerk typed is not thrown away on one key
			return nil, false
		}
		return nil, true
	case key.Matches(msg, k.Next):
		return f.move(1), false
	case key.Matches(msg, k.Prev):
		return f.move(-1), false
	case key.Matches(msg, k.Select) && !picker:
		return f.move(1), false
	case (key.Matches(msg, k.Up) || key.Matches(msg, k.Down)) && !f.isPicker(f.focus):
		if key.Matches(msg, k.Up) {
			return f.move(-1), false
		}
		return f.move(1), false
	}
	f.touched = true
	switch f.focus {
	case fKind, fUnit, fUrgent:
		f.toggle(msg)
		return nil, false
	case fEmpComm, fComm:
		p := f.empComm
		if f.focus == fComm {
			p = f.comm
		}
		cmd := p.Update(msg)
		if key.Matches(msg, k.Select) && p.Value() != 0 && !p.Open() {
			return tea.Batch(cmd, f.move(1)), false // picked: on to the next field
		}
		return cmd, false
	case fTrade:
		cmd := f.trade.Update(msg)
		if key.Matches(msg, k.Select) && f.trade.Value() != 0 && !f.trade.Open() {
			return tea.Batch(cmd, f.move(1)), false
		}
		return cmd, false
	}
	in := f.inputs[f.focus]
	before := in.Value()
	var cmd tea.Cmd
	if !f.over.Key(in, msg) {
		*in, cmd = in.Update(msg)
	}
	if in.Value() != before {
		delete(f.errs, f.focus)
		if f.focus == fAsked {
			f.askedMsg = ""
		}
	}
	return cmd, false
}

// pickerOpen: Enter and Esc belong to an open picker list.
func (f *form) pickerOpen() bool {
	switch f.focus {
	case fEmpComm:
		return f.empComm.Open()
	case fComm:
		return f.comm.Open()
	case fTrade:
		return f.trade.Open()
	}
	return false
}

// toggle changes a choice field: Space or ←→ steps, a digit picks.
func (f *form) toggle(msg tea.KeyMsg) {
	step := 0
	switch msg.String() {
	case " ", "right":
		step = 1
	case "left":
		step = -1
	}
	digit := -1
	if msg.Type == tea.KeyRunes && len(msg.Runes) == 1 {
		r := msg.Runes[0]
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		if r >= '1' && r <= '9' {
			digit = int(r - '1')
		}
	}
	switch f.focus {
	case fKind:
		if digit >= 0 && digit < len(kinds) {
			f.kind = digit
		} else if step != 0 {
			f.kind = (f.kind + step + len(kinds)) % len(kinds)
		}
	case fUnit:
		n := len(store.PayUnits)
		if digit >= 0 && digit < n {
			f.unit = digit
		} else if step != 0 {
			f.unit = (f.unit + step + n) % n
		}
		f.check(fPay)
	case fUrgent:
		if step != 0 || digit >= 0 {
			f.urgent = !f.urgent
		}
	}
}
