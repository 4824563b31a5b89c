package store

import (
	"context"
	"fmt"
	"gigdesk/store/testdb"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
)

// auditReadOnly are the exported methods of *Store that change no record: reads, the clock,
// files beside the database, and the bulk loader (the demo audits its whole load in one row).
var auditReadOnly = map[string]string{
	"AllStaff": "", "Ledger": "", "HeadOf": "", "StillOpenDispatches": "", "Audit": "", "AuditNames": "", "Calls": "", "Catalog": "", "Check": "", "Close": "",
	"DailyDispatches": "", "DayFigures": "", "DayOf": "", "DayRange": "", "DispatchByID": "", "Dispatches": "",
	"DumpTable": "", "Employer": "", "EmployerByPhone": "", "EmployerHistory": "", "FilledToday": "",
	"FindDuplicates": "", "GuideFor": "", "GuidePays": "", "InsuranceOf": "", "DispatchDefaults": "", "Issues": "", "Job": "",
	"JobListings": "", "JobReviewOf": "", "Jobs": "", "LastJob": "", "ListStaff": "", "LoadWorkerPool": "",
	"Location": "", "MatchContext": "", "MatchJob": "", "MatchWeights": "", "NewWatcher": "", "Now": "",
	"Offers": "", "OpenJobs": "", "OpenUnpaidCases": "", "Path": "", "Engine": "", "Where": "", "Target": "", "PlanDay": "", "PresentToday": "",
	"PublicBoard": "", "PublicJobs": "", "QuickCheck": "", "CheckWorkerPool": "", "CheckDayFigures": "", "WarmPool": "", "RankForJob": "", "RankJobsForWorker": "",
	"Referrals": "", "ReviewJob": "", "RightsCase": "", "RightsCases": "", "RightsFigures": "",
	"SearchWorkers": "", "Settings": "", "SignedIn": "", "StaffMember": "", "Summary": "", "SummaryRange": "", "SummaryFigures": "", "SummaryFairness": "",
	"TableCounts": "", "Tables": "", "Today": "", "Visits": "", "Wishes": "", "Worker": "", "WorkerHistory": "",
	"Backup":      "copies the file; the copy is checked, no record changes",
	"DailyBackup": "copies the file",
	"Changes":     "", "ConnsInUse": "", "Counters": "", "CounterByID": "", "CounterByFingerprint": "", "RevokedAmong": "",
	"Bulk":        "the demo loader: store/demo audits the whole load in one row",
	"Fairness":    "",
	"JobRequests": "", "JobsForMe": "", "MyRequests": "", "SelfLookup": "", "SelfStatus": "", "SelfFigures": "",
	"Event": "", "Events": "", "EventReport": "", "EventReports": "", "FairFigures": "", "FairsToday": "", "Firms": "",
	"Positions": "", "ReviewPosition": "", "FindEmployers": "", "Attendees": "", "Intentions": "",
}

// walk is the state the write steps share: one station, its head and a clerk, and the records
// earlier steps made.
type walk struct {
	dir                string // where the walk writes its files
	s                  *Store
	ctx                context.Context
	now                time.Time
	head, clerk, other int64
	w1, w2, w3         Worker
	e                  Employer
	j1, j2, j3, jx     Job
	d1, d2, d3         Dispatch
	wish, offer        int64
	rcase              RightsCase
	trade              Trade
	counter            int64
	asked              Job // the job w2 asks for at the self-service terminal
	fair               fairWalk
}

// auditWrites maps each write method to a call with valid arguments, in an order where each
// finds what it needs; who says which staff member makes the change.
var auditWrites = []struct {
	name string
	head bool
	call func(w *walk) error
}{
	{"AddStaff", true, func(w *walk) error {
		st, err := w.s.AddStaff(w.ctx, w.head, "赵敏", RoleStaff)
		w.other = st.ID
		return err
	}},
	{"SetPIN", true, func(w *walk) error { return w.s.SetPIN(w.ctx, w.head, w.other, "1357") }},
	{"StaffSignIn", false, func(w *walk) error { _, err := w.s.StaffSignIn(w.ctx, w.clerk, "2580"); return err }},
	{"ResetPIN", true, func(w *walk) error { return w.s.ResetPIN(w.ctx, w.head, w.other) }},
	{"SetStaffActive", true, func(w *walk) error { return w.s.SetStaffActive(w.ctx, w.head, w.other, false) }},
	{"SaveSettings", true, func(w *walk) error {
		st, err := w.s.Settings(w.ctx)
		if err != nil {
			return err
		}
		st.Address = "后街86号"
		return w.s.SaveSettings(w.ctx, w.head, st)
	}},
	{"AddTrade", true, func(w *walk) error {
		t, err := w.s.AddTrade(w.ctx, w.head, Trade{Code: "glass", NameZh: "玻璃安装", NameEn: "Glass fitting"}, 3)
		w.trade = t
		return err
	}},
	{"SetRelated", true, func(w *walk) error { return w.s.SetRelated(w.ctx, w.head, w.trade.ID, []int64{3, 12}) }},
	{"SetTradeAliases", true, func(w *walk) error { return w.s.SetTradeAliases(w.ctx, w.head, w.trade.ID, []string{"玻璃工"}) }},
	{"AddPlace", true, func(w *walk) error { _, err := w.s.AddPlace(w.ctx, w.head, 13, "新村社区"); return err }},
	{"SaveMatchWeights", true, func(w *walk) error {
		mw, err := w.s.MatchWeights(w.ctx)
		if err != nil {
			return err
		}
		return w.s.SaveMatchWeights(w.ctx, w.head, mw)
	}},
	{"SetGuidePay", true, func(w *walk) error { return w.s.SetGuidePay(w.ctx, w.head, 2, PerDay, 20000) }},
	{"CreateWorker", false, func(w *walk) (err error) {
		w.w1, err = w.s.CreateWorker(w.ctx, w.clerk, Worker{Name: "张三丰", BirthYear: 1975, Phone: "13800001111", IDNumber: "50010719750315001X",
			CommunityID: 100, Trades: []WorkerTrade{{TradeID: 1, Years: 8}}})
		return err
	}},
	{"UpdateWorker", false, func(w *walk) (err error) {
		w.w1.Notes = "会电焊"
		w.w1, err = w.s.UpdateWorker(w.ctx, w.clerk, w.w1)
		return err
	}},
	{"SetWorkerStatus", false, func(w *walk) error { return w.s.SetWorkerStatus(w.ctx, w.clerk, w.w3.ID, Paused, "回老家") }},
	{"RebuildSearchKeys", true, func(w *walk) error { _, err := w.s.RebuildSearchKeys(w.ctx, w.head); return err }},
	{"RebuildWorkerPool", true, func(w *walk) error { return w.s.RebuildWorkerPool(w.ctx, w.head) }},
	{"SaveEmployer", false, func(w *walk) (err error) {
		w.e, err = w.s.SaveEmployer(w.ctx, w.clerk, Employer{Kind: Resident, Name: "李阿姨", Phone: "13912345678", Address: "后街12号", CommunityID: 100})
		return err
	}},
	{"CreateJob", false, func(w *walk) (err error) {
		_, w.j1, err = w.s.CreateJob(w.ctx, w.clerk, w.e, Job{TradeID: 1, Headcount: 2, StartsAt: w.now.Add(24 * time.Hour),
			Duration: 4 * time.Hour, PayFen: 30000, PayUnit: PerDay, Address: "后街12号", CommunityID: 100})
		return err
	}},
	{"UpdateJob", false, func(w *walk) (err error) {
		w.j1.Requirements = "自带工具"
		w.j1, err = w.s.UpdateJob(w.ctx, w.clerk, w.j1)
		return err
	}},
	{"RecordCall", false, func(w *walk) error {
		_, err := w.s.RecordCall(w.ctx, w.clerk, w.j1.ID, w.w2.ID, NoAnswer, "")
		return err
	}},
	{"Dispatch", false, func(w *walk) (err error) {
		w.d1, err = w.s.Dispatch(w.ctx, w.clerk, DispatchInput{JobID: w.j1.ID, WorkerID: w.w1.ID})
		return err
	}},
	{"DispatchSlip", false, func(w *walk) error { _, err := w.s.DispatchSlip(w.ctx, w.clerk, w.d1.ID); return err }},
	{"SetInsurance", false, func(w *walk) error {
		_, err := w.s.SetInsurance(w.ctx, w.clerk, w.d1.ID, true, "中国人保", "PICC20261127")
		return err
	}},
	{"Cancel", false, func(w *walk) error {
		_, err := w.s.Cancel(w.ctx, w.clerk, w.d1.ID, ByWorker, "家里有事")
		return err
	}},
	{"CheckIn", false, func(w *walk) error { _, err := w.s.CheckIn(w.ctx, w.clerk, w.d2.ID); return err }},
	{"Done", false, func(w *walk) error { _, err := w.s.Done(w.ctx, w.clerk, w.d2.ID); return err }},
	{"Pay", false, func(w *walk) error { _, err := w.s.Pay(w.ctx, w.clerk, w.d2.ID, 30000); return err }},
	{"SaveEvent", false, func(w *walk) (err error) {
		w.fair.ev, err = w.s.SaveEvent(w.ctx, w.clerk, Event{Name: "春风行动招聘会", Campaign: CampaignSpring, Day: w.s.Today()})
		return err
	}},
	{"AddFirm", false, func(w *walk) (err error) {
		w.fair.firm, err = w.s.AddFirm(w.ctx, w.clerk, w.fair.ev.ID, Employer{ID: w.e.ID}, "A1")
		return err
	}},
	{"AddPosition", false, func(w *walk) (err error) {
		w.fair.pos, err = w.s.AddPosition(w.ctx, w.clerk, Position{FirmID: w.fair.firm.ID, Title: "保洁员", TradeID: 9, Headcount: 3, PayMinFen: 400000})
		return err
	}},
	{"SignInAttendee", false, func(w *walk) (err error) {
		w.fair.att, err = w.s.SignInAttendee(w.ctx, w.clerk, w.fair.ev.ID, w.w2.ID)
		return err
	}},
	{"SignInNewcomer", false, func(w *walk) error {
		_, err := w.s.SignInNewcomer(w.ctx, w.clerk, w.fair.ev.ID, Newcomer{Name: "周小芳", Phone: "13600001110", Trades: []int64{9}})
		return err
	}},
	{"RecordIntention", false, func(w *walk) (err error) {
		w.fair.intent, err = w.s.RecordIntention(w.ctx, w.clerk, w.fair.att.ID, w.fair.pos.ID)
		return err
	}},
	{"LoadFair", false, func(w *walk) error {
		_, err := w.s.LoadFair(w.ctx, w.clerk, FairLoad{Event: Event{Name: "民营企业招聘月", Campaign: CampaignPrivate, Day: w.s.Today()},
			Firms:      []FairLoadFirm{{Employer: Employer{ID: w.e.ID}, Positions: []Position{{Title: "力工", TradeID: 2, Headcount: 2, PayMinFen: 500000}}}},
			Attendees:  []FairLoadAttendee{{WorkerID: w.w2.ID}},
			Intentions: []FairLoadIntention{{Outcome: OutcomeHired}}})
		return err
	}},
	{"SetOutcome", false, func(w *walk) error { return w.s.SetOutcome(w.ctx, w.clerk, w.fair.intent.ID, OutcomeHired) }},
	{"Rate", false, func(w *walk) error { _, err := w.s.Rate(w.ctx, w.clerk, w.d2.ID, 5, 4); return err }},
	{"Dispute", false, func(w *walk) error { _, err := w.s.Dispute(w.ctx, w.clerk, w.d2.ID, "少给了20元"); return err }},
	{"ResolveDispute", false, func(w *walk) error { _, err := w.s.ResolveDispute(w.ctx, w.clerk, w.d2.ID, "已补齐"); return err }},
	{"MarkNoShow", false, func(w *walk) error { _, err := w.s.MarkNoShow(w.ctx, w.clerk, w.d3.ID); return err }},
	{"CloseJob", false, func(w *walk) error { return w.s.CloseJob(w.ctx, w.clerk, w.j1.ID, JobCancelled, "雇主取消") }},
	{"SignIn", false, func(w *walk) error { _, err := w.s.SignIn(w.ctx, w.clerk, w.w2.ID); return err }},
	{"SignOut", false, func(w *walk) error { return w.s.SignOut(w.ctx, w.clerk, w.w2.ID) }},
	{"ConfirmWorker", false, func(w *walk) error {
		// as if w2 had pre-registered at the terminal (PreRegister is walked without staff below)
		if _, err := w.s.db.Exec(`INSERT INTO worker_self (worker_id, unconfirmed, updated_at) VALUES (?, 1, 0)`, w.w2.ID); err != nil {
			return err
		}
		return w.s.ConfirmWorker(w.ctx, w.clerk, w.w2.ID)
	}},
	{"SetSelfPIN", false, func(w *walk) error { return w.s.SetSelfPIN(w.ctx, w.clerk, w.w2.ID, "2468") }},
	{"LogVisit", false, func(w *walk) error {
		_, err := w.s.LogVisit(w.ctx, w.clerk, VisitGuidance, w.w2.ID, "想学电工")
		return err
	}},
	{"RevealWorker", false, func(w *walk) error { _, err := w.s.RevealWorker(w.ctx, w.clerk, w.w1.ID, "id_number"); return err }},
	{"RevealEmployer", false, func(w *walk) error { _, err := w.s.RevealEmployer(w.ctx, w.clerk, w.e.ID); return err }},
	{"Export", false, func(w *walk) error {
		return w.s.Export(w.ctx, w.clerk, ExportRequest{Kind: ExportWorkers, Full: true}, func([]any) error { return nil })
	}},
	{"ExportPerson", false, func(w *walk) error { _, err := w.s.ExportPerson(w.ctx, w.clerk, PersonWorker, w.w1.ID); return err }},
	{"ExportPersonFile", false, func(w *walk) error {
		_, err := w.s.ExportPersonFile(w.ctx, w.clerk, PersonWorker, w.w1.ID, filepath.Join(w.dir, "w1.json"))
		return err
	}},
	{"NoteRestore", true, func(w *walk) error { return w.s.NoteRestore(w.ctx, "王站长", "/tmp/gigdesk-20261127-090000.db", 1) }},
	{"NoteReportFile", false, func(w *walk) error {
		return w.s.NoteReportFile(w.ctx, w.clerk, "/tmp/日报.xlsx", "2026-11-28", "2026-11-28")
	}},
	{"ImportWorkers", false, func(w *walk) error {
		cat, err := w.s.Catalog(w.ctx)
		if err != nil {
			return err
		}
		rows, probs, _, err := ParseWorkersCSV(strings.NewReader("姓名,手机,工种\n王五,13700137000,力工\n"), cat, w.now)
		if err != nil {
			return err
		}
		_, err = w.s.ImportWorkers(w.ctx, w.clerk, rows, probs, false)
		return err
	}},
	{"AddWish", false, func(w *walk) error {
		wish, err := w.s.AddWish(w.ctx, w.clerk, TrainingWish{WorkerID: w.w2.ID, Topic: "电工证", TradeID: 1})
		w.wish = wish.ID
		return err
	}},
	{"SaveOffer", false, func(w *walk) error {
		o, err := w.s.SaveOffer(w.ctx, w.clerk, TrainingOffer{Title: "低压电工作业培训", TradeID: 1, Active: true})
		w.offer = o.ID
		return err
	}},
	{"Refer", false, func(w *walk) error { _, err := w.s.Refer(w.ctx, w.clerk, w.w2.ID, w.offer, w.wish); return err }},
	{"CloseWish", false, func(w *walk) error {
		wish, err := w.s.AddWish(w.ctx, w.clerk, TrainingWish{WorkerID: w.w1.ID, Topic: "焊工证"})
		if err != nil {
			return err
		}
		return w.s.CloseWish(w.ctx, w.clerk, wish.ID)
	}},
	{"OpenCase", false, func(w *walk) (err error) {
		w.rcase, err = w.s.OpenCase(w.ctx, w.clerk, RightsCase{Kind: CaseUnpaid, OpenedBy: ByWorker, DispatchID: w.d2.ID, Summary: "工钱少给", AmountFen: 2000})
		return err
	}},
	{"CorrectCase", false, func(w *walk) error {
		_, err := w.s.CorrectCase(w.ctx, w.clerk, w.rcase.ID, "工钱少给两百", 20000)
		return err
	}},
	{"UpdateCase", false, func(w *walk) error {
		_, err := w.s.UpdateCase(w.ctx, w.clerk, w.rcase.ID, CaseStep{Status: CaseInProgress, Note: "已联系雇主"})
		return err
	}},
	{"ExpireJobs", false, func(w *walk) error {
		w.now = w.now.AddDate(0, 0, 8) // jx was valid for 7 days
		n, err := w.s.ExpireJobs(w.ctx, w.clerk)
		if err == nil && n == 0 {
			return fmt.Errorf("nothing expired")
		}
		return err
	}},
	{"ErasePerson", true, func(w *walk) error { _, err := w.s.ErasePerson(w.ctx, w.head, PersonWorker, w.w3.ID); return err }},
	{"AddCounter", true, func(w *walk) error {
		c, err := w.s.AddCounter(w.ctx, w.head, NewCounter{Name: "登记台", Key: walkKeys[0]})
		w.counter = c.ID
		return err
	}},
	{"RevokeCounter", true, func(w *walk) error { return w.s.RevokeCounter(w.ctx, w.head, w.counter) }},
}

// walkKeys are two counters' public keys (made once with ssh-keygen -t ed25519).
var walkKeys = []string{
	"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOzhTaSFTBUgugOH+xGlSUsKtrMoCltIlD7x2IY5wzPV desk-1",
	"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAICEPT6DH5glZDUHb3JIt72f1TjG8YsyyKL/ysgSLFdQ9 door",
}

// auditServer are the writes serve makes for a connection before anyone signs in there: no
// staff member makes them.
var auditServer = []struct {
	name string
	call func(w *walk) error
}{
	{"CounterFromFile", func(w *walk) error {
		ck, err := ParseCounterKey("kiosk " + walkKeys[1])
		if err != nil {
			return err
		}
		c, err := w.s.CounterFromFile(w.ctx, ck)
		w.counter = c.ID
		return err
	}},
	{"CounterSession", func(w *walk) error { return w.s.CounterSession(w.ctx, w.counter, true) }},
	{"SelfAuth", func(w *walk) error { _, err := w.s.SelfAuth(w.ctx, w.w2.ID, "2468"); return err }},
	{"SelfSignIn", func(w *walk) error { _, err := w.s.SelfSignIn(w.ctx, w.w2.ID); return err }},
	{"AskForJob", func(w *walk) (err error) {
		_, w.asked, err = w.s.CreateJob(w.ctx, w.head, w.e, Job{TradeID: 1, Headcount: 1, StartsAt: w.now.Add(20 * time.Hour),
			Duration: 2 * time.Hour, PayFen: 30000, PayUnit: PerDay, Address: "后街3号", CommunityID: 100})
		if err != nil {
			return err
		}
		_, err = w.s.AskForJob(w.ctx, w.w2.ID, w.asked.ID)
		return err
	}},
	{"WithdrawRequest", func(w *walk) error { return w.s.WithdrawRequest(w.ctx, w.w2.ID, w.asked.ID) }},
	{"PreRegister", func(w *walk) error {
		_, err := w.s.PreRegister(w.ctx, PreRegistration{Name: "陈新", Phone: "13700007777", Trades: []int64{1}, CommunityID: 100})
		return err
	}},
}

// auditFirstRun are the writes made before anyone is on duty: the first staff member
// records their own creation.
var auditFirstRun = []string{"Setup", "SetupWithPIN"}

func TestEveryWriteIsAudited(t *testing.T) {
	known := map[string]bool{}
	for _, wr := range auditWrites {
		known[wr.name] = true
	}
	for _, n := range auditFirstRun {
		known[n] = true
	}
	for _, wr := range auditServer {
		known[wr.name] = true
	}
	var missing []string
	st := reflect.TypeOf(&Store{})
	for i := range st.NumMethod() {
		name := st.Method(i).Name
		if _, ro := auditReadOnly[name]; ro && known[name] {
			t.Errorf("%s is both a write and read-only", name)
		}
		if _, ro := auditReadOnly[name]; !ro && !known[name] {
			missing = append(missing, name)
		}
	}
	if len(missing) > 0 {
		sort.Strings(missing)
		t.Fatalf("new exported methods of *Store: add each to auditWrites (with a call that changes a record) "+
			"or to auditReadOnly in audit_walk_test.go: %s", strings.Join(missing, ", "))
	}

	w := &walk{ctx: context.Background(), now: dispatchNow, dir: t.TempDir()}
	s, err := Open(testdb.New(t, "gigdesk.db"), WithClock(func() time.Time { return w.now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w.s = s
	head, err := s.SetupWithPIN(w.ctx, "后街零工驿站", "王站长", "2468")
	if err != nil {
		t.Fatal(err)
	}
	w.head = head.ID
	clerk, err := s.AddStaff(w.ctx, w.head, "李强", RoleStaff)
	if err != nil {
		t.Fatal(err)
	}
	w.clerk = clerk.ID
	if err := s.SetPIN(w.ctx, w.clerk, w.clerk, "2580"); err != nil {
		t.Fatal(err)
	}
	// records the steps act on, made up front by the head
	for i, p := range []*Worker{&w.w2, &w.w3} {
		*p, err = s.CreateWorker(w.ctx, w.head, Worker{Name: []string{"李四", "王麻子"}[i], BirthYear: 1980, Phone: fmt.Sprintf("1390000%04d", i),
			CommunityID: 100, Trades: []WorkerTrade{{TradeID: 1, Years: 3}}})
		if err != nil {
			t.Fatal(err)
		}
	}
	boss := must(s.SaveEmployer(w.ctx, w.head, Employer{Kind: Shop, Name: "老王五金", Phone: "13600136000", Address: "后街3号", CommunityID: 100}))(t)
	mk := func(start time.Time, n int) Job {
		_, j, err := s.CreateJob(w.ctx, w.head, boss, Job{TradeID: 1, Headcount: n, StartsAt: start, Duration: 2 * time.Hour,
			PayFen: 30000, PayUnit: PerDay, Address: "后街3号", CommunityID: 100})
		if err != nil {
			t.Fatal(err)
		}
		return j
	}
	w.j2, w.j3, w.jx = mk(w.now.Add(time.Hour), 1), mk(w.now.Add(30*time.Minute), 1), mk(w.now.Add(30*24*time.Hour), 1)
	if w.d2, err = s.Dispatch(w.ctx, w.head, DispatchInput{JobID: w.j2.ID, WorkerID: w.w2.ID}); err != nil {
		t.Fatal(err)
	}
	if w.d3, err = s.Dispatch(w.ctx, w.head, DispatchInput{JobID: w.j3.ID, WorkerID: w.w3.ID}); err != nil {
		t.Fatal(err)
	}

	w.now = w.now.Add(90 * time.Minute) // j2 and j3 have started

	lastID := func() int64 {
		var id int64
		s.db.QueryRow(`SELECT coalesce(max(id), 0) FROM audit`).Scan(&id)
		return id
	}
	for _, wr := range auditWrites {
		before := lastID()
		if err := wr.call(w); err != nil {
			t.Errorf("%s: %v", wr.name, err)
			continue
		}
		who := w.clerk
		if wr.head {
			who = w.head
		}
		rows := must(s.Audit(w.ctx, AuditFilter{Limit: 1000}))(t)
		n := 0
		for _, a := range rows {
			if a.ID <= before {
				continue
			}
			n++
			if a.StaffID != who {
				t.Errorf("%s: audit row %s %s#%d by staff %d, want %d", wr.name, a.Action, a.Entity, a.EntityID, a.StaffID, who)
			}
		}
		if n == 0 {
			t.Errorf("%s changed records without an audit row", wr.name)
		}
	}

	for _, wr := range auditServer {
		before := lastID()
		if err := wr.call(w); err != nil {
			t.Errorf("%s: %v", wr.name, err)
			continue
		}
		rows := must(s.Audit(w.ctx, AuditFilter{Limit: 10}))(t)
		if len(rows) == 0 || rows[0].ID <= before || rows[0].StaffID != 0 {
			t.Errorf("%s: no audit row without staff", wr.name)
		}
	}

	// first-run setup, on fresh files: the head records their own creation and the settings
	for _, name := range auditFirstRun {
		s2, err := Open(testdb.New(t, "gigdesk.db"), WithClock(func() time.Time { return dispatchNow }))
		if err != nil {
			t.Fatal(err)
		}
		var h Staff
		if name == "Setup" {
			h, err = s2.Setup(w.ctx, "后街零工驿站", "王站长")
		} else {
			h, err = s2.SetupWithPIN(w.ctx, "后街零工驿站", "王站长", "2468")
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows := must(s2.Audit(w.ctx, AuditFilter{}))(t)
		if len(rows) < 2 {
			t.Errorf("%s: %d audit rows", name, len(rows))
		}
		for _, a := range rows {
			if a.StaffID != h.ID {
				t.Errorf("%s: audit row %s %s by staff %d, want the head %d", name, a.Action, a.Entity, a.StaffID, h.ID)
			}
		}
		s2.Close()
	}
}

// fairWalk is what the fair's write steps make and use.
type fairWalk struct {
	ev     Event
	firm   EventFirm
	pos    Position
	att    Attendee
	intent Intention
}
