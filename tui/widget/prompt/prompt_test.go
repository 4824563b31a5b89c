package prompt

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

func init() { lipgloss.SetColorProfile(termenv.Ascii) }

func press(s string) tea.KeyMsg {
	switch s {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(s)}
}

func notEmpty(a Answer) string {
	if a.Text == "" {
		return "err.dispatch.reason_needed"
	}
	return ""
}

func TestPrompt(t *testing.T) {
	cat := i18n.New(i18n.En)
	c := &common.Common{Cat: cat, Styles: common.DefaultStyles(), Keys: common.DefaultKeyMap(cat.T)}
	for _, tc := range []struct {
		name   string
		spec   Spec
		keys   []string
		result Result
		answer Answer
		status string // the refusal in the footer, "" for none
		view   string // the stripped view after the keys
	}{
		{name: "text answered with Enter", spec: Spec{Label: "dispatch.ask.cancel", Check: notEmpty},
			keys: []string{"too far", "enter"}, result: Answered, answer: Answer{Text: "too far"}, view: "Reason: too far"},
		{name: "text answered with Ctrl+S, trimmed", spec: Spec{Label: "dispatch.ask.cancel"},
			keys: []string{"  rain ", "ctrl+s"}, result: Answered, answer: Answer{Text: "rain"}},
		{name: "a refusal keeps what was typed", spec: Spec{Label: "dispatch.ask.cancel", Check: notEmpty},
			keys: []string{" ", "enter"}, result: Asking, status: "Cancelling a dispatch needs a reason.", view: "Reason:  "},
		{name: "a refusal may be a sentence", spec: Spec{Label: "dispatch.ask.cancel", Check: func(Answer) string { return "no" }},
			keys: []string{"x", "enter"}, result: Asking, status: "no"},
		{name: "typing is asking", spec: Spec{Label: "dispatch.ask.cancel"},
			keys: []string{"ab", "backspace"}, result: Asking, view: "Reason: a"},
		{name: "esc cancels", spec: Spec{Label: "dispatch.ask.cancel", Value: "kept"},
			keys: []string{"esc"}, result: Cancelled},
		{name: "amount prefilled, answered in fen", spec: Spec{Label: "match.ask.pay", Kind: Amount, Value: "250.00"},
			keys: []string{"enter"}, result: Answered, answer: Answer{Text: "250.00", Fen: 25000}, view: "Agreed pay (yuan): 250.00"},
		{name: "amount edited", spec: Spec{Label: "match.ask.pay", Kind: Amount, Value: "1"},
			keys: []string{"backspace", "260.5", "enter"}, result: Answered, answer: Answer{Text: "260.5", Fen: 26050}},
		{name: "amount that is not one", spec: Spec{Label: "match.ask.pay", Kind: Amount},
			keys: []string{"abc", "enter"}, result: Asking, status: "Please enter an amount in yuan, e.g. 180 or 180.50."},
		{name: "amount refused by the caller", spec: Spec{Label: "match.ask.pay", Kind: Amount,
			Check: func(a Answer) string {
				if a.Fen > 100 {
					return "too much"
				}
				return ""
			}},
			keys: []string{"2", "enter"}, result: Asking, status: "too much", view: "Agreed pay (yuan): 2"},
		{name: "choice by key", spec: Spec{Label: "dispatch.ask.cancel_by", Kind: Choice, Keys: []string{"w", "e", "s"}},
			keys: []string{"e"}, result: Answered, answer: Answer{Key: "e"}},
		{name: "choice by capital", spec: Spec{Label: "dispatch.ask.cancel_by", Kind: Choice, Keys: []string{"w", "e", "s"}},
			keys: []string{"S"}, result: Answered, answer: Answer{Key: "s"}},
		{name: "choice ignores other keys and Enter", spec: Spec{Label: "dispatch.ask.cancel_by", Kind: Choice, Keys: []string{"w", "e", "s"}},
			keys: []string{"x", "enter", "ctrl+s"}, result: Asking, view: "Who cancels? w worker / e employer / s station"},
		{name: "confirm yes", spec: Spec{Label: "match.ask.insured", Kind: Confirm},
			keys: []string{"Y"}, result: Answered, answer: Answer{Key: "y", Yes: true}},
		{name: "confirm no", spec: Spec{Label: "match.ask.insured", Kind: Confirm},
			keys: []string{"n"}, result: Answered, answer: Answer{Key: "n"}, view: "Insured for accidents? y yes / n no"},
		{name: "confirm esc", spec: Spec{Label: "match.ask.insured", Kind: Confirm},
			keys: []string{"esc"}, result: Cancelled},
		{name: "label with arguments and a placeholder", spec: Spec{Label: "jobs.cancel.ask", Args: []any{7}, Placeholder: "jobs.cancel.hint"},
			result: Asking, view: "Cancel job #7, reason: e.g. the employer found someone"},
		{name: "placeholder in words, a mark, no label", spec: Spec{Mark: "> ", Placeholder: "2026-11-28"},
			result: Asking, view: "> 2026-11-28"},
		{name: "field below the label", spec: Spec{Label: "reg.reason.leave", Warn: true, Below: true, Mark: "› "},
			keys: []string{"moved"}, result: Asking, view: "Why is the worker leaving? Enter confirms, Esc cancels\n› moved"},
		{name: "limit", spec: Spec{Limit: 3}, keys: []string{"abcdef", "enter"}, result: Answered, answer: Answer{Text: "abc"}},
		{name: "enter only: ctrl+s does not answer", spec: Spec{EnterOnly: true}, keys: []string{"x", "ctrl+s"}, result: Asking, view: "x"},
		{name: "enter only: enter answers", spec: Spec{EnterOnly: true}, keys: []string{"x", "enter"}, result: Answered, answer: Answer{Text: "x"}},
		{name: "typing cleaned", spec: Spec{Clean: strings.ToUpper}, keys: []string{"ab", "enter"}, result: Answered, answer: Answer{Text: "AB"}},
		{name: "choice left by another key", spec: Spec{Label: "rights.reg.wish.which", Kind: Choice, Keys: []string{"1", "2"}, Leave: true},
			keys: []string{"3"}, result: Cancelled},
		{name: "choice that leaves still answers", spec: Spec{Label: "rights.reg.wish.which", Kind: Choice, Keys: []string{"1", "2"}, Leave: true},
			keys: []string{"2"}, result: Answered, answer: Answer{Key: "2"}, view: "Drop which wish? 1-9, any other key cancels"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := New(c, tc.spec)
			p.SetWidth(40)
			p.Focus()
			var (
				res    Result
				status string
			)
			for _, k := range tc.keys {
				var cmd tea.Cmd
				cmd, res = p.Update(press(k))
				status = ""
				if cmd != nil {
					if s, ok := cmd().(common.StatusMsg); ok && s.Error {
						status = s.Text
					}
				}
			}
			if res != tc.result {
				t.Fatalf("result %d, want %d", res, tc.result)
			}
			if status != tc.status {
				t.Errorf("footer %q, want %q", status, tc.status)
			}
			if res == Answered && p.Answer() != tc.answer {
				t.Errorf("answer %+v, want %+v", p.Answer(), tc.answer)
			}
			if got := strings.TrimRight(ansi.Strip(p.View()), " "); tc.view != "" && got != strings.TrimRight(tc.view, " ") {
				t.Errorf("view %q, want %q", got, tc.view)
			}
		})
	}
}

// TestLongQuestionFitsItsLine: a question as long as the insurer's leaves its field the rest
// of an 80-column line, so nothing is cut with "…" at the edge.
func TestLongQuestionFitsItsLine(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		cat := i18n.New(lang)
		c := &common.Common{Cat: cat, Styles: common.DefaultStyles(), Keys: common.DefaultKeyMap(cat.T)}
		p := New(c, Spec{Label: "ins.ask.insurer"})
		p.SetLineWidth(80)
		p.Focus()
		p.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("中国人民财产保险股份有限公司重庆市分公司九龙坡支公司")})
		if w := lipgloss.Width(p.View()); w > 80 {
			t.Errorf("%s: the insurer's question is %d cells wide:\n%s", lang, w, ansi.Strip(p.View()))
		}
	}
}
