package register

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/valid"
	"gigdesk/tui/common"
)

// The one-line prompts of the worker's page, kept together so they can move to a shared
// prompt widget: the rights questions (a typed wish, or a digit picking a wish or an offer)
// and the reason for a pause or a leave.

// ask is the rights question the worker's page is asking.
type ask int

const (
	askNone  ask = iota
	askWish      // a new training wish (typed)
	askClose     // which wish to remove (a digit)
	askRefer     // which matched offer to refer to (a digit)
)

// digit is the number 1–9 a key stands for, 0 for any other key.
func digit(msg tea.KeyMsg) int {
	s := msg.String()
	if len(s) == 1 && s[0] >= '1' && s[0] <= '9' {
		return int(s[0] - '0')
	}
	return 0
}

// reasonPrompt asks why a worker pauses or leaves; leaving needs a reason.
type reasonPrompt struct {
	c    *common.Common
	open bool
	to   store.WorkerStatus
	in   textinput.Model
}

func newReasonPrompt(c *common.Common) reasonPrompt {
	r := common.NewInput()
	r.Prompt = ""
	r.CharLimit = 200
	return reasonPrompt{c: c, in: r}
}

func (r *reasonPrompt) setWidth(w int) { r.in.Width = max(min(w-10, 60), 10) }

// ask opens the prompt, empty, for a change to status to.
func (r *reasonPrompt) ask(to store.WorkerStatus) tea.Cmd {
	r.to = to
	r.in.SetValue("")
	r.open = true
	return r.in.Focus()
}

// key handles a key while the prompt is open; ok reports a reason given (the prompt closes).
func (r *reasonPrompt) key(msg tea.KeyMsg) (cmd tea.Cmd, reason string, ok bool) {
	k := r.c.Keys
	switch {
	case key.Matches(msg, k.Back):
		r.open = false
		return nil, "", false
	case key.Matches(msg, k.Select), key.Matches(msg, k.Save):
		reason, p := valid.Text("status_reason", r.in.Value(), 200)
		if p != nil {
			return common.Status(r.c.Cat.Err(&store.Error{Code: store.Invalid, Key: p.Key}), true), "", false
		}
		if r.to == store.Left && reason == "" {
			return common.Status(r.c.T("reg.reason.leave"), true), "", false
		}
		r.open = false
		return nil, reason, true
	}
	if msg.Type == tea.KeyRunes {
		msg.Runes = []rune(stripEscapes(string(msg.Runes)))
	}
	r.in, cmd = r.in.Update(msg)
	return cmd, "", false
}

func (r *reasonPrompt) view() string {
	prompt := r.c.T("reg.reason.pause")
	if r.to == store.Left {
		prompt = r.c.T("reg.reason.leave")
	}
	return "\n" + r.c.Styles.Warning.Render(prompt) + "\n› " + r.in.View()
}
