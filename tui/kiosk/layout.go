package kiosk

import (
	"strconv"
	"time"

	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
)

// layout: title, blank, stats, blank, header, rows…, blank, ticker, help.
const chromeRows = 8

func (m *Model) rowHeight() int {
	if m.height >= 40 {
		return 3 // a tall screen: rows with room around them read better from afar
	}
	return 2
}

func (m *Model) perPage() int { return max((m.height-chromeRows)/m.rowHeight(), 1) }

func (m *Model) pages() int {
	n := len(m.board.Jobs)
	if n == 0 {
		return 1
	}
	return (n + m.perPage() - 1) / m.perPage()
}

func (m *Model) clampPage() {
	if m.page >= m.pages() {
		m.page = 0
	}
}

// columns of a job row: number, trade, where (community and employer kind), when, pay, wanted,
// the urgent tag, and the gap between cells. Worked out on load and resize, never in View.
type columns struct{ no, trade, where, when, pay, need, urgent, gap int }

// cells is one job row's texts.
type cells struct{ no, trade, where, when, pay, need string }

func (m *Model) cells(j store.PublicJob, now time.Time) cells {
	t := m.c.T
	where := m.rec.PlaceName(j.CommunityID)
	if kind := t("kiosk.kind." + string(j.EmployerKind)); where != "" {
		where += " · " + kind
	} else {
		where = kind
	}
	return cells{no: strconv.FormatInt(j.ID, 10), trade: m.c.Cat.TradeName(m.rec, j.TradeID), where: where,
		when: m.c.Cat.WhenEnd(j.StartsAt.In(now.Location()), j.Duration, now), pay: m.c.Cat.Pay(j.PayFen, j.PayUnit), need: t("kiosk.need", j.Wanted())}
}

// layout sizes the columns to what the loaded jobs need, then shrinks the widest cells to fit
// the screen, or spreads spare room between the cells of a wide screen.
func (m *Model) layout() {
	t := m.c.T
	hw := func(key string) int { return lipgloss.Width(t(key)) }
	c := columns{no: hw("kiosk.col.no"), trade: hw("kiosk.col.trade"), where: hw("kiosk.col.where"), when: hw("kiosk.col.when"),
		pay: hw("kiosk.col.pay"), need: hw("kiosk.col.need"), urgent: lipgloss.Width(t("kiosk.urgent")) + 2, gap: 1}
	now := m.c.Clock()
	for _, j := range m.board.Jobs {
		x := m.cells(j, now)
		c.no = max(c.no, lipgloss.Width(x.no))
		c.trade = max(c.trade, lipgloss.Width(x.trade))
		c.where = max(c.where, lipgloss.Width(x.where))
		c.when = max(c.when, lipgloss.Width(x.when))
		c.pay = max(c.pay, lipgloss.Width(x.pay))
		c.need = max(c.need, lipgloss.Width(x.need))
	}
	sum := func() int { return 2 + c.no + c.trade + c.where + c.when + c.pay + c.need + c.urgent + 6*c.gap }
	// too wide: give up room where a cut hurts least, down to a floor each
	for _, s := range []struct {
		w     *int
		floor int
	}{{&c.where, 16}, {&c.trade, 12}, {&c.pay, 11}, {&c.where, 10}, {&c.trade, 8}, {&c.when, 10}} {
		if over := sum() - m.width; over > 0 && *s.w > s.floor {
			*s.w -= min(over, *s.w-s.floor)
		}
	}
	if spare := m.width - sum(); spare > 0 {
		c.gap += min(spare/7, 5)
	}
	m.cols = c
}
