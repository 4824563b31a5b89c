// Package prompt is the one-line question a screen asks at its foot: a few words or a reason,
// an amount in yuan, one key among a few (w/e/s) or a yes/no. It owns its text field, checks
// an answer with the caller's closure, and on Enter (or Ctrl+S) hands back a typed Answer; a
// refusal goes to the footer and keeps the question open with what was typed; Esc cancels.
// It saves nothing and closes nothing: the caller decides what an answer does and when the
// question goes away (a reason can stay on screen until the store accepts it). Spec's last
// fields draw it as each screen always has (a warning label, the field under it, a mark).
//
// A screen holds at most one *Prompt, hands it its keys while it is open and draws View()
// under its body:
//
//	p := prompt.New(c, prompt.Spec{Label: "dispatch.ask.cancel", Check: func(a prompt.Answer) string {
//		if a.Text == "" {
//			return "err.dispatch.reason_needed"
//		}
//		return ""
//	}})
//	p.SetWidth(w)
//	cmd := p.Focus()
//	...
//	cmd, res := p.Update(keyMsg) // Answered: use p.Answer(); Cancelled: drop p
package prompt

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store/valid"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// Kind is what sort of answer a question takes.
type Kind int

const (
	Text    Kind = iota // typed words: a number, a name, a reason; Check decides what is acceptable
	Amount              // money typed in yuan, answered in fen
	Choice              // one key among Spec.Keys, answered as soon as it is pressed
	Confirm             // y or n, answered as soon as it is pressed
)

// Spec is one question.
type Spec struct {
	Label string   // catalogue key of the question, shown before the field
	Kind  Kind     // what sort of answer it takes; Text when not set
	Value string   // Text, Amount: what the field starts with
	Keys  []string // Choice: the keys that answer it, lower case; their capitals answer too
	// Check refuses an answer: "" accepts it, anything else is a catalogue key or a sentence
	// shown in the footer while the question stays open. Nil accepts everything.
	Check func(Answer) string

	// How the question looks and types; the zero values are the plain one-line question.
	Args        []any               // the arguments of Label's words (the job's number)
	Warn        bool                // the label in the warning style: the answer closes or changes something
	Below       bool                // the field on the line under the label
	Mark        string              // drawn before the field ("> ", "› "); nothing when ""
	Placeholder string              // Text: catalogue key or words shown while the field is empty
	Limit       int                 // Text, Amount: the most characters the field takes; 200 when 0
	EnterOnly   bool                // only Enter answers; Ctrl+S is a key like any other
	Clean       func(string) string // Text: cleans what is typed or pasted before the field takes it
	Leave       bool                // Choice: any other key leaves the question (Cancelled)
}

// Answer is what was answered.
type Answer struct {
	Text string // Text, Amount: what was typed, trimmed
	Fen  int64  // Amount: the amount in fen
	Key  string // Choice, Confirm: the key pressed, lower case ("y" or "n" for Confirm)
	Yes  bool   // Confirm: y
}

// Result is what a key did to the question.
type Result int

const (
	Asking    Result = iota // still asking: typing, or an answer was refused
	Answered                // Answer() holds the accepted answer; the question stays until the caller drops it
	Cancelled               // Esc
)

// Prompt is one open question; the screen holds it while it is asked.
type Prompt struct {
	c      *common.Common
	spec   Spec
	input  textinput.Model
	answer Answer
}

// New asks spec; call Focus to start typing and SetWidth to size the field.
func New(c *common.Common, spec Spec) *Prompt {
	in := common.NewInput()
	in.Prompt, in.CharLimit = spec.Mark, 200
	if spec.Limit > 0 {
		in.CharLimit = spec.Limit
	}
	if spec.Placeholder != "" {
		in.Placeholder = spec.Placeholder
		if i18n.Has(spec.Placeholder) {
			in.Placeholder = c.T(spec.Placeholder)
		}
	}
	in.SetValue(spec.Value)
	in.CursorEnd()
	return &Prompt{c: c, spec: spec, input: in}
}

// Focus puts the cursor in the field.
func (p *Prompt) Focus() tea.Cmd { return p.input.Focus() }

// SetWidth is how many cells the field shows.
func (p *Prompt) SetWidth(w int) { p.input.Width = w }

// SetLineWidth sizes the field to what its label leaves of a line w cells wide, less a cell of
// slack for wide characters, so a long question never runs past the edge.
func (p *Prompt) SetLineWidth(w int) {
	p.input.Width = max(w-lipgloss.Width(p.c.T(p.spec.Label))-2, 4)
}

// Value is what has been typed so far (untrimmed); "" for Choice and Confirm.
func (p *Prompt) Value() string { return p.input.Value() }

// Answer is the answer accepted by the last Update that returned Answered.
func (p *Prompt) Answer() Answer { return p.answer }

// Update handles one key: typing, the answer (Enter, Ctrl+S, or a choice key) or Esc. A refusal
// returns Asking with the command that puts it in the footer.
func (p *Prompt) Update(msg tea.KeyMsg) (tea.Cmd, Result) {
	k := p.c.Keys
	if key.Matches(msg, k.Back) {
		return nil, Cancelled
	}
	if p.spec.Kind == Choice || p.spec.Kind == Confirm {
		return p.choose(msg)
	}
	if !key.Matches(msg, k.Select) && (p.spec.EnterOnly || !key.Matches(msg, k.Save)) {
		if p.spec.Clean != nil && msg.Type == tea.KeyRunes {
			msg.Runes = []rune(p.spec.Clean(string(msg.Runes)))
		}
		var cmd tea.Cmd
		p.input, cmd = p.input.Update(msg)
		return cmd, Asking
	}
	a := Answer{Text: strings.TrimSpace(p.input.Value())}
	if p.spec.Kind == Amount {
		fen, prob := valid.ParseYuan(a.Text)
		if prob != nil {
			return common.Status(p.c.Cat.Err(prob), true), Asking
		}
		a.Fen = fen
	}
	return p.settle(a)
}

// choose answers a Choice or Confirm question with the key pressed; other keys do nothing.
func (p *Prompt) choose(msg tea.KeyMsg) (tea.Cmd, Result) {
	keys := p.spec.Keys
	if p.spec.Kind == Confirm {
		keys = []string{"y", "n"}
	}
	pressed := msg.String()
	for _, want := range keys {
		if pressed == want || pressed == strings.ToUpper(want) {
			return p.settle(Answer{Key: want, Yes: p.spec.Kind == Confirm && want == "y"})
		}
	}
	if p.spec.Leave && p.spec.Kind == Choice {
		return nil, Cancelled
	}
	return nil, Asking
}

// settle runs the caller's check; a refusal is shown in the footer and the question stays.
func (p *Prompt) settle(a Answer) (tea.Cmd, Result) {
	if p.spec.Check != nil {
		if why := p.spec.Check(a); why != "" {
			if i18n.Has(why) {
				why = p.c.T(why)
			}
			return common.Status(why, true), Asking
		}
	}
	p.answer = a
	return nil, Answered
}

// View is the question's label and, for typed answers, the field.
func (p *Prompt) View() string { return p.ViewAbout(p.spec.Args...) }

// ViewAbout is View with the label's arguments given now, for a question about whatever is
// selected when it is drawn (the Jobs list's job). Without a label it is the field alone.
func (p *Prompt) ViewAbout(args ...any) string {
	typed := p.spec.Kind != Choice && p.spec.Kind != Confirm
	if p.spec.Label == "" {
		if typed {
			return p.input.View()
		}
		return ""
	}
	style := p.c.Styles.Label
	if p.spec.Warn {
		style = p.c.Styles.Warning
	}
	label := style.Render(p.c.T(p.spec.Label, args...))
	if !typed {
		return label
	}
	if p.spec.Below {
		return label + "\n" + p.input.View()
	}
	return label + " " + p.input.View()
}
