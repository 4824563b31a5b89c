package board

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// columns are the widths of one row's cells, laid out by common.Layout: fixed columns for the
// id, how full and how long waited; the trade, community, start and pay grow to their widest
// text (the trade and community up to a cap, so one long name does not push the rest off); the
// sub-district joins when there is room for it once everything else fits. The rest is margin.
type columns struct {
	id, trade, place, sub, when, pay, filled, waited, urgent int
	payShort                                                 int  // measured only: the widest short pay
	shortPay                                                 bool // the full pay does not fit: ¥350 fixed, not ¥350.00 (fi…
}

// measure is the widest text of each column over the loaded jobs; it runs when a load
// arrives, not in View.
func (m *Model) measure() columns {
	var n columns
	for i := range m.all {
		r := &m.all[i]
		j := &r.job
		n.id = max(n.id, len(strconv.FormatInt(j.ID, 10))+1)
		n.trade = max(n.trade, lipgloss.Width(m.c.Cat.TradeName(m.c.Records, j.TradeID)))
		n.place = max(n.place, lipgloss.Width(m.c.Records.PlaceName(j.CommunityID)))
		n.sub = max(n.sub, lipgloss.Width(m.c.Records.PlaceName(r.sub)))
		n.pay = max(n.pay, lipgloss.Width(m.c.Cat.Pay(j.PayFen, j.PayUnit)))
		n.payShort = max(n.payShort, lipgloss.Width(m.c.Cat.PayShort(j.PayFen, j.PayUnit)))
		n.when = max(n.when, lipgloss.Width(m.c.Cat.WhenEnd(j.StartsAt.In(m.now.Location()), j.Duration, m.now)))
	}
	return n
}

func (m *Model) columns() columns {
	t := m.c.T
	head := func(key string, least int) int { return max(lipgloss.Width(t(key)), least) }
	fixed := func(w int) common.Column { return common.Column{Min: w, Need: w} }
	when := 16
	if !m.c.Cat.Zh() {
		when = 15
	}
	cols := []common.Column{
		fixed(head("board.col.id", m.need.id)),
		{Min: 8, Max: 22, Need: max(m.need.trade, lipgloss.Width(t("board.col.trade")))},
		{Min: 8, Max: 24, Need: max(m.need.place, lipgloss.Width(t("board.col.place")))},
		{Min: when, Max: 27, Need: m.need.when}, // a night job shows its end: 今天 22:00–次日02:00
		{Min: 12, Need: max(m.need.pay, lipgloss.Width(t("board.col.pay")))},
		fixed(head("board.col.filled", 5)), fixed(head("board.col.waited", 6)),
		fixed(max(head("board.col.urgent", 2), lipgloss.Width(t("board.urgent")))),
	}
	total := m.width - 3 // the cursor and changed marks
	w := common.Layout(cols, total, 1)
	short := w[4] < m.need.pay
	if short { // the full pay does not fit: the short one, and its room goes to the others (a night job's end)
		cols[4] = common.Column{Min: 8, Need: max(m.need.payShort, lipgloss.Width(t("board.col.pay")))}
		w = common.Layout(cols, total, 1)
	}
	c := columns{id: w[0], trade: w[1], place: w[2], when: w[3], pay: w[4], filled: w[5], waited: w[6], urgent: w[7]}
	used := len(w) - 1
	for _, x := range w {
		used += x
	}
	need := max(m.need.sub, lipgloss.Width(t("board.col.sub")))
	if total-used < min(need, 8)+1 { // no room for the sub-district beside everything else
		c.shortPay = short
		return c
	}
	sub := common.Column{Min: min(need, 8), Max: 14, Need: need}
	cols = append(cols[:3], append([]common.Column{sub}, cols[3:]...)...)
	w = common.Layout(cols, total, 1)
	return columns{id: w[0], trade: w[1], place: w[2], sub: w[3], when: w[4], pay: w[5], filled: w[6], waited: w[7], urgent: w[8],
		shortPay: short || w[5] < m.need.pay}
}

func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(m.titleLine() + "\n")
	if line := common.DoorCountLine(m.c, m.fairs, m.width); line != "" {
		b.WriteString(s.Good.Render(line) + "\n")
	}
	b.WriteString(m.filterLine() + "\n")
	cols := m.columns()
	b.WriteString(s.Label.Render(m.headerLine(cols)) + "\n")
	switch {
	case m.err != "" && !m.loaded:
		b.WriteString(s.Error.Render(m.err))
	case !m.loaded:
		b.WriteString(s.Subtle.Render(m.c.T("status.loading")))
	case len(m.all) == 0:
		b.WriteString(s.Subtle.Render(m.c.T("board.empty")))
	case len(m.shown) == 0:
		b.WriteString(s.Subtle.Render(m.c.T("board.none_match")))
	default:
		end := min(m.offset+m.visible(), len(m.shown))
		for i := m.offset; i < end; i++ {
			b.WriteString(m.rowLine(&m.all[m.shown[i]], cols, i == m.cursor))
			if i < end-1 {
				b.WriteByte('\n')
			}
		}
	}
	return b.String()
}

func (m *Model) titleLine() string {
	s := m.c.Styles
	left := s.Title.Render(m.c.T("board.title")) + "  " + m.c.T("board.count", len(m.shown), m.wanted)
	if len(m.shown) != len(m.all) {
		left += s.Subtle.Render(" " + m.c.T("board.of_all", len(m.all)))
	}
	var right string
	switch {
	case m.watcher == nil || m.pollErr:
		right = s.Warning.Render(m.c.T("board.not_live"))
	default:
		right = s.Good.Render("● "+m.c.T("board.live")) + s.Subtle.Render(" "+m.loadedAt.Format("15:04:05"))
	}
	if len(m.shown) > 0 {
		right = s.Subtle.Render(m.c.T("board.position", m.cursor+1, len(m.shown))) + "  " + right
	}
	gap := m.width - lipgloss.Width(left) - lipgloss.Width(right)
	if gap < 1 {
		return ansi.Truncate(left+" "+right, m.width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

func (m *Model) filterLine() string {
	s := m.c.Styles
	value := func(on bool, v string) string {
		if on {
			return s.Changed.Render(v)
		}
		return v
	}
	tradeName, subName := m.c.T("board.all"), m.c.T("board.all")
	if m.trade != 0 {
		tradeName = m.c.Cat.TradeName(m.c.Records, m.trade)
	}
	if m.sub != 0 {
		subName = m.c.Records.PlaceName(m.sub)
	}
	urgent := m.c.T("board.no")
	if m.urgent {
		urgent = m.c.T("board.yes")
	}
	parts := []string{
		m.c.T("board.f.trade") + value(m.trade != 0, tradeName),
		m.c.T("board.f.area") + value(m.sub != 0, subName),
		m.c.T("board.f.day") + value(m.day != anyDay, m.c.T(dayKeys[m.day])),
		m.c.T("board.f.urgent") + value(m.urgent, urgent),
	}
	line := strings.Join(parts, "  ")
	var search string
	switch {
	case m.typing:
		search = s.Label.Render("/ ") + m.search.View()
	case m.search.Value() != "":
		search = s.Label.Render("/ ") + s.Changed.Render(m.search.Value())
	default:
		search = s.Subtle.Render(m.c.T("board.search.hint"))
	}
	gap := m.width - lipgloss.Width(line) - lipgloss.Width(search)
	if gap < 2 {
		// narrow: the search box wins the room it needs; the filters are cut
		line = ansi.Truncate(line, max(m.width-lipgloss.Width(search)-2, 10), "…")
		gap = max(m.width-lipgloss.Width(line)-lipgloss.Width(search), 1)
	}
	return line + strings.Repeat(" ", gap) + search
}

func (m *Model) headerLine(c columns) string {
	t := m.c.T
	parts := []string{"   " + common.Cell(t("board.col.id"), c.id), common.Cell(t("board.col.trade"), c.trade), common.Cell(t("board.col.place"), c.place)}
	if c.sub > 0 {
		parts = append(parts, common.Cell(t("board.col.sub"), c.sub))
	}
	parts = append(parts, common.Cell(t("board.col.when"), c.when), common.Cell(t("board.col.pay"), c.pay),
		common.CellRight(t("board.col.filled"), c.filled), common.CellRight(t("board.col.waited"), c.waited), common.Cell(t("board.col.urgent"), c.urgent))
	return common.Cell(strings.Join(parts, " "), m.width)
}

func (m *Model) rowLine(r *row, c columns, active bool) string {
	s := m.c.Styles
	j := &r.job
	cat := m.c.Cat
	mark := " "
	if active {
		mark = "▸"
	}
	if m.now.Sub(j.UpdatedAt) < ChangedFor {
		mark += s.Changed.Render("●") + " "
	} else {
		mark += "  "
	}
	parts := []string{common.Cell("#"+strconv.FormatInt(j.ID, 10), c.id), common.Cell(m.c.Cat.TradeName(m.c.Records, j.TradeID), c.trade), common.Cell(m.c.Records.PlaceName(j.CommunityID), c.place)}
	if c.sub > 0 {
		parts = append(parts, common.Cell(m.c.Records.PlaceName(r.sub), c.sub))
	}
	parts = append(parts, common.Cell(cat.WhenEnd(j.StartsAt.In(m.now.Location()), j.Duration, m.now), c.when), common.Cell(payText(cat, j, c.shortPay), c.pay),
		common.CellRight(strconv.Itoa(j.Filled)+"/"+strconv.Itoa(j.Headcount), c.filled), common.CellRight(m.waited(m.now.Sub(j.CreatedAt)), c.waited))
	urgent := common.Cell("", c.urgent)
	if j.Urgent {
		urgent = common.Cell(m.c.T("board.urgent"), c.urgent)
	}
	line := strings.Join(parts, " ") + " "
	switch {
	case active:
		return mark + s.RowActive.Render(common.Cell(line+urgent, m.width-3))
	case j.Urgent:
		return mark + common.Cell(line+s.Urgent.Render(urgent), m.width-3)
	}
	return mark + common.Cell(line+urgent, m.width-3)
}

// payText is a job's pay, short when the column is too narrow for the full form.
func payText(cat *i18n.Catalog, j *store.Job, short bool) string {
	if short {
		return cat.PayShort(j.PayFen, j.PayUnit)
	}
	return cat.Pay(j.PayFen, j.PayUnit)
}

// waited is how long a job has been waiting, in the largest whole unit.
func (m *Model) waited(d time.Duration) string {
	switch {
	case d < time.Minute:
		return m.c.T("board.waited.now")
	case d < time.Hour:
		return m.c.T("board.waited.min", int(d/time.Minute))
	case d < 48*time.Hour:
		return m.c.T("board.waited.hour", int(d/time.Hour))
	}
	return m.c.T("board.waited.day", int(d/(24*time.Hour)))
}
