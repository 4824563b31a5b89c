package jobs

import (
	"strconv"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/placepick"
	"gigdesk/tui/widget/tradepick"
)

// field is one input of the job form, in Tab order.
type field int

const (
	fPhone field = iota
	fKind
	fName
	fContact
	fEmpAddr
	fEmpComm
	fTrade
	fHead
	fWhen
	fDur
	fAddr
	fComm
	fPay
	fUnit
	fUrgent
	fReq
	fAsked
	fPayWhy // shown only when the pay is under the guide or the minimum wage (rights.go)
	fReqWhy // shown only when the requirements hold flagged words (rights.go)
	fieldCount
)

var fieldKeys = [fieldCount]string{"jobs.f.phone", "jobs.f.kind", "jobs.f.name", "jobs.f.contact", "jobs.f.emp_addr",
	"jobs.f.emp_comm", "jobs.f.trade", "jobs.f.head", "jobs.f.when", "jobs.f.dur", "jobs.f.addr", "jobs.f.comm",
	"jobs.f.pay", "jobs.f.unit", "jobs.f.urgent", "jobs.f.req", "jobs.f.asked", "guide.f.reason", "posting.f.override"}

var required = map[field]bool{fPhone: true, fName: true, fTrade: true, fHead: true, fWhen: true, fDur: true, fPay: true}

var kinds = []store.EmployerKind{store.Resident, store.Shop, store.Firm}

// text limits of the inputs: a paste of 10,000 characters is cut here, the store's rule says why.
var limits = map[field]int{fPhone: 20, fName: 60, fContact: 30, fEmpAddr: 100, fHead: 6, fWhen: 30, fDur: 24,
	fAddr: 100, fPay: 16, fReq: 500, fAsked: 30, fPayWhy: 200, fReqWhy: 200}

// form takes one job: the caller's phone first, then the employer (filled in when known,
// prefill.go), then the job (filled in with a returning employer's usual job). Its keys are in
// formkeys.go, its checks and save in formcheck.go, its drawing in formview.go.
type form struct {
	c        *common.Common
	inputs   map[field]*textinput.Model
	empComm  *placepick.Model
	comm     *placepick.Model
	trade    *tradepick.Model
	kind     int
	unit     int
	urgent   bool
	focus    field
	errs     map[field]string
	employer store.Employer // ID 0: a new employer
	record   store.EmployerRecord
	edit     store.Job // ID 0: a new job
	looked   string    // the phone last looked up
	asked    int64     // the worker asked for by name or number (asked.go)
	askedOK  string    // what the asked field resolved from
	askedMsg string
	seq      int
	saving   bool
	width    int
	height   int
	touched  bool
	leaving  common.Discard // Esc with input typed: asking whether to discard it
	// placeAsked: saving without an address or a community was questioned once already
	placeAsked bool
	copied     store.Job       // a returning caller's last job, copied into the form (prefill.go)
	note       string          // what was taken back of the copy
	over       common.TypeOver // the focused field's value is selected: typing replaces it
	edge       string          // Tab at the last field (or Shift+Tab at the first): said, not wrapped
	rights     jobRights       // guide pay, flagged words and the employer's open unpaid-wage cases (rights.go)
}

func newForm(c *common.Common) *form {
	f := &form{c: c, inputs: map[field]*textinput.Model{}, errs: map[field]string{}}
	for fl, n := range limits {
		in := common.NewInput()
		in.Prompt = ""
		in.CharLimit = n
		in.Placeholder = c.T(fieldKeys[fl] + ".hint")
		f.inputs[fl] = &in
	}
	f.empComm = placepick.New(c)
	f.comm = placepick.New(c)
	f.trade = tradepick.New(c, false)
	f.setSize(80, 19)
	return f
}

// editForm opens a saved job with its employer; the employer is not changed from here.
func editForm(c *common.Common, e store.Employer, j store.Job) *form {
	f := newForm(c)
	f.employer, f.edit = e, j
	f.fillEmployer(e)
	f.fillJob(j)
	f.inputs[fWhen].SetValue(j.StartsAt.In(c.Store.Location()).Format("2006-01-02 15:04"))
	f.asked = j.RequestedWorkerID
	if j.RequestedWorkerID != 0 {
		f.inputs[fAsked].SetValue(strconv.FormatInt(j.RequestedWorkerID, 10))
		f.askedOK = f.inputs[fAsked].Value()
	}
	f.focus = fTrade
	return f
}

func (f *form) setSize(w, h int) {
	f.width, f.height = w, h
	inW := f.inputWidth()
	for _, in := range f.inputs {
		in.Width = inW - 1 // wide characters can take one cell more than Width
	}
	f.empComm.SetWidth(inW)
	f.comm.SetWidth(inW)
	f.trade.SetWidth(inW)
	rows := 3
	if h > 30 {
		rows = 6
	}
	f.empComm.SetRows(rows)
	f.comm.SetRows(rows)
	f.trade.SetRows(rows)
}

func (f *form) labelWidth() int {
	w := 0
	for _, k := range fieldKeys {
		w = max(w, lipgloss.Width(f.c.T(k)))
	}
	return w + 3
}

// inputWidth leaves room beside the input for what the text means (→ 明天 09:00 周日).
func (f *form) inputWidth() int { return max(min(f.width-f.labelWidth()-24, 50), 16) }

// skip says whether Tab passes over a field: the employer cannot be changed while editing a job.
func (f *form) skip(fl field) bool {
	return f.edit.ID != 0 && fl <= fEmpComm || f.hidden(fl)
}

func (f *form) isPicker(fl field) bool { return fl == fEmpComm || fl == fComm || fl == fTrade }

func (f *form) focusCmd() tea.Cmd {
	for _, in := range f.inputs {
		in.Blur()
	}
	switch f.focus {
	case fEmpComm:
		return f.empComm.Focus()
	case fComm:
		return f.comm.Focus()
	case fTrade:
		return f.trade.Focus()
	}
	if in, ok := f.inputs[f.focus]; ok {
		f.over.Enter(in)
		return in.Focus()
	}
	return nil
}

// move leaves the focused field (checking it) and goes d fields on.
func (f *form) move(d int) tea.Cmd {
	cmd := f.leave()
	next := f.focus
	for range fieldCount {
		next += field(d)
		if next < 0 || next >= fieldCount {
			// the last field does not wrap back to the caller's number unnoticed
			f.edge = "form.last_field"
			if d < 0 {
				f.edge = "form.first_field"
			}
			return cmd
		}
		if !f.skip(next) {
			break
		}
	}
	return tea.Batch(cmd, f.moveTo(next))
}

func (f *form) moveTo(fl field) tea.Cmd {
	f.empComm.Blur()
	f.comm.Blur()
	f.trade.Blur()
	f.focus = fl
	return f.focusCmd()
}

// leave checks the field being left and starts any look-up it calls for.
func (f *form) leave() tea.Cmd {
	fl := f.focus
	switch fl {
	case fEmpComm:
		f.empComm.Blur()
	case fComm:
		f.comm.Blur()
	case fTrade:
		f.trade.Blur()
		f.tradeLeft()
	}
	f.check(fl)
	switch fl {
	case fPhone:
		if f.errs[fPhone] == "" && f.edit.ID == 0 {
			return f.lookup()
		}
	case fWhen:
		f.spanLeft()
	case fEmpAddr:
		if f.inputs[fAddr].Value() == "" {
			f.inputs[fAddr].SetValue(f.inputs[fEmpAddr].Value())
		}
	case fEmpComm:
		if f.comm.Value() == 0 && !f.comm.Unresolved() {
			f.comm.SetValue(f.empComm.Value())
		}
	case fAsked:
		return f.resolveAsked()
	}
	return nil
}

// dirty: something typed that is not saved.
func (f *form) dirty() bool { return f.touched && !f.saving }
