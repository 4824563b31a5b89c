package admin

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/caseform"
)

// A case opened on its own (not from a dispatch or a worker's page): + in the ledger finds
// the worker (number, name, pinyin, phone's last 4) or the employer (phone), then the shared
// case form takes kind, who complains, wages owed and what happened. e on an open case
// corrects its summary and, for unpaid wages, the amount.

// finder is the search for who a new case is about.
type finder struct {
	employer bool
	in       textinput.Model
	req      int
	workers  []store.Worker
	found    *store.Employer
	cursor   int
	err      string
	searched bool
}

type workersFound struct {
	req  int
	list []store.Worker
}
type employerFound struct {
	req int
	e   *store.Employer
}
type caseOpened struct{ c store.RightsCase }
type caseCorrected struct{ c store.RightsCase }

func (p *casesPane) startFind() tea.Cmd {
	in := common.NewInput()
	in.Prompt, in.CharLimit, in.Width = "", 30, 31
	p.find = &finder{in: in}
	p.find.in.Placeholder = p.c.T("rights.new.find_worker")
	return p.find.in.Focus()
}

// search looks up what is typed; a late answer for older text is dropped by req.
func (p *casesPane) search() tea.Cmd {
	f := p.find
	f.req++
	f.workers, f.found, f.cursor, f.err, f.searched = nil, nil, 0, "", false
	q := strings.TrimSpace(f.in.Value())
	if q == "" {
		return nil
	}
	req, s, ctx := f.req, p.c.Store, p.c.Ctx
	if f.employer {
		return func() tea.Msg {
			e, err := s.EmployerByPhone(ctx, q)
			if err != nil {
				return paneMsg{to: secCases, v: employerFound{req: req}, err: err}
			}
			return paneMsg{to: secCases, v: employerFound{req: req, e: &e}}
		}
	}
	return func() tea.Msg {
		list, err := s.SearchWorkers(ctx, q, 20)
		return paneMsg{to: secCases, v: workersFound{req: req, list: list}, err: err}
	}
}

// updateNew takes the messages of finding, opening and correcting; ok is false for others.
func (p *casesPane) updateNew(pm paneMsg) (tea.Cmd, bool) {
	switch v := pm.v.(type) {
	case workersFound:
		if p.find != nil && v.req == p.find.req {
			p.find.workers, p.find.searched, p.find.err = v.list, true, p.c.Cat.Err(pm.err)
		}
		return nil, true
	case employerFound:
		if p.find != nil && v.req == p.find.req {
			p.find.found, p.find.searched = v.e, true
			if se := store.AsError(pm.err); se != nil && se.Code != store.NotFound {
				p.find.searched = false // a phone still being typed is not "no one found"
			}
		}
		return nil, true
	case findRefused:
		if p.find != nil && v.req == p.find.req {
			p.find.err = p.c.T("rights.new.none")
			if se := store.AsError(pm.err); se != nil && se.Code != store.NotFound {
				p.find.err = p.c.Cat.Err(pm.err)
			}
		}
		return nil, true
	case caseOpened:
		if p.form == nil {
			return nil, true
		}
		if pm.err != nil {
			p.form.SetError(pm.err) // what was typed stays
			return common.Status(p.c.Cat.Err(pm.err), true), true
		}
		p.form, p.find, p.err = nil, nil, ""
		p.open = &v.c
		return tea.Batch(common.Status(p.c.T("rights.opened", v.c.ID), false), p.load(), func() tea.Msg { return common.ChangedMsg{} }), true
	case caseCorrected:
		if p.fix == nil {
			return nil, true
		}
		if pm.err != nil {
			at := 0
			if se := store.AsError(pm.err); se != nil && se.Field == "amount" && len(p.fix.inputs) > 1 {
				at = 1
			}
			return tea.Batch(p.fix.refuse(p.c.Cat.Err(pm.err), at), common.Status(p.c.Cat.Err(pm.err), true)), true
		}
		p.fix, p.err = nil, ""
		p.open = &v.c
		return tea.Batch(common.Status(p.c.T("rights.corrected", v.c.ID), false), p.load(), func() tea.Msg { return common.ChangedMsg{} }), true
	}
	return nil, false
}

// findKey handles keys while finding who a new case is about.
func (p *casesPane) findKey(msg tea.KeyMsg) tea.Cmd {
	k, f := p.c.Keys, p.find
	switch {
	case key.Matches(msg, k.Back):
		p.find = nil
		return nil
	case key.Matches(msg, k.Next), key.Matches(msg, k.Prev):
		f.employer = !f.employer
		f.in.SetValue("")
		f.in.Placeholder = p.c.T("rights.new.find_worker")
		if f.employer {
			f.in.Placeholder = p.c.T("rights.new.find_employer")
		}
		return p.search()
	case key.Matches(msg, k.Up):
		f.cursor = max(f.cursor-1, 0)
		return nil
	case key.Matches(msg, k.Down):
		f.cursor = min(f.cursor+1, max(len(f.workers)-1, 0))
		return nil
	case key.Matches(msg, k.Select):
		return p.chooseParty()
	}
	var cmd tea.Cmd
	before := f.in.Value()
	f.in, cmd = f.in.Update(msg)
	if f.in.Value() != before {
		return tea.Batch(cmd, p.search())
	}
	return cmd
}

// chooseParty opens the case form for the worker or employer found.
func (p *casesPane) chooseParty() tea.Cmd {
	f := p.find
	var draft store.RightsCase
	var about string
	switch {
	case f.employer && f.found != nil:
		draft = store.RightsCase{EmployerID: f.found.ID, OpenedBy: store.ByEmployer}
		about = p.c.T("rights.open.employer", f.found.ID, f.found.Name)
	case !f.employer && f.cursor < len(f.workers):
		w := f.workers[f.cursor]
		draft = store.RightsCase{WorkerID: w.ID, OpenedBy: store.ByWorker}
		about = p.c.T("rights.open.worker", w.ID, valid.MaskName(w.Name))
	case f.employer && strings.TrimSpace(f.in.Value()) != "":
		// say why nothing opens: the phone is not a phone, or no employer has it
		s, ctx, q := p.c.Store, p.c.Ctx, f.in.Value()
		f.req++
		req := f.req
		return func() tea.Msg {
			_, err := s.EmployerByPhone(ctx, q)
			return paneMsg{to: secCases, v: findRefused{req: req}, err: err}
		}
	default:
		f.err = p.c.T("rights.new.none")
		return nil
	}
	p.form = caseform.New(p.c, draft, about, 0)
	p.form.SetWidth(p.c.Width)
	return p.form.Focus()
}

type findRefused struct{ req int }

// formKey drives the shared case form and saves it with store.OpenCase.
func (p *casesPane) formKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := p.form.Update(msg)
	switch res {
	case caseform.Cancel:
		p.form = nil // back to the search, which keeps what was found
		return p.find.in.Focus()
	case caseform.Submit:
		c, ok := p.form.Case()
		if !ok {
			return nil
		}
		s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
		return func() tea.Msg {
			c, err := s.OpenCase(ctx, staff, c)
			return paneMsg{to: secCases, v: caseOpened{c}, err: err}
		}
	}
	return cmd
}

// startFix opens the correction of the case shown: its summary, and the amount for unpaid wages.
func (p *casesPane) startFix() tea.Cmd {
	sum := common.NewInput()
	sum.Prompt, sum.CharLimit = "", 500
	// the body is 4 cells narrower than the window; mark, label and a cell of slack for wide characters
	sum.Width = max(p.c.Width-4-2-lipgloss.Width(p.c.T("rights.open.summary"))-3, 10)
	sum.SetValue(p.open.Summary)
	p.fix = &fields{inputs: []textinput.Model{sum}, errAt: -1}
	if p.open.Kind == store.CaseUnpaid {
		amt := common.NewInput()
		amt.Prompt, amt.CharLimit, amt.Width = "", 12, 13
		if p.open.AmountFen > 0 {
			amt.SetValue(valid.FormatYuan(p.open.AmountFen))
		}
		p.fix.inputs = append(p.fix.inputs, amt)
	}
	return p.fix.focus(0)
}

func (p *casesPane) fixKey(msg tea.KeyMsg) tea.Cmd {
	cmd, step := p.fix.key(p.c, msg)
	switch step {
	case formCancel:
		p.fix = nil
		return nil
	case formSave:
		var fen int64
		if len(p.fix.inputs) > 1 {
			if v := strings.TrimSpace(p.fix.inputs[1].Value()); v != "" {
				var pr *valid.Problem
				if fen, pr = valid.ParseYuan(v); pr != nil {
					return p.fix.refuse(p.c.Cat.Err(pr), 1)
				}
			}
		}
		s, ctx, staff, id, summary := p.c.Store, p.c.Ctx, p.c.Staff.ID, p.open.ID, p.fix.inputs[0].Value()
		return func() tea.Msg {
			c, err := s.CorrectCase(ctx, staff, id, summary, fen)
			return paneMsg{to: secCases, v: caseCorrected{c}, err: err}
		}
	}
	return cmd
}

// findView is the search for who a new case is about, with what was found.
func (p *casesPane) findView(w, h int) string {
	st, t, f := p.c.Styles, p.c.T, p.find
	who := []string{t("rights.new.worker"), t("rights.new.employer")}
	if f.employer {
		who[1] = st.RowActive.Render(who[1])
	} else {
		who[0] = st.RowActive.Render(who[0])
	}
	label := t("rights.new.find_worker")
	if f.employer {
		label = t("rights.new.find_employer")
	}
	lines := []string{st.Title.Render(t("rights.new.title")), t("rights.new.party", strings.Join(who, " ")),
		st.Label.Render(label) + " " + f.in.View()}
	switch {
	case f.employer && f.found != nil:
		lines = append(lines, st.RowActive.Render(common.Cell(fmt.Sprintf("#%d %s  %s", f.found.ID, f.found.Name, valid.MaskPhone(f.found.Phone)), w)))
	case !f.employer && len(f.workers) > 0:
		top, end := window(f.cursor, len(f.workers), h-6)
		for i := top; i < end; i++ {
			wk := f.workers[i]
			row := common.Cell(fmt.Sprintf("#%d", wk.ID), 7) + " " + common.Cell(valid.MaskName(wk.Name), 8) + " " +
				common.Cell(valid.MaskPhone(wk.Phone), 12) + " " + p.c.Records.PlaceName(wk.CommunityID)
			row = common.Cell(row, w)
			if i == f.cursor {
				row = st.RowActive.Render(row)
			}
			lines = append(lines, row)
		}
	case f.searched:
		lines = append(lines, st.Subtle.Render(t("rights.new.none")))
	}
	if f.err != "" {
		lines = append(lines, st.Error.Render(f.err))
	}
	lines = append(lines, st.Subtle.Render(t("rights.new.hint")))
	return fit(lines, w, h)
}

// fixView is the correction form under a case.
func (p *casesPane) fixView() []string {
	st, t := p.c.Styles, p.c.T
	labels := []string{t("rights.open.summary"), t("rights.open.amount")}
	lines := []string{st.Title.Render(t("rights.correct.title", p.open.ID))}
	for i, in := range p.fix.inputs {
		mark := "  "
		if i == p.fix.at {
			mark = "› "
		}
		lines = append(lines, mark+st.Label.Render(labels[i])+" "+in.View())
		if p.fix.err != "" && p.fix.errAt == i {
			lines = append(lines, "  "+st.Error.Render(p.fix.err))
		}
	}
	if p.fix.err != "" && p.fix.errAt < 0 {
		lines = append(lines, st.Error.Render(p.fix.err))
	}
	return append(lines, st.Subtle.Render(t("rights.correct.hint")))
}
