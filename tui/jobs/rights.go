package jobs

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/posting"
	"gigdesk/store/valid"
)

// jobRights is what the form knows of the rules while a job is taken: the station's guide pay,
// the words of the requirements a posting may not contain, and the employer's unpaid-wage
// cases still open in the rights ledger.
type jobRights struct {
	guides      map[guideKey]int64
	flags       []posting.Flag
	unpaidCases int
}

type guideKey struct {
	trade int64
	unit  store.PayUnit
}

// loadRights reads the guide pay and, for a saved job, the reasons confirmed before.
func (f *form) loadRights() tea.Cmd {
	f.recheck()
	return readRights(f.c, f, f.edit.ID)
}

func (f *form) rightsLoaded(msg rightsMsg) {
	if msg.form != f {
		return
	}
	f.rights.guides = map[guideKey]int64{}
	for _, g := range msg.guides {
		f.rights.guides[guideKey{g.TradeID, g.Unit}] = g.PayFen
	}
	if f.inputs[fPayWhy].Value() == "" {
		f.inputs[fPayWhy].SetValue(msg.review.PayReason)
	}
	if f.inputs[fReqWhy].Value() == "" {
		f.inputs[fReqWhy].SetValue(msg.review.PostingOverride)
	}
	f.recheck()
}

// recheck reads the requirements for flagged words as they are typed, and keeps the focus off
// a reason field that is no longer needed.
func (f *form) recheck() {
	f.rights.flags = posting.Check(f.inputs[fReq].Value())
	if f.hidden(f.focus) {
		delete(f.errs, f.focus)
		f.moveTo(fAsked)
	}
	for _, fl := range []field{fPayWhy, fReqWhy} {
		if f.hidden(fl) {
			delete(f.errs, fl)
		}
	}
}

// payCheck compares the pay typed with the guide for the trade and unit and the minimum wage.
func (f *form) payCheck() (store.PayCheck, bool) {
	fen, p := valid.ParseYuan(f.inputs[fPay].Value())
	if p != nil || valid.PayFen(fen) != nil {
		return store.PayCheck{}, false
	}
	d, key := f.duration()
	if key != "" {
		d = 0
	}
	unit := store.PayUnits[f.unit]
	j := store.Job{PayFen: fen, PayUnit: unit, Duration: d}
	if d == 0 && unit == store.Fixed {
		return store.CheckPay(j, f.rights.guides[guideKey{f.trade.Value(), unit}], 0), true
	}
	return store.CheckPay(j, f.rights.guides[guideKey{f.trade.Value(), unit}], f.c.Settings.MinHourlyFen), true
}

// hidden: a reason field shows only when there is something to confirm.
func (f *form) hidden(fl field) bool {
	switch fl {
	case fPayWhy:
		pc, ok := f.payCheck()
		return !ok || !pc.Below()
	case fReqWhy:
		return len(f.rights.flags) == 0
	}
	return false
}

// review is what staff confirmed, for the store to keep with the job.
func (f *form) review() store.JobReview {
	var r store.JobReview
	if !f.hidden(fPayWhy) {
		r.PayReason = f.inputs[fPayWhy].Value()
	}
	if !f.hidden(fReqWhy) {
		r.PostingOverride = f.inputs[fReqWhy].Value()
	}
	return r
}

func (f *form) checkReason(fl field) {
	if f.hidden(fl) {
		return
	}
	v := f.inputs[fl].Value()
	if _, p := valid.Text(fieldKeys[fl], v, 200); p != nil {
		f.errs[fl] = f.c.Cat.Err(&store.Error{Code: store.Invalid, Key: p.Key, Field: p.Field})
		return
	}
	if strings.TrimSpace(valid.StripControls(v)) != "" {
		return
	}
	if fl == fReqWhy {
		f.errs[fl] = f.c.T("err.posting.override_needed")
		return
	}
	if pc, _ := f.payCheck(); pc.BelowMin {
		f.errs[fl] = f.c.T("err.guide.min_reason_needed")
	} else {
		f.errs[fl] = f.c.T("err.guide.reason_needed")
	}
}

// guidePreview names the guide pay beside the pay typed, warning when the pay is under it.
func (f *form) guidePreview(fen int64) (string, bool) {
	unit := store.PayUnits[f.unit]
	g := f.rights.guides[guideKey{f.trade.Value(), unit}]
	if g == 0 {
		return "", false
	}
	if fen < g {
		return f.c.T("guide.below", f.c.Cat.Pay(g, unit)), true
	}
	return f.c.T("guide.at", f.c.Cat.Pay(g, unit)), false
}

// flagsPreview lists the flagged words and why: 「需要女性」限制性别.
func (f *form) flagsPreview() string {
	if len(f.rights.flags) == 0 {
		return ""
	}
	var parts []string
	for _, fl := range f.rights.flags {
		parts = append(parts, f.c.T("posting.flag", fl.Text, f.c.T("posting.reason."+string(fl.Reason))))
	}
	return f.c.T("posting.flagged", strings.Join(parts, f.c.T("posting.sep")))
}
