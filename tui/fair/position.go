package fair

import (
	"strconv"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
)

var (
	unitKeys = []string{"unit.month", "unit.day"}
	units    = []store.PayUnit{store.PerMonth, store.PerDay}
	termKeys = []string{"fair.term.long", "fair.term.gig"}
	terms    = []store.Term{store.LongTerm, store.GigTerm}
)

// positionForm is a position of firm: what the firm offers, checked on saving as a job is
// (guide pay, minimum wage, words a posting may not carry: the store asks for a reason).
func (m *Model) positionForm(firm store.EventFirm) tea.Cmd {
	f := newForm(m.c, m.c.T("fair.form.position", firm.Name))
	f.text("fair.f.title", 40, "", true)
	f.trade("fair.f.trade", false)
	f.text("fair.f.headcount", 4, "", true)
	f.choice("fair.f.unit", unitKeys, 0)
	f.text("fair.f.pay_min", 12, "", true)
	f.text("fair.f.pay_max", 12, "", false)
	f.choice("fair.f.term", termKeys, 0)
	f.text("fair.f.requirements", 500, "", false)
	f.setWidth(m.width)
	m.form, m.review = f, store.JobReview{}
	m.onSave = func() tea.Cmd {
		p := store.Position{FirmID: firm.ID, Title: f.fields[0].value(), TradeID: f.fields[1].trades.Value(),
			PayUnit: units[f.fields[3].choice], Term: terms[f.fields[6].choice], Requirements: f.fields[7].value(), Review: m.review}
		n, err := strconv.Atoi(f.fields[2].value())
		if err != nil {
			return f.fail(m.c.T("err.headcount.range"), "fair.f.headcount")
		}
		p.Headcount = n
		var prob *valid.Problem
		if p.PayMinFen, prob = valid.ParseYuan(f.fields[4].value()); prob != nil {
			return f.fail(m.c.Cat.Err(prob), "fair.f.pay_min")
		}
		if v := f.fields[5].value(); v != "" {
			if p.PayMaxFen, prob = valid.ParseYuan(v); prob != nil {
				return f.fail(m.c.Cat.Err(prob), "fair.f.pay_max")
			}
		}
		s, ctx, staff := m.c.Store, m.c.Ctx, m.c.Staff.ID
		return m.write(m.c.T("fair.saved.position", p.Title), func(m *Model) tea.Cmd {
			m.form = nil
			return nil
		}, func() error {
			_, err := s.AddPosition(ctx, staff, p)
			return err
		})
	}
	return f.focusOn(0)
}
