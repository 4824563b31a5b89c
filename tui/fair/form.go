package fair

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/tradepick"
)

// kind is what a form field takes.
type kind int

const (
	textKind   kind = iota
	choiceKind      // one of opts, ←→ or Space
	tradeKind       // trades from the trade picker
)

// field is one line of a form.
type field struct {
	label    string // catalogue key
	kind     kind
	required bool
	in       textinput.Model
	opts     []string // choiceKind: catalogue keys of the options
	choice   int
	trades   *tradepick.Model
	start    string // what the field held when the form opened (for dirty)
}

// form is the screen's small forms: Tab or Enter to the next field, Enter on the last or
// Ctrl+S saves, Esc asks before dropping typed input (as Register and Jobs do).
type form struct {
	c       *common.Common
	title   string
	fields  []*field
	focus   int
	discard common.Discard
	err     string // the last refusal, in the staff member's language
	width   int
	labelW  int // the labels' column: the widest label, 12 to 16 cells
}

func newForm(c *common.Common, title string) *form { return &form{c: c, title: title, width: 80} }

// text adds a text field.
func (f *form) text(label string, limit int, value string, required bool) *field {
	in := common.NewInput()
	in.Prompt = ""
	in.CharLimit = limit
	in.SetValue(value)
	fl := &field{label: label, kind: textKind, required: required, in: in, start: value}
	f.fields = append(f.fields, fl)
	f.setWidth(f.width)
	return fl
}

// choice adds a choice among opts (catalogue keys).
func (f *form) choice(label string, opts []string, at int) *field {
	fl := &field{label: label, kind: choiceKind, opts: opts, choice: at, start: opts[at]}
	f.fields = append(f.fields, fl)
	return fl
}

// trade adds a trade picker: several trades (multi) or one.
func (f *form) trade(label string, multi bool) *field {
	fl := &field{label: label, kind: tradeKind, required: true, trades: tradepick.New(f.c, multi)}
	fl.trades.SetRows(3)
	f.fields = append(f.fields, fl)
	f.setWidth(f.width)
	return fl
}

func (f *form) setWidth(w int) {
	f.width, f.labelW = w, 12
	for _, fl := range f.fields {
		f.labelW = max(f.labelW, min(lipgloss.Width(f.c.T(fl.label))+1, 16))
	}
	for _, fl := range f.fields {
		switch fl.kind {
		case textKind:
			fl.in.Width = max(w-f.labelW-6, 10) // the mark, a space, and a cell of slack for wide characters
		case tradeKind:
			fl.trades.SetWidth(max(w-f.labelW-4, 20))
		}
	}
}

// value is a text field's text, trimmed; a choice's option key; "" for trades.
func (fl *field) value() string {
	switch fl.kind {
	case textKind:
		return strings.TrimSpace(fl.in.Value())
	case choiceKind:
		return fl.opts[fl.choice]
	}
	return ""
}

// dirty reports typed input that saving would keep and Esc would lose.
func (f *form) dirty() bool {
	for _, fl := range f.fields {
		switch {
		case fl.kind == textKind && fl.in.Value() != fl.start,
			fl.kind == choiceKind && fl.opts[fl.choice] != fl.start,
			fl.kind == tradeKind && (len(fl.trades.Selected()) > 0 || fl.trades.Query() != ""):
			return true
		}
	}
	return false
}

// focusOn moves the cursor to field i.
func (f *form) focusOn(i int) tea.Cmd {
	for _, fl := range f.fields {
		switch fl.kind {
		case textKind:
			fl.in.Blur()
		case tradeKind:
			fl.trades.Blur()
		}
	}
	f.focus = max(min(i, len(f.fields)-1), 0)
	switch fl := f.fields[f.focus]; fl.kind {
	case textKind:
		fl.in.CursorEnd()
		return fl.in.Focus()
	case tradeKind:
		return fl.trades.Focus()
	}
	return nil
}

// result is what a key did to the form.
type result int

const (
	stay   result = iota
	submit        // save what the form holds
	leave         // close the form, dropping what it holds
)

// update takes a key: it moves between fields, types, asks before dropping input.
func (f *form) update(msg tea.KeyMsg) (result, tea.Cmd) {
	k := f.c.Keys
	if f.discard.Asking() {
		if f.discard.Answer(msg) {
			return leave, nil
		}
		return stay, nil
	}
	fl := f.fields[f.focus]
	picking := fl.kind == tradeKind && fl.trades.Open()
	switch {
	case key.Matches(msg, k.Save):
		return submit, nil
	case key.Matches(msg, k.Back) && !picking:
		if f.dirty() {
			f.discard.Ask()
			return stay, nil
		}
		return leave, nil
	case key.Matches(msg, k.Select) && !picking, key.Matches(msg, k.Next), key.Matches(msg, k.Down) && !picking:
		if key.Matches(msg, k.Select) && f.focus == len(f.fields)-1 {
			return submit, nil
		}
		return stay, f.focusOn(f.focus + 1)
	case key.Matches(msg, k.Prev), key.Matches(msg, k.Up) && !picking:
		return stay, f.focusOn(f.focus - 1)
	}
	f.err = ""
	switch fl.kind {
	case choiceKind:
		switch msg.Type {
		case tea.KeyRight, tea.KeySpace:
			fl.choice = (fl.choice + 1) % len(fl.opts)
		case tea.KeyLeft:
			fl.choice = (fl.choice + len(fl.opts) - 1) % len(fl.opts)
		}
		return stay, nil
	case tradeKind:
		return stay, fl.trades.Update(msg)
	}
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(valid.StripControls(string(msg.Runes)))
	}
	var cmd tea.Cmd
	fl.in, cmd = fl.in.Update(msg)
	return stay, cmd
}

// fail shows why the save was refused and moves to the field at fault when it names one.
func (f *form) fail(text string, fieldLabel string) tea.Cmd {
	f.err = text
	for i, fl := range f.fields {
		if fl.label == fieldLabel {
			return f.focusOn(i)
		}
	}
	return nil
}

// missing is the first required field left empty: its index, or -1.
func (f *form) missing() int {
	for i, fl := range f.fields {
		if !fl.required {
			continue
		}
		if fl.kind == textKind && fl.value() == "" || fl.kind == tradeKind && len(fl.trades.Selected()) == 0 {
			return i
		}
	}
	return -1
}

// choiceView is every option with the chosen one marked, or only the chosen one between ‹ ›
// when they do not all fit in w cells (the campaigns in English).
func (f *form) choiceView(fl *field, w int) string {
	st := f.c.Styles
	var all []string
	for _, o := range fl.opts {
		all = append(all, " "+f.c.T(o)+" ")
	}
	if lipgloss.Width(strings.Join(all, " ")) > w {
		return st.Subtle.Render("‹ ") + st.RowActive.Render("["+f.c.T(fl.opts[fl.choice])+"]") + st.Subtle.Render(" ›")
	}
	for j := range all {
		if j == fl.choice {
			all[j] = st.RowActive.Render("[" + f.c.T(fl.opts[j]) + "]")
		} else {
			all[j] = st.Subtle.Render(all[j])
		}
	}
	return strings.Join(all, " ")
}

// view draws the form: its title, a line per field, the refusal or the discard question.
func (f *form) view() string {
	st := f.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(f.title) + "\n\n")
	for i, fl := range f.fields {
		mark := "  "
		if i == f.focus {
			mark = "› "
		}
		label := f.c.T(fl.label)
		if fl.required {
			label += st.Required.Render("*")
		}
		line := mark + common.Cell(label, f.labelW) + " "
		switch fl.kind {
		case textKind:
			line += fl.in.View()
		case choiceKind:
			line += f.choiceView(fl, f.width-lipgloss.Width(line)-1)
		case tradeKind:
			line += strings.ReplaceAll(fl.trades.View(), "\n", "\n"+strings.Repeat(" ", f.labelW+3))
		}
		b.WriteString(line + "\n")
	}
	switch {
	case f.discard.Asking():
		b.WriteString("\n" + st.Warning.Render(f.discard.Question(f.c)))
	case f.err != "":
		b.WriteString("\n" + st.Error.Render(f.err))
	default:
		b.WriteString("\n" + st.Subtle.Render(f.c.T("fair.form.hint")))
	}
	return b.String()
}
