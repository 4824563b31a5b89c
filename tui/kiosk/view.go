package kiosk

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/tui/common"
)

func (m *Model) View() string {
	w, h := max(m.width, 20), max(m.height, 5)
	lines := make([]string, 0, h)
	lines = append(lines, m.titleLine(w), m.fairLine(w), m.statsLine(w), "")
	body := h - chromeRows + 1 // the header line is part of the body here
	switch {
	case !m.loaded && m.err != "":
		lines = append(lines, m.c.Styles.Error.Render(m.c.T("kiosk.error", m.err)))
	case !m.loaded:
		lines = append(lines, m.c.T("kiosk.loading"))
	case len(m.board.Jobs) == 0:
		lines = append(lines, "", center(m.c.Styles.KioskRow.Render(m.c.T("kiosk.empty")), w))
	default:
		lines = append(lines, m.jobLines(w)...)
	}
	for len(lines) < 4+body {
		lines = append(lines, "")
	}
	lines = lines[:4+body]
	lines = append(lines, "", m.tickerLine(w), m.helpLine(w))
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	if len(lines) > h {
		lines = lines[:h]
	}
	return strings.Join(lines, "\n")
}

// bar renders left and right in style across the whole width.
func bar(style lipgloss.Style, left, right string, w int) string {
	gap := w - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		left = ansi.Truncate(left, max(w-lipgloss.Width(right)-1, 0), "…")
		gap = max(w-lipgloss.Width(left)-lipgloss.Width(right), 0)
	}
	return style.Render(left + strings.Repeat(" ", gap) + right)
}

func center(s string, w int) string {
	return strings.Repeat(" ", max((w-lipgloss.Width(s))/2, 0)) + s
}

func (m *Model) titleLine(w int) string {
	name := m.board.StationName
	if name == "" {
		name = m.c.T("app.name")
	}
	left := " " + name + " · " + m.c.T("kiosk.title")
	if m.board.StationPhone != "" {
		left += "   " + m.c.T("kiosk.phone", m.board.StationPhone)
	}
	now := m.c.Clock()
	right := m.c.Cat.Date(now) + " " + now.Format("15:04") + " "
	return bar(m.c.Styles.KioskTitle, left, right, w)
}

// fairLine is today's fair and how many are in at its door, on the line under the title;
// blank when no fair is on.
func (m *Model) fairLine(w int) string {
	if line := common.DoorCountLine(m.c, m.fairs, w-2); line != "" {
		return " " + m.c.Styles.KioskStat.Render(line)
	}
	return ""
}

func (m *Model) statsLine(w int) string {
	s := m.c.Styles
	left := " " + s.KioskStat.Render(m.c.T("kiosk.filled_today", m.board.FilledToday)) + "   " +
		s.KioskRow.Render(m.c.T("kiosk.open", len(m.board.Jobs), m.wanted))
	right := m.c.T("kiosk.page", m.page+1, m.pages()) + " "
	return bar(lipgloss.NewStyle(), left, right, w)
}

func (m *Model) jobLines(w int) []string {
	st := m.c.Styles
	t := m.c.T
	c := m.cols
	gap := strings.Repeat(" ", c.gap)
	head := "  " + strings.Join([]string{common.Cell(t("kiosk.col.no"), c.no), common.Cell(t("kiosk.col.trade"), c.trade),
		common.Cell(t("kiosk.col.where"), c.where), common.Cell(t("kiosk.col.when"), c.when), common.Cell(t("kiosk.col.pay"), c.pay),
		common.Cell(t("kiosk.col.need"), c.need)}, gap)
	lines := []string{st.KioskHead.Render(common.Cell(head, w))}
	per := m.perPage()
	from := m.page * per
	to := min(from+per, len(m.board.Jobs))
	now := m.c.Clock()
	for i := from; i < to; i++ {
		j := m.board.Jobs[i]
		style := st.KioskRow
		if (i-from)%2 == 1 {
			style = st.KioskRowAlt
		}
		x := m.cells(j, now)
		line := "  " + strings.Join([]string{
			style.Render(common.Cell(x.no, c.no)),
			style.Render(common.Cell(x.trade, c.trade)),
			style.Render(common.Cell(x.where, c.where)),
			style.Render(common.Cell(x.when, c.when)),
			st.KioskPay.Render(common.Cell(x.pay, c.pay)),
			style.Render(common.Cell(x.need, c.need)),
		}, gap)
		if j.Urgent {
			line += gap + st.KioskUrgent.Render(" "+t("kiosk.urgent")+" ")
		}
		lines = append(lines, line)
		for range m.rowHeight() - 1 {
			lines = append(lines, "")
		}
	}
	return lines
}

// tickerLine runs through today's filled jobs, starting at the current one, as far as fits.
func (m *Model) tickerLine(w int) string {
	t := m.c.T
	label := " " + t("kiosk.just_filled") + " "
	fills := m.board.JustFilled
	if len(fills) == 0 {
		return bar(m.c.Styles.KioskTicker, label+t("kiosk.none_filled"), "", w)
	}
	var items []string
	for k := range fills {
		f := fills[(m.ticker+k)%len(fills)]
		where := m.rec.PlaceName(f.CommunityID)
		items = append(items, t("kiosk.fill_item", m.c.Cat.TradeName(m.rec, f.TradeID), where, t("kiosk.kind."+string(f.EmployerKind)),
			f.Headcount, f.FilledAt.In(m.c.Store.Location()).Format("15:04")))
	}
	return bar(m.c.Styles.KioskTicker, label+strings.Join(items, "   ◆ "), "", w)
}

func (m *Model) helpLine(w int) string {
	exit := m.c.T("kiosk.exit_hint")
	if m.Armed() {
		exit = m.c.T("kiosk.exit_armed")
	}
	return bar(m.c.Styles.KioskFoot, " "+m.c.T("kiosk.ask"), exit+" ", w)
}

// Text is every piece of text the door screen can show from its data, whatever page or
// ticker position is on screen; the privacy test checks it too.
func (m *Model) Text() string {
	saveP, saveT, saveW := m.page, m.ticker, m.width
	defer func() { m.page, m.ticker, m.width = saveP, saveT, saveW }()
	var b strings.Builder
	m.width = 1000
	m.layout()
	defer m.layout()
	for p := range m.pages() {
		m.page = p
		b.WriteString(ansi.Strip(m.View()) + "\n")
	}
	return b.String()
}
