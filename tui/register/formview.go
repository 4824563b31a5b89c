package register

import (
	"strconv"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
)

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
			if f.cut[fl] {
				st = s.Warning
			}
			for _, l := range common.Wrap(msg, width-labelWidth-1) {
				lines = append(lines, strings.Repeat(" ", labelWidth+1)+st.Render(l))
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
