package store

import (
	"testing"
	"time"
)

func TestCheckPay(t *testing.T) {
	for _, c := range []struct {
		name           string
		j              Job
		guide, min     int64
		belowG, belowM bool
	}{
		{"no guide, above minimum", Job{PayFen: 20000, PayUnit: PerDay, Duration: 8 * time.Hour}, 0, 2100, false, false},
		{"below guide", Job{PayFen: 20000, PayUnit: PerDay, Duration: 8 * time.Hour}, 25000, 2100, true, false},
		{"at guide", Job{PayFen: 25000, PayUnit: PerDay, Duration: 8 * time.Hour}, 25000, 2100, false, false},
		{"below minimum hourly", Job{PayFen: 1800, PayUnit: PerHour, Duration: 2 * time.Hour}, 0, 2100, false, true},
		{"day rate under 8 x minimum", Job{PayFen: 16000, PayUnit: PerDay, Duration: 8 * time.Hour}, 0, 2100, false, true},
		{"piece rate has no hourly", Job{PayFen: 100, PayUnit: PerPiece, Duration: 8 * time.Hour}, 0, 2100, false, false},
		{"piece rate under its guide", Job{PayFen: 100, PayUnit: PerPiece, Duration: 8 * time.Hour}, 150, 2100, true, false},
		{"fixed price over 2 hours", Job{PayFen: 4000, PayUnit: Fixed, Duration: 2 * time.Hour}, 0, 2100, false, true},
	} {
		got := CheckPay(c.j, c.guide, c.min)
		if got.BelowGuide != c.belowG || got.BelowMin != c.belowM || got.Below() != (c.belowG || c.belowM) {
			t.Errorf("%s: %+v", c.name, got)
		}
	}
}

func TestGuidePayConfirmation(t *testing.T) {
	st := newDispatchStation(t)
	s, ctx := st.s, st.ctx
	clerk, err := s.AddStaff(ctx, st.head, "小刘", RoleStaff)
	if err != nil {
		t.Fatal(err)
	}
	wantKey(t, s.SetGuidePay(ctx, clerk.ID, 1, PerDay, 25000), "staff.head_only")
	wantKey(t, s.SetGuidePay(ctx, st.head, 1, "week", 25000), "pay.unit")
	if err := s.SetGuidePay(ctx, st.head, 1, PerDay, 25000); err != nil {
		t.Fatal(err)
	}
	if err := s.SetGuidePay(ctx, st.head, 1, PerDay, 26000); err != nil { // changed, not duplicated
		t.Fatal(err)
	}
	gs := must(s.GuidePays(ctx))(t)
	if len(gs) != 1 || gs[0].PayFen != 26000 {
		t.Fatalf("guides %+v", gs)
	}
	job := Job{TradeID: 1, Headcount: 1, StartsAt: dispatchNow.Add(3 * time.Hour), Duration: 8 * time.Hour, PayFen: 20000, PayUnit: PerDay}
	jobsBefore := count(t, s, "jobs")
	_, _, err = s.CreateJob(ctx, clerk.ID, st.employer, job)
	wantKey(t, err, "guide.reason_needed")
	if se := AsError(err); se.Field != "pay_reason" {
		t.Fatalf("field %q", se.Field)
	}
	if count(t, s, "jobs") != jobsBefore {
		t.Fatal("half-saved a job below the guide")
	}
	pc, _, err := s.ReviewJob(ctx, job)
	if err != nil || !pc.BelowGuide || pc.GuideFen != 26000 {
		t.Fatalf("review %+v %v", pc, err)
	}
	job.Review.PayReason = "半天活，雇主提供午餐"
	_, saved, err := s.CreateJob(ctx, clerk.ID, st.employer, job)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.JobReviewOf(ctx, saved.ID)
	if err != nil || !r.BelowGuide || r.GuideFen != 26000 || r.PayReason != "半天活，雇主提供午餐" || r.PostingFlags != "" {
		t.Fatalf("review kept %+v %v", r, err)
	}
	// raised to the guide on edit: the reason is no longer needed nor kept
	saved.PayFen = 26000
	saved.Review = JobReview{}
	if _, err := s.UpdateJob(ctx, clerk.ID, saved); err != nil {
		t.Fatal(err)
	}
	if r := must(s.JobReviewOf(ctx, saved.ID))(t); r.BelowGuide || r.PayReason != "" {
		t.Fatalf("after raise %+v", r)
	}
	// below the minimum wage with no guide for the trade
	low := Job{TradeID: 2, Headcount: 1, StartsAt: dispatchNow.Add(3 * time.Hour), Duration: 2 * time.Hour, PayFen: 1500, PayUnit: PerHour}
	_, _, err = s.CreateJob(ctx, clerk.ID, st.employer, low)
	wantKey(t, err, "guide.min_reason_needed")
	// removing the guide
	if err := s.SetGuidePay(ctx, st.head, 1, PerDay, 0); err != nil {
		t.Fatal(err)
	}
	if g := must(s.GuideFor(ctx, 1, PerDay))(t); g != 0 {
		t.Fatalf("guide kept %d", g)
	}
}

func TestPostingOverrideKeptWithJob(t *testing.T) {
	st := newDispatchStation(t)
	s, ctx := st.s, st.ctx
	job := Job{TradeID: 14, Headcount: 1, StartsAt: dispatchNow.Add(3 * time.Hour), Duration: 8 * time.Hour, PayFen: 30000, PayUnit: PerDay,
		Requirements: "需要女性，35岁以下，交押金200"}
	n := count(t, s, "jobs")
	_, _, err := s.CreateJob(ctx, st.head, st.employer, job)
	wantKey(t, err, "posting.override_needed")
	if count(t, s, "jobs") != n {
		t.Fatal("saved a flagged posting without a reason")
	}
	job.Review.PostingOverride = "患者为女性，需同性别护理"
	_, saved, err := s.CreateJob(ctx, st.head, st.employer, job)
	if err != nil {
		t.Fatal(err)
	}
	r := must(s.JobReviewOf(ctx, saved.ID))(t)
	if r.PostingFlags != "gender,age,fee" || r.PostingOverride != "患者为女性，需同性别护理" {
		t.Fatalf("kept %+v", r)
	}
	var audited int
	s.db.QueryRow(`SELECT count(*) FROM audit WHERE action = 'confirm:posting' AND entity_id = ?`, saved.ID).Scan(&audited)
	if audited != 1 {
		t.Fatalf("override not audited")
	}
	// the place, not the worker: no reason needed
	clean := job
	clean.TradeID, clean.Requirements, clean.Review = 9, "女士内衣店保洁，每周两次", JobReview{}
	if _, _, err := s.CreateJob(ctx, st.head, st.employer, clean); err != nil {
		t.Fatal(err)
	}
}

func TestExpireJobs(t *testing.T) {
	now := dispatchNow
	st := newDispatchStation(t)
	st.s.now = func() time.Time { return now }
	a := st.job(1, 1, now.Add(30*24*time.Hour), 4) // valid 7 days (the default)
	w := st.worker("赵六", 1, 100)
	b := st.job(1, 2, now.Add(30*24*time.Hour+8*time.Hour), 4)
	st.dispatch(b, w) // partly filled
	c := st.job(1, 1, now.Add(30*24*time.Hour+16*time.Hour), 4)
	if err := st.s.CloseJob(st.ctx, st.head, c.ID, JobCancelled, "雇主取消"); err != nil {
		t.Fatal(err)
	}
	if n, err := st.s.ExpireJobs(st.ctx, 0); err != nil || n != 0 {
		t.Fatalf("expired early: %d %v", n, err)
	}
	now = now.AddDate(0, 0, 7).Add(time.Minute)
	n, err := st.s.ExpireJobs(st.ctx, 0)
	if err != nil || n != 2 {
		t.Fatalf("expired %d %v", n, err)
	}
	for id, want := range map[int64]JobStatus{a.ID: JobExpired, b.ID: JobExpired, c.ID: JobCancelled} {
		if j := st.jobNow(id); j.Status != want {
			t.Fatalf("job %d %s want %s", id, j.Status, want)
		}
	}
	var audited int
	st.s.db.QueryRow(`SELECT count(*) FROM audit WHERE action = 'status:expired'`).Scan(&audited)
	if audited != 2 {
		t.Fatalf("audited %d", audited)
	}
	if n := must(st.s.ExpireJobs(st.ctx, 0))(t); n != 0 {
		t.Fatalf("swept twice: %d", n)
	}
}
