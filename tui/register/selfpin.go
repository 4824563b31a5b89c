package register

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
)

// The worker's self-service on their page: z sets (or resets, which also opens a lock-out) the
// 4-digit PIN the worker uses at the terminal (gigdesk self); Ctrl+K confirms a record the
// worker pre-registered there, after staff have completed it. Both are one question each,
// asked with the rights questions' prompt.

// selfKey handles the page's self-service keys; ok is false for other keys.
func (p *pageModel) selfKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	switch msg.String() {
	case "z":
		q := &rightsAsk{typed: true, p: prompt.New(p.c, prompt.Spec{Label: "register.self.ask_pin", Warn: true, Limit: store.SelfPINLen,
			Check: func(a prompt.Answer) string {
				if err := store.ValidSelfPIN(a.Text); err != nil {
					return p.c.Cat.Err(err)
				}
				return ""
			}})}
		q.answer = func(a prompt.Answer) tea.Cmd {
			p.rs.ask = nil
			return setSelfPINCmd(p.c, p.w.ID, a.Text)
		}
		p.rs.ask = q
		return q.p.Focus(), true
	case "ctrl+k":
		if !p.self.Unconfirmed {
			return nil, false
		}
		p.rs.ask = &rightsAsk{p: prompt.New(p.c, prompt.Spec{Label: "register.self.ask_confirm", Kind: prompt.Confirm, Warn: true}),
			answer: func(a prompt.Answer) tea.Cmd {
				p.rs.ask = nil
				if !a.Yes {
					return nil
				}
				return confirmSelfCmd(p.c, p.w.ID)
			}}
		return nil, true
	}
	return nil, false
}

// selfView is the page's self-service line: shown once the worker has a PIN, is locked out
// or is waiting to be confirmed.
func (p *pageModel) selfView() string {
	c, s, st := p.c, p.c.Styles, p.self
	switch {
	case st.Unconfirmed:
		return s.Warning.Render(c.T("register.self.unconfirmed")) + "\n"
	case st.Locked:
		return common.Cell(s.Label.Render(c.T("register.self.pin")), 10) + " " + s.Error.Render(c.T("register.self.locked")) + "\n"
	case st.HasPIN:
		return common.Cell(s.Label.Render(c.T("register.self.pin")), 10) + " " + c.T("register.self.set") + "\n"
	}
	return ""
}

func setSelfPINCmd(c *common.Common, wid int64, pin string) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		return doneMsg{text: c.T("register.self.pin_saved"), err: s.SetSelfPIN(ctx, staff, wid, pin)}
	}
}

func confirmSelfCmd(c *common.Common, wid int64) tea.Cmd {
	s, ctx, staff := c.Store, c.Ctx, c.Staff.ID
	return func() tea.Msg {
		return doneMsg{text: c.T("register.self.confirmed"), err: s.ConfirmWorker(ctx, staff, wid)}
	}
}
