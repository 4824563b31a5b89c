package register

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// On a worker's page: a training wish is added and matched to an offer, the referral is
// logged with one key (closing the wish), a rights case opened for the worker is refused at
// its field without words and then listed on the page.
func TestWorkerPageTrainingAndRights(t *testing.T) {
	c := testCommon(t, i18n.Zh)
	ctx := context.Background()
	w, err := c.Store.CreateWorker(ctx, c.Staff.ID, store.Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	o, err := c.Store.SaveOffer(ctx, c.Staff.ID, store.TrainingOffer{Title: "低压电工培训", Provider: "区职教中心", StartsOn: "2026-12-05"})
	if err != nil {
		t.Fatal(err)
	}
	d := newDriver(t, c, 80, 24)
	d.runes("zsf")
	d.key(tea.KeyEnter)
	d.mustSee("张三丰", "培训意愿", "无（w 登记）")
	if d.m.Capturing() {
		t.Fatal("the page takes typing before a question")
	}
	// an empty wish is refused and the prompt stays
	d.runes("w")
	d.mustSee("想学什么")
	d.key(tea.KeyEnter)
	if !strings.Contains(d.status(), "请写下想学的培训") {
		t.Fatalf("empty wish: %q", d.status())
	}
	d.runes("电工证")
	d.key(tea.KeyEnter)
	if !strings.Contains(d.status(), "已登记培训意愿：电工证") {
		t.Fatalf("wish: %q", d.status())
	}
	d.mustSee("1 电工证", "可推荐：1 低压电工培训 12-05")
	d.runes("f")
	if !strings.Contains(d.status(), "已推荐 张*丰 参加 低压电工培训") {
		t.Fatalf("referral: %q", d.status())
	}
	refs, err := c.Store.Referrals(ctx, w.ID)
	if err != nil {
		t.Fatalf("read the referrals: %v", err)
	}
	if len(refs) != 1 || refs[0].OfferID != o.ID || refs[0].WishID == 0 {
		t.Fatalf("referrals: %+v", refs)
	}
	d.mustSee("无（w 登记）") // the wish it answered is closed
	// a second wish, then dropped with x
	d.runes("w")
	d.runes("育婴师")
	d.key(tea.KeyEnter)
	d.mustSee("1 育婴师")
	d.runes("x")
	d.mustSee("无（w 登记）")

	// a rights case for the worker: refused without words, at the field, then saved
	d.runes("k")
	d.mustSee("登记维权案件", "零工 #1 张*丰")
	d.runes("2") // injury
	d.key(tea.KeyCtrlS)
	d.mustSee("请简要写下经过")
	if cs, err := c.Store.RightsCases(ctx, store.CaseFilter{}); err != nil || len(cs) != 0 {
		t.Fatalf("a case without words: %+v (%v)", cs, err)
	}
	d.runes("搬货时扭伤")
	d.key(tea.KeyCtrlS)
	if !strings.Contains(d.status(), "已登记维权案件 #1") {
		t.Fatalf("case: %q", d.status())
	}
	cs, err := c.Store.RightsCases(ctx, store.CaseFilter{WorkerID: w.ID})
	if err != nil {
		t.Fatalf("read the cases: %v", err)
	}
	if len(cs) != 1 || cs[0].Kind != store.CaseInjury || cs[0].Summary != "搬货时扭伤" {
		t.Fatalf("cases: %+v", cs)
	}
	d.mustSee("维权", "#1 工伤 待处理")
	for i, l := range strings.Split(d.view(), "\n") {
		if lipgloss.Width(l) > 80 {
			t.Fatalf("line %d is %d cells: %q", i, lipgloss.Width(l), l)
		}
	}
	if n := len(strings.Split(d.view(), "\n")); n > 19 {
		t.Fatalf("page is %d lines at 80x24:\n%s", n, d.view())
	}
}
