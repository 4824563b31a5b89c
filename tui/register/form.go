package register

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/placepick"
	"gigdesk/tui/widget/tradepick"
)

// field is one input of the registration form, in Tab order: what every walk-in gives first.
type field int

const (
	fName field = iota
	fPhone
	fTrades
	fCommunity
	fGender
	fBirth
	fIDNo
	fPay
	fUnit
	fAvail
	fGroups
	fInsured
	fChannel
	fConsent
	fNotes
	fieldCount
)

var fieldKeys = [fieldCount]string{"reg.f.name", "reg.f.phone", "reg.f.trades", "reg.f.community", "reg.f.gender", "reg.f.birth",
	"reg.f.idno", "reg.f.pay", "reg.f.unit", "reg.f.avail", "reg.f.groups", "reg.f.insured", "reg.f.channel", "reg.f.consent", "reg.f.notes"}

// required fields are marked with * and checked before anything is saved.
var required = map[field]bool{fName: true, fPhone: true, fTrades: true}

// Input limits: what would make a field longer is refused whole, and the field names the limit.
const (
	maxName  = 40 // more than valid.MaxNameRunes, so an over-long name gets its own message
	maxPhone = 20
	maxBirth = 4
	maxIDNo  = 22
	maxPay   = 12
	maxNotes = 500
)

var genders = []string{"", "M", "F"}
var channels = []store.Channel{store.ByCounter, store.ByPhone, store.Online}

// form is the worker registration (and edit) form.
type form struct {
	c      *common.Common
	id     int64 // 0 for a new worker
	base   store.Worker
	inputs map[field]*textinput.Model
	trades *tradepick.Model
	place  *placepick.Model

	gender      int
	unit        int
	avail       int
	availCursor int
	groups      map[string]bool
	groupCursor int
	insured     bool
	consent     bool
	channel     int

	focus   field
	errs    map[field]string
	touched map[field]bool
	tried   bool           // a save was attempted: show every problem
	cut     map[field]bool // the last paste or key would have made the field too long: refused
	width   int
}

func newForm(c *common.Common) *form {
	f := &form{c: c, inputs: map[field]*textinput.Model{}, groups: map[string]bool{}, errs: map[field]string{},
		touched: map[field]bool{}, cut: map[field]bool{}, avail: store.AllDay}
	for fl, limit := range map[field]int{fName: maxName, fPhone: maxPhone, fBirth: maxBirth, fIDNo: maxIDNo, fPay: maxPay, fNotes: maxNotes} {
		in := common.NewInput()
		in.Prompt = ""
		in.CharLimit = limit
		f.inputs[fl] = &in
	}
	f.inputs[fPay].Placeholder = c.T("reg.hint.pay")
	f.trades = tradepick.New(c, true)
	f.place = placepick.New(c)
	f.setWidth(80)
	f.focusOn(fName)
	return f
}

// editForm is the form filled with an existing worker.
func editForm(c *common.Common, w store.Worker) *form {
	f := newForm(c)
	f.load(w)
	return f
}

func (f *form) load(w store.Worker) {
	f.id, f.base = w.ID, w
	f.inputs[fName].SetValue(w.Name)
	f.inputs[fPhone].SetValue(w.Phone)
	f.inputs[fIDNo].SetValue(w.IDNumber)
	f.inputs[fBirth].SetValue("")
	if w.BirthYear != 0 {
		f.inputs[fBirth].SetValue(strconv.Itoa(w.BirthYear))
	}
	f.inputs[fPay].SetValue("")
	if w.ExpectedPayFen > 0 {
		f.inputs[fPay].SetValue(strings.TrimSuffix(valid.FormatYuan(w.ExpectedPayFen), ".00"))
	}
	f.inputs[fNotes].SetValue(w.Notes)
	f.trades.SetSelected(w.Trades)
	f.place.SetValue(w.CommunityID)
	f.gender = max(indexOf(genders, w.Gender), 0)
	f.unit = 0
	for i, u := range store.PayUnits {
		if u == w.ExpectedPayUnit {
			f.unit = i
		}
	}
	f.avail = w.Availability
	if f.avail == 0 {
		f.avail = store.AllDay
	}
	f.groups = map[string]bool{}
	for _, g := range w.Groups {
		f.groups[g] = true
	}
	f.insured, f.consent = w.Insured, w.Consent
	f.channel = 0
	for i, ch := range channels {
		if ch == w.Channel {
			f.channel = i
		}
	}
	for fl := range fieldCount {
		f.check(fl)
	}
}

// adopt turns a new registration into an edit of the worker already registered: what was
// typed is kept, and whatever was left empty is taken from the record (mergeTyped).
func (f *form) adopt(w store.Worker) { f.load(mergeTyped(w, f.worker())) }

func hasTrade(ts []store.WorkerTrade, id int64) bool {
	for _, t := range ts {
		if t.TradeID == id {
			return true
		}
	}
	return false
}

func indexOf[T comparable](list []T, v T) int {
	for i, x := range list {
		if x == v {
			return i
		}
	}
	return -1
}

func (f *form) setWidth(w int) {
	f.width = w
	col := f.colWidth() - labelWidth
	for _, in := range f.inputs {
		in.Width = max(col-2, 8) // a cell of slack: wide characters can overrun by one
	}
	f.trades.SetWidth(col)
	f.place.SetWidth(col)
	f.place.SetRows(4)
	f.trades.SetRows(3)
}

const labelWidth = 11

func (f *form) colWidth() int { return max((f.width-3)/2, 36) }

// dirty reports input not yet saved.
func (f *form) dirty() bool {
	if f.id != 0 {
		return true
	}
	for _, in := range f.inputs {
		if strings.TrimSpace(in.Value()) != "" {
			return true
		}
	}
	return len(f.trades.Selected()) > 0 || f.place.Value() != 0 || f.trades.Query() != "" || f.place.Query() != ""
}

func (f *form) focusOn(fl field) tea.Cmd {
	if f.focus != fl {
		f.blur(f.focus)
	}
	f.focus = fl
	switch fl {
	case fTrades:
		return f.trades.Focus()
	case fCommunity:
		return f.place.Focus()
	}
	if in, ok := f.inputs[fl]; ok {
		return in.Focus()
	}
	return nil
}

func (f *form) blur(fl field) {
	switch fl {
	case fTrades:
		f.trades.Blur()
	case fCommunity:
		f.place.Blur()
	default:
		if in, ok := f.inputs[fl]; ok {
			in.Blur()
		}
	}
	f.touched[fl] = true
	f.check(fl)
}

func (f *form) move(d int) tea.Cmd {
	next := (int(f.focus) + d + int(fieldCount)) % int(fieldCount)
	return f.focusOn(field(next))
}

// update handles a key; save reports that Ctrl+S or Enter on the last field asked to save.
func (f *form) update(msg tea.Msg) (cmd tea.Cmd, save bool) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		if in, ok := f.inputs[f.focus]; ok {
			var c tea.Cmd
			*in, c = in.Update(msg)
			return c, false
		}
		return nil, false
	}
	k := f.c.Keys
	switch {
	case key.Matches(km, k.Save):
		f.blur(f.focus)
		f.focusOn(f.focus)
		return nil, true
	case key.Matches(km, k.Next):
		return f.move(1), false
	case key.Matches(km, k.Prev):
		return f.move(-1), false
	case key.Matches(km, k.Select):
		if f.focus == fTrades && f.trades.Open() || f.focus == fCommunity && f.place.Open() {
			break
		}
		if f.focus == fNotes {
			f.blur(f.focus)
			f.focusOn(f.focus)
			return nil, true
		}
		return f.move(1), false
	}
	switch f.focus {
	case fTrades:
		cmd = f.trades.Update(km)
		f.check(fTrades)
	case fCommunity:
		cmd = f.place.Update(km)
		f.check(fCommunity)
	case fGender:
		f.gender = cycle(f.gender, len(genders), km)
	case fUnit:
		f.unit = cycle(f.unit, len(store.PayUnits), km)
	case fChannel:
		f.channel = cycle(f.channel, len(channels), km)
	case fInsured:
		f.insured = toggle(f.insured, km)
	case fConsent:
		f.consent = toggle(f.consent, km)
	case fAvail:
		f.updateAvail(km)
	case fGroups:
		f.updateGroups(km)
	default:
		fl := f.focus
		in := f.inputs[fl]
		before := in.Value()
		if km.Type == tea.KeyRunes && utf8.RuneCountInString(before)+len(km.Runes) > f.limit(fl) {
			f.cut[fl] = true // nothing half-pasted: the field keeps what it had and says why
			return nil, false
		}
		if km.Type == tea.KeyRunes {
			km.Runes = []rune(valid.KeyText(string(km.Runes)))
		}
		*in, cmd = in.Update(km)
		if v := in.Value(); v != before {
			delete(f.cut, fl)
			if clean := valid.Typing(v); clean != v && f.focus != fNotes {
				in.SetValue(clean) // escapes and controls never stay in a field (notes keep inner spaces)
			}
			f.check(f.focus)
		}
	}
	return cmd, false
}

// limit is the most characters field fl takes: a name's rule, else the input's own limit.
func (f *form) limit(fl field) int {
	if fl == fName {
		return valid.MaxNameRunes
	}
	return f.inputs[fl].CharLimit
}

func cycle(i, n int, km tea.KeyMsg) int {
	switch km.String() {
	case "right", " ", "l":
		return (i + 1) % n
	case "left", "h":
		return (i + n - 1) % n
	}
	return i
}

func toggle(b bool, km tea.KeyMsg) bool {
	switch km.String() {
	case " ", "left", "right", "y", "n":
		if km.String() == "y" {
			return true
		}
		if km.String() == "n" {
			return false
		}
		return !b
	}
	return b
}

func (f *form) updateAvail(km tea.KeyMsg) {
	switch km.String() {
	case "right", "l":
		f.availCursor = (f.availCursor + 1) % 14
	case "left", "h":
		f.availCursor = (f.availCursor + 13) % 14
	case " ", "x":
		f.avail ^= 1 << availBit(f.availCursor)
	case "a":
		if f.avail == store.AllDay {
			f.avail = 0
		} else {
			f.avail = store.AllDay
		}
	}
}

func (f *form) updateGroups(km tea.KeyMsg) {
	n := len(store.PriorityGroups)
	switch km.String() {
	case "right", "l":
		f.groupCursor = (f.groupCursor + 1) % n
	case "left", "h":
		f.groupCursor = (f.groupCursor + n - 1) % n
	case " ", "x":
		g := store.PriorityGroups[f.groupCursor]
		f.groups[g] = !f.groups[g]
	}
}
