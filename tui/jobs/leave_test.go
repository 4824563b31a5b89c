package jobs

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/i18n"
)

// TestEscAsksBeforeDroppingAPhoneIntake: Esc with a half-taken call asks, n keeps every field
// as typed, y leaves; Esc on an untouched form leaves at once.
func TestEscAsksBeforeDroppingAPhoneIntake(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter, tea.KeyEnter)
	h.words("张先生")
	h.press(tea.KeyEsc)
	if h.form() == nil {
		t.Fatal("Esc threw the intake away without asking")
	}
	h.want("放弃填写的内容？", "张先生")
	h.letters("n")
	if h.form() == nil || h.form().leaving {
		t.Fatal("n did not go back to the form")
	}
	if got := h.form().inputs[fName].Value(); got != "张先生" {
		t.Fatalf("the name typed was lost: %q", got)
	}
	h.press(tea.KeyEsc)
	h.press(tea.KeyEsc) // Esc at the question keeps editing, like n
	if h.form() == nil || h.form().leaving {
		t.Fatal("Esc at the question did not go back to the form")
	}
	h.press(tea.KeyEsc)
	h.letters("y")
	if h.form() != nil {
		t.Fatal("y did not leave the form")
	}

	h.letters("n")
	h.press(tea.KeyEsc)
	if h.form() != nil {
		t.Fatal("an untouched form asked before leaving")
	}
}
