package register

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// visitDialog logs a service visit (advice, a policy question, …): its kind, whether it is
// for the selected worker or anonymous, and a note.
type visitDialog struct {
	c      *common.Common
	kind   int   // index in store.VisitKinds
	worker int64 // who the visit is for; 0: anonymous
	who    int64 // the worker the visit may be for
	focus  int   // 0 kind, 1 who, 2 note
	note   textinput.Model
	width  int
}

func newVisit(c *common.Common) visitDialog {
	n := common.NewInput()
	n.Prompt = ""
	n.CharLimit = store.MaxVisitNote
	return visitDialog{c: c, note: n, width: 80}
}

func (v *visitDialog) setSize(w int) {
	v.width = w
	v.note.Width = max(min(w-16, 60), 10)
}

// open starts a visit for worker (0: nobody selected, so anonymous).
func (v *visitDialog) open(worker int64) {
	v.who, v.worker = worker, worker
	v.kind, v.focus = 0, 0
	v.note.SetValue("")
	v.note.Blur()
}

// key handles a key; done reports the dialog closed (saved or left).
func (v *visitDialog) key(msg tea.KeyMsg) (cmd tea.Cmd, done bool) {
	k := v.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		return nil, true
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		d := 1
		if key.Matches(msg, k.Prev) {
			d = 2
		}
		v.focus = (v.focus + d) % 3
		if v.focus == 1 && v.who == 0 {
			v.focus = (v.focus + d) % 3
		}
		if v.focus == 2 {
			return v.note.Focus(), false
		}
		v.note.Blur()
		return nil, false
	case key.Matches(msg, k.Select), key.Matches(msg, k.Save):
		return visitCmd(v.c, store.VisitKinds[v.kind], v.worker, v.note.Value()), true
	}
	return v.fieldKey(msg), false
}

// fieldKey handles a key at the focused field.
func (v *visitDialog) fieldKey(msg tea.KeyMsg) tea.Cmd {
	n := len(store.VisitKinds)
	switch v.focus {
	case 0:
		switch msg.String() {
		case "right", " ":
			v.kind = (v.kind + 1) % n
		case "left":
			v.kind = (v.kind + n - 1) % n
		default:
			if d, err := strconv.Atoi(msg.String()); err == nil && d >= 1 && d <= n {
				v.kind = d - 1
			}
		}
	case 1:
		if msg.String() == " " || msg.String() == "left" || msg.String() == "right" {
			if v.worker == 0 {
				v.worker = v.who
			} else {
				v.worker = 0
			}
		}
	case 2:
		if msg.Type == tea.KeyRunes {
			msg.Runes = []rune(valid.KeyText(string(msg.Runes)))
		}
		var cmd tea.Cmd
		v.note, cmd = v.note.Update(msg)
		return cmd
	}
	return nil
}

// view draws the dialog; name is the name of the worker it is for, as the screen knows it.
func (v *visitDialog) view(name string) string {
	s := v.c.Styles
	var kinds []string
	for i, k := range store.VisitKinds {
		label := strconv.Itoa(i+1) + " " + v.c.T("reg.visit."+string(k))
		if i == v.kind {
			if v.focus == 0 {
				label = s.RowActive.Render("[" + label + "]")
			} else {
				label = "[" + label + "]"
			}
		} else {
			label = s.Subtle.Render(" " + label + " ")
		}
		kinds = append(kinds, label)
	}
	who := v.c.T("reg.visit.anonymous")
	if v.worker != 0 {
		who = "No." + strconv.FormatInt(v.worker, 10) + " " + name
	}
	if v.focus == 1 {
		who = s.RowActive.Render(who)
	}
	mark := func(i int) string {
		if v.focus == i {
			return s.Title.Render("›")
		}
		return " "
	}
	body := s.Title.Render(v.c.T("reg.visit.title")) + "\n\n" +
		mark(0) + s.Label.Render(v.c.T("reg.visit.kind")) + "  " + strings.Join(kinds, "") + "\n" +
		mark(1) + s.Label.Render(v.c.T("reg.visit.for")) + "  " + who + "\n" +
		mark(2) + s.Label.Render(v.c.T("reg.visit.note")) + "  " + v.note.View() + "\n\n" +
		s.Subtle.Render(v.c.T("reg.visit.keys"))
	return s.Dialog.Width(min(v.width-4, 100)).Render(body)
}
