package register

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

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

// Input limits: a paste of 10,000 characters is cut to these and the field says so.
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
	tried   bool // a save was attempted: show every problem
	cut     map[field]bool
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
// typed is kept, and whatever was left empty is taken from the record.
func (f *form) adopt(w store.Worker) {
	typed := f.worker()
	merged := w
	merged.Name = typed.Name
	if typed.Phone != "" {
		merged.Phone = typed.Phone
	}
	if typed.IDNumber != "" {
		merged.IDNumber = typed.IDNumber
	}
	if typed.BirthYear != 0 {
		merged.BirthYear = typed.BirthYear
	}
	if typed.CommunityID != 0 {
		merged.CommunityID = typed.CommunityID
	}
	if typed.Gender != "" {
		merged.Gender = typed.Gender
	}
	if typed.ExpectedPayFen > 0 {
		merged.ExpectedPayFen, merged.ExpectedPayUnit = typed.ExpectedPayFen, typed.ExpectedPayUnit
	}
	merged.Trades = typed.Trades
	for _, t := range w.Trades {
		if !hasTrade(merged.Trades, t.TradeID) {
			merged.Trades = append(merged.Trades, t)
		}
	}
	for _, g := range typed.Groups {
		if indexOf(merged.Groups, g) < 0 {
			merged.Groups = append(merged.Groups, g)
		}
	}
	merged.Insured = merged.Insured || typed.Insured
	merged.Consent = merged.Consent || typed.Consent
	if typed.Notes != "" && !strings.Contains(merged.Notes, typed.Notes) {
		merged.Notes = strings.TrimSpace(merged.Notes + " " + typed.Notes)
	}
	f.load(merged)
}

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
		if km.Paste || km.Type == tea.KeyRunes && len(km.Runes) > 1 {
			f.cut[f.focus] = utf8.RuneCountInString(before)+len(km.Runes) > in.CharLimit
		}
		if km.Type == tea.KeyRunes && fl != fNotes {
			km.Runes = []rune(valid.StripControls(string(km.Runes)))
		} else if km.Type == tea.KeyRunes {
			km.Runes = []rune(stripEscapes(string(km.Runes)))
		}
		*in, cmd = in.Update(km)
		if v := in.Value(); v != before {
			if clean := valid.StripControls(v); clean != v && f.focus != fNotes {
				in.SetValue(clean) // escapes and controls never stay in a field (notes keep inner spaces)
			}
			f.check(f.focus)
		}
	}
	return cmd, false
}

// stripEscapes drops escape sequences and controls but keeps the spaces between words of a note.
func stripEscapes(s string) string {
	var parts []string
	for _, w := range strings.Split(s, " ") {
		parts = append(parts, valid.StripControls(w))
	}
	return strings.Join(parts, " ")
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
	msg := f.errs[fl]
	if msg == "" {
		if f.cut[fl] {
			return f.c.T("reg.err.paste_cut")
		}
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

// view draws the form in two columns, each field's problem under it.
func (f *form) view(title string) string {
	s := f.c.Styles
	col := f.colWidth()
	left := f.column([]field{fName, fPhone, fTrades, fCommunity, fGender, fBirth, fIDNo}, col)
	right := f.column([]field{fPay, fUnit, fAvail, fGroups, fInsured, fChannel, fConsent, fNotes}, col)
	head := s.Title.Render(title) + "  " + s.Required.Render("*") + s.Subtle.Render(" "+strings.TrimPrefix(f.c.T("reg.form.required"), "* "))
	body := lipgloss.JoinHorizontal(lipgloss.Top, left, "   ", right)
	hint := f.hint()
	if hint != "" {
		hint = "\n" + s.Subtle.Render(ansi.Truncate(hint, f.width, "…"))
	}
	return head + "\n" + body + hint
}

func (f *form) hint() string {
	switch f.focus {
	case fTrades:
		return f.c.T("reg.hint.trades")
	case fGender, fUnit, fChannel, fInsured, fConsent:
		return f.c.T("reg.hint.choice")
	case fAvail:
		return f.c.T("reg.hint.avail")
	case fGroups:
		return f.c.T("reg.hint.groups")
	case fBirth:
		return f.c.T("reg.hint.birth")
	case fCommunity:
		return f.c.T("place.placeholder")
	}
	return ""
}

func (f *form) column(fields []field, width int) string {
	s := f.c.Styles
	var lines []string
	for _, fl := range fields {
		label := f.c.T(fieldKeys[fl])
		mark := " "
		if required[fl] {
			mark = s.Required.Render("*")
		}
		lab := s.Label
		if fl == f.focus {
			lab = s.Title
		}
		pad := max(labelWidth-1-lipgloss.Width(label), 1)
		prefix := lab.Render(label) + mark + strings.Repeat(" ", pad)
		if fl == f.focus {
			prefix = s.Title.Render("›") + prefix
		} else {
			prefix = " " + prefix
		}
		value := f.valueView(fl, width-labelWidth-1)
		vl := strings.Split(value, "\n")
		lines = append(lines, ansi.Truncate(prefix+vl[0], width, "…"))
		for _, more := range vl[1:] {
			lines = append(lines, ansi.Truncate(strings.Repeat(" ", labelWidth+1)+more, width, "…"))
		}
		if msg := f.shown(fl); msg != "" {
			st := s.Error
			if msg == f.c.T("reg.err.paste_cut") {
				st = s.Warning
			}
			for _, l := range strings.Split(lipgloss.NewStyle().Width(width-labelWidth-1).Render(msg), "\n") {
				lines = append(lines, strings.Repeat(" ", labelWidth+1)+st.Render(strings.TrimRight(l, " ")))
			}
		}
	}
	for i, l := range lines {
		if w := lipgloss.Width(l); w < width {
			lines[i] = l + strings.Repeat(" ", width-w)
		}
	}
	return strings.Join(lines, "\n")
}

func (f *form) valueView(fl field, width int) string {
	s := f.c.Styles
	focused := fl == f.focus
	switch fl {
	case fTrades:
		return f.trades.View()
	case fCommunity:
		return f.place.View()
	case fGender:
		return choices(s, width, focused, f.gender, f.c.T("reg.gender.none"), f.c.T("reg.gender.M"), f.c.T("reg.gender.F"))
	case fUnit:
		var opts []string
		for _, u := range store.PayUnits {
			opts = append(opts, f.c.T("unit."+string(u)))
		}
		return choices(s, width, focused, f.unit, opts...)
	case fChannel:
		var opts []string
		for _, ch := range channels {
			opts = append(opts, f.c.T("reg.channel."+string(ch)))
		}
		return choices(s, width, focused, f.channel, opts...)
	case fInsured:
		return choices(s, width, focused, boolIndex(f.insured), f.c.T("reg.no"), f.c.T("reg.yes"))
	case fConsent:
		return choices(s, width, focused, boolIndex(f.consent), f.c.T("reg.no"), f.c.T("reg.yes"))
	case fAvail:
		return f.availView(focused)
	case fGroups:
		return f.groupsView(focused, width)
	}
	return f.inputs[fl].View()
}

func boolIndex(b bool) int {
	if b {
		return 1
	}
	return 0
}

// choices shows every option with the current one marked: [男] 女; when they do not all
// fit, only the current one between arrows: < per day >.
func choices(s *common.Styles, width int, focused bool, cur int, opts ...string) string {
	var parts []string
	for i, o := range opts {
		switch {
		case i == cur && focused:
			parts = append(parts, s.RowActive.Render("["+o+"]"))
		case i == cur:
			parts = append(parts, "["+o+"]")
		default:
			parts = append(parts, s.Subtle.Render(o))
		}
	}
	if all := strings.Join(parts, " "); lipgloss.Width(all) <= width {
		return all
	}
	c := "< " + opts[cur] + " >"
	if focused {
		return s.RowActive.Render(c)
	}
	return c
}

// availView is two rows, mornings and afternoons, of the seven days; a day shown dim is not available.
func (f *form) availView(focused bool) string {
	s := f.c.Styles
	if f.avail == store.AllDay && !focused {
		return f.c.T("reg.avail.all")
	}
	var rows []string
	for half := range 2 {
		var b strings.Builder
		b.WriteString(f.c.T([]string{"reg.avail.am", "reg.avail.pm"}[half]) + " ")
		for d := range 7 {
			txt := f.c.T("reg.avail.day." + strconv.Itoa(d))
			cell := txt
			if f.avail&(1<<(2*d+half)) == 0 {
				cell = s.Subtle.Render(strings.Repeat(".", lipgloss.Width(txt)))
			}
			if focused && availBit(f.availCursor) == 2*d+half {
				cell = s.RowActive.Render(ansi.Strip(cell))
			}
			b.WriteString(cell)
		}
		rows = append(rows, b.String())
	}
	return strings.Join(rows, "\n")
}

// availBit maps the cursor (Monday to Sunday mornings, then afternoons) to the mask's bit.
func availBit(cursor int) int { return 2*(cursor%7) + cursor/7 }

func (f *form) groupsView(focused bool, width int) string {
	s := f.c.Styles
	if !focused {
		var names []string
		for _, g := range store.PriorityGroups {
			if f.groups[g] {
				names = append(names, f.c.T("reg.group."+g))
			}
		}
		if len(names) == 0 {
			return s.Subtle.Render("-")
		}
		return strings.Join(names, "·")
	}
	var lines []string
	cur, curW := "", 0
	for i, g := range store.PriorityGroups {
		mark := " "
		if f.groups[g] {
			mark = "✓"
		}
		cell := mark + f.c.T("reg.group."+g)
		if i == f.groupCursor {
			cell = s.RowActive.Render(cell)
		}
		w := lipgloss.Width(cell) + 1
		if curW > 0 && curW+w > width {
			lines = append(lines, cur)
			cur, curW = "", 0
		}
		if curW > 0 {
			cur += " "
		}
		cur += cell
		curW += w
	}
	return strings.Join(append(lines, cur), "\n")
}
