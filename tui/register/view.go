package register

import (
	"strings"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// View renders the view the screen is in; each sub-model draws its own.
func (m *Model) View() string {
	switch m.mode {
	case modeForm, modeDiscard:
		return m.formView()
	case modeDup:
		return m.dup.view(m.width)
	case modeCard:
		return m.card.view()
	case modePage:
		return m.page.view()
	case modeVisit:
		return m.visit.view(m.nameOf(m.visit.worker))
	}
	return m.search.view()
}

// formView is the form under its title, with the discard question or the save in flight.
func (m *Model) formView() string {
	title := m.c.T("reg.form.new")
	if m.form.id != 0 {
		title = m.c.T("reg.form.edit", m.form.id)
	}
	v := m.form.view(title)
	if m.mode == modeDiscard {
		v += "\n" + m.c.Styles.Warning.Render(m.c.T("form.discard"))
	}
	if m.saving {
		v += "\n" + m.c.Styles.Subtle.Render(m.c.T("reg.saving"))
	}
	return v
}

// nameOf is worker id's name as the page or the list holds it.
func (m *Model) nameOf(id int64) string {
	if m.page.w.ID == id && m.page.w.Name != "" {
		return m.page.w.Name
	}
	return m.search.listedName(id)
}

// tradeNames is a worker's trades in the staff member's language.
func tradeNames(c *common.Common, ts []store.WorkerTrade) string {
	var names []string
	for _, t := range ts {
		if name := c.Cat.TradeName(c.Records, t.TradeID); name != "" {
			names = append(names, name)
		}
	}
	return strings.Join(names, "·")
}

// workerLine is one worker on a line, phone masked.
func workerLine(c *common.Common, w store.Worker) string {
	born := c.T("reg.born.unknown")
	if w.BirthYear != 0 {
		born = c.T("reg.born", w.BirthYear)
	}
	return c.T("reg.dup.line", w.ID, w.Name, born, valid.MaskPhone(w.Phone), tradeNames(c, w.Trades))
}
