package jobs

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// prompt is the question asked over the list: a cancellation reason or an expiry to confirm.
type prompt int

const (
	promptNone prompt = iota
	promptCancel
	promptExpire
)

// closePrompt is the one line asked before a job closes; kept on its own so that the shared
// one-line prompt widget can take its place.
type closePrompt struct {
	c      *common.Common
	kind   prompt
	reason textinput.Model
}

// closing is the answer: close the job as status, for reason.
type closing struct {
	status store.JobStatus
	reason string
}

func newClosePrompt(c *common.Common) closePrompt {
	in := common.NewInput()
	in.CharLimit = 200
	in.Prompt = ""
	in.Placeholder = c.T("jobs.cancel.hint")
	return closePrompt{c: c, reason: in}
}

func (p *closePrompt) active() bool { return p.kind != promptNone }

// open asks the question; a cancellation starts with an empty reason to type.
func (p *closePrompt) open(kind prompt) tea.Cmd {
	p.kind = kind
	if kind != promptCancel {
		return nil
	}
	p.reason.Reset()
	return p.reason.Focus()
}

func (p *closePrompt) setWidth(w int) { p.reason.Width = max(min(w-30, 60), 10) }

// key answers a key; ok reports the question answered, with how the job closes.
func (p *closePrompt) key(km tea.KeyMsg) (cmd tea.Cmd, answer closing, ok bool) {
	k := p.c.Keys
	answered := func(status store.JobStatus, reason string) (tea.Cmd, closing, bool) {
		p.kind = promptNone
		p.reason.Blur()
		return nil, closing{status: status, reason: reason}, true
	}
	if p.kind == promptExpire {
		switch {
		case key.Matches(km, k.Yes):
			return answered(store.JobExpired, "")
		case key.Matches(km, k.No):
			p.kind = promptNone
		}
		return nil, closing{}, false
	}
	switch {
	case key.Matches(km, k.Back):
		p.kind = promptNone
		p.reason.Blur()
		return nil, closing{}, false
	case key.Matches(km, k.Select), key.Matches(km, k.Save):
		reason, prob := valid.Text("reason", p.reason.Value(), 200)
		if prob != nil {
			return common.Status(p.c.Cat.Err(&store.Error{Code: store.Invalid, Key: prob.Key}), true), closing{}, false
		}
		if reason == "" {
			return common.Status(p.c.T("err.job.reason_needed"), true), closing{}, false
		}
		return answered(store.JobCancelled, reason)
	}
	p.reason, cmd = p.reason.Update(km)
	return cmd, closing{}, false
}

// view is the question about job id, or nothing when none is asked.
func (p *closePrompt) view(id int64) string {
	s := p.c.Styles
	switch p.kind {
	case promptCancel:
		return s.Label.Render(p.c.T("jobs.cancel.ask", id)) + " " + p.reason.View()
	case promptExpire:
		return s.Warning.Render(p.c.T("jobs.expire.ask", id))
	}
	return ""
}

func (p *closePrompt) help() []key.Binding {
	k := p.c.Keys
	switch p.kind {
	case promptCancel:
		return []key.Binding{k.Select, k.Back}
	case promptExpire:
		return []key.Binding{k.Yes, k.No}
	}
	return nil
}
