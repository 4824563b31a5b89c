package admin

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/caseform"
	"gigdesk/tui/widget/prompt"
)

// casesPane is the rights-case ledger (权益维护台账): the follow-up list oldest first (a shows
// every case, newest first); Enter opens a case with its dated notes, where one key moves it
// on (in progress, resolved, referred to labour inspection or mediation, reopened) or adds a
// note, each with a line of what was done.
type casesPane struct {
	c      *common.Common
	req    int
	all    bool
	cases  []store.RightsCase
	cursor int
	open   *store.RightsCase // the case shown with its notes
	step   *store.CaseStep   // the move being noted, nil when none
	note   *prompt.Prompt    // what was done, asked with the move (step)
	err    string
	keyAll key.Binding
	find   *finder        // + : who a case opened on its own is about (casenew.go)
	form   *caseform.Form // the case form for who was found
	fix    *fields        // e : correcting the open case's summary and amount
}

type caseOne struct{ c store.RightsCase }
type caseStepped struct{ c store.RightsCase }

// stepKeys map a key on an open case to the move it makes.
var stepKeys = map[string]store.CaseStep{
	"p": {Status: store.CaseInProgress},
	"r": {Status: store.CaseResolved},
	"i": {Status: store.CaseReferred, ReferredTo: store.ReferInspection},
	"m": {Status: store.CaseReferred, ReferredTo: store.ReferMediation},
	"o": {Status: store.CaseOpen},
	"n": {},
}

func newCasesPane(c *common.Common) *casesPane {
	return &casesPane{c: c, keyAll: key.NewBinding(key.WithKeys("a"), key.WithHelp("a", c.T("rights.key.all")))}
}

func (p *casesPane) load() tea.Cmd {
	p.req++
	req, s, ctx, all := p.req, p.c.Store, p.c.Ctx, p.all
	var openID int64
	if p.open != nil {
		openID = p.open.ID
	}
	return func() tea.Msg {
		list, err := s.RightsCases(ctx, store.CaseFilter{FollowUp: !all, Limit: 500})
		if err != nil || openID == 0 {
			return paneMsg{to: secCases, req: req, v: list, err: err}
		}
		one, err := s.RightsCase(ctx, openID)
		return paneMsg{to: secCases, req: req, v: []any{list, caseOne{one}}, err: err}
	}
}

// changed reads the section again after another screen's change.
func (p *casesPane) changed() tea.Cmd { return p.load() }

// leave keeps what is typed: the section shows it again when it is back.
func (p *casesPane) leave() {}

func (p *casesPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	if cmd, ok := p.updateNew(pm); ok {
		return cmd, true
	}
	if pm.req != 0 && pm.req != p.req {
		return nil, true
	}
	set := func(v any) {
		switch v := v.(type) {
		case []store.RightsCase:
			p.cases = v
			p.cursor = min(p.cursor, max(len(v)-1, 0))
		case caseOne:
			p.open = &v.c
		}
	}
	switch v := pm.v.(type) {
	case []any:
		for _, x := range v {
			set(x)
		}
	case caseStepped:
		if pm.err != nil {
			p.err = p.c.Cat.Err(pm.err) // the note stays as typed
			return common.Status(p.err, true), true
		}
		p.open, p.step, p.err = &v.c, nil, ""
		p.note = nil
		return tea.Batch(common.Status(p.c.T("rights.updated", v.c.ID), false), p.load(), func() tea.Msg { return common.ChangedMsg{} }), true
	default:
		set(v)
	}
	if pm.err != nil {
		p.err = p.c.Cat.Err(pm.err)
	}
	return nil, true
}

func (p *casesPane) key(msg tea.KeyMsg) tea.Cmd {
	k := p.c.Keys
	switch {
	case p.form != nil:
		return p.formKey(msg)
	case p.find != nil:
		return p.findKey(msg)
	case p.fix != nil:
		return p.fixKey(msg)
	}
	if p.step != nil {
		return p.noteKey(msg)
	}
	if p.open != nil {
		if key.Matches(msg, k.Back) {
			p.open, p.err = nil, ""
			return nil
		}
		if key.Matches(msg, k.CaseCorrect) {
			p.err = ""
			return p.startFix()
		}
		if st, ok := stepKeys[msg.String()]; ok {
			p.step, p.err = &st, ""
			p.note = prompt.New(p.c, p.noteSpec(st))
			return p.note.Focus()
		}
		return nil
	}
	switch {
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(len(p.cases)-1, 0))
	case key.Matches(msg, k.PgUp):
		p.cursor = max(p.cursor-10, 0)
	case key.Matches(msg, k.PgDown):
		p.cursor = min(p.cursor+10, max(len(p.cases)-1, 0))
	case key.Matches(msg, k.CaseNew):
		p.err = ""
		return p.startFind()
	case key.Matches(msg, p.keyAll):
		p.all, p.cursor = !p.all, 0
		return p.load()
	case key.Matches(msg, k.Select) && p.cursor < len(p.cases):
		c := p.cases[p.cursor]
		p.open = &c
		return p.load()
	}
	return nil
}

// noteKey types the note of the move being made; Enter or Ctrl+S makes it, Esc drops it.
func (p *casesPane) noteKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := p.note.Update(msg)
	switch res {
	case prompt.Cancelled:
		p.step, p.err = nil, ""
		p.note = nil
		return nil
	case prompt.Answered:
		return p.makeStep()
	}
	p.err = ""
	return cmd
}

// makeStep moves the open case on with the note typed.
func (p *casesPane) makeStep() tea.Cmd {
	st := *p.step
	st.Note = p.note.Value()
	s, ctx, staff, id := p.c.Store, p.c.Ctx, p.c.Staff.ID, p.open.ID
	return func() tea.Msg {
		c, err := s.UpdateCase(ctx, staff, id, st)
		return paneMsg{to: secCases, v: caseStepped{c}, err: err}
	}
}

// state is a case's state in words, with where it was referred.
func (p *casesPane) state(c store.RightsCase) string {
	s := p.c.T("rights.status." + string(c.Status))
	if c.Status == store.CaseReferred && c.ReferredTo != "" {
		s += "·" + p.c.T("rights.refer."+c.ReferredTo)
	}
	return s
}

// party names who the case is about: the worker (masked) and the employer.
func (p *casesPane) party(c store.RightsCase) string {
	var parts []string
	if c.WorkerName != "" {
		parts = append(parts, valid.MaskName(c.WorkerName))
	}
	if c.EmployerName != "" {
		parts = append(parts, c.EmployerName)
	}
	return strings.Join(parts, "→")
}

func (p *casesPane) ageDays(c store.RightsCase) int {
	return int(p.c.Now().Sub(c.OpenedAt).Hours() / 24)
}

func (p *casesPane) view(w, h int) string {
	if p.form != nil {
		return fit(strings.Split(p.form.View(w), "\n"), w, h)
	}
	if p.find != nil {
		return p.findView(w, h)
	}
	if p.open != nil {
		return p.caseView(w, h)
	}
	st, t := p.c.Styles, p.c.T
	title := t("rights.followup")
	if p.all {
		title = t("rights.all")
	}
	lines := []string{st.Title.Render(title) + "  " + st.Subtle.Render(t("rights.count", len(p.cases))),
		st.Label.Render(common.Cell("#", 5) + " " + common.Cell(t("rights.col.opened"), 11) + " " + common.Cell(t("rights.col.age"), 5) + " " +
			common.Cell(t("rights.col.kind"), 9) + " " + common.Cell(t("rights.col.state"), 12) + " " + common.Cell(t("rights.col.party"), 16) + " " + t("rights.col.summary"))}
	if len(p.cases) == 0 {
		lines = append(lines, st.Subtle.Render(t("rights.empty")))
	}
	loc := p.c.Store.Location()
	top, end := window(p.cursor, len(p.cases), h-3)
	for i := top; i < end; i++ {
		c := p.cases[i]
		row := common.Cell(fmt.Sprint(c.ID), 5) + " " + common.Cell(c.OpenedAt.In(loc).Format("01-02 15:04"), 11) + " " +
			common.Cell(t("rights.age", p.ageDays(c)), 5) + " " + common.Cell(t("rights.kind."+string(c.Kind)), 9) + " " + common.Cell(p.state(c), 12) + " " +
			common.Cell(p.party(c), 16) + " " + c.Summary
		row = common.Cell(row, w)
		if i == p.cursor {
			row = st.RowActive.Render(row)
		}
		lines = append(lines, row)
	}
	lines = append(lines, st.Subtle.Render(t("rights.list.hint2")))
	if p.err != "" {
		lines = append(lines, st.Error.Render(p.err))
	}
	return fit(lines, w, h)
}

func (p *casesPane) caseView(w, h int) string {
	st, t := p.c.Styles, p.c.T
	c := p.open
	loc := p.c.Store.Location()
	lines := []string{st.Title.Render(t("rights.case.line", c.ID, t("rights.kind."+string(c.Kind)), p.state(*c), p.party(*c),
		t("rights.by."+string(c.OpenedBy)))) + "  " + st.Subtle.Render(t("rights.age", p.ageDays(*c)))}
	if c.AmountFen > 0 {
		lines = append(lines, t("rights.owed", p.c.Cat.Money(c.AmountFen)))
	}
	if c.DispatchID != 0 {
		lines = append(lines, st.Subtle.Render(t("rights.from_dispatch", c.DispatchID, c.JobID)))
	}
	lines = append(lines, st.Label.Render(t("rights.notes")))
	var notes []string
	for _, n := range c.Notes {
		what := ""
		if n.Status != "" {
			what = "[" + t("rights.status."+string(n.Status)) + "] "
		}
		notes = append(notes, "  "+n.At.In(loc).Format("2006-01-02 15:04")+"  "+common.Cell(n.StaffName, 6)+" "+what+n.Note)
	}
	room := h - len(lines) - 3
	if p.fix != nil {
		room = h - len(lines) - len(p.fix.inputs)*2 - 3
	}
	if len(notes) > room { // the latest notes matter most
		notes = notes[len(notes)-max(room, 1):]
	}
	lines = append(lines, notes...)
	if p.fix != nil {
		lines = append(lines, p.fixView()...)
	} else if p.step != nil {
		lines = append(lines, p.note.View())
	} else {
		lines = append(lines, st.Subtle.Render(t("rights.step.hint2")))
	}
	if p.err != "" {
		lines = append(lines, st.Error.Render(p.err))
	}
	return fit(lines, w, h)
}

func (p *casesPane) help() []key.Binding {
	k := p.c.Keys
	switch {
	case p.form != nil, p.fix != nil:
		return []key.Binding{k.Next, k.Save, k.Back}
	case p.find != nil:
		return []key.Binding{k.Up, k.Down, k.Select, k.Next, k.Back}
	case p.step != nil:
		return []key.Binding{k.Select, k.Back}
	case p.open != nil:
		return []key.Binding{k.CaseCorrect, k.Back}
	}
	return []key.Binding{k.Up, k.Down, k.Select, k.CaseNew, p.keyAll}
}

func (p *casesPane) capturing() bool {
	return p.step != nil || p.find != nil || p.form != nil || p.fix != nil
}

func (p *casesPane) dirty() bool {
	switch {
	case p.form != nil:
		return p.form.Dirty()
	case p.fix != nil:
		return p.fix.inputs[0].Value() != p.open.Summary || len(p.fix.inputs) > 1 && p.fix.inputs[1].Value() != valid.FormatYuan(p.open.AmountFen) && p.fix.inputs[1].Value() != ""
	}
	return p.step != nil && p.note.Value() != ""
}
