package store

import (
	"testing"
	"time"
)

// Erasing a worker takes their self-service PIN row with the rest, in the one audited
// transaction, and withdraws their job requests (kept, so the terminal's figures for those days
// do not drop); another worker's stay, and a refused erase takes nothing.
func TestEraseWorkerClearsSelfService(t *testing.T) {
	UseFastPINHashing()
	st := newDispatchStation(t)
	w := st.worker("张三丰", 1, 100)
	other := st.worker("李四", 1, 100)
	j := st.job(1, 2, dispatchNow.Add(2*time.Hour), 4)
	for _, x := range []Worker{w, other} {
		if err := st.s.SetSelfPIN(st.ctx, st.head, x.ID, "2468"); err != nil {
			t.Fatal(err)
		}
		if _, err := st.s.AskForJob(st.ctx, x.ID, j.ID); err != nil {
			t.Fatal(err)
		}
	}
	count := func(table string, id int64) int {
		return must(queryAll(st.ctx, st.s, scanOne[int], `SELECT count(*) FROM `+table+` WHERE worker_id = ?`, id))(t)[0]
	}
	clerk := must(st.s.AddStaff(st.ctx, st.head, "小刘", RoleStaff))(t)
	if _, err := st.s.ErasePerson(st.ctx, clerk.ID, PersonWorker, w.ID); keyOf(err) != "staff.head_only" {
		t.Fatalf("a clerk's erase: %v", err)
	}
	if count("worker_self", w.ID) != 1 || count("job_requests", w.ID) != 1 {
		t.Fatal("a refused erase took the self-service rows")
	}
	if _, err := st.s.ErasePerson(st.ctx, st.head, PersonWorker, w.ID); err != nil {
		t.Fatal(err)
	}
	if n, m := count("worker_self", w.ID), count("job_requests", w.ID); n != 0 || m != 1 {
		t.Fatalf("after the erase: %d PIN rows, %d requests", n, m)
	}
	if live := must(queryAll(st.ctx, st.s, scanOne[int], `SELECT count(*) FROM job_requests WHERE worker_id = ? AND withdrawn_at IS NULL`, w.ID))(t)[0]; live != 0 {
		t.Fatalf("%d of the erased worker's requests still stand", live)
	}
	if n, m := count("worker_self", other.ID), count("job_requests", other.ID); n != 1 || m != 1 {
		t.Fatalf("the other worker's: %d PIN rows, %d requests", n, m)
	}
	if ss := must(st.s.SelfStatus(st.ctx, w.ID))(t); ss.HasPIN {
		t.Fatalf("self status after the erase %+v", ss)
	}
	if reqs := must(st.s.JobRequests(st.ctx, j.ID))(t); len(reqs) != 1 || reqs[other.ID].IsZero() {
		t.Fatalf("the job's requests %v", reqs)
	}
	acts := must(queryAll(st.ctx, st.s, scanOne[string], `SELECT action FROM audit WHERE entity = 'worker' AND entity_id = ? AND action = 'erase'`, w.ID))(t)
	if len(acts) != 1 {
		t.Fatalf("erase audit rows %q", acts)
	}
}
