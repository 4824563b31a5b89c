package store

import (
	"slices"
	"testing"
	"time"
)

// TestPlanDayLeavesOutWhoJustDidNotAnswer: a worker who did not answer about the job today, or
// did not answer any call in the last hour, is not proposed; an old no-answer, or one followed
// by an accepted call, does not count against them.
func TestPlanDayLeavesOutWhoJustDidNotAnswer(t *testing.T) {
	st := newDispatchStation(t)
	j := st.job(1, 4, dispatchNow.Add(3*time.Hour), 4)
	other := st.job(1, 1, dispatchNow.Add(26*time.Hour), 2) // tomorrow: another job
	noAnswer := st.worker("张三丰", 1, 100)
	elsewhere := st.worker("李四", 1, 100)
	yesterday := st.worker("王五", 1, 100)
	answeredSince := st.worker("赵六", 1, 100)
	plain := st.worker("钱七", 1, 100)
	call := func(job Job, w Worker, o CallOutcome, ago time.Duration) {
		t.Helper()
		c := must(st.s.RecordCall(st.ctx, st.head, job.ID, w.ID, o, ""))(t)
		if _, err := st.s.db.ExecContext(st.ctx, `UPDATE call_attempts SET at = ? WHERE id = ?`, dispatchNow.Add(-ago).Unix(), c.ID); err != nil {
			t.Fatal(err)
		}
	}
	call(j, noAnswer, NoAnswer, 3*time.Hour)         // today, this job
	call(other, elsewhere, NoAnswer, 20*time.Minute) // the last hour, another job
	call(j, yesterday, NoAnswer, 30*time.Hour)       // yesterday
	call(other, answeredSince, NoAnswer, 30*time.Minute)
	call(other, answeredSince, Accepted, 10*time.Minute)

	p := must(st.s.PlanDay(st.ctx, st.s.Today()))(t)
	var got []int64
	for _, a := range p.Proposal.Assignments {
		if a.JobID == j.ID {
			got = append(got, a.WorkerID)
		}
	}
	slices.Sort(got)
	want := []int64{yesterday.ID, answeredSince.ID, plain.ID}
	if !slices.Equal(got, want) {
		t.Fatalf("proposed %v for job %d, want %v (left out %d and %d)", got, j.ID, want, noAnswer.ID, elsewhere.ID)
	}
}
