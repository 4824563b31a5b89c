package store

import (
	"strings"
	"testing"
	"time"
)

func TestCorrectCase(t *testing.T) {
	st := newDispatchStation(t)
	w := st.worker("张三", 1, 100)
	unpaid, err := st.s.OpenCase(st.ctx, st.head, RightsCase{Kind: CaseUnpaid, OpenedBy: ByWorker, WorkerID: w.ID, Summary: "拖欠两天工钱", AmountFen: 30000})
	if err != nil {
		t.Fatal(err)
	}
	injury, err := st.s.OpenCase(st.ctx, st.head, RightsCase{Kind: CaseInjury, OpenedBy: ByEmployer, EmployerID: st.employer.ID, Summary: "工人受伤"})
	if err != nil {
		t.Fatal(err)
	}
	// refusals change nothing
	_, err = st.s.CorrectCase(st.ctx, st.head, unpaid.ID, "  ", 30000)
	wantKey(t, err, "rights.summary_needed")
	_, err = st.s.CorrectCase(st.ctx, st.head, unpaid.ID, "拖欠两天工钱", -1)
	wantKey(t, err, "rights.amount")
	_, err = st.s.CorrectCase(st.ctx, st.head, injury.ID, "工人受伤", 5000)
	wantKey(t, err, "rights.amount_unpaid_only")
	_, err = st.s.CorrectCase(st.ctx, st.head, unpaid.ID, "拖欠两天工钱", 30000)
	wantKey(t, err, "rights.unchanged")
	if _, err = st.s.CorrectCase(st.ctx, st.head, 999, "x", 0); AsError(err) == nil || AsError(err).Code != NotFound {
		t.Fatalf("missing case: %v", err)
	}
	if c := must(st.s.RightsCase(st.ctx, unpaid.ID))(t); c.Summary != "拖欠两天工钱" || c.AmountFen != 30000 {
		t.Fatalf("refusal changed the case: %+v", c)
	}

	st.s.now = func() time.Time { return dispatchNow.Add(time.Hour) }
	c, err := st.s.CorrectCase(st.ctx, st.head, unpaid.ID, "拖欠三天工钱", 45000)
	if err != nil {
		t.Fatal(err)
	}
	if c.Summary != "拖欠三天工钱" || c.AmountFen != 45000 || c.Status != CaseOpen || !c.UpdatedAt.After(unpaid.UpdatedAt) {
		t.Fatalf("corrected %+v", c)
	}
	a := must(st.s.Audit(st.ctx, AuditFilter{Entity: "rights_case", Action: "correct"}))(t)
	if len(a) != 1 || a[0].EntityID != unpaid.ID || strings.Contains(a[0].Detail, "拖欠") || !strings.Contains(a[0].Detail, "30000→45000") {
		t.Fatalf("correction audited as %+v", a)
	}
}
