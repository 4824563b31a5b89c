package board

import (
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/tui/common"
)

// columns are the widths of one row's cells. At 80 columns pay gets 12 cells and trade and
// community share what is left; wide, pay first gets its full width, then the sub-district,
// trade and community take what they need up to a cap each, so no column sprawls.
// placeCap is the most cells a community name gets: the longest names fit, the rest of a wide
// screen is left as margin rather than stretching the row apart.
const placeCap = 24

type columns struct {
	id, trade, place, sub, when, pay, filled, waited, urgent int
}

func (m *Model) columns() columns {
	t := m.c.T
	w := func(key string, least int) int { return max(lipgloss.Width(t(key)), least) }
	c := columns{id: w("board.col.id", m.idWidth+1), when: 16, pay: 12, filled: w("board.col.filled", 5),
		waited: w("board.col.waited", 6), urgent: max(w("board.col.urgent", 2), lipgloss.Width(t("board.urgent")))}
	if !m.c.Cat.Zh() {
		c.when = 15
	}
	c.when = max(c.when, min(m.whenWidth, 27))                              // a night job shows its end: 今天 22:00–次日02:00
	fixed := 3 + c.id + c.when + c.pay + c.filled + c.waited + c.urgent + 7 // marks and gaps
	flex := max(m.width-fixed, 16)
	if flex >= 44 { // wide: show the sub-district too
		if need := max(m.payWidth, lipgloss.Width(t("board.col.pay"))); need > c.pay && flex-(need-c.pay) >= 44 {
			flex -= need - c.pay
			c.pay = need
		}
		c.sub = min(flex/4, 14)
		flex -= c.sub + 1
	}
	c.trade = min(max(flex*2/5, 8), 22)
	c.place = min(flex-c.trade-1, placeCap)
	return c
}

func (m *Model) View() string {
	s := m.c.Styles
	var b strings.Builder
	b.WriteString(m.titleLine() + "\n")
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
	parts = append(parts, common.Cell(cat.WhenEnd(j.StartsAt.In(m.now.Location()), j.Duration, m.now), c.when), common.Cell(cat.Pay(j.PayFen, j.PayUnit), c.pay),
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
