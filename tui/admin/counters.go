package admin

import (
	"os"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	gossh "golang.org/x/crypto/ssh"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/widget/prompt"
)

// countersPane is the station's counters, the PCs that reach this desk over SSH (gigdesk serve):
// ↑↓ choose one, + adds one (its public key, a name, desk, door screen or self-service terminal, its language), r revokes
// it after a question (its open sessions end within a second). The host key's fingerprint heads
// the list: each counter checks it on its first connection.
type countersPane struct {
	*desk
	list   []store.Counter
	cursor int
	ask    *prompt.Prompt
	step   counterStep
	adding store.NewCounter
	width  int

	revoke key.Binding
}

// counterStep is the question the pane is asking.
type counterStep int

const (
	stepNone   counterStep = iota
	stepKey                // the public key, pasted, or the path of its .pub file
	stepName               // what the counter is called (the key's comment to start with)
	stepKind               // d a desk, k the door screen, s the workers' self-service terminal
	stepLang               // z 中文, e English, Enter the server's
	stepRevoke             // y revokes the counter under the cursor
)

func newCountersPane(d *desk) *countersPane {
	return &countersPane{desk: d,
		revoke: key.NewBinding(key.WithKeys("r"), key.WithHelp("r", d.c.T("admin.counter.revoke"))),
	}
}

func (p *countersPane) load() tea.Cmd {
	p.req++
	req, s, ctx := p.req, p.c.Store, p.c.Ctx
	return func() tea.Msg {
		list, err := s.Counters(ctx)
		return paneMsg{to: secCounters, req: req, v: list, err: err}
	}
}

func (p *countersPane) changed() tea.Cmd { return p.load() }

func (p *countersPane) leave() { p.close() }

func (p *countersPane) close() { p.ask, p.step = nil, stepNone }

func (p *countersPane) update(msg tea.Msg) (tea.Cmd, bool) {
	pm := msg.(paneMsg)
	if list, ok := pm.v.([]store.Counter); ok && pm.req == p.req {
		p.list, p.err = list, p.c.Cat.Err(pm.err)
		p.cursor = min(p.cursor, max(len(p.list)-1, 0))
	}
	return nil, true
}

func (p *countersPane) key(msg tea.KeyMsg) tea.Cmd {
	if p.ask != nil {
		return p.answer(msg)
	}
	k := p.c.Keys
	switch {
	case key.Matches(msg, k.Up):
		p.cursor = max(p.cursor-1, 0)
	case key.Matches(msg, k.Down):
		p.cursor = min(p.cursor+1, max(len(p.list)-1, 0))
	case key.Matches(msg, p.add):
		p.err, p.adding = "", store.NewCounter{}
		return p.open(stepKey)
	case key.Matches(msg, p.revoke) && p.cursor < len(p.list) && !p.list[p.cursor].Revoked():
		p.err = ""
		return p.open(stepRevoke)
	}
	return nil
}

// open asks the question of step.
func (p *countersPane) open(step counterStep) tea.Cmd {
	p.step = step
	p.ask = prompt.New(p.c, p.spec(step))
	p.ask.SetWidth(max(p.width-4, 20))
	return p.ask.Focus()
}

func (p *countersPane) spec(step counterStep) prompt.Spec {
	switch step {
	case stepKey:
		return prompt.Spec{Label: "admin.counter.ask_key", Below: true, Mark: "> ", Placeholder: "admin.counter.key_hint",
			Limit: 2000, EnterOnly: true, Check: p.keyCheck}
	case stepName:
		return prompt.Spec{Label: "admin.counter.ask_name", Below: true, Mark: "> ", Value: p.adding.Name, Limit: 40, EnterOnly: true,
			Check: func(a prompt.Answer) string {
				if a.Text == "" {
					return "err.counter.name_empty"
				}
				return ""
			}}
	case stepKind:
		return prompt.Spec{Label: "admin.counter.ask_kind", Kind: prompt.Choice, Keys: []string{"d", "k", "s"}}
	case stepLang:
		return prompt.Spec{Label: "admin.counter.ask_lang", Kind: prompt.Choice, Keys: []string{"z", "e", "enter"}}
	}
	return prompt.Spec{Label: "admin.counter.ask_revoke", Kind: prompt.Confirm, Warn: true, Args: []any{p.list[p.cursor].Name}}
}

// keyCheck accepts one OpenSSH public key, typed or pasted, or the path of a file holding one,
// that no counter allowed now has (the store checks again when it saves).
func (p *countersPane) keyCheck(a prompt.Answer) string {
	text, err := counterKeyText(a.Text)
	if err != nil {
		return "err." + store.AsError(err).Key
	}
	ck, _ := store.ParseCounterKey(text)
	fp := gossh.FingerprintSHA256(ck.Key)
	for _, c := range p.list {
		if c.Fingerprint == fp && !c.Revoked() {
			return p.c.T("admin.counter.dup", c.Name)
		}
	}
	return ""
}

// counterKeyText is the key a head gave: the text itself, or the first line of the file it names.
func counterKeyText(text string) (string, error) {
	if _, err := store.ParseCounterKey(text); err == nil {
		return text, nil
	}
	if b, err := os.ReadFile(strings.Trim(strings.TrimSpace(text), `"'`)); err == nil {
		line, _, _ := strings.Cut(strings.TrimSpace(string(b)), "\n")
		if _, err := store.ParseCounterKey(line); err == nil {
			return line, nil
		}
	}
	_, err := store.ParseCounterKey(text)
	return "", err
}

// answer hands a key to the open question and takes its answer one step further.
func (p *countersPane) answer(msg tea.KeyMsg) tea.Cmd {
	cmd, res := p.ask.Update(msg)
	switch res {
	case prompt.Cancelled:
		p.close()
		return nil
	case prompt.Answered:
		return p.next(p.ask.Answer())
	}
	return cmd
}

func (p *countersPane) next(a prompt.Answer) tea.Cmd {
	switch p.step {
	case stepKey:
		p.adding.Key, _ = counterKeyText(a.Text)
		if ck, err := store.ParseCounterKey(p.adding.Key); err == nil {
			p.adding.Name = ck.Comment
		}
		return p.open(stepName)
	case stepName:
		p.adding.Name = a.Text
		return p.open(stepKind)
	case stepKind:
		p.adding.Kind = map[string]store.CounterKind{"d": store.CounterDesk, "k": store.CounterKiosk, "s": store.CounterSelf}[a.Key]
		return p.open(stepLang)
	case stepLang:
		p.adding.Lang = map[string]string{"z": "zh", "e": "en"}[a.Key]
		return p.save(p.adding)
	}
	if !a.Yes {
		p.close()
		return nil
	}
	c := p.list[p.cursor]
	s, ctx, by := p.c.Store, p.c.Ctx, p.c.Staff.ID
	p.close()
	return func() tea.Msg {
		if err := s.RevokeCounter(ctx, by, c.ID); err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: p.c.T("admin.counter.revoked", c.Name)}
	}
}

func (p *countersPane) save(nc store.NewCounter) tea.Cmd {
	s, ctx, by := p.c.Store, p.c.Ctx, p.c.Staff.ID
	p.close()
	return func() tea.Msg {
		c, err := s.AddCounter(ctx, by, nc)
		if err != nil {
			return doneMsg{err: err}
		}
		return doneMsg{text: p.c.T("admin.counter.added", c.Name, c.Fingerprint)}
	}
}

func (p *countersPane) help() []key.Binding {
	k := p.c.Keys
	if p.ask != nil {
		return []key.Binding{k.Select, k.Back}
	}
	return []key.Binding{k.Up, k.Down, p.addCounter(), p.revoke}
}

// addCounter is + as this section names it.
func (p *countersPane) addCounter() key.Binding {
	return key.NewBinding(key.WithKeys("+"), key.WithHelp("+", p.c.T("admin.counter.add")))
}

func (p *countersPane) capturing() bool { return p.ask != nil }

func (p *countersPane) dirty() bool {
	return (p.step > stepKey && p.step < stepRevoke) || (p.step == stepKey && p.ask.Value() != "")
}

// kindWords is a counter's kind in the staff's language.
func kindWords(c *common.Common, k store.CounterKind) string {
	return c.T("admin.counter.kind." + string(k))
}
