// Package caseform is the short form that opens a rights case (权益维护) from a dispatch on
// the Match screen, for a worker on the Register screen, or on its own in Admin's ledger: the kind (1–5 or ←→), who
// complains (w / e), the wages claimed for unpaid wages, and a few words of what happened.
// The parent saves it with store.OpenCase and hands a refusal back with SetError, so the
// message shows at its field and what was typed stays.
//
// The form never calls the store and returns no commands that do: it only turns keys into a
// store.RightsCase, and leaving or saving is the parent's answer to its Result.
package caseform

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// fields of the form, in Tab order.
const (
	fKind = iota
	fBy
	fAmount
	fSummary
	fCount
)

// Result is what a key did to the form.
type Result int

const (
	Editing Result = iota
	Cancel         // Esc: leave without saving
	Submit         // Ctrl+S, or Enter on the last field: save Case()
)

// Form is the rights-case form; the parent holds it while it is open.
type Form struct {
	c       *common.Common
	context string // what the case is about, shown in the title (dispatch, worker)
	draft   store.RightsCase
	kind    int
	focus   int
	amount  textinput.Model
	summary textinput.Model
	err     string
	errAt   int
	saving  bool
	leaving common.Discard // Esc with a summary typed: asking whether to discard it
}

// New opens the form for draft (its dispatch, worker or employer set by the parent); about
// is the line saying what it concerns, claim the amount offered for unpaid wages (0: none).
func New(c *common.Common, draft store.RightsCase, about string, claim int64) *Form {
	a := common.NewInput()
	a.Prompt, a.CharLimit = "", 12
	if claim > 0 {
		a.SetValue(valid.FormatYuan(claim))
	}
	s := common.NewInput()
	s.Prompt, s.CharLimit = "", 200
	if draft.OpenedBy == "" {
		draft.OpenedBy = store.ByWorker
	}
	f := &Form{c: c, draft: draft, context: about, amount: a, summary: s, errAt: -1}
	f.SetWidth(c.Width)
	return f
}

// SetWidth fits the inputs to the body width, leaving a cell of slack for wide characters.
func (f *Form) SetWidth(w int) {
	f.amount.Width = 12
	f.summary.Width = max(w-16, 10)
}

// Kind is the kind chosen now.
func (f *Form) Kind() store.CaseKind { return store.CaseKinds[f.kind] }

func (f *Form) unpaid() bool { return f.Kind() == store.CaseUnpaid }

// Case is the case as typed; an amount that is not money is refused at its field.
func (f *Form) Case() (store.RightsCase, bool) {
	c := f.draft
	c.Kind, c.Summary, c.AmountFen = f.Kind(), strings.TrimSpace(f.summary.Value()), 0
	if v := strings.TrimSpace(f.amount.Value()); f.unpaid() && v != "" {
		fen, p := valid.ParseYuan(v)
		if p != nil {
			f.err, f.errAt = f.c.Cat.Err(p), fAmount
			return c, false
		}
		c.AmountFen = fen
	}
	f.saving = true
	return c, true
}

// SetError shows a refusal at its field (or under the form) and lets staff go on typing.
func (f *Form) SetError(err error) {
	f.saving = false
	f.err, f.errAt = f.c.Cat.Err(err), fSummary
	if se := store.AsError(err); se != nil {
		switch se.Field {
		case "kind":
			f.errAt = fKind
		case "opened_by":
			f.errAt = fBy
		case "amount":
			f.errAt = fAmount
		case "summary":
			f.errAt = fSummary
		default:
			f.errAt = -1
		}
	}
	if f.errAt >= 0 {
		f.setFocus(f.errAt)
	} else {
		f.setFocus(fSummary)
	}
}

// Dirty is true when something was typed.
func (f *Form) Dirty() bool { return strings.TrimSpace(f.summary.Value()) != "" }

// Focus puts the cursor in the form; the kind comes first.
func (f *Form) Focus() tea.Cmd { return f.setFocus(fKind) }

func (f *Form) setFocus(i int) tea.Cmd {
	if i == fAmount && !f.unpaid() {
		i = fSummary
	}
	f.focus = i
	f.amount.Blur()
	f.summary.Blur()
	switch i {
	case fAmount:
		return f.amount.Focus()
	case fSummary:
		return f.summary.Focus()
	}
	return nil
}

// next moves focus by step, skipping the amount when the kind is not unpaid wages.
func (f *Form) next(step int) tea.Cmd {
	i := (f.focus + step + fCount) % fCount
	if i == fAmount && !f.unpaid() {
		i = (i + step + fCount) % fCount
	}
	return f.setFocus(i)
}

// Update handles one key.
func (f *Form) Update(msg tea.KeyMsg) (tea.Cmd, Result) {
	k := f.c.Keys
	if f.saving {
		return nil, Editing
	}
	if f.leaving.Asking() {
		if f.leaving.Answer(msg) {
			return nil, Cancel
		}
		return nil, Editing
	}
	switch {
	case key.Matches(msg, k.Back):
		if f.Dirty() {
			f.leaving.Ask()
			return nil, Editing
		}
		return nil, Cancel
	case key.Matches(msg, k.Save):
		return nil, Submit
	case key.Matches(msg, k.Next):
		return f.next(1), Editing
	case key.Matches(msg, k.Prev):
		return f.next(-1), Editing
	case key.Matches(msg, k.Select):
		if f.focus == fSummary {
			return nil, Submit
		}
		return f.next(1), Editing
	}
	switch f.focus {
	case fKind:
		s := msg.String()
		switch {
		case s == "left" || s == "up":
			f.kind = (f.kind + len(store.CaseKinds) - 1) % len(store.CaseKinds)
		case s == "right" || s == "down" || s == " ":
			f.kind = (f.kind + 1) % len(store.CaseKinds)
		case len(s) == 1 && s[0] >= '1' && int(s[0]-'1') < len(store.CaseKinds):
			f.kind = int(s[0] - '1')
			return f.next(1), Editing
		}
		return nil, Editing
	case fBy:
		switch msg.String() {
		case "w", "W":
			f.draft.OpenedBy = store.ByWorker
			return f.next(1), Editing
		case "e", "E":
			f.draft.OpenedBy = store.ByEmployer
			return f.next(1), Editing
		case "left", "right", " ", "up", "down":
			if f.draft.OpenedBy == store.ByWorker {
				f.draft.OpenedBy = store.ByEmployer
			} else {
				f.draft.OpenedBy = store.ByWorker
			}
		}
		return nil, Editing
	case fAmount:
		var cmd tea.Cmd
		f.amount, cmd = f.amount.Update(msg)
		return cmd, Editing
	}
	var cmd tea.Cmd
	f.summary, cmd = f.summary.Update(msg)
	return cmd, Editing
}

// View renders the form in width cells.
func (f *Form) View(width int) string {
	st, t := f.c.Styles, f.c.T
	mark := func(i int) string {
		if f.focus == i {
			return "›"
		}
		return " "
	}
	var kinds []string
	for i, kd := range store.CaseKinds {
		label := strconv.Itoa(i+1) + " " + t("rights.kind."+string(kd))
		if i == f.kind {
			label = st.RowActive.Render(label)
		}
		kinds = append(kinds, label)
	}
	by := []string{t("rights.by.worker"), t("rights.by.employer")}
	if f.draft.OpenedBy == store.ByEmployer {
		by[1] = st.RowActive.Render(by[1])
	} else {
		by[0] = st.RowActive.Render(by[0])
	}
	errLine := func(i int) string {
		if f.err != "" && f.errAt == i {
			return "\n  " + st.Error.Render(f.err)
		}
		return ""
	}
	lines := []string{st.Title.Render(t("rights.open.title")) + "  " + st.Subtle.Render(f.context)}
	lines = append(lines, mark(fKind)+" "+t("rights.open.kind", strings.Join(kinds, " "))+errLine(fKind))
	lines = append(lines, mark(fBy)+" "+t("rights.open.by", strings.Join(by, " "))+errLine(fBy))
	if f.unpaid() {
		lines = append(lines, mark(fAmount)+" "+st.Label.Render(t("rights.open.amount"))+" "+f.amount.View()+errLine(fAmount))
	}
	lines = append(lines, mark(fSummary)+" "+st.Label.Render(t("rights.open.summary"))+" "+f.summary.View()+errLine(fSummary))
	if f.err != "" && f.errAt < 0 {
		lines = append(lines, "  "+st.Error.Render(f.err))
	}
	if f.leaving.Asking() {
		lines = append(lines, st.Warning.Render(f.leaving.Question(f.c)))
	} else {
		lines = append(lines, st.Subtle.Render(t("rights.open.hint")))
	}
	for i, l := range lines {
		for j, part := range strings.Split(l, "\n") {
			if lipgloss.Width(part) > width {
				part = ansi.Truncate(part, width, "…")
			}
			if j == 0 {
				lines[i] = part
			} else {
				lines[i] += "\n" + part
			}
		}
	}
	return strings.Join(lines, "\n")
}
