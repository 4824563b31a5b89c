package store

import (
	"context"
	"testing"
	"time"
)

func jobsStation(t *testing.T) (*Store, int64) {
	t.Helper()
	s := openTest(t)
	head, err := s.Setup(context.Background(), "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	return s, head.ID
}

func plumbingJob(start time.Time) Job {
	return Job{TradeID: 1, Headcount: 1, StartsAt: start, Duration: 4 * time.Hour, PayFen: 30000, PayUnit: PerDay,
		Address: "后街12号", CommunityID: 100}
}

func TestCreateJobWithNewEmployerIsOneTransaction(t *testing.T) {
	s, staff := jobsStation(t)
	ctx := context.Background()
	tomorrow := fixedNow.Add(20 * time.Hour)
	e := Employer{Kind: Resident, Name: "张阿姨", Phone: "13800138000", Address: "后街12号", CommunityID: 100}

	// a refused job saves no employer either
	bad := plumbingJob(fixedNow.Add(-2 * time.Hour))
	if _, _, err := s.CreateJob(ctx, staff, e, bad); AsError(err) == nil || AsError(err).Key != "job.start_past" {
		t.Fatalf("past start: %v", err)
	}
	bad = plumbingJob(tomorrow)
	bad.RequestedWorkerID = 999
	if _, _, err := s.CreateJob(ctx, staff, e, bad); AsError(err) == nil || AsError(err).Key != "job.requested_worker" {
		t.Fatalf("unknown requested worker: %v", err)
	}
	if n := count(t, s, "employers"); n != 0 {
		t.Fatalf("a refused job left %d employers", n)
	}

	e, j, err := s.CreateJob(ctx, staff, e, plumbingJob(tomorrow))
	if err != nil {
		t.Fatal(err)
	}
	if e.ID == 0 || j.ID == 0 || j.EmployerID != e.ID || j.Status != JobOpen {
		t.Fatalf("got employer %d, job %+v", e.ID, j)
	}
	found, err := s.EmployerByPhone(ctx, "138 0013 8000")
	if err != nil || found.ID != e.ID {
		t.Fatalf("EmployerByPhone: %v %v", found, err)
	}
	last, err := s.LastJob(ctx, e.ID)
	if err != nil || last.ID != j.ID || last.Address != "后街12号" {
		t.Fatalf("LastJob: %+v %v", last, err)
	}

	// a returning employer whose address changed is updated in the job's transaction
	e.Address = "后街14号"
	e2, _, err := s.CreateJob(ctx, staff, e, plumbingJob(tomorrow.Add(24*time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if got := must(s.Employer(ctx, e.ID))(t); got.Address != "后街14号" || e2.ID != e.ID {
		t.Fatalf("employer not updated: %+v", got)
	}
	// unchanged details write no employer update
	before := count(t, s, "audit")
	if _, _, err := s.CreateJob(ctx, staff, e2, plumbingJob(tomorrow)); err != nil {
		t.Fatal(err)
	}
	if got := count(t, s, "audit") - before; got != 1 {
		t.Fatalf("an unchanged employer wrote %d audit rows, want 1 (the job)", got)
	}
	// audit rows never hold the phone
	var n int
	s.db.QueryRow(`SELECT count(*) FROM audit WHERE detail LIKE '%13800138000%'`).Scan(&n)
	if n != 0 {
		t.Fatal("a phone number reached the audit log")
	}
}

func TestEmployerHistoryFlagsUnpaidAndDisputes(t *testing.T) {
	s, staff := jobsStation(t)
	ctx := context.Background()
	e, j, err := s.CreateJob(ctx, staff, Employer{Kind: Firm, Name: "重庆某物流公司", Phone: "023-68001234"}, plumbingJob(fixedNow.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if e.Phone != "02368001234" {
		t.Fatalf("landline kept as %q", e.Phone)
	}
	w, err := s.CreateWorker(ctx, staff, Worker{Name: "李四", Phone: "13900139000", BirthYear: 1980, Trades: []WorkerTrade{{TradeID: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	w2, err := s.CreateWorker(ctx, staff, Worker{Name: "赵五", Phone: "13900139001", BirthYear: 1982, Trades: []WorkerTrade{{TradeID: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.EmployerHistory(ctx, e.ID)
	if err != nil || rec.Jobs != 1 || rec.Flagged() {
		t.Fatalf("fresh employer: %+v %v", rec, err)
	}
	ins := func(worker int64, status string, paid any, disputed int) {
		t.Helper()
		_, err := s.db.Exec(`INSERT INTO dispatches (job_id, worker_id, status, starts_at, ends_at, agreed_pay_fen, paid_fen, disputed, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?, 30000, ?, ?, ?, ?)`, j.ID, worker, status, j.StartsAt.Unix(), j.EndsAt().Unix(), paid, disputed, fixedNow.Unix(), fixedNow.Unix())
		if err != nil {
			t.Fatal(err)
		}
	}
	ins(w.ID, "done", 30000, 0) // paid: no flag
	if rec = must(s.EmployerHistory(ctx, e.ID))(t); rec.Flagged() {
		t.Fatalf("a paid dispatch flags the employer: %+v", rec)
	}
	ins(w2.ID, "done", nil, 0)
	if rec = must(s.EmployerHistory(ctx, e.ID))(t); rec.Unpaid != 1 || !rec.Flagged() {
		t.Fatalf("unpaid not counted: %+v", rec)
	}
	s.db.Exec(`UPDATE dispatches SET disputed = 1 WHERE worker_id = ?`, w.ID)
	if rec = must(s.EmployerHistory(ctx, e.ID))(t); rec.Disputed != 1 {
		t.Fatalf("dispute not counted: %+v", rec)
	}
	list, err := s.JobListings(ctx, JobFilter{})
	if err != nil || len(list) != 1 || !list[0].Flagged || list[0].EmployerKind != Firm || list[0].EmployerPhone != "02368001234" {
		t.Fatalf("listing: %+v %v", list, err)
	}
}

func TestRevealEmployerIsAudited(t *testing.T) {
	s, staff := jobsStation(t)
	ctx := context.Background()
	e, _, err := s.CreateJob(ctx, staff, Employer{Name: "张阿姨", Phone: "13800138000"}, plumbingJob(fixedNow.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	phone, err := s.RevealEmployer(ctx, staff, e.ID)
	if err != nil || phone != "13800138000" {
		t.Fatalf("reveal: %q %v", phone, err)
	}
	var who int64
	var detail string
	if err := s.db.QueryRow(`SELECT staff_id, detail FROM audit WHERE action = 'reveal:phone' AND entity = 'employer' AND entity_id = ?`, e.ID).Scan(&who, &detail); err != nil {
		t.Fatal(err)
	}
	if who != staff || detail != "" {
		t.Fatalf("audit row: staff %d detail %q", who, detail)
	}
	if _, err := s.RevealEmployer(ctx, staff, 999); ErrorCode(err) != NotFound {
		t.Fatalf("unknown employer: %v", err)
	}
}

func TestUpdateAndCloseJob(t *testing.T) {
	s, staff := jobsStation(t)
	ctx := context.Background()
	_, j, err := s.CreateJob(ctx, staff, Employer{Name: "张阿姨", Phone: "13800138000"}, plumbingJob(fixedNow.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	j.Headcount, j.PayFen = 3, 45000
	if j, err = s.UpdateJob(ctx, staff, j); err != nil {
		t.Fatal(err)
	}
	got := must(s.Job(ctx, j.ID))(t)
	if got.Headcount != 3 || got.PayFen != 45000 {
		t.Fatalf("update not saved: %+v", got)
	}
	if err := s.CloseJob(ctx, staff, j.ID, JobCancelled, ""); AsError(err) == nil || AsError(err).Key != "job.reason_needed" {
		t.Fatalf("cancel without reason: %v", err)
	}
	if err := s.CloseJob(ctx, staff, j.ID, JobCancelled, "雇主自己找到人了"); err != nil {
		t.Fatal(err)
	}
	if err := s.CloseJob(ctx, staff, j.ID, JobExpired, ""); ErrorCode(err) != Conflict {
		t.Fatalf("closing twice: %v", err)
	}
	if _, err := s.UpdateJob(ctx, staff, j); ErrorCode(err) != Conflict {
		t.Fatalf("editing a cancelled job: %v", err)
	}
}
