package jobs

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// preview is what a field's text means, shown beside it: the parsed start, the hourly pay.
func (f *form) preview(fl field) (string, bool) {
	cat := f.c.Cat
	switch fl {
	case fWhen:
		t, key := f.start()
		if key == "" { // the end typed with it shows at the duration
			return "→ " + cat.When(t, f.c.Clock()) + " " + cat.Weekday(t), false
		}
		return f.whyNot(fl, key)
	case fDur:
		d, key := f.duration()
		if key == "" {
			return f.durationPreview(d), false
		}
		return f.whyNot(fl, key)
	case fPay:
		fen, p := valid.ParseYuan(f.inputs[fPay].Value())
		if p != nil || valid.PayFen(fen) != nil {
			return "", false
		}
		d, key := f.duration()
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
	if focused {
		return f.over.View(f.inputs[fl], s.RowActive)
	}
	return f.inputs[fl].View()
}

// formBlock is the lines of one field, or of a section heading (fl -1), as the form draws them.
type formBlock struct {
	fl    field
	lines []string
}

// view draws the form in width × height, keeping the focused field in sight.
func (f *form) view() string {
	head := f.titleView()
	if c := f.copiedView(); c != "" && !f.leaving.Asking() && f.edge == "" {
		head = append(head, f.c.Styles.Subtle.Render(c))
	}
	if f.leaving.Asking() {
		head = append(head, f.c.Styles.Warning.Render(f.leaving.Question(f.c)))
	} else if f.edge != "" {
		head = append(head, f.c.Styles.Subtle.Render(f.c.T(f.edge)))
	}
	lw := f.labelWidth()
	var blocks []formBlock
	for fl := range fieldCount {
		if f.hidden(fl) {
			continue
		}
		if fl == fPhone {
			blocks = append(blocks, f.section("jobs.section.employer"))
		}
		if fl == fTrade {
			blocks = append(blocks, f.section("jobs.section.job"))
		}
		blocks = append(blocks, formBlock{fl: fl, lines: f.fieldView(fl, lw)})
	}
	return f.fit(head, blocks)
}

// titleView is the form's title and who is calling: a known employer with their record, or a new
// one. Warnings about the employer's wages that do not fit beside the name get a line of their own:
// a narrow counter screen must not cut them off.
func (f *form) titleView() []string {
	s := f.c.Styles
	title := f.c.T("jobs.form.new")
	if f.edit.ID != 0 {
		title = f.c.T("jobs.form.edit", f.edit.ID)
	}
	who := s.Subtle.Render(f.c.T("jobs.form.phone_first"))
	var flags []string
	if f.employer.ID != 0 {
		who = s.Good.Render(f.c.T("jobs.employer.known", f.employer.Name, f.record.Jobs))
		if f.record.Flagged() {
			flags = append(flags, s.Urgent.Render(f.c.T("jobs.employer.flag", f.record.Unpaid, f.record.Disputed)))
		}
		if f.rights.unpaidCases > 0 {
			flags = append(flags, s.Urgent.Render(f.c.T("rights.jobs.flag", f.rights.unpaidCases)))
		}
	} else if f.looked != "" && f.errs[fPhone] == "" {
		who = s.Warning.Render(f.c.T("jobs.employer.new"))
	}
	line := s.Title.Render(title) + "  " + who
	if len(flags) == 0 {
		return []string{line}
	}
	if all := line + " " + strings.Join(flags, " "); lipgloss.Width(all) <= f.width {
		return []string{all}
	}
	if w := strings.Join(flags, " "); lipgloss.Width(w) <= f.width {
		return []string{line, w}
	}
	return append([]string{line}, flags...)
}

func (f *form) section(key string) formBlock {
	return formBlock{fl: -1, lines: []string{f.c.Styles.Subtle.Render("── " + f.c.T(key) + " ──")}}
}

// fieldView is one field: its label (lw cells), its value, and its problem or what it means.
func (f *form) fieldView(fl field, lw int) []string {
	s := f.c.Styles
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
	room := max(f.width-len(indent), 20)
	if msg, ok := f.errs[fl]; ok {
		for _, l := range common.Wrap("✗ "+msg, room) { // a message is read whole, never cut
			out = append(out, indent+s.Error.Render(l))
		}
	} else if p, warn := f.preview(fl); p != "" {
		if warn {
			for _, l := range common.Wrap("⚠ "+p, room) {
				out = append(out, indent+s.Warning.Render(l))
			}
		} else if lipgloss.Width(out[0])+2+lipgloss.Width(p) <= f.width {
			out[0] += "  " + s.Subtle.Render(p)
		} else { // beside the field it would be cut: under it, whole
			for _, l := range common.Wrap(p, room) {
				out = append(out, indent+s.Subtle.Render(l))
			}
		}
	}
	return out
}

// fit scrolls the blocks under head so the focused field's block is in view, cut to the width.
func (f *form) fit(head []string, blocks []formBlock) string {
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

// whyNot is, while a time is typed, why it cannot be read yet: shown as it is typed, not only
// when the field is left ("tom 9" never leaves the clerk guessing).
func (f *form) whyNot(fl field, key string) (string, bool) {
	if f.focus != fl || strings.TrimSpace(f.inputs[fl].Value()) == "" {
		return "", false
	}
	return f.c.T("err." + key), true
}
