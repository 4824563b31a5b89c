package jobs

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// fillUntilPay types a new caller's job up to the pay, at pay; rights are loaded as the screen would.
func (h *harness) fillUntilPay(pay string) {
	h.letters("n")
	h.m.Update(h.form().loadRights()())
	h.newResident("13800138000")
	h.words("明天")
	h.figures("9:00")
	h.press(tea.KeyEnter)
	h.figures("8")
	h.words("小时")
	h.press(tea.KeyEnter)
	h.press(tea.KeyEnter)
	h.press(tea.KeyEnter)
	h.figures(pay)
}

func TestGuidePayNeedsAReason(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	if err := h.c.Store.SetGuidePay(t.Context(), h.c.Staff.ID, 1, store.PerDay, 25000); err != nil {
		t.Fatal(err)
	}
	h.fillUntilPay("200")
	h.want("低于指导价 ¥250.00/天")
	h.press(tea.KeyCtrlS)
	if h.form() == nil {
		t.Fatal("saved below the guide without a reason")
	}
	h.want("低薪理由", "请填写低薪理由")
	if h.form().focus != fPayWhy {
		t.Fatalf("focus %d, want the reason", h.form().focus)
	}
	h.words("半天活，管午饭")
	h.press(tea.KeyCtrlS)
	if h.form() != nil {
		t.Fatalf("not saved: %s\n%s", h.status, h.view())
	}
	r, err := h.c.Store.JobReviewOf(t.Context(), 1)
	if err != nil || !r.BelowGuide || r.PayReason != "半天活，管午饭" || r.GuideFen != 25000 {
		t.Fatalf("kept %+v %v", r, err)
	}
}

func TestFlaggedRequirementsNeedAnOverride(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.fillUntilPay("300")
	if strings.Contains(h.view(), "低薪理由") {
		t.Fatal("reason asked for fair pay")
	}
	h.press(tea.KeyEnter, tea.KeyEnter, tea.KeyEnter) // unit, urgent → requirements
	h.words("需要女性，交押金")
	h.want("不宜用语", "「需要女性」限制性别", "「押金」向零工收费或押金")
	h.press(tea.KeyCtrlS)
	if h.form() == nil || h.form().focus != fReqWhy {
		t.Fatalf("saved or wrong field:\n%s", h.view())
	}
	h.want("发布理由", "请改写，或填写发布理由")
	// rewriting the words takes the reason field away again
	h.press(tea.KeyShiftTab, tea.KeyShiftTab)
	if h.form().focus != fReq {
		t.Fatalf("focus %d", h.form().focus)
	}
	for range len([]rune("需要女性，交押金")) {
		h.press(tea.KeyBackspace)
	}
	h.words("女士内衣店保洁")
	if strings.Contains(h.view(), "发布理由") {
		t.Fatalf("place described, still flagged:\n%s", h.view())
	}
	h.press(tea.KeyCtrlS)
	if h.form() != nil {
		t.Fatalf("not saved: %s\n%s", h.status, h.view())
	}
	r, err := h.c.Store.JobReviewOf(t.Context(), 1)
	if err != nil {
		t.Fatalf("job 1's review: %v", err)
	}
	if r.PostingFlags != "" || r.PostingOverride != "" {
		t.Fatalf("kept %+v", r)
	}
}

func TestOverrideKeptWithJobEnglish(t *testing.T) {
	h := newHarness(t, i18n.En)
	h.fillUntilPay("300")
	h.press(tea.KeyEnter, tea.KeyEnter, tea.KeyEnter)
	h.words("female only")
	h.want("may not be posted", "limits gender")
	h.press(tea.KeyCtrlS)
	h.want("Override reason", "The requirements hold words")
	h.words("patient is a woman: same-sex care")
	h.press(tea.KeyCtrlS)
	if h.form() != nil {
		t.Fatalf("not saved: %s\n%s", h.status, h.view())
	}
	r, err := h.c.Store.JobReviewOf(t.Context(), 1)
	if err != nil {
		t.Fatalf("job 1's review: %v", err)
	}
	if r.PostingFlags != "gender" || r.PostingOverride != "patient is a woman: same-sex care" {
		t.Fatalf("kept %+v", r)
	}
}

// TestLongPostingWarningWrapsAt80: three flagged words at 80 columns: every reason can be read,
// the deposit's last, and no line of the warning is cut with "…".
func TestLongPostingWarningWrapsAt80(t *testing.T) {
	h := newHarness(t, i18n.Zh)
	h.fillUntilPay("300")
	h.press(tea.KeyEnter, tea.KeyEnter, tea.KeyEnter)
	h.words("只要男性，限本地户口，先交押金")
	h.want("限制性别", "限制户籍", "向零工收费或押金")
	for _, line := range strings.Split(h.view(), "\n") {
		if strings.Contains(line, "⚠") && strings.HasSuffix(strings.TrimRight(line, " "), "…") {
			t.Fatalf("the warning is cut:\n%s", h.view())
		}
	}
}
