package admin

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// show opens a section as the arrows would.
func show(t *testing.T, m *Model, s section) string {
	t.Helper()
	run(t, m, m.show(s))
	return keys(t, m)
}

func narrow(t *testing.T, scr string, w int) {
	t.Helper()
	for i, l := range strings.Split(scr, "\n") {
		if lipgloss.Width(l) > w {
			t.Fatalf("line %d is %d cells: %q", i, lipgloss.Width(l), l)
		}
	}
}

func TestGuidePaySetAndRemove(t *testing.T) {
	m, s := opened(t, i18n.Zh, true, 80, 19)
	ctx := context.Background()
	scr := show(t, m, secGuide)
	if !strings.Contains(scr, "水电") || !strings.Contains(scr, "按天") {
		t.Fatalf("guide pay list:\n%s", scr)
	}
	// 水电 is the first trade: day 300, hour 40 (order: day, hour, piece, fixed)
	scr = keys(t, m, enter, "300", tab, "abc", save)
	if !strings.Contains(scr, "修改指导价：水电") || !strings.Contains(scr, "abc") || !m.Capturing() {
		t.Fatalf("bad pay kept the form:\n%s", scr)
	}
	if g := must(s.GuidePays(ctx))(t, "GuidePays"); len(g) != 0 {
		t.Fatalf("a refused form saved: %+v", g)
	}
	scr = keys(t, m, tea.KeyBackspace, tea.KeyBackspace, tea.KeyBackspace, "40", save)
	if fen := must(s.GuideFor(ctx, 1, store.PerDay))(t, "GuideFor"); fen != 30000 {
		t.Fatalf("day guide %d\n%s", fen, scr)
	}
	if fen := must(s.GuideFor(ctx, 1, store.PerHour))(t, "GuideFor"); fen != 4000 {
		t.Fatalf("hour guide %d", fen)
	}
	if !strings.Contains(scr, "¥300.00") || !strings.Contains(scr, "¥40.00") || m.Capturing() {
		t.Fatalf("list after save:\n%s", scr)
	}
	narrow(t, scr, 80)
	// emptying a unit removes that guide only
	scr = keys(t, m, enter, tea.KeyCtrlU, save)
	if fen := must(s.GuideFor(ctx, 1, store.PerDay))(t, "GuideFor"); fen != 0 {
		t.Fatalf("day guide not removed: %d", fen)
	}
	if strings.Contains(scr, "¥300.00") || !strings.Contains(scr, "¥40.00") {
		t.Fatalf("list after removing the day guide:\n%s", scr)
	}
	if fen := must(s.GuideFor(ctx, 1, store.PerHour))(t, "GuideFor"); fen != 4000 {
		t.Fatalf("hour guide lost: %d", fen)
	}
	if a := must(s.Audit(ctx, store.AuditFilter{Entity: "guide_pay"}))(t, "Audit"); len(a) != 3 {
		t.Fatalf("guide pay audited %d times", len(a))
	}
}

func TestTrainingOffers(t *testing.T) {
	m, s := opened(t, i18n.En, true, 80, 19)
	ctx := context.Background()
	scr := show(t, m, secTraining)
	if !strings.Contains(scr, "No training offers yet") {
		t.Fatalf("empty offers:\n%s", scr)
	}
	// no title: refused at the field; an unknown trade too
	scr = keys(t, m, "+", save)
	if !strings.Contains(scr, "An offer needs a title") {
		t.Fatalf("no title:\n%s", scr)
	}
	scr = keys(t, m, "低压电工培训", tab, "区职教中心", tab, "pilot", save)
	if !strings.Contains(scr, "No such trade") || !strings.Contains(scr, "低压电工培训") {
		t.Fatalf("unknown trade:\n%s", scr)
	}
	for range 5 {
		keys(t, m, tea.KeyBackspace)
	}
	scr = keys(t, m, "sd", tab, "2026-12-05", tab, "杨家坪", tab, "68001234", tab, "0", save)
	o := must(s.Offers(ctx, true))(t, "Offers")
	if len(o) != 1 || o[0].Title != "低压电工培训" || o[0].TradeID != 1 || o[0].StartsOn != "2026-12-05" || !o[0].Active {
		t.Fatalf("offer: %+v\n%s", o, scr)
	}
	if !strings.Contains(scr, "低压电工培训") || !strings.Contains(scr, "free") || m.Capturing() {
		t.Fatalf("list:\n%s", scr)
	}
	narrow(t, scr, 80)
	// d closes it for referrals
	keys(t, m, "d")
	if o := must(s.Offers(ctx, false))(t, "Offers"); len(o) != 0 {
		t.Fatalf("closed offer still active: %+v", o)
	}
}

func TestRightsLedger(t *testing.T) {
	m, s := opened(t, i18n.Zh, true, 80, 19)
	ctx := context.Background()
	head := m.c.Staff.ID
	w, err := s.CreateWorker(ctx, head, store.Worker{Name: "张三丰", BirthYear: 1980, Phone: "13800138000", CommunityID: 100,
		Trades: []store.WorkerTrade{{TradeID: 1, Years: 3}}})
	if err != nil {
		t.Fatal(err)
	}
	older, err := s.OpenCase(ctx, head, store.RightsCase{Kind: store.CaseUnpaid, OpenedBy: store.ByWorker, WorkerID: w.ID, Summary: "老板拖欠三天工钱", AmountFen: 60000})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.OpenCase(ctx, head, store.RightsCase{Kind: store.CaseInjury, OpenedBy: store.ByWorker, WorkerID: w.ID, Summary: "搬货扭伤腰"}); err != nil {
		t.Fatal(err)
	}
	scr := show(t, m, secCases)
	if !strings.Contains(scr, "待跟进") || !strings.Contains(scr, "张*丰") || !strings.Contains(scr, "欠薪") {
		t.Fatalf("ledger:\n%s", scr)
	}
	// the oldest first: Enter opens case 1
	scr = keys(t, m, enter)
	if !strings.Contains(scr, "#1 欠薪") || !strings.Contains(scr, "老板拖欠三天工钱") || !strings.Contains(scr, "¥600.00") {
		t.Fatalf("case:\n%s", scr)
	}
	// resolving needs a note: refused, the note prompt stays
	scr = keys(t, m, "r", enter)
	if !strings.Contains(scr, "解决或转介须写明记录") || !m.Capturing() {
		t.Fatalf("resolve without a note:\n%s", scr)
	}
	scr = keys(t, m, esc, "p", "已电话联系雇主", enter)
	c := must(s.RightsCase(ctx, older.ID))(t, "RightsCase")
	if c.Status != store.CaseInProgress || len(c.Notes) != 2 || c.Notes[1].Note != "已电话联系雇主" || c.Notes[1].StaffName != "王芳" {
		t.Fatalf("in progress: %+v", c)
	}
	if !strings.Contains(scr, "处理中") || !strings.Contains(scr, "已电话联系雇主") || !strings.Contains(scr, "王芳") {
		t.Fatalf("case after note:\n%s", scr)
	}
	scr = keys(t, m, "i", "雇主拒不支付，转劳动监察", enter)
	if c = must(s.RightsCase(ctx, older.ID))(t, "RightsCase"); c.Status != store.CaseReferred || c.ReferredTo != store.ReferInspection {
		t.Fatalf("referred: %+v", c)
	}
	if !strings.Contains(scr, "已转介·劳动监察") {
		t.Fatalf("referred state:\n%s", scr)
	}
	scr = keys(t, m, "r", "监察大队追回工资", enter)
	if c = must(s.RightsCase(ctx, older.ID))(t, "RightsCase"); c.Status != store.CaseResolved || c.ResolvedAt.IsZero() {
		t.Fatalf("resolved: %+v", c)
	}
	if !strings.Contains(scr, "已解决") || !strings.Contains(scr, "监察大队追回工资") {
		t.Fatalf("resolved case:\n%s", scr)
	}
	// a resolved case leaves the follow-up list; a shows it among all
	scr = keys(t, m, esc)
	if strings.Contains(scr, "老板拖欠") || !strings.Contains(scr, "搬货扭伤腰") {
		t.Fatalf("follow-up after resolving:\n%s", scr)
	}
	scr = keys(t, m, "a")
	if !strings.Contains(scr, "全部维权案件") || !strings.Contains(scr, "老板拖欠") || !strings.Contains(scr, "已解决") {
		t.Fatalf("all cases:\n%s", scr)
	}
	narrow(t, scr, 80)
}
