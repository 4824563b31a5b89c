package jobs

import (
	"strconv"
	"strings"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
)

// lookup asks who is calling, once per phone number typed.
func (f *form) lookup() tea.Cmd {
	phone := f.inputs[fPhone].Value()
	norm, _ := store.EmployerPhone(phone)
	if norm == f.looked {
		return nil
	}
	f.looked = norm
	f.seq++
	return lookupEmployer(f.c, f.seq, norm)
}

// prefill fills in a returning employer and their usual job, wanted tomorrow at the usual hour.
func (f *form) prefill(msg lookupMsg) tea.Cmd {
	if msg.seq != f.seq || f.edit.ID != 0 {
		return nil
	}
	if msg.err != nil {
		f.errs[fPhone] = f.c.Cat.Err(msg.err)
		return nil
	}
	if msg.employer.ID == 0 {
		if f.employer.ID != 0 { // another number typed after a known employer: start a new one
			f.employer, f.record = store.Employer{}, store.EmployerRecord{}
			f.rights.unpaidCases = 0
		}
		return nil
	}
	f.employer, f.record = msg.employer, msg.record
	f.rights.unpaidCases = msg.unpaidCases
	f.fillEmployer(msg.employer)
	target := fTrade
	if msg.hasLast {
		f.fillJob(msg.last)
		f.copied = msg.last // what was copied, so a change of trade can take back what no longer applies
		// the usual job is usually wanted tomorrow at the usual hour: shown, focused, easy to change
		f.inputs[fWhen].SetValue(f.c.T("day.tomorrow") + " " + msg.last.StartsAt.In(f.c.Store.Location()).Format("15:04"))
		f.inputs[fWhen].CursorEnd()
		target = fWhen
	} else {
		f.inputs[fAddr].SetValue(msg.employer.Address)
		f.comm.SetValue(msg.employer.CommunityID)
	}
	if f.focus <= fEmpComm {
		return f.moveTo(target)
	}
	return nil
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
	f.setDuration(j.Duration)
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

// tradeLeft takes back the copied requirements when the caller wants another trade this time
// ("有大件家具" belongs to the moving job, not to a cleaning job): what the clerk typed stays.
func (f *form) tradeLeft() {
	if f.copied.ID == 0 || f.trade.Value() == 0 || f.trade.Value() == f.copied.TradeID {
		return
	}
	if req := f.inputs[fReq].Value(); req != "" && req == f.copied.Requirements {
		f.inputs[fReq].SetValue("")
		f.note = f.c.T("jobs.copied.req_dropped", f.c.Cat.TradeName(f.c.Records, f.copied.TradeID))
	}
}

// copiedView says what a returning caller's job was filled in from, and what was taken back.
func (f *form) copiedView() string {
	if f.copied.ID == 0 || f.edit.ID != 0 {
		return ""
	}
	if f.note != "" {
		return f.note
	}
	return f.c.T("jobs.copied", f.copied.ID)
}
