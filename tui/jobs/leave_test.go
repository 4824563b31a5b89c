package jobs

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
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
	if h.form() == nil || h.form().leaving.Asking() {
		t.Fatal("n did not go back to the form")
	}
	if got := h.form().inputs[fName].Value(); got != "张先生" {
		t.Fatalf("the name typed was lost: %q", got)
	}
	h.press(tea.KeyEsc)
	h.press(tea.KeyEsc) // Esc at the question keeps editing, like n
	if h.form() == nil || h.form().leaving.Asking() {
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

// TestSaveWithErrorsSaysWhereAndWhy: Ctrl+S with problems puts the cursor on the first one and
// the footer names that field and its problem.
func TestSaveWithErrorsSaysWhereAndWhy(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.letters("n")
	h.figures("13800138000")
	h.press(tea.KeyEnter, tea.KeyEnter)
	h.words("张阿姨")
	h.press(tea.KeyCtrlS)
	if h.form().focus != fTrade {
		t.Fatalf("cursor on %d, want the trade", h.form().focus)
	}
	if want := "请先改正「工种」"; !strings.HasPrefix(h.status, want) || !strings.Contains(h.status, "另有") {
		t.Fatalf("status = %q, want it to start %q and count the rest", h.status, want)
	}
}

// TestNoPlaceIsAskedOnceAndShownAsUnknown: a job with no address and no community is
// questioned once at Ctrl+S, saved at the second, and listed as 地点未填, never "居民·".
func TestNoPlaceIsAskedOnceAndShownAsUnknown(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.takeJobUntil("13800138000", "明天9点", "4小时")
	h.press(tea.KeyEnter, tea.KeyCtrlU, tea.KeyEnter) // clear the address the employer's was copied into
	h.form().comm.SetValue(0)
	h.form().inputs[fEmpAddr].SetValue("") // a caller who gave no address at all
	h.form().empComm.SetValue(0)
	h.press(tea.KeyEnter)
	h.figures("300")
	h.press(tea.KeyCtrlS)
	if h.form() == nil || !strings.HasPrefix(h.status, "地点未填") {
		t.Fatalf("saved without asking for a place (status %q)", h.status)
	}
	h.press(tea.KeyCtrlS)
	if h.form() != nil {
		t.Fatalf("the second Ctrl+S did not save (status %q):\n%s", h.status, h.view())
	}
	v := h.view()
	if strings.Contains(v, "居民·  ") || strings.Contains(v, "居民· ") || !strings.Contains(v, "地点未填") {
		t.Fatalf("the list does not say the place is unknown:\n%s", v)
	}
}

// TestSavedJobIsTheOneMatchOpens: the job just saved is the desk's last job, for F4.
func TestSavedJobIsTheOneMatchOpens(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.takeNewEmployerJob()
	if h.c.LastJob != 1 {
		t.Fatalf("last job = %d after saving job 1", h.c.LastJob)
	}
}

// TestClickOnTheJobList: a click picks a job; a double click opens it on Match.
func TestClickOnTheJobList(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.takeNewEmployerJob()
	click := func() {
		var cmd tea.Cmd
		h.m, cmd = h.m.Update(tea.MouseMsg{X: 5, Y: listFirstRow, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
		h.run(cmd)
	}
	click()
	if h.gotoTo.Job != 0 {
		t.Fatal("one click opened the job")
	}
	click()
	if h.gotoTo.Page != common.PageMatch || h.gotoTo.Job != 1 {
		t.Fatalf("a double click asked for %+v", h.gotoTo)
	}
}
