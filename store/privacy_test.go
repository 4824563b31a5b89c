package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"
)

func TestExportAndErasePerson(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	head, err := s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	clerk := must(s.AddStaff(ctx, head.ID, "李强", RoleStaff))(t)
	idno := regID("50010719800101123")
	w, err := s.CreateWorker(ctx, head.ID, Worker{Name: "张三丰", Phone: "13800138000", IDNumber: idno, BirthYear: 1980,
		CommunityID: 100, Notes: "腰不好", Trades: []WorkerTrade{{TradeID: 1, Years: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, head.ID, w.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LogVisit(ctx, head.ID, "guidance", w.ID, "想学电工，电话13800138000"); err != nil {
		t.Fatal(err)
	}
	e, j, err := s.CreateJob(ctx, head.ID, Employer{Kind: Resident, Name: "李阿姨", Phone: "13900139000", Address: "后街社区3栋2单元", CommunityID: 100},
		Job{TradeID: 1, Headcount: 1, StartsAt: fixedNow.Add(20 * time.Hour), Duration: 4 * time.Hour, PayFen: 30000, PayUnit: PerDay, Address: "后街社区3栋2单元"})
	if err != nil {
		t.Fatal(err)
	}
	// free text in the rights ledger and training wishes can name the person too
	wc, err := s.OpenCase(ctx, head.ID, RightsCase{Kind: CaseUnpaid, OpenedBy: ByWorker, WorkerID: w.ID, Summary: "张三丰说腰不好还被欠薪"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateCase(ctx, head.ID, wc.ID, CaseStep{Note: "回电13800138000"}); err != nil {
		t.Fatal(err)
	}
	ec, err := s.OpenCase(ctx, head.ID, RightsCase{Kind: CaseTerms, OpenedBy: ByEmployer, EmployerID: e.ID, Summary: "李阿姨说活没干完"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateCase(ctx, head.ID, ec.ID, CaseStep{Note: "李阿姨住3栋2单元"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddWish(ctx, head.ID, TrainingWish{WorkerID: w.ID, Topic: "张三丰要考电工证"}); err != nil {
		t.Fatal(err)
	}

	if err := s.SetSelfPIN(ctx, head.ID, w.ID, "8642"); err != nil {
		t.Fatal(err)
	}
	ex, err := s.ExportPerson(ctx, head.ID, PersonWorker, w.ID)
	if err != nil {
		t.Fatal(err)
	}
	b := must(json.Marshal(ex))(t)
	if self := ex.Related["worker_self"]; len(self) != 1 || self[0]["pin_failures"] == nil {
		t.Errorf("the export lacks the self-service row: %v", self)
	}
	if strings.Contains(string(b), "pin_hash") {
		t.Errorf("the export carries the self-service PIN's hash:\n%s", b)
	}
	for _, want := range []string{"张三丰", "13800138000", idno, "腰不好", `"worker_trades"`, `"sign_ins"`, `"service_visits"`, `"worker_keys"`, "2026-11-28T14:30:00+08:00"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("export lacks %s:\n%s", want, b)
		}
	}
	if _, err := s.ExportPerson(ctx, head.ID, PersonWorker, 999); keyOf(err) != "worker.not_found" {
		t.Fatalf("export of nobody: %v", err)
	}

	if _, err := s.ErasePerson(ctx, clerk.ID, PersonWorker, w.ID); keyOf(err) != "staff.head_only" {
		t.Fatalf("a clerk erased a person: %v", err)
	}
	workersBefore := count(t, s, "workers")
	if _, err := s.ErasePerson(ctx, head.ID, PersonWorker, w.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ErasePerson(ctx, head.ID, PersonWorker, w.ID); keyOf(err) != "privacy.already_erased" {
		t.Fatalf("second erase: %v", err)
	}
	if _, err := s.ErasePerson(ctx, head.ID, PersonEmployer, e.ID); err != nil {
		t.Fatal(err)
	}
	if count(t, s, "workers") != workersBefore || count(t, s, "sign_ins") != 1 || count(t, s, "service_visits") != 1 {
		t.Fatal("erasing must keep the anonymous record and its history for the figures")
	}
	got := must(s.Worker(ctx, w.ID))(t)
	if got.Name != ErasedName(w.ID) || got.Phone != "" || got.IDNumber != "" || got.Notes != "" {
		t.Fatalf("after erase: %+v", got)
	}
	if n := count(t, s, "worker_keys WHERE worker_id = "+itoa(w.ID)); n != 0 {
		t.Fatalf("%d search keys left", n)
	}
	if found := must(s.SearchWorkers(ctx, "zsf", 10))(t); len(found) != 0 {
		t.Fatalf("an erased worker is still found: %+v", found)
	}
	if jj := must(s.Job(ctx, j.ID))(t); jj.Address != "" || jj.PayFen != 30000 {
		t.Fatalf("job after erasing the employer: %+v", jj)
	}
	// nothing personal is left anywhere in the file's tables
	for _, table := range []string{"workers", "employers", "jobs", "service_visits", "audit", "worker_keys", "rights_cases", "rights_notes", "training_wishes"} {
		tables, err := s.DumpTable(ctx, table)
		if err != nil {
			t.Fatal(err)
		}
		all := strings.Join(tables, "\n")
		for _, secret := range []string{"张三丰", "13800138000", idno, "腰不好", "李阿姨", "13900139000", "3栋2单元"} {
			if strings.Contains(all, secret) {
				t.Errorf("%s still holds %q", table, secret)
			}
		}
	}
	if n := count(t, s, "rights_cases"); n != 2 {
		t.Fatalf("erasing must keep the cases for the figures, %d left", n)
	}
	if wishes := must(s.Wishes(ctx, 0))(t); len(wishes) != 0 {
		t.Fatalf("an erased worker's wish is still open: %+v", wishes)
	}
	if a := must(s.Audit(ctx, AuditFilter{Action: "erase"}))(t); len(a) != 2 {
		t.Fatalf("erase audited %d times", len(a))
	}
	if a := must(s.Audit(ctx, AuditFilter{Action: "export"}))(t); len(a) != 1 {
		t.Fatalf("export audited %d times", len(a))
	}
}

func itoa(n int64) string { b, _ := json.Marshal(n); return string(b) }
