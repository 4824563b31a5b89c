package kiosk

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// TestDoorScreenNeverShowsStillOpen: a dispatch nobody closed is the staff's business, not the
// public's: the door screen shows neither the list nor its count.
func TestDoorScreenNeverShowsStillOpen(t *testing.T) {
	s := demoStore(t)
	ctx := context.Background()
	morning := time.Date(2026, 11, 26, 7, 0, 0, 0, store.Shanghai)
	old, err := store.Open(s.Target(), store.WithClock(func() time.Time { return morning }))
	if err != nil {
		t.Fatal(err)
	}
	w, err := old.CreateWorker(ctx, 1, store.Worker{Name: "忘关老张", Phone: "13600009999", BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	_, j, err := old.CreateJob(ctx, 1, store.Employer{Kind: store.Resident, Name: "忘关雇主", Phone: "13900009999"},
		store.Job{TradeID: 1, Headcount: 1, StartsAt: morning.Add(time.Hour), Duration: 4 * time.Hour, PayFen: 30000, PayUnit: store.PerDay})
	if err == nil {
		_, err = old.Dispatch(ctx, 1, store.DispatchInput{JobID: j.ID, WorkerID: w.ID})
	}
	old.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, n, err := s.StillOpenDispatches(ctx, s.Today(), 10); err != nil || n == 0 {
		t.Fatalf("no still-open dispatch to hide: %d %v", n, err)
	}
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		cat := i18n.New(lang)
		m := newKiosk(t, s, lang, 200, 60)
		for page := 0; page < m.Pages(); page++ {
			v := ansi.Strip(m.View()) + m.Text()
			for _, bad := range []string{cat.T("report.fig.still_open"), cat.T("report.still_open.dispatched"), "忘关老张", "忘关雇主"} {
				if strings.Contains(v, bad) {
					t.Fatalf("%s door screen shows %q:\n%s", lang, bad, v)
				}
			}
			m.NextPage()
		}
	}
}
