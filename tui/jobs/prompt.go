package jobs

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
)

// closePrompt is the question asked over the list before a job closes (tui/widget/prompt): a
// cancellation reason to type, or an expiry to confirm. It is about the job selected when drawn.
type closePrompt struct {
	c      *common.Common
	p      *prompt.Prompt  // nil when nothing is asked
	status store.JobStatus // how the job closes when it is answered
	reason string          // the cancellation's reason, as checkReason cleaned it
	width  int
}

// closing is the answer: close the job as status, for reason.
type closing struct {
	status store.JobStatus
	reason string
}

func newClosePrompt(c *common.Common) closePrompt { return closePrompt{c: c} }

func (p *closePrompt) active() bool { return p.p != nil }

func (p *closePrompt) drop() { p.p = nil }

// open asks how the job closes as status: a cancellation starts with an empty reason to type.
func (p *closePrompt) open(status store.JobStatus) tea.Cmd {
	p.status, p.reason = status, ""
	if status != store.JobCancelled {
		p.p = prompt.New(p.c, prompt.Spec{Label: "jobs.expire.ask", Kind: prompt.Confirm, Warn: true})
		return nil
	}
	p.p = prompt.New(p.c, prompt.Spec{Label: "jobs.cancel.ask", Placeholder: "jobs.cancel.hint", Check: p.checkReason})
	p.p.SetWidth(p.width)
	return p.p.Focus()
}

// checkReason refuses a cancellation without a reason, or with one too long.
func (p *closePrompt) checkReason(a prompt.Answer) string {
	reason, prob := valid.Text("reason", a.Text, 200)
	if prob != nil {
		return p.c.Cat.Err(&store.Error{Code: store.Invalid, Key: prob.Key})
	}
	if reason == "" {
		return "err.job.reason_needed"
	}
	p.reason = reason
	return ""
}

func (p *closePrompt) setWidth(w int) {
	p.width = max(min(w-30, 60), 10)
	if p.p != nil {
		p.p.SetWidth(p.width)
	}
}

// key answers a key; ok reports the question answered, with how the job closes.
func (p *closePrompt) key(km tea.KeyMsg) (cmd tea.Cmd, answer closing, ok bool) {
	cmd, res := p.p.Update(km)
	if res == prompt.Asking {
		return cmd, closing{}, false
	}
	a := p.p.Answer()
	p.p = nil
	if res == prompt.Cancelled || p.status != store.JobCancelled && !a.Yes { // Esc, or n to the expiry
		return nil, closing{}, false
	}
	return nil, closing{status: p.status, reason: p.reason}, true
}

// view is the question about job id, or nothing when none is asked.
func (p *closePrompt) view(id int64) string {
	if p.p == nil {
		return ""
	}
	return p.p.ViewAbout(id)
}

func (p *closePrompt) help() []key.Binding {
	k := p.c.Keys
	switch {
	case p.p == nil:
		return nil
	case p.status == store.JobCancelled:
		return []key.Binding{k.Select, k.Back}
	}
	return []key.Binding{k.Yes, k.No}
}
