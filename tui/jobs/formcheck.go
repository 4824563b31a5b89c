package jobs

import (
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/store/when"
	"gigdesk/tui/common"
)

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
	j.StartsAt, _ = f.start()
	j.Duration, _ = f.duration()
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
		if _, _, key := when.ParseSpan(val(fl), f.c.Clock()); key != "" {
			f.errs[fl] = f.c.T("err." + key)
		}

	case fDur:
		if _, key := f.duration(); key != "" {
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
		return tea.Batch(f.moveTo(first), common.Status(f.fixFirst(first), true))
	}
	if j.Address == "" && j.CommunityID == 0 && !f.placeAsked {
		// where to go is what a worker needs most: asked once, and a second Ctrl+S saves anyway
		f.placeAsked = true
		return tea.Batch(f.moveTo(fAddr), common.Status(f.c.T("jobs.place.ask"), true))
	}
	f.saving = true
	f.seq++
	return saveJob(f.c, f.seq, e, j)
}

// saveAnswered takes the store's answer to save: a refusal goes to the field at fault.
func (f *form) saveAnswered(msg savedMsg) (tea.Cmd, bool) {
	if msg.seq != f.seq {
		return nil, false
	}
	f.saving = false
	if msg.err != nil {
		status := common.Status(f.c.Cat.SaveErr(msg.err, f.c.Keys.Save.Help().Key), true)
		if se := store.AsError(msg.err); se == nil || se.Field == "" {
			// no field is at fault (the server lost, a clash with another PC): the footer says
			// what happened, and the fields keep what was typed and their hints
			return status, false
		}
		fl := f.fieldOf(msg.err)
		f.errs[fl] = f.c.Cat.Err(msg.err)
		return tea.Batch(f.moveTo(fl), status), false
	}
	return nil, true
}

// fixFirst says in the footer which field the cursor went to and why, and how many more.
func (f *form) fixFirst(fl field) string {
	text := f.c.T("form.fix_first", f.c.T(fieldKeys[fl]), f.errs[fl])
	if n := len(f.errs) - 1; n > 0 {
		text += f.c.T("form.fix_more", n)
	}
	return text
}
