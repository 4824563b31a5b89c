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

// TestPrefilledStartIsTypedOver: a returning caller's usual start is selected, so what the
// clerk types replaces it instead of landing after it ("明天 08:00lg").
func TestPrefilledStartIsTypedOver(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.takeNewEmployerJob()
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter)
	h.want("老雇主：张阿姨", "明天 09:00")
	if f := h.form(); f.focus != fWhen || !f.over.Selected() {
		t.Fatalf("focus on %d (selected %v), want the start time selected", f.focus, f.over.Selected())
	}
	h.words("后天10点")
	if got := h.form().inputs[fWhen].Value(); got != "后天10点" {
		t.Fatalf("typing over the prefilled start gave %q", got)
	}
	// the next field's copied head-count is selected too; Backspace clears it at once
	h.press(tea.KeyShiftTab, tea.KeyBackspace)
	if got := h.form().inputs[fHead].Value(); got != "" {
		t.Fatalf("Backspace on a selected head-count left %q", got)
	}
	// an arrow keeps the value and edits inside it
	h.figures("2")
	h.press(tea.KeyTab, tea.KeyLeft)
	h.figures("x")
	if got := h.form().inputs[fWhen].Value(); got != "后天10x点" {
		t.Fatalf("after ← the start reads %q", got)
	}
}

// TestTabStopsAtTheLastField: Tab at the last field says so instead of wrapping to the phone.
func TestTabStopsAtTheLastField(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.letters("n")
	for range 30 {
		h.press(tea.KeyTab)
	}
	if f := h.form(); f.focus != fAsked {
		t.Fatalf("focus on %d after 30 Tabs, want the last field", f.focus)
	}
	h.want("已是最后一项")
	h.press(tea.KeyShiftTab)
	if f := h.form(); f.focus == fAsked || f.edge != "" {
		t.Fatalf("Shift+Tab did not go back (focus %d, note %q)", f.focus, f.edge)
	}
}
