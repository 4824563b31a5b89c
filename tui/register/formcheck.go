package register

import (
	"strconv"
	"strings"

	"gigdesk/store"
	"gigdesk/store/valid"
)

// The form's checks: each field as it is typed and left, all of them before a save, and a
// refusal from the store put back at its field.

// check validates one field as typed and keeps its message in the staff member's language.
func (f *form) check(fl field) {
	delete(f.errs, fl)
	var p *valid.Problem
	val := ""
	if in, ok := f.inputs[fl]; ok {
		val = in.Value()
	}
	switch fl {
	case fName:
		_, p = valid.Name(val)
	case fPhone:
		_, p = valid.Phone(val)
	case fIDNo:
		if strings.TrimSpace(val) != "" {
			_, p = valid.IDNumber(val, f.c.Clock())
		}
	case fBirth:
		if strings.TrimSpace(val) != "" {
			y, ok := parseYear(val)
			if !ok {
				f.errs[fl] = f.c.T("reg.err.birth")
				return
			}
			p = valid.BirthYear(y, f.c.Clock())
		}
	case fPay:
		if strings.TrimSpace(val) != "" {
			var fen int64
			if fen, p = valid.ParseYuan(val); p == nil {
				p = valid.PayFen(fen)
			}
		}
	case fNotes:
		_, p = valid.Text("notes", val, maxNotes)
	case fTrades:
		switch {
		case f.trades.Unresolved() && !f.trades.Focused():
			f.errs[fl] = f.c.T("reg.err.trade_typed")
		case len(f.trades.Selected()) == 0:
			p = &valid.Problem{Key: "worker.no_trade"}
		}
	case fCommunity:
		if f.place.Unresolved() && !f.place.Focused() {
			f.errs[fl] = f.c.T("place.unresolved")
		}
	}
	if p != nil {
		f.errs[fl] = f.c.Cat.Err(&store.Error{Code: store.Invalid, Key: p.Key})
	}
}

// parseYear reads a birth year typed with ASCII or full-width digits.
func parseYear(s string) (int, bool) {
	s = strings.TrimSpace(s)
	var b strings.Builder
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r = r - '０' + '0'
		}
		if r < '0' || r > '9' {
			return 0, false
		}
		b.WriteRune(r)
	}
	if b.Len() != 4 {
		return 0, false
	}
	y, err := strconv.Atoi(b.String())
	return y, err == nil
}

// shown is the message to show at a field now: problems of a field being typed into wait
// until it is left, except those that more typing cannot fix.
func (f *form) shown(fl field) string {
	if f.cut[fl] {
		return f.c.T("reg.err.too_long", f.c.T(fieldKeys[fl]), f.limit(fl))
	}
	msg := f.errs[fl]
	if msg == "" {
		return ""
	}
	if f.tried || f.touched[fl] && fl != f.focus {
		return msg
	}
	if fl == f.focus {
		if in, ok := f.inputs[fl]; ok && strings.TrimSpace(in.Value()) != "" {
			// a name with a digit or a phone with a letter is wrong however it goes on
			if fl == fName || fl == fPhone && !onlyPhoneChars(in.Value()) {
				return msg
			}
		}
	}
	return ""
}

func onlyPhoneChars(s string) bool {
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= '０' && r <= '９' || r == ' ' || r == '-' || r == '+') {
			return false
		}
	}
	return true
}

// validate checks every field; the first field with a problem gets the focus.
func (f *form) validate() (field, bool) {
	f.tried = true
	for fl := range fieldCount {
		f.check(fl)
	}
	for fl := range fieldCount {
		if f.errs[fl] != "" {
			f.focusOn(fl)
			return fl, false
		}
	}
	return 0, true
}

// worker is the record as typed (normalised by the store when saved).
func (f *form) worker() store.Worker {
	w := f.base
	w.ID = f.id
	w.Name = f.inputs[fName].Value()
	w.Phone, _ = valid.Phone(f.inputs[fPhone].Value())
	if w.Phone == "" {
		w.Phone = f.inputs[fPhone].Value()
	}
	w.IDNumber = f.inputs[fIDNo].Value()
	w.BirthYear, _ = parseYear(f.inputs[fBirth].Value())
	w.ExpectedPayFen, _ = valid.ParseYuan(f.inputs[fPay].Value())
	w.ExpectedPayUnit = store.PayUnits[f.unit]
	w.CommunityID = f.place.Value()
	w.Gender = genders[f.gender]
	w.Availability = f.avail
	w.Groups = nil
	for _, g := range store.PriorityGroups {
		if f.groups[g] {
			w.Groups = append(w.Groups, g)
		}
	}
	w.Insured, w.Consent = f.insured, f.consent
	w.Channel = channels[f.channel]
	w.Notes = f.inputs[fNotes].Value()
	w.Trades = f.trades.Selected()
	if f.id == 0 {
		w.Status = store.Active
	}
	return w
}

// storeError puts a refusal from the store at its field.
func (f *form) storeError(err error) {
	se := store.AsError(err)
	if se == nil {
		return
	}
	fl, ok := map[string]field{"name": fName, "phone": fPhone, "idno": fIDNo, "id_number": fIDNo, "birthyear": fBirth,
		"expected_pay": fPay, "pay": fPay, "trades": fTrades, "notes": fNotes, "gender": fGender, "groups": fGroups,
		"availability": fAvail, "channel": fChannel, "expected_pay_unit": fUnit}[se.Field]
	if !ok {
		return
	}
	f.errs[fl] = f.c.Cat.Err(err)
	f.tried = true
	f.focusOn(fl)
}

// fixFirst says which field needs fixing first and why, and how many more do.
func (f *form) fixFirst(fl field) string {
	text := f.c.T("form.fix_first", f.c.T(fieldKeys[fl]), f.errs[fl])
	more := 0
	for other, msg := range f.errs {
		if other != fl && msg != "" {
			more++
		}
	}
	if more > 0 {
		text += f.c.T("form.fix_more", more)
	}
	return text
}
