package match

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/caseform"
)

// openCase opens the rights-case form for a dispatch; unpaid wages offer what is still owed.
func (p *listPane) openCase(d store.Dispatch) tea.Cmd {
	owed := d.AgreedPayFen
	if d.Paid {
		owed = max(d.AgreedPayFen-d.PaidFen, 0)
	}
	about := p.c.T("rights.open.dispatch", d.ID, valid.MaskName(d.WorkerName), d.EmployerName)
	p.caseF = caseform.New(p.c, store.RightsCase{DispatchID: d.ID}, about, owed)
	p.caseF.SetWidth(p.width)
	return p.caseF.Focus()
}

// caseKey drives the rights-case form; Ctrl+S (or Enter on the last field) saves it.
func (p *listPane) caseKey(msg tea.KeyMsg) tea.Cmd {
	cmd, res := p.caseF.Update(msg)
	switch res {
	case caseform.Cancel:
		p.caseF = nil
	case caseform.Submit:
		c, ok := p.caseF.Case()
		if !ok {
			return nil
		}
		s, ctx, staff := p.c.Store, p.c.Ctx, p.c.Staff.ID
		return func() tea.Msg {
			c, err := s.OpenCase(ctx, staff, c)
			return caseMsg{c: c, err: err}
		}
	}
	return cmd
}

// caseSaved closes the form once the case is saved; a refusal shows at its field.
func (p *listPane) caseSaved(msg caseMsg) tea.Cmd {
	if p.caseF == nil {
		return nil
	}
	if msg.err != nil {
		p.caseF.SetError(msg.err) // at its field, with what was typed
		return nil
	}
	p.caseF = nil
	return tea.Batch(common.Status(p.c.T("rights.opened", msg.c.ID), false), func() tea.Msg { return common.ChangedMsg{} })
}
