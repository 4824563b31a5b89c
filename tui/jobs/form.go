package jobs

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/store/when"
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
var limits = map[field]int{fPhone: 20, fName: 60, fContact: 30, fEmpAddr: 100, fHead: 6, fWhen: 30, fDur: 12,
	fAddr: 100, fPay: 16, fReq: 500, fAsked: 30, fPayWhy: 200, fReqWhy: 200}

// Messages the form's commands answer with; seq ties each answer to the form state that asked.
type (
	lookupMsg struct {
		seq      int
		phone    string
		employer store.Employer
		record   store.EmployerRecord
		last     store.Job
		hasLast  bool
		err      error
		// unpaid-wage rights cases of the employer not yet resolved
		unpaidCases int
	}
	askedMsg struct {
		seq     int
		text    string
		workers []store.Worker
		err     error
	}
	savedMsg struct {
		seq int
		job store.Job
		err error
	}
)

// form takes one job: the caller's phone first, then the employer (filled in when known),
// then the job (filled in with a returning employer's usual job).
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
	asked    int64     // the worker asked for by name or number
	askedOK  string    // what the asked field resolved from
	askedMsg string
	seq      int
	saving   bool
	width    int
	height   int
	touched  bool
	rights   jobRights // guide pay, flagged words and the employer's open unpaid-wage cases (rights.go)
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
		return in.Focus()
	}
	return nil
}

// move leaves the focused field (checking it) and goes d fields on.
func (f *form) move(d int) tea.Cmd {
	cmd := f.leave()
	next := f.focus
	for range fieldCount {
		next = (next + field(d) + fieldCount) % fieldCount
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
	}
	f.check(fl)
	switch fl {
	case fPhone:
		if f.errs[fPhone] == "" && f.edit.ID == 0 {
			return f.lookup()
		}
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

func (f *form) lookup() tea.Cmd {
	phone := f.inputs[fPhone].Value()
	norm, _ := store.EmployerPhone(phone)
	if norm == f.looked {
		return nil
	}
	f.looked = norm
	f.seq++
	seq, s, ctx := f.seq, f.c.Store, f.c.Ctx
	return func() tea.Msg {
		e, err := s.EmployerByPhone(ctx, norm)
		if store.ErrorCode(err) == store.NotFound {
			return lookupMsg{seq: seq, phone: norm}
		}
		if err != nil {
			return lookupMsg{seq: seq, phone: norm, err: err}
		}
		msg := lookupMsg{seq: seq, phone: norm, employer: e}
		if msg.record, err = s.EmployerHistory(ctx, e.ID); err != nil {
			return lookupMsg{seq: seq, phone: norm, err: err}
		}
		if msg.unpaidCases, err = s.OpenUnpaidCases(ctx, e.ID); err != nil {
			return lookupMsg{seq: seq, phone: norm, err: err}
		}
		last, err := s.LastJob(ctx, e.ID)
		if err == nil {
			msg.last, msg.hasLast = last, true
		}
		return msg
	}
}

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
	seq, s, ctx := f.seq, f.c.Store, f.c.Ctx
	return func() tea.Msg {
		ws, err := s.SearchWorkers(ctx, text, 4)
		return askedMsg{seq: seq, text: text, workers: ws, err: err}
	}
}

// fillEmployer shows a known employer's details.
func (f *form) fillEmployer(e store.Employer) {
	f.inputs[fPhone].SetValue(e.Phone)
	for i, k := range kinds {
		if k == e.Kind {
			f.kind = i
		}
	}
	f.inputs[fName].SetValue(e.Name)
	f.inputs[fContact].SetValue(e.Contact)
	f.inputs[fEmpAddr].SetValue(e.Address)
	f.empComm.SetValue(e.CommunityID)
}

// fillJob copies a job's details (the usual job of a returning employer, or the job edited).
func (f *form) fillJob(j store.Job) {
	f.trade.SetValue(j.TradeID)
	f.inputs[fHead].SetValue(strconv.Itoa(j.Headcount))
	f.inputs[fDur].SetValue(f.c.Cat.Duration(j.Duration))
	if f.c.Cat.Lang == "en" {
		f.inputs[fDur].SetValue(durationText(j.Duration))
	}
	f.inputs[fAddr].SetValue(j.Address)
	f.comm.SetValue(j.CommunityID)
	f.inputs[fPay].SetValue(strings.TrimSuffix(valid.FormatYuan(j.PayFen), ".00"))
	for i, u := range store.PayUnits {
		if u == j.PayUnit {
			f.unit = i
		}
	}
	f.inputs[fReq].SetValue(j.Requirements)
	f.urgent = j.Urgent
}

// durationText writes a duration so when.ParseDuration reads it back: 4h, 3d, 90min.
func durationText(d time.Duration) string {
	switch {
	case d%(24*time.Hour) == 0:
		return strconv.Itoa(int(d/(24*time.Hour))) + "d"
	case d%time.Hour == 0:
		return strconv.Itoa(int(d/time.Hour)) + "h"
	}
	return strconv.Itoa(int(d/time.Minute)) + "min"
}

// update handles a message; done reports that the form saved or was closed.
func (f *form) update(msg tea.Msg) (cmd tea.Cmd, closed bool) {
	switch msg := msg.(type) {
	case lookupMsg:
		if msg.seq != f.seq || f.edit.ID != 0 {
			return nil, false
		}
		if msg.err != nil {
			f.errs[fPhone] = f.c.Cat.Err(msg.err)
			return nil, false
		}
		if msg.employer.ID == 0 {
			if f.employer.ID != 0 { // another number typed after a known employer: start a new one
				f.employer, f.record = store.Employer{}, store.EmployerRecord{}
				f.rights.unpaidCases = 0
			}
			return nil, false
		}
		f.employer, f.record = msg.employer, msg.record
		f.rights.unpaidCases = msg.unpaidCases
		f.fillEmployer(msg.employer)
		target := fTrade
		if msg.hasLast {
			f.fillJob(msg.last)
			// the usual job is usually wanted tomorrow at the usual hour: shown, focused, easy to change
			f.inputs[fWhen].SetValue(f.c.T("day.tomorrow") + " " + msg.last.StartsAt.In(f.c.Store.Location()).Format("15:04"))
			f.inputs[fWhen].CursorEnd()
			target = fWhen
		} else {
			f.inputs[fAddr].SetValue(msg.employer.Address)
			f.comm.SetValue(msg.employer.CommunityID)
		}
		if f.focus <= fEmpComm {
			return f.moveTo(target), false
		}
		return nil, false
	case askedMsg:
		if msg.seq != f.seq {
			return nil, false
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
			f.errs[fAsked] = f.c.T("jobs.asked.many", strings.Join(names, "、"))
		}
		return nil, false
	case savedMsg:
		if msg.seq != f.seq {
			return nil, false
		}
		f.saving = false
		if msg.err != nil {
			fl := f.fieldOf(msg.err)
			f.errs[fl] = f.c.Cat.Err(msg.err)
			return tea.Batch(f.moveTo(fl), common.Status(f.c.Cat.Err(msg.err), true)), false
		}
		return nil, true
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
	picker := f.pickerOpen()
	switch {
	case key.Matches(msg, k.Save):
		return f.save(), false
	case key.Matches(msg, k.Back) && !picker:
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
	nin, cmd := in.Update(msg)
	*in = nin
	if in.Value() != before {
		delete(f.errs, f.focus)
		if f.focus == fAsked {
			f.askedMsg = ""
		}
	}
	return cmd, false
}

func (f *form) isPicker(fl field) bool { return fl == fEmpComm || fl == fComm || fl == fTrade }

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

// values builds the employer and job from the inputs; problems are set on their fields.
func (f *form) values() (store.Employer, store.Job, bool) {
	for fl := range fieldCount {
		if !f.skip(fl) {
			f.check(fl)
		}
	}
	e := f.employer
	if f.edit.ID == 0 {
		e.Kind = kinds[f.kind]
		e.Name = f.inputs[fName].Value()
		e.Contact = f.inputs[fContact].Value()
		e.Phone = f.inputs[fPhone].Value()
		e.Address = f.inputs[fEmpAddr].Value()
		e.CommunityID = f.empComm.Value()
	}
	j := f.edit
	j.TradeID = f.trade.Value()
	j.Headcount, _ = headcount(f.inputs[fHead].Value())
	j.StartsAt, _ = when.Parse(f.inputs[fWhen].Value(), f.c.Clock())
	j.Duration, _ = when.ParseDuration(f.inputs[fDur].Value())
	j.PayFen, _ = valid.ParseYuan(f.inputs[fPay].Value())
	j.PayUnit = store.PayUnits[f.unit]
	j.Address = f.inputs[fAddr].Value()
	if strings.TrimSpace(j.Address) == "" {
		j.Address = e.Address
	}
	j.CommunityID = f.comm.Value()
	if j.CommunityID == 0 && !f.comm.Unresolved() {
		j.CommunityID = e.CommunityID
	}
	j.Requirements = f.inputs[fReq].Value()
	j.Urgent = f.urgent
	j.RequestedWorkerID = f.asked
	j.Review = f.review()
	if j.Channel == "" {
		j.Channel = store.ByPhone
	}
	return e, j, len(f.errs) == 0
}

// check validates one field as typed and sets or clears its message.
func (f *form) check(fl field) {
	delete(f.errs, fl)
	set := func(err error) {
		if err != nil {
			f.errs[fl] = f.c.Cat.Err(err)
		}
	}
	val := func(fl field) string {
		if in, ok := f.inputs[fl]; ok {
			return in.Value()
		}
		return ""
	}
	problem := func(p *valid.Problem) {
		if p != nil {
			set(&store.Error{Code: store.Invalid, Key: p.Key, Field: p.Field})
		}
	}
	text := func(n int) {
		_, p := valid.Text(fieldKeys[fl], val(fl), n)
		problem(p)
	}
	switch fl {
	case fPhone:
		if f.edit.ID == 0 {
			_, p := store.EmployerPhone(val(fl))
			problem(p)
		}
	case fName:
		e := store.Employer{Kind: kinds[f.kind], Name: val(fl)}
		if err := e.Validate(); err != nil && store.AsError(err).Field == "name" {
			set(err)
		}
	case fContact:
		text(30)
	case fEmpAddr, fAddr:
		text(100)
	case fReq:
		text(500)
	case fEmpComm:
		if f.empComm.Unresolved() {
			f.errs[fl] = f.c.T("place.unresolved")
		}
	case fComm:
		if f.comm.Unresolved() {
			f.errs[fl] = f.c.T("place.unresolved")
		}
	case fTrade:
		if f.trade.Value() == 0 {
			set(&store.Error{Code: store.Invalid, Key: "job.trade"})
		}
	case fHead:
		if _, key := headcount(val(fl)); key != "" {
			f.errs[fl] = f.c.T(key)
		}
	case fWhen:
		if _, key := when.Parse(val(fl), f.c.Clock()); key != "" {
			f.errs[fl] = f.c.T("err." + key)
		}
	case fDur:
		if _, key := when.ParseDuration(val(fl)); key != "" {
			f.errs[fl] = f.c.T("err." + key)
		}
	case fPay:
		fen, p := valid.ParseYuan(val(fl))
		if p != nil {
			problem(p)
		} else {
			problem(valid.PayFen(fen))
		}
	case fPayWhy, fReqWhy:
		f.checkReason(fl)
	case fAsked:
		if strings.TrimSpace(val(fl)) != "" && f.asked == 0 && f.errs[fAsked] == "" && val(fl) != f.askedOK {
			// resolved when the field is left; until then the form cannot save it
			f.errs[fl] = f.c.T("jobs.asked.pending")
		}
	}
}

// headcount reads the number of workers asked for; the key is the message when refused.
func headcount(s string) (int, string) {
	var b strings.Builder
	for _, r := range strings.TrimSpace(valid.StripControls(s)) {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune(r - '０' + '0')
		case r == '人' || r == '个' || r == '名' || r == ' ':
		default:
			b.WriteRune(r)
		}
	}
	t := b.String()
	if t == "" {
		return 0, "jobs.err.head_empty"
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 {
		if len(t) > 0 && strings.Trim(t, "0123456789") == "" {
			return 0, "err.headcount.range" // more digits than any int
		}
		return 0, "jobs.err.head_number"
	}
	if p := valid.Headcount(n); p != nil {
		return 0, "err." + p.Key
	}
	return n, ""
}

// fieldOf maps a store error to the form field at fault.
func (f *form) fieldOf(err error) field {
	se := store.AsError(err)
	if se == nil {
		return f.focus
	}
	switch se.Field {
	case "phone":
		return fPhone
	case "name":
		return fName
	case "kind":
		return fKind
	case "contact":
		return fContact
	case "trade":
		return fTrade
	case "headcount":
		return fHead
	case "start":
		return fWhen
	case "duration":
		return fDur
	case "pay", "money":
		return fPay
	case "pay_unit":
		return fUnit
	case "requirements":
		return fReq
	case "requested":
		return fAsked
	case "pay_reason":
		return fPayWhy
	case "posting_reason":
		return fReqWhy
	case "address":
		if strings.HasPrefix(se.Detail, "employer") {
			return fEmpAddr
		}
		return fAddr
	}
	return f.focus
}

// save checks every field and, when all are good, saves in one transaction.
func (f *form) save() tea.Cmd {
	if cmd := f.leave(); cmd != nil {
		// a look-up (the caller's phone, the worker asked for) must answer first
		return tea.Batch(cmd, common.Status(f.c.T("jobs.checking"), false))
	}
	var cmd tea.Cmd
	e, j, ok := f.values()
	if ok && f.edit.ID == 0 {
		if err := e.Validate(); err != nil {
			fl := f.fieldOf(err)
			if se := store.AsError(err); se != nil && se.Field == "address" {
				fl = fEmpAddr
			}
			f.errs[fl] = f.c.Cat.Err(err)
			ok = false
		}
	}
	if !ok {
		first := fieldCount
		for fl := range f.errs {
			first = min(first, fl)
		}
		return tea.Batch(cmd, f.moveTo(first), common.Status(f.c.T("jobs.fix_fields", len(f.errs)), true))
	}
	f.saving = true
	f.seq++
	seq, s, ctx, staff := f.seq, f.c.Store, f.c.Ctx, f.c.Staff.ID
	if j.ID != 0 {
		return tea.Batch(cmd, func() tea.Msg {
			saved, err := s.UpdateJob(ctx, staff, j)
			return savedMsg{seq: seq, job: saved, err: err}
		})
	}
	return tea.Batch(cmd, func() tea.Msg {
		_, saved, err := s.CreateJob(ctx, staff, e, j)
		return savedMsg{seq: seq, job: saved, err: err}
	})
}

// dirty: something typed that is not saved.
func (f *form) dirty() bool { return f.touched && !f.saving }

// preview is what a field's text means, shown beside it: the parsed start, the hourly pay.
func (f *form) preview(fl field) (string, bool) {
	cat := f.c.Cat
	switch fl {
	case fWhen:
		if t, key := when.Parse(f.inputs[fWhen].Value(), f.c.Clock()); key == "" {
			return "→ " + cat.When(t, f.c.Clock()) + " " + cat.Weekday(t), false
		}
	case fDur:
		if d, key := when.ParseDuration(f.inputs[fDur].Value()); key == "" {
			return "→ " + cat.Duration(d), false
		}
	case fPay:
		fen, p := valid.ParseYuan(f.inputs[fPay].Value())
		if p != nil || valid.PayFen(fen) != nil {
			return "", false
		}
		d, key := when.ParseDuration(f.inputs[fDur].Value())
		if key != "" {
			d = 8 * time.Hour
		}
		j := store.Job{PayFen: fen, PayUnit: store.PayUnits[f.unit], Duration: d}
		hourly, ok := j.HourlyFen()
		if ok && f.c.Settings.MinHourlyFen > 0 && hourly < f.c.Settings.MinHourlyFen {
			return f.c.T("jobs.pay.below_min", cat.Money(hourly), cat.Money(f.c.Settings.MinHourlyFen)), true
		}
		if g, warn := f.guidePreview(fen); g != "" {
			return g, warn
		}
		if ok && j.PayUnit != store.PerHour {
			return f.c.T("jobs.pay.hourly", cat.Money(hourly)), false
		}
	case fAsked:
		return f.askedMsg, false
	case fReq:
		return f.flagsPreview(), len(f.rights.flags) > 0
	case fPayWhy, fReqWhy:
		return f.c.T(fieldKeys[fl] + ".why"), false
	}
	return "", false
}

func (f *form) valueView(fl field) string {
	s := f.c.Styles
	focused := f.focus == fl
	choice := func(labels []string, cur int) string {
		var parts []string
		for i, l := range labels {
			l = strconv.Itoa(i+1) + " " + l
			if i == cur {
				if focused {
					parts = append(parts, s.RowActive.Render(" "+l+" "))
				} else {
					parts = append(parts, s.Label.Render("["+l+"]"))
				}
			} else {
				parts = append(parts, s.Subtle.Render(" "+l+" "))
			}
		}
		return strings.Join(parts, "")
	}
	switch fl {
	case fKind:
		var ls []string
		for _, k := range kinds {
			ls = append(ls, f.c.T("jobs.kind."+string(k)))
		}
		return choice(ls, f.kind)
	case fUnit:
		var ls []string
		for _, u := range store.PayUnits {
			ls = append(ls, f.c.T("unit."+string(u)))
		}
		return choice(ls, f.unit)
	case fUrgent:
		v := 0
		if f.urgent {
			v = 1
		}
		return choice([]string{f.c.T("jobs.urgent.no"), f.c.T("jobs.urgent.yes")}, v)
	case fEmpComm:
		return f.empComm.View()
	case fComm:
		return f.comm.View()
	case fTrade:
		return f.trade.View()
	}
	return f.inputs[fl].View()
}

// view draws the form in width × height, keeping the focused field in sight.
func (f *form) view() string {
	s := f.c.Styles
	var head []string
	title := f.c.T("jobs.form.new")
	if f.edit.ID != 0 {
		title = f.c.T("jobs.form.edit", f.edit.ID)
	}
	who := s.Subtle.Render(f.c.T("jobs.form.phone_first"))
	if f.employer.ID != 0 {
		who = s.Good.Render(f.c.T("jobs.employer.known", f.employer.Name, f.record.Jobs))
		if f.record.Flagged() {
			who += " " + s.Urgent.Render(f.c.T("jobs.employer.flag", f.record.Unpaid, f.record.Disputed))
		}
		if f.rights.unpaidCases > 0 {
			who += " " + s.Urgent.Render(f.c.T("rights.jobs.flag", f.rights.unpaidCases))
		}
	} else if f.looked != "" && f.errs[fPhone] == "" {
		who = s.Warning.Render(f.c.T("jobs.employer.new"))
	}
	head = append(head, s.Title.Render(title)+"  "+who)
	lw := f.labelWidth()
	type block struct {
		fl    field
		lines []string
	}
	var blocks []block
	section := func(key string) {
		blocks = append(blocks, block{fl: -1, lines: []string{s.Subtle.Render("── " + f.c.T(key) + " ──")}})
	}
	for fl := range fieldCount {
		if f.hidden(fl) {
			continue
		}
		if fl == fPhone {
			section("jobs.section.employer")
		}
		if fl == fTrade {
			section("jobs.section.job")
		}
		label := f.c.T(fieldKeys[fl])
		mark := " "
		if required[fl] && !(fl == fName && f.skip(fl)) {
			mark = s.Required.Render("*")
		}
		pad := strings.Repeat(" ", max(lw-lipgloss.Width(label)-2, 0))
		lab := s.Label.Render(label) + mark + pad
		if f.focus == fl {
			lab = s.Title.Render("▸") + lab
		} else {
			lab = " " + lab
		}
		if f.skip(fl) {
			lab = " " + s.Subtle.Render(label) + " " + pad
		}
		val := f.valueView(fl)
		if f.skip(fl) && fl == fPhone {
			val = s.Subtle.Render(valid.MaskPhone(f.employer.Phone))
		}
		lines := strings.Split(val, "\n")
		indent := strings.Repeat(" ", lw+1)
		out := []string{lab + lines[0]}
		for _, l := range lines[1:] {
			out = append(out, indent+l)
		}
		if msg, ok := f.errs[fl]; ok {
			out = append(out, indent+s.Error.Render("✗ "+msg))
		} else if p, warn := f.preview(fl); p != "" {
			if warn {
				out = append(out, indent+s.Warning.Render("⚠ "+p))
			} else {
				out[0] += "  " + s.Subtle.Render(p)
			}
		}
		blocks = append(blocks, block{fl: fl, lines: out})
	}
	// scroll so the focused field's block is in view
	avail := max(f.height-len(head), 3)
	var all []string
	start, end := 0, 0
	for _, b := range blocks {
		if b.fl == f.focus {
			start = len(all)
			end = start + len(b.lines)
		}
		all = append(all, b.lines...)
	}
	off := 0
	if end > avail {
		off = min(end-avail+1, start)
	}
	if f.focus <= fPhone+1 {
		off = 0
	}
	all = all[off:min(off+avail, len(all))]
	for i, l := range all {
		all[i] = ansi.Truncate(l, f.width, "…")
	}
	return strings.Join(append(head, all...), "\n")
}
