package store_test

import (
	"bytes"
	"context"
	"gigdesk/store/testdb"
	"log"
	"log/slog"
	"strings"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/demo"
)

// After the full demo and a realistic session of writes (register, reveal, job, dispatch, pay,
// full export, erase), no audit row and no log line holds a phone number or an ID number.
func TestNoPhoneOrIDInAuditOrLog(t *testing.T) {
	var logged bytes.Buffer
	prevLog := log.Writer()
	log.SetOutput(&logged)
	defer log.SetOutput(prevLog)
	prev := slog.Default()
	slog.SetDefault(slog.New(slog.NewTextHandler(&logged, nil)))
	defer slog.SetDefault(prev)

	now := time.Date(2026, 11, 27, 9, 0, 0, 0, store.Shanghai)
	path := testdb.New(t, "gigdesk.db")
	s, err := store.Open(path, store.WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	if _, err := demo.Generate(ctx, s, demo.Defaults()); err != nil {
		t.Fatal(err)
	}
	staff := must(s.ListStaff(ctx))(t)
	head, clerk := staff[0].ID, staff[1].ID

	// the session at the counter
	w, err := s.CreateWorker(ctx, clerk, store.Worker{Name: "张三丰", BirthYear: 1975, Phone: "13800009999",
		IDNumber: "50010719750315001X", CommunityID: 100, Trades: []store.WorkerTrade{{TradeID: 1, Years: 8}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"phone", "id_number"} {
		if _, err := s.RevealWorker(ctx, clerk, w.ID, f); err != nil {
			t.Fatal(err)
		}
	}
	e, j, err := s.CreateJob(ctx, clerk, store.Employer{Kind: store.Resident, Name: "李阿姨", Phone: "13912340000", Address: "后街12号", CommunityID: 100},
		store.Job{TradeID: 1, Headcount: 1, StartsAt: now.Add(time.Hour), Duration: 2 * time.Hour, PayFen: 30000, PayUnit: store.PerDay, Address: "后街12号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.RevealEmployer(ctx, clerk, e.ID); err != nil {
		t.Fatal(err)
	}
	d, err := s.Dispatch(ctx, clerk, store.DispatchInput{JobID: j.ID, WorkerID: w.ID})
	if err != nil {
		t.Fatal(err)
	}
	now = now.Add(3 * time.Hour)
	for _, step := range []func() (store.Dispatch, error){
		func() (store.Dispatch, error) { return s.CheckIn(ctx, clerk, d.ID) },
		func() (store.Dispatch, error) { return s.Done(ctx, clerk, d.ID) },
		func() (store.Dispatch, error) { return s.Pay(ctx, clerk, d.ID, 30000) },
	} {
		if _, err := step(); err != nil {
			t.Fatal(err)
		}
	}
	for _, kind := range store.ExportKinds {
		if err := s.Export(ctx, head, store.ExportRequest{Kind: kind, Full: true}, func([]any) error { return nil }); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.ExportPerson(ctx, head, store.PersonWorker, w.ID); err != nil {
		t.Fatal(err)
	}

	// every phone and ID number held, read before the erasure wipes one of them
	db, err := store.OpenSQL(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	secrets := map[string]bool{}
	for _, q := range []string{`SELECT phone FROM workers`, `SELECT id_number FROM workers`, `SELECT phone FROM employers`} {
		rows, err := db.Query(q + ` WHERE coalesce(` + strings.Fields(q)[1] + `, '') <> ''`)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var v string
			rows.Scan(&v)
			secrets[v] = true
		}
		rows.Close()
	}
	if len(secrets) < 300 {
		t.Fatalf("only %d phones and ID numbers to look for", len(secrets))
	}
	if _, err := s.ErasePerson(ctx, head, store.PersonWorker, w.ID); err != nil {
		t.Fatal(err)
	}

	rows, err := db.Query(`SELECT id, action, entity, detail FROM audit`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	n := 0
	for rows.Next() {
		var id int64
		var action, entity, detail string
		rows.Scan(&id, &action, &entity, &detail)
		n++
		row := action + " " + entity + " " + detail
		for sec := range secrets {
			if strings.Contains(row, sec) {
				t.Errorf("audit row %d holds a phone or ID number: %q", id, row)
			}
		}
	}
	if n < 15 {
		t.Fatalf("only %d audit rows: the session did not run", n)
	}
	for sec := range secrets {
		if strings.Contains(logged.String(), sec) {
			t.Errorf("the log holds a phone or ID number:\n%s", logged.String())
			break
		}
	}
}
