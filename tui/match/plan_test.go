package match

import (
	"context"
	"slices"
	"strings"
	"testing"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// openPlan opens the day plan for the desk's day (the job starts today).
func (d *desk) openPlan() {
	d.t.Helper()
	d.keys("p")
	for range 10 {
		d.keys("backspace")
	}
	d.keys("2026-11-27", "enter")
}

// auditOf is the actions of the audit rows about dispatch id, oldest first.
func (d *desk) auditOf(id int64) []string {
	d.t.Helper()
	rows, err := d.s.Audit(context.Background(), store.AuditFilter{Entity: "dispatch", EntityID: id})
	if err != nil {
		d.t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		out = append(out, r.Action)
	}
	slices.Sort(out)
	return out
}

// TestPlanAcceptAllAsksFirst: A on the plan asks, saying how many dispatches it means; n
// dispatches nothing, y dispatches every line left with one accepted call each.
func TestPlanAcceptAllAsksFirst(t *testing.T) {
	d := newDesk(t, i18n.En, 100, 30)
	d.openPlan()
	d.want("2 places, 2 workers proposed, total score", "Job", "Trade", "Worker", "Score", "1 张*丰", "4 赵*")
	d.keys("A")
	d.want("Dispatch 2 workers as planned, jobs: 1")
	d.keys("n")
	if n := len(d.dispatches(store.DispatchFilter{})); n != 0 {
		t.Fatalf("n dispatched %d", n)
	}
	d.keys("A", "y")
	if d.isErr || !strings.Contains(d.status, "2 dispatched as planned") {
		t.Fatalf("accept all: %q", d.status)
	}
	if j := d.jobNow(); j.Filled != 2 || j.Status != store.JobFilled {
		t.Fatalf("job after accept all: %+v", j)
	}
	if strings.Count(d.screen(), "dispatched") < 2 {
		t.Fatalf("lines not marked dispatched:\n%s", d.screen())
	}
	calls, err := d.s.Audit(context.Background(), store.AuditFilter{Action: "call:accepted", Entity: "job", EntityID: d.job.ID})
	if err != nil || len(calls) != 2 {
		t.Fatalf("accepted calls audited: %+v %v", calls, err)
	}
	d.keys("A")
	if !d.isErr || !strings.Contains(d.status, "No line of the plan is left") {
		t.Fatalf("accept all again: %q", d.status)
	}
}

// TestPlanDispatchesAsTheCallFlowDoes: the call flow's dispatch, insured with an insurer and a
// policy, and the plan's dispatch of the job's other place carry the same pay, insurance and
// audit rows; the plan asks nothing, it takes the defaults Enter would.
func TestPlanDispatchesAsTheCallFlowDoes(t *testing.T) {
	d := newDesk(t, i18n.Zh, 100, 30)
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	d.keys("a", "enter")
	d.want("已投保意外险吗", "Enter：否") // nothing insured yet at this station
	d.keys("y", "人保财险", "enter", "P-1", "enter")
	if d.isErr {
		t.Fatalf("call-flow dispatch: %q", d.status)
	}
	d.keys("esc")
	d.openPlan()
	d.want("1 个空缺，建议派 1 人")
	d.keys("a")
	if d.isErr || !strings.Contains(d.status, "已派工") {
		t.Fatalf("plan accept: %q", d.status)
	}
	ds := d.dispatches(store.DispatchFilter{})
	if len(ds) != 2 {
		t.Fatalf("dispatches: %+v", ds)
	}
	for _, dp := range ds {
		in, err := d.s.InsuranceOf(context.Background(), dp.ID)
		if err != nil || !in.Insured || in.Insurer != "人保财险" || in.PolicyNo != "P-1" || dp.AgreedPayFen != 25000 {
			t.Fatalf("dispatch %d: pay %d insurance %+v %v", dp.ID, dp.AgreedPayFen, in, err)
		}
	}
	if a, b := d.auditOf(ds[0].ID), d.auditOf(ds[1].ID); !slices.Equal(a, b) || !slices.Equal(a, []string{"dispatch", "insurance"}) {
		t.Fatalf("audit rows differ: %v and %v", a, b)
	}
}

// TestCallFlowEnterAcceptsTheDefaults: after an insured dispatch of the job, the next one is
// pay, insured, insurer, policy with Enter on each.
func TestCallFlowEnterAcceptsTheDefaults(t *testing.T) {
	d := newDesk(t, i18n.Zh, 100, 30)
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	d.keys("a", "enter", "y", "人保财险", "enter", "P-1", "enter")
	d.keys("a", "enter")
	d.want("Enter：是")
	d.keys("enter")
	d.want("保险公司", "人保财险")
	d.keys("enter")
	d.want("保单号", "P-1")
	d.keys("enter")
	if d.isErr || !strings.Contains(d.status, "已派工") {
		t.Fatalf("second dispatch: %q", d.status)
	}
	ds := d.dispatches(store.DispatchFilter{})
	if len(ds) != 2 {
		t.Fatalf("dispatches: %+v", ds)
	}
	in, err := d.s.InsuranceOf(context.Background(), ds[1].ID)
	if err != nil || !in.Insured || in.Insurer != "人保财险" || in.PolicyNo != "P-1" {
		t.Fatalf("second dispatch's insurance: %+v %v", in, err)
	}
}

// TestPlanLeavesOutWhoDidNotAnswer: the first candidate did not answer just now; the plan
// proposes the others, and "pick someone else" lists them with headers and reasons, the one
// who did not answer last and marked.
func TestPlanLeavesOutWhoDidNotAnswer(t *testing.T) {
	d := newDesk(t, i18n.Zh, 120, 30)
	d.send(common.GotoMsg{Page: common.PageMatch, Job: d.job.ID})
	d.keys("n") // 张三丰: no answer
	d.keys("esc")
	d.openPlan()
	d.want("2 个空缺，建议派 2 人", "4 赵*", "2 李*")
	if strings.Contains(d.screen(), "张*丰") {
		t.Fatalf("the plan proposes the worker who just did not answer:\n%s", d.screen())
	}
	d.keys("c")
	d.want("另选一人", "编号", "姓名", "得分", "理由")
	lines := strings.Split(d.screen(), "\n")
	last := lines[len(lines)-1]
	if !strings.Contains(last, "张*丰") || !strings.Contains(last, "刚未接通或拒绝") {
		t.Fatalf("the worker who did not answer is not last and marked:\n%s", d.screen())
	}
}
