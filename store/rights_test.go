package store

import (
	"context"
	"testing"
	"time"
)

func wantKey(t *testing.T, err error, key string) {
	t.Helper()
	if se := AsError(err); se == nil || se.Key != key {
		t.Fatalf("want error %s, got %v", key, err)
	}
}

func TestRightsCaseLifeCycle(t *testing.T) {
	st := newDispatchStation(t)
	w := st.worker("张三", 1, 100)
	j := st.job(1, 1, dispatchNow.Add(2*time.Hour), 4)
	d := st.dispatch(j, w)

	// refusals change nothing
	_, err := st.s.OpenCase(st.ctx, st.head, RightsCase{Kind: "bribe", OpenedBy: ByWorker, DispatchID: d.ID, Summary: "x"})
	wantKey(t, err, "rights.kind")
	_, err = st.s.OpenCase(st.ctx, st.head, RightsCase{Kind: CaseUnpaid, OpenedBy: ByWorker, DispatchID: d.ID, Summary: "  "})
	wantKey(t, err, "rights.summary_needed")
	_, err = st.s.OpenCase(st.ctx, st.head, RightsCase{Kind: CaseOther, OpenedBy: ByWorker, Summary: "无对象"})
	wantKey(t, err, "rights.party_needed")
	if n := count(t, st.s, "rights_cases"); n != 0 {
		t.Fatalf("refused cases saved: %d", n)
	}

	// from a dispatch: worker, job and employer come with it
	c, err := st.s.OpenCase(st.ctx, st.head, RightsCase{Kind: CaseUnpaid, OpenedBy: ByWorker, DispatchID: d.ID, Summary: "干完活雇主未付工资", AmountFen: 20000})
	if err != nil {
		t.Fatal(err)
	}
	if c.WorkerID != w.ID || c.JobID != j.ID || c.EmployerID != st.employer.ID || c.Status != CaseOpen {
		t.Fatalf("case %+v", c)
	}
	if n := must(st.s.OpenUnpaidCases(st.ctx, st.employer.ID))(t); n != 1 {
		t.Fatalf("employer not flagged: %d", n)
	}
	// on its own, by an employer
	other, err := st.s.OpenCase(st.ctx, st.head, RightsCase{Kind: CaseTerms, OpenedBy: ByEmployer, EmployerID: st.employer.ID, Summary: "工人中途离开"})
	if err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		step CaseStep
		key  string // refused with this key, or "" accepted
		want CaseStatus
	}{
		{CaseStep{Status: CaseResolved}, "rights.note_needed", CaseOpen},
		{CaseStep{Status: "closed", Note: "x"}, "rights.status", CaseOpen},
		{CaseStep{Status: CaseOpen, Note: "again"}, "rights.same_status", CaseOpen},
		{CaseStep{Status: CaseInProgress, Note: "已电话联系雇主"}, "", CaseInProgress},
		{CaseStep{Status: CaseReferred, Note: "转"}, "rights.refer_to", CaseInProgress},
		{CaseStep{Status: CaseReferred, ReferredTo: ReferInspection, Note: "雇主拒付，转劳动监察"}, "", CaseReferred},
		{CaseStep{Note: "劳动监察已受理"}, "", CaseReferred},
		{CaseStep{Status: CaseResolved, Note: "雇主补发200元"}, "", CaseResolved},
		{CaseStep{Status: CaseInProgress, Note: "x"}, "rights.resolved", CaseResolved},
		{CaseStep{Status: CaseOpen, Note: "工人称只付了一半"}, "", CaseOpen},
		{CaseStep{Status: CaseResolved, Note: "余款付清"}, "", CaseResolved},
	}
	for i, s := range steps {
		got, err := st.s.UpdateCase(st.ctx, st.head, c.ID, s.step)
		if s.key != "" {
			wantKey(t, err, s.key)
		} else if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
		cur, err := st.s.RightsCase(st.ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		if cur.Status != s.want {
			t.Fatalf("step %d: status %s, want %s", i, cur.Status, s.want)
		}
		if s.key == "" && got.Status != s.want {
			t.Fatalf("step %d: returned %s", i, got.Status)
		}
	}
	cur := must(st.s.RightsCase(st.ctx, c.ID))(t)
	if len(cur.Notes) != 7 || cur.Notes[0].Note != "干完活雇主未付工资" || cur.Notes[0].StaffName != "王站长" {
		t.Fatalf("notes %+v", cur.Notes)
	}
	if cur.ReferredTo != "" || cur.ResolvedAt.IsZero() {
		t.Fatalf("resolved case %+v", cur)
	}
	if n := must(st.s.OpenUnpaidCases(st.ctx, st.employer.ID))(t); n != 0 {
		t.Fatalf("resolved case still flags: %d", n)
	}
	// follow-up: unresolved cases, oldest first
	fu, err := st.s.RightsCases(st.ctx, CaseFilter{FollowUp: true})
	if err != nil || len(fu) != 1 || fu[0].ID != other.ID || fu[0].EmployerName != "李阿姨" {
		t.Fatalf("follow-up %+v %v", fu, err)
	}
	byWorker := must(st.s.RightsCases(st.ctx, CaseFilter{WorkerID: w.ID}))(t)
	if len(byWorker) != 1 || byWorker[0].WorkerName != "张三" {
		t.Fatalf("worker's cases %+v", byWorker)
	}
	var audits int
	st.s.db.QueryRow(`SELECT count(*) FROM audit WHERE entity = 'rights_case'`).Scan(&audits)
	if audits != 2+7-1 { // two opens, six accepted steps
		t.Fatalf("audits %d", audits)
	}
}

func TestFollowUpOrderedByAge(t *testing.T) {
	now := dispatchNow
	st := newDispatchStation(t)
	w := st.worker("李四", 1, 100)
	st.s.now = func() time.Time { return now }
	var ids []int64
	for i, k := range []CaseKind{CaseInjury, CaseFakePosting, CaseOther} {
		now = dispatchNow.Add(time.Duration(3-i) * time.Hour) // newer first
		c, err := st.s.OpenCase(context.Background(), st.head, RightsCase{Kind: k, OpenedBy: ByWorker, WorkerID: w.ID, Summary: string(k)})
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, c.ID)
	}
	fu := must(st.s.RightsCases(st.ctx, CaseFilter{FollowUp: true}))(t)
	if len(fu) != 3 || fu[0].ID != ids[2] || fu[2].ID != ids[0] {
		t.Fatalf("not oldest first: %+v", fu)
	}
}

func TestInsurance(t *testing.T) {
	st := newDispatchStation(t)
	w := st.worker("王五", 1, 100)
	d := st.dispatch(st.job(1, 1, dispatchNow.Add(time.Hour), 2), w)
	_, err := st.s.SetInsurance(st.ctx, st.head, d.ID, false, "平安", "")
	wantKey(t, err, "ins.not_insured")
	if _, err := st.s.SetInsurance(st.ctx, st.head, d.ID, true, "中国人寿零工保", "LGB-2026-0001"); err != nil {
		t.Fatal(err)
	}
	in, err := st.s.InsuranceOf(st.ctx, d.ID)
	if err != nil || !in.Insured || in.Insurer != "中国人寿零工保" || in.PolicyNo != "LGB-2026-0001" {
		t.Fatalf("%+v %v", in, err)
	}
	_, err = st.s.SetInsurance(st.ctx, st.head, 9999, true, "", "")
	if ErrorCode(err) != NotFound {
		t.Fatalf("missing dispatch: %v", err)
	}
}
