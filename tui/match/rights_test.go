package match

import (
	"context"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// An insured dispatch keeps its insurer and policy number; a rights case opened from today's
// list is refused at its field without words, keeps what was typed, then saves and marks the
// dispatch until it is resolved.
func TestInsuranceAndRightsCaseFromDispatch(t *testing.T) {
	d := newDesk(t, i18n.Zh, 80, 24)
	ctx := context.Background()
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	d.keys("a", "enter", "y")
	d.want("保险公司（可空")
	d.keys(strings.Repeat("保", 41), "enter")
	if !d.isErr {
		t.Fatal("a 41-character insurer was accepted")
	}
	d.want("保险公司（可空") // still asking, with what was typed
	for range 41 {
		d.keys("backspace")
	}
	d.keys("人保财险", "enter", "PICC-2026-0001", "enter")
	if d.isErr || !strings.Contains(d.status, "保险已记录") {
		t.Fatalf("insured dispatch: %q", d.status)
	}
	ds := d.dispatches(store.DispatchFilter{})
	if len(ds) != 1 {
		t.Fatalf("dispatches: %+v", ds)
	}
	in, err := d.s.InsuranceOf(ctx, ds[0].ID)
	if err != nil || !in.Insured || in.Insurer != "人保财险" || in.PolicyNo != "PICC-2026-0001" {
		t.Fatalf("insurance: %+v %v", in, err)
	}

	d.keys("t")
	d.want("今天开工或今天派出的派工（1）")
	if strings.Contains(d.screen(), "维权中") {
		t.Fatal("a dispatch without a case is marked")
	}
	d.keys("k")
	d.want("登记维权案件", "派工 #1 张*丰 → 李阿姨", "1 欠薪", "欠薪金额（元） 250.00", "经过")
	if !d.m.Capturing() {
		t.Fatal("the case form takes typing but the screen does not say so")
	}
	d.keys("enter", "enter", "enter", "enter") // kind, who, amount, then an empty account
	if d.isErr {
		t.Fatalf("a refusal went to the footer: %q", d.status)
	}
	d.want("请简要写下经过") // at the field
	if n := d.cases(store.CaseFilter{}); len(n) != 0 {
		t.Fatalf("an empty case was saved: %+v", n)
	}
	d.keys("雇主说下周再付", "ctrl+s")
	if d.isErr || !strings.Contains(d.status, "已登记维权案件 #1") {
		t.Fatalf("open case: %q", d.status)
	}
	cs := d.cases(store.CaseFilter{DispatchID: ds[0].ID})
	if len(cs) != 1 || cs[0].Kind != store.CaseUnpaid || cs[0].OpenedBy != store.ByWorker || cs[0].AmountFen != 25000 ||
		cs[0].WorkerID != d.ws[0].ID || cs[0].EmployerID == 0 || cs[0].Summary != "雇主说下周再付" {
		t.Fatalf("case: %+v", cs)
	}
	d.want("维权中")
	for i, l := range strings.Split(d.screen(), "\n") {
		if w := len([]rune(l)); w > 80 {
			t.Fatalf("line %d too long: %q", i, l)
		}
	}

	// a second case, an employer's complaint about the terms: no amount asked
	d.keys("k", "3")
	d.want("约定纠纷")
	if strings.Contains(d.screen(), "欠薪金额") {
		t.Fatal("the amount is asked for a dispute over terms")
	}
	d.keys("e", "活没干完", "enter")
	cs = d.cases(store.CaseFilter{DispatchID: ds[0].ID})
	if len(cs) != 2 || cs[0].Kind != store.CaseTerms || cs[0].OpenedBy != store.ByEmployer || cs[0].AmountFen != 0 {
		t.Fatalf("second case: %+v", cs)
	}

	// Esc leaves the form without saving; resolved cases leave no mark
	d.keys("k", "esc")
	for _, c := range cs {
		if _, err := d.s.UpdateCase(ctx, d.c.Staff.ID, c.ID, store.CaseStep{Status: store.CaseResolved, Note: "已付清"}); err != nil {
			t.Fatal(err)
		}
	}
	d.send(common.ChangedMsg{})
	if strings.Contains(d.screen(), "维权中") {
		t.Fatalf("a resolved case still marks the dispatch:\n%s", d.screen())
	}
	if cs := d.cases(store.CaseFilter{}); len(cs) != 2 {
		t.Fatalf("Esc saved a case: %d", len(cs))
	}
}
