package store

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"
)

// postJob posts a job for a new employer with a unique phone.
func postJob(t *testing.T, s *Store, staff int64, n int, kind EmployerKind, j Job) Job {
	t.Helper()
	e := Employer{Kind: kind, Name: "李阿姨", Phone: fmt.Sprintf("1390013%04d", n),
		Address: "后街社区3栋2单元", CommunityID: 100}
	if kind != Resident {
		e.Name = "渝州搬家公司"
	}
	if j.Headcount == 0 {
		j.Headcount = 1
	}
	if j.Duration == 0 {
		j.Duration = 4 * time.Hour
	}
	if j.PayFen == 0 {
		j.PayFen, j.PayUnit = 30000, PerDay
	}
	if j.TradeID == 0 {
		j.TradeID = 1
	}
	_, j, err := s.CreateJob(context.Background(), staff, e, j)
	if err != nil {
		t.Fatal(err)
	}
	return j
}

func TestPublicJobsOnlyOpenAndCurrent(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	head, err := s.Setup(ctx, "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	later := postJob(t, s, head.ID, 1, Firm, Job{StartsAt: fixedNow.Add(26 * time.Hour), Headcount: 6, CommunityID: 100})
	soonCalm := postJob(t, s, head.ID, 2, Resident, Job{StartsAt: fixedNow.Add(2 * time.Hour)})
	soonUrgent := postJob(t, s, head.ID, 3, Shop, Job{StartsAt: fixedNow.Add(2 * time.Hour), Urgent: true})
	started := postJob(t, s, head.ID, 4, Resident, Job{StartsAt: fixedNow.Add(-10 * time.Minute), Duration: 2 * time.Hour})
	cancelled := postJob(t, s, head.ID, 5, Resident, Job{StartsAt: fixedNow.Add(3 * time.Hour)})
	if err := s.CloseJob(ctx, head.ID, cancelled.ID, JobCancelled, "不需要了"); err != nil {
		t.Fatal(err)
	}
	// An ended job and a posting past its validity are left off; write them as a load would.
	err = s.Bulk(ctx, func(l *Loader) error {
		id, err := l.NextID("jobs")
		if err != nil {
			return err
		}
		for i, j := range []Job{
			{StartsAt: fixedNow.Add(-5 * time.Hour), Duration: 2 * time.Hour},
			{StartsAt: fixedNow.Add(5 * time.Hour), Duration: 2 * time.Hour, ValidUntil: fixedNow.Add(-time.Minute)},
		} {
			j.ID, j.EmployerID, j.TradeID, j.Headcount, j.PayFen, j.PayUnit = id+int64(i), later.EmployerID, 1, 1, 20000, PerDay
			j.Status, j.Channel, j.CreatedAt, j.UpdatedAt = JobOpen, ByPhone, fixedNow.Add(-24*time.Hour), fixedNow.Add(-24*time.Hour)
			if err := l.Job(&j); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.PublicJobs(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, j := range got {
		ids = append(ids, j.ID)
	}
	want := []int64{started.ID, soonUrgent.ID, soonCalm.ID, later.ID}
	if !reflect.DeepEqual(ids, want) {
		t.Fatalf("public jobs = %v, want %v (started, urgent before calm at the same time, later)", ids, want)
	}
	if got[3].EmployerKind != Firm || got[3].Wanted() != 6 || got[3].CommunityID != 100 || !got[3].StartsAt.Equal(later.StartsAt) {
		t.Fatalf("public job fields wrong: %+v", got[3])
	}
	if two := must(s.PublicJobs(ctx, 2))(t); len(two) != 2 {
		t.Fatalf("limit 2 gave %d jobs", len(two))
	}
}

func TestFilledTodayCountsJobsWhoseLastDispatchIsToday(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	head, err := s.Setup(ctx, "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.CreateWorker(ctx, head.ID, Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1975,
		Trades: []WorkerTrade{{TradeID: 1, Years: 5}}, CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	w2, err := s.CreateWorker(ctx, head.ID, Worker{Name: "赵四", Phone: "13800138001", BirthYear: 1980,
		Trades: []WorkerTrade{{TradeID: 1, Years: 5}}, CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	morning := postJob(t, s, head.ID, 1, Shop, Job{StartsAt: fixedNow.Add(3 * time.Hour), Headcount: 2, CommunityID: 100})
	noon := postJob(t, s, head.ID, 2, Resident, Job{StartsAt: fixedNow.Add(4 * time.Hour)})
	yesterday := postJob(t, s, head.ID, 3, Firm, Job{StartsAt: fixedNow.Add(5 * time.Hour)})
	partly := postJob(t, s, head.ID, 4, Firm, Job{StartsAt: fixedNow.Add(5 * time.Hour), Headcount: 3})
	dayStart, _, err := s.DayRange(s.Today())
	if err != nil {
		t.Fatal(err)
	}
	// Dispatches and fill counts as the match screen would leave them.
	err = s.Bulk(ctx, func(l *Loader) error {
		id, err := l.NextID("dispatches")
		if err != nil {
			return err
		}
		for _, d := range []struct {
			job    Job
			worker int64
			at     time.Time
			status string
		}{
			{morning, w.ID, dayStart.Add(9 * time.Hour), "dispatched"},
			{morning, w2.ID, dayStart.Add(11 * time.Hour), "dispatched"},
			{noon, w.ID, dayStart.Add(12 * time.Hour), "cancelled"},
			{noon, w2.ID, dayStart.Add(13 * time.Hour), "dispatched"},
			{yesterday, w.ID, dayStart.Add(-2 * time.Hour), "done"},
			{partly, w.ID, dayStart.Add(10 * time.Hour), "dispatched"},
		} {
			rec := DispatchRecord{ID: id, JobID: d.job.ID, WorkerID: d.worker, Status: d.status, StartsAt: d.job.StartsAt,
				EndsAt: d.job.EndsAt(), AgreedPayFen: d.job.PayFen, CreatedAt: d.at, UpdatedAt: d.at}
			id++
			if err := l.Dispatch(&rec); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []struct {
		id     int64
		filled int
		status JobStatus
	}{{morning.ID, 2, JobFilled}, {noon.ID, 1, JobFilled}, {yesterday.ID, 1, JobDone}, {partly.ID, 1, JobPartly}} {
		if _, err := s.db.Exec(`UPDATE jobs SET filled = ?, status = ? WHERE id = ?`, u.filled, string(u.status), u.id); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.FilledToday(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].JobID != noon.ID || got[1].JobID != morning.ID {
		t.Fatalf("filled today = %+v, want noon's job then morning's", got)
	}
	if !got[1].FilledAt.Equal(dayStart.Add(11*time.Hour)) || got[1].EmployerKind != Shop || got[1].Headcount != 2 {
		t.Fatalf("morning fill = %+v, want filled at 11:00 by a shop for 2", got[1])
	}
	b, err := s.PublicBoard(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if b.StationName != "后街零工市场" || b.FilledToday != 2 || len(b.JustFilled) != 2 || len(b.Jobs) != 1 || b.Jobs[0].ID != partly.ID {
		t.Fatalf("public board = %+v", b)
	}
}
