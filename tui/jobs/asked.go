package jobs

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store/valid"
)

// resolveAsked looks up the worker the employer asked for, by name or number, when the field
// is left with text it has not resolved yet.
func (f *form) resolveAsked() tea.Cmd {
	text := strings.TrimSpace(valid.StripControls(f.inputs[fAsked].Value()))
	if text == "" {
		f.asked, f.askedOK, f.askedMsg = 0, "", ""
		delete(f.errs, fAsked)
		return nil
	}
	if text == f.askedOK {
		return nil
	}
	f.asked, f.askedOK = 0, ""
	f.seq++
	return searchAsked(f.c, f.seq, text)
}

// askedFound takes the worker found, or says why none could be: nobody, or more than one.
func (f *form) askedFound(msg askedMsg) {
	if msg.seq != f.seq {
		return
	}
	switch {
	case msg.err != nil:
		f.errs[fAsked] = f.c.Cat.Err(msg.err)
	case len(msg.workers) == 1:
		w := msg.workers[0]
		f.asked, f.askedOK = w.ID, msg.text
		f.askedMsg = f.c.T("jobs.asked.found", w.Name, w.ID)
		delete(f.errs, fAsked)
	case len(msg.workers) == 0:
		f.errs[fAsked] = f.c.T("jobs.asked.none")
	default:
		var names []string
		for _, w := range msg.workers[:min(3, len(msg.workers))] {
			names = append(names, w.Name+" #"+strconv.FormatInt(w.ID, 10))
		}
		f.errs[fAsked] = f.c.T("jobs.asked.many", strings.Join(names, f.c.T("list.sep")))
	}
}
