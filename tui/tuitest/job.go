package tuitest

import (
	"context"
	"testing"
	"time"

	"gigdesk/store"
)

// PostJob saves the tests' usual caller, 李阿姨 (a resident of community 100, 13912345678), and
// her job of trade 1 for headcount people at ¥250 a day, starting three hours after now for
// four hours: the job most screen tests begin from.
func PostJob(t testing.TB, s *store.Store, staff int64, now time.Time, headcount int) store.Job {
	t.Helper()
	e := store.Employer{Kind: store.Resident, Name: "李阿姨", Phone: "13912345678", Address: "后街12号", CommunityID: 100}
	_, job, err := s.CreateJob(context.Background(), staff, e, store.Job{TradeID: 1, Headcount: headcount,
		StartsAt: now.Add(3 * time.Hour), Duration: 4 * time.Hour, PayFen: 25000, PayUnit: store.PerDay,
		Address: "后街12号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	return job
}
