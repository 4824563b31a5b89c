package admin

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

func TestCaseOnItsOwn(t *testing.T) {
	m, s := opened(t, i18n.Zh, true, 80, 19)
	ctx := context.Background()
	head := m.c.Staff.ID
	w, err := s.CreateWorker(ctx, head, store.Worker{Name: "张三丰", BirthYear: 1980, Phone: "13800138000", CommunityID: 100,
		Trades: []store.WorkerTrade{{TradeID: 1, Years: 3}}})
	if err != nil {
		t.Fatal(err)
	}
	e, err := s.SaveEmployer(ctx, head, store.Employer{Kind: store.Shop, Name: "老王装修", Phone: "13912345678", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	scr := show(t, m, secCases)
	if !strings.Contains(scr, "+ 单独登记") {
		t.Fatalf("ledger hint:\n%s", scr)
	}
	// + finds the worker by pinyin initials; Enter opens the shared case form for them
	scr = keys(t, m, "+", "zsf")
	if !strings.Contains(scr, "张*丰") || !strings.Contains(scr, "138****8000") || !m.Capturing() {
		t.Fatalf("worker found:\n%s", scr)
	}
	scr = keys(t, m, enter)
	if !strings.Contains(scr, "登记维权案件") || !strings.Contains(scr, "零工 #1 张*丰") {
		t.Fatalf("case form:\n%s", scr)
	}
	// unpaid wages, the worker complains, a bad amount is refused at its field and kept
	scr = keys(t, m, "1", "w", "六百块", save)
	if !strings.Contains(scr, "六百块") || !strings.Contains(scr, "请输入金额（元）") || caseCount(t, s) != 0 {
		t.Fatalf("bad amount:\n%s", scr)
	}
	scr = keys(t, m, tea.KeyCtrlU, "600", tab, save)
	if !strings.Contains(scr, "请简要写下经过") || caseCount(t, s) != 0 {
		t.Fatalf("summary needed:\n%s", scr)
	}
	scr = keys(t, m, "包工头拖欠三天工钱", save)
	cs := must(s.RightsCases(ctx, store.CaseFilter{}))(t, "RightsCases")
	if len(cs) != 1 || cs[0].WorkerID != w.ID || cs[0].EmployerID != 0 || cs[0].DispatchID != 0 || cs[0].AmountFen != 60000 ||
		cs[0].Kind != store.CaseUnpaid || cs[0].OpenedBy != store.ByWorker {
		t.Fatalf("case saved %+v", cs)
	}
	if !strings.Contains(scr, "#1 欠薪") || !strings.Contains(scr, "¥600.00") || m.Capturing() {
		t.Fatalf("the new case is shown:\n%s", scr)
	}
	narrow(t, scr, 80)

	// e corrects the summary and the amount; Esc leaves without saving
	scr = keys(t, m, "e")
	if !strings.Contains(scr, "更正案件 #1") || !strings.Contains(scr, "包工头拖欠三天工钱") || !m.Capturing() {
		t.Fatalf("correct form:\n%s", scr)
	}
	scr = keys(t, m, tab, tea.KeyCtrlU, "abc", save)
	if c := must(s.RightsCase(ctx, cs[0].ID))(t, "RightsCase"); c.AmountFen != 60000 || !strings.Contains(scr, "abc") || !strings.Contains(scr, "请输入金额（元）") {
		t.Fatalf("bad amount corrected: %+v\n%s", c, scr)
	}
	scr = keys(t, m, tea.KeyCtrlU, "800", save)
	c := must(s.RightsCase(ctx, cs[0].ID))(t, "RightsCase")
	if c.AmountFen != 80000 || c.Summary != "包工头拖欠三天工钱" || !strings.Contains(scr, "¥800.00") || m.Capturing() {
		t.Fatalf("amount corrected: %+v\n%s", c, scr)
	}
	if a := must(s.Audit(ctx, store.AuditFilter{Entity: "rights_case", Action: "correct"}))(t, "Audit"); len(a) != 1 {
		t.Fatalf("correction audited %d times", len(a))
	}
	// an unchanged correction is refused and the form stays
	scr = keys(t, m, "e", save)
	if !strings.Contains(scr, "没有改动") || !m.Capturing() {
		t.Fatalf("unchanged:\n%s", scr)
	}
	keys(t, m, esc, esc)

	// for an employer, found by phone: Tab switches, an unknown phone finds no one
	scr = keys(t, m, "+", tab, "13900000000", enter)
	if !strings.Contains(scr, "雇主手机号") || !strings.Contains(scr, "没有找到") {
		t.Fatalf("unknown employer:\n%s", scr)
	}
	scr = keys(t, m, tea.KeyCtrlU, "139 1234 5678")
	if !strings.Contains(scr, "老王装修") || !strings.Contains(scr, "139****5678") {
		t.Fatalf("employer found:\n%s", scr)
	}
	scr = keys(t, m, enter, "3", tab, "工人不按约定时间到场", save)
	cs = must(s.RightsCases(ctx, store.CaseFilter{EmployerID: e.ID}))(t, "RightsCases")
	if len(cs) != 1 || cs[0].WorkerID != 0 || cs[0].Kind != store.CaseTerms || cs[0].OpenedBy != store.ByEmployer || cs[0].AmountFen != 0 {
		t.Fatalf("employer case %+v\n%s", cs, scr)
	}
	if !strings.Contains(scr, "#2") || !strings.Contains(scr, "老王装修") || m.Capturing() {
		t.Fatalf("employer case shown:\n%s", scr)
	}
	narrow(t, scr, 80)
}

func caseCount(t *testing.T, s *store.Store) int {
	t.Helper()
	cs, err := s.RightsCases(context.Background(), store.CaseFilter{})
	if err != nil {
		t.Fatal(err)
	}
	return len(cs)
}
