package store

import (
	"strings"
	"testing"
	"time"

	"gigdesk/store/match"
)

func TestSelfPINAndLockout(t *testing.T) {
	UseFastPINHashing()
	st := newDispatchStation(t)
	w := st.worker("张三丰", 1, 100)
	_, err := st.s.SelfLookup(st.ctx, "13999999999")
	wantDispatchKey(t, err, "self.unknown_phone")
	_, err = st.s.SelfLookup(st.ctx, w.Phone)
	wantDispatchKey(t, err, "self.no_pin")
	wantDispatchKey(t, st.s.SetSelfPIN(st.ctx, st.head, w.ID, "12"), "self.pin_format")
	if err := st.s.SetSelfPIN(st.ctx, st.head, w.ID, "2468"); err != nil {
		t.Fatal(err)
	}
	id, err := st.s.SelfLookup(st.ctx, "138 0000 "+w.Phone[7:])
	if err != nil || id != w.ID {
		t.Fatalf("lookup by phone typed with spaces = %d, %v", id, err)
	}
	if got, err := st.s.SelfAuth(st.ctx, w.ID, "2468"); err != nil || got.ID != w.ID || got.Name != "张三丰" {
		t.Fatalf("right PIN: %+v, %v", got, err)
	}
	_, err = st.s.SelfAuth(st.ctx, w.ID, "24") // a mistyped length does not count
	wantDispatchKey(t, err, "self.pin_format")
	for i := 1; i < PINMaxFailures; i++ {
		_, err = st.s.SelfAuth(st.ctx, w.ID, "0000")
		wantDispatchKey(t, err, "self.pin_wrong")
		if left := AsError(err).Ref; left != int64(PINMaxFailures-i) {
			t.Fatalf("try %d: %d left", i, left)
		}
	}
	_, err = st.s.SelfAuth(st.ctx, w.ID, "0000")
	wantDispatchKey(t, err, "self.locked")
	_, err = st.s.SelfAuth(st.ctx, w.ID, "2468") // the right PIN no longer opens it
	wantDispatchKey(t, err, "self.locked")
	_, err = st.s.SelfLookup(st.ctx, w.Phone)
	wantDispatchKey(t, err, "self.locked")
	if ss := must(st.s.SelfStatus(st.ctx, w.ID))(t); !ss.Locked || !ss.HasPIN {
		t.Fatalf("status after lockout %+v", ss)
	}
	if err := st.s.SetSelfPIN(st.ctx, st.head, w.ID, "1357"); err != nil { // staff reset clears the lock
		t.Fatal(err)
	}
	if _, err := st.s.SelfAuth(st.ctx, w.ID, "1357"); err != nil {
		t.Fatalf("after reset: %v", err)
	}
	// audited, with no PIN, phone or name in any detail
	rows := must(queryAll(st.ctx, st.s, scanOne[string], `SELECT action || ' ' || detail FROM audit WHERE action LIKE 'self:%' ORDER BY id`))(t)
	if len(rows) < 8 || !strings.HasPrefix(rows[len(rows)-1], "self:signin") {
		t.Fatalf("audit %q", rows)
	}
	for _, r := range rows {
		if strings.Contains(r, "2468") || strings.Contains(r, "1357") || strings.Contains(r, w.Phone[7:]) || strings.Contains(r, "张") {
			t.Fatalf("personal data in audit row %q", r)
		}
	}
}

func TestSelfSignInIsACounterSignIn(t *testing.T) {
	st := newDispatchStation(t)
	w := st.worker("张三丰", 1, 100)
	p, err := st.s.SelfSignIn(st.ctx, w.ID)
	if err != nil || !p.Here() || p.Day != st.s.Today() {
		t.Fatalf("self sign-in %+v, %v", p, err)
	}
	_, err = st.s.SelfSignIn(st.ctx, w.ID)
	wantDispatchKey(t, err, "signin.already")
	src := must(queryAll(st.ctx, st.s, scanOne[string], `SELECT source FROM sign_ins WHERE worker_id = ?`, w.ID))(t)
	if len(src) != 1 || src[0] != SignInSelf {
		t.Fatalf("source %q", src)
	}
	if here := must(st.s.SignedIn(st.ctx, st.s.Today()))(t); len(here) != 1 || here[0].WorkerID != w.ID {
		t.Fatalf("today's list %+v", here)
	}
	acts := must(queryAll(st.ctx, st.s, scanOne[string], `SELECT action FROM audit WHERE entity = 'worker' AND entity_id = ? AND staff_id IS NULL`, w.ID))(t)
	if len(acts) != 1 || acts[0] != "sign_in" {
		t.Fatalf("audit %q", acts)
	}
}

func TestJobsForMeAndRequests(t *testing.T) {
	st := newDispatchStation(t)
	w := st.worker("张三丰", 1, 101)                              // 水电, in a community of 100's sub-district
	near := st.job(1, 2, dispatchNow.Add(2*time.Hour), 4)      // community 100
	related := st.job(6, 1, dispatchNow.Add(time.Hour), 2)     // 管道疏通, related
	tomorrow := st.job(1, 1, dispatchNow.Add(24*time.Hour), 4) // tomorrow
	st.job(1, 1, dispatchNow.Add(48*time.Hour), 4)             // the day after: not listed
	st.job(3, 1, dispatchNow.Add(2*time.Hour), 4)              // 木工: not for a plumber
	mine := must(st.s.JobsForMe(st.ctx, w.ID))(t)
	var ids []int64
	for _, j := range mine {
		ids = append(ids, j.ID)
	}
	// all three are in the same sub-district: own trade first, then the earliest
	if want := []int64{near.ID, tomorrow.ID, related.ID}; !equalIDs(ids, want) {
		t.Fatalf("jobs for me %v, want %v", ids, want)
	}
	if mine[0].Near != match.SameSubDistrict || mine[0].Related || !mine[2].Related {
		t.Fatalf("reasons %+v", mine)
	}
	at, err := st.s.AskForJob(st.ctx, w.ID, near.ID)
	if err != nil || !at.Equal(dispatchNow) {
		t.Fatalf("ask: %v, %v", at, err)
	}
	_, err = st.s.AskForJob(st.ctx, w.ID, near.ID)
	wantDispatchKey(t, err, "self.already_asked")
	other := st.job(3, 1, dispatchNow.Add(2*time.Hour), 4)
	_, err = st.s.AskForJob(st.ctx, w.ID, other.ID)
	wantDispatchKey(t, err, "self.job_gone")
	if mine := must(st.s.JobsForMe(st.ctx, w.ID))(t); mine[0].Asked.IsZero() {
		t.Fatalf("asked not shown: %+v", mine[0])
	}
	if reqs := must(st.s.JobRequests(st.ctx, near.ID))(t); !reqs[w.ID].Equal(dispatchNow) || len(reqs) != 1 {
		t.Fatalf("job's requests %v", reqs)
	}
	// the request is a factor of the ranking, weighed as the station says
	wt := match.DefaultWeights()
	wt.Asked = 20
	if err := st.s.SaveMatchWeights(st.ctx, st.head, wt); err != nil {
		t.Fatal(err)
	}
	r := must(st.s.RankForJob(st.ctx, near.ID, 0))(t)
	if len(r.Candidates) != 1 || factorPoints(r.Candidates[0], match.KeyAsked) != 20 || r.Asked[w.ID].IsZero() {
		t.Fatalf("ranking %+v asked %v", r.Candidates, r.Asked)
	}
	if mr := must(st.s.MyRequests(st.ctx, w.ID))(t); len(mr) != 1 || mr[0].ID != near.ID {
		t.Fatalf("my requests %+v", mr)
	}
	if err := st.s.WithdrawRequest(st.ctx, w.ID, near.ID); err != nil {
		t.Fatal(err)
	}
	wantDispatchKey(t, st.s.WithdrawRequest(st.ctx, w.ID, near.ID), "self.no_request")
	if mr := must(st.s.MyRequests(st.ctx, w.ID))(t); len(mr) != 0 {
		t.Fatalf("withdrawn still listed %+v", mr)
	}
	// asking again reuses the row; a request ends with its job
	if _, err := st.s.AskForJob(st.ctx, w.ID, tomorrow.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := st.s.AskForJob(st.ctx, w.ID, near.ID); err != nil {
		t.Fatal(err)
	}
	if err := st.s.CloseJob(st.ctx, st.head, tomorrow.ID, JobCancelled, "雇主不要了"); err != nil {
		t.Fatal(err)
	}
	if mr := must(st.s.MyRequests(st.ctx, w.ID))(t); len(mr) != 1 || mr[0].ID != near.ID {
		t.Fatalf("after the job was cancelled %+v", mr)
	}
	if n := count(t, st.s, "job_requests"); n != 2 {
		t.Fatalf("%d request rows, want 2", n)
	}
	details := must(queryAll(st.ctx, st.s, scanOne[string], `SELECT detail FROM audit WHERE action IN ('self:ask', 'self:withdraw')`))(t)
	if len(details) != 4 || strings.ContainsAny(strings.Join(details, ""), "张三丰") {
		t.Fatalf("audit details %q", details)
	}
}

func factorPoints(c match.Candidate, key string) int {
	for _, f := range c.Factors {
		if f.Key == key {
			return f.Points
		}
	}
	return -1
}

func equalIDs(a, b []int64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestPreRegistrationIsNeverDispatchedUntilConfirmed(t *testing.T) {
	st := newDispatchStation(t)
	j := st.job(1, 2, dispatchNow.Add(2*time.Hour), 4)
	_, err := st.s.PreRegister(st.ctx, PreRegistration{Name: "新来的", Phone: "139 0000 1111", CommunityID: 100})
	wantDispatchKey(t, err, "worker.no_trade")
	id, err := st.s.PreRegister(st.ctx, PreRegistration{Name: "陈新", Phone: "139 0000 1111", Trades: []int64{1}, CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	_, err = st.s.PreRegister(st.ctx, PreRegistration{Name: "陈新", Phone: "13900001111", Trades: []int64{1}})
	wantDispatchKey(t, err, "self.phone_known")
	if ss := must(st.s.SelfStatus(st.ctx, id))(t); !ss.Unconfirmed || ss.HasPIN {
		t.Fatalf("status %+v", ss)
	}
	r := must(st.s.RankForJob(st.ctx, j.ID, 0))(t)
	if len(r.Candidates) != 0 {
		t.Fatalf("unconfirmed worker ranked: %+v", r.Candidates)
	}
	_, err = st.s.Dispatch(st.ctx, st.head, DispatchInput{JobID: j.ID, WorkerID: id})
	wantDispatchKey(t, err, "dispatch.worker_paused")
	wantDispatchKey(t, st.s.SetWorkerStatus(st.ctx, st.head, id, Active, ""), "self.unconfirmed")
	wantDispatchKey(t, st.s.SetSelfPIN(st.ctx, st.head, id, "2468"), "self.unconfirmed")
	_, err = st.s.SelfLookup(st.ctx, "13900001111")
	wantDispatchKey(t, err, "self.unconfirmed")
	if err := st.s.ConfirmWorker(st.ctx, st.head, id); err != nil {
		t.Fatal(err)
	}
	wantDispatchKey(t, st.s.ConfirmWorker(st.ctx, st.head, id), "self.not_unconfirmed")
	if r := must(st.s.RankForJob(st.ctx, j.ID, 0))(t); len(r.Candidates) != 1 || r.Candidates[0].WorkerID != id {
		t.Fatalf("confirmed worker not ranked: %+v", r.Candidates)
	}
	acts := must(queryAll(st.ctx, st.s, scanOne[string], `SELECT action || '|' || detail FROM audit WHERE entity = 'worker' AND entity_id = ? ORDER BY id`, id))(t)
	if strings.Join(acts, ",") != "create|,self:prereg|,self:confirm|" {
		t.Fatalf("audit %q", acts)
	}
}
