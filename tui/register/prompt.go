package register

import (
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
)

// The one-line questions of the worker's page, asked with tui/widget/prompt: the reason for a
// pause or a leave, and the rights questions (a typed wish, or a digit picking a wish or an offer).

// reasonPrompt asks why a worker pauses or leaves; leaving needs a reason.
type reasonPrompt struct {
	c      *common.Common
	open   bool
	to     store.WorkerStatus
	p      *prompt.Prompt
	reason string // as check cleaned it
	width  int
}

func newReasonPrompt(c *common.Common) reasonPrompt { return reasonPrompt{c: c} }

func (r *reasonPrompt) setWidth(w int) {
	r.width = max(min(w-10, 60), 10)
	if r.p != nil {
		r.p.SetWidth(r.width)
	}
}

// ask opens the prompt, empty, for a change to status to.
func (r *reasonPrompt) ask(to store.WorkerStatus) tea.Cmd {
	label := "reg.reason.pause"
	if to == store.Left {
		label = "reg.reason.leave"
	}
	r.to, r.open, r.reason = to, true, ""
	r.p = prompt.New(r.c, prompt.Spec{Label: label, Warn: true, Below: true, Mark: "› ", Clean: valid.KeyText, Check: r.check})
	r.p.SetWidth(r.width)
	return r.p.Focus()
}

// check refuses a reason too long, or none for a leave.
func (r *reasonPrompt) check(a prompt.Answer) string {
	reason, p := valid.Text("status_reason", a.Text, 200)
	if p != nil {
		return r.c.Cat.Err(&store.Error{Code: store.Invalid, Key: p.Key})
	}
	if r.to == store.Left && reason == "" {
		return "reg.reason.leave"
	}
	r.reason = reason
	return ""
}

// key handles a key while the prompt is open; ok reports a reason given (the prompt closes).
func (r *reasonPrompt) key(msg tea.KeyMsg) (cmd tea.Cmd, reason string, ok bool) {
	cmd, res := r.p.Update(msg)
	if res == prompt.Asking {
		return cmd, "", false
	}
	r.open, r.p = false, nil
	if res == prompt.Cancelled {
		return nil, "", false
	}
	return nil, r.reason, true
}

func (r *reasonPrompt) view() string { return "\n" + r.p.View() }

// rightsAsk is the rights question open on the page and what its answer does.
type rightsAsk struct {
	p      *prompt.Prompt
	typed  bool // a wish being typed: the page takes every key
	answer func(prompt.Answer) tea.Cmd
}

// askWish asks for a new training wish; it stays, with what was typed, until the store takes it.
func (p *pageModel) askWish() tea.Cmd {
	q := &rightsAsk{typed: true, p: prompt.New(p.c, prompt.Spec{Label: "rights.reg.wish.ask", Warn: true, Limit: 60})}
	q.answer = func(prompt.Answer) tea.Cmd { return addWishCmd(p.c, p.w.ID, q.p.Value()) }
	p.rs.ask = q
	return q.p.Focus()
}

// askPick asks for a digit 1–9 and does with the n-th what pick says; any other key leaves.
func (p *pageModel) askPick(label string, count func() int, pick func(n int) tea.Cmd) {
	keys := []string{"1", "2", "3", "4", "5", "6", "7", "8", "9"}
	p.rs.ask = &rightsAsk{p: prompt.New(p.c, prompt.Spec{Label: label, Kind: prompt.Choice, Keys: keys, Warn: true, Leave: true}),
		answer: func(a prompt.Answer) tea.Cmd {
			p.rs.ask = nil
			if n := int(a.Key[0] - '0'); n <= count() {
				return pick(n)
			}
			return nil
		}}
}

// askKey hands a key to the open rights question.
func (p *pageModel) askKey(msg tea.KeyMsg) tea.Cmd {
	q := p.rs.ask
	cmd, res := q.p.Update(msg)
	switch res {
	case prompt.Cancelled:
		p.closeAsk()
		return nil
	case prompt.Answered:
		return q.answer(q.p.Answer())
	}
	return cmd
}
