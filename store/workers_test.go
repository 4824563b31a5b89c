package store

import (
	"context"
	"fmt"
	"gigdesk/store/testdb"
	"strings"
	"testing"
	"time"

	"gigdesk/store/valid"
)

// regID makes a valid resident ID number from 17 digits.
func regID(first17 string) string { return first17 + string(valid.IDCheckChar(first17)) }

func regWorker(name, phone string, birth int, trades ...int64) Worker {
	w := Worker{Name: name, Phone: phone, BirthYear: birth, CommunityID: 100}
	for _, t := range trades {
		w.Trades = append(w.Trades, WorkerTrade{TradeID: t, Years: 2})
	}
	return w
}

func regCreate(t *testing.T, s *Store, w Worker) Worker {
	t.Helper()
	got, err := s.CreateWorker(context.Background(), 0, w)
	if err != nil {
		t.Fatalf("CreateWorker(%s): %v", w.Name, err)
	}
	return got
}

func TestSearchWorkers(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	idno := regID("50010719800101123")
	zsf := regCreate(t, s, Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1980, IDNumber: idno, Trades: []WorkerTrade{{TradeID: 1}}})
	zeng := regCreate(t, s, regWorker("曾小明", "13900001234", 1985, 2))
	shan := regCreate(t, s, regWorker("单田芳", "13700005678", 1970, 3))
	xie := regCreate(t, s, regWorker("解晓东", "13600002468", 1975, 4))
	qiu := regCreate(t, s, regWorker("仇英", "13500001357", 1990, 5))
	zs := regCreate(t, s, regWorker("张三", "18800001234", 1988, 1))
	ayi := regCreate(t, s, regWorker("阿依·买买提", "18900009999", 1992, 9))
	for _, tc := range []struct {
		query string
		want  []int64
	}{
		{"zsf", []int64{zsf.ID}},
		{"ZSF", []int64{zsf.ID}},
		{"ｚｓｆ", []int64{zsf.ID}},
		{"zhangsanfeng", []int64{zsf.ID}},
		{"zhang san feng", []int64{zsf.ID}},
		{"zhangsan", []int64{zs.ID, zsf.ID}},
		{"zs", []int64{zs.ID, zsf.ID}},
		{"张三", []int64{zs.ID, zsf.ID}},
		{"三丰", []int64{zsf.ID}},
		{"丰", []int64{zsf.ID}},
		{"zengxiaoming", []int64{zeng.ID}},
		{"cengxiaoming", []int64{zeng.ID}},
		{"zxm", []int64{zeng.ID}},
		{"cxm", []int64{zeng.ID}},
		{"shantianfang", []int64{shan.ID}},
		{"dantianfang", []int64{shan.ID}},
		{"xiexiaodong", []int64{xie.ID}},
		{"jiexiaodong", []int64{xie.ID}},
		{"qiuying", []int64{qiu.ID}},
		{"chouying", []int64{qiu.ID}},
		{"ayi", []int64{ayi.ID}},
		{"买买提", []int64{ayi.ID}},
		{"8000", []int64{zsf.ID}},         // phone tail
		{"１２３４", []int64{zeng.ID, zs.ID}}, // full-width tail, two workers
		{"13800138000", []int64{zsf.ID}},
		{"138 0013 8000", []int64{zsf.ID}},
		{"138-0013-8000", []int64{zsf.ID}},
		{strings.ToLower(idno), []int64{zsf.ID}},
		{idno, []int64{zsf.ID}},
		{fmt.Sprint(qiu.ID), []int64{qiu.ID}}, // worker number
		// mixed: part characters, part pinyin (full or initials), either way round
		{"张sf", []int64{zsf.ID}},
		{"张SF", []int64{zsf.ID}},
		{"张三f", []int64{zsf.ID}},
		{"张三feng", []int64{zsf.ID}},
		{"张sanfeng", []int64{zsf.ID}},
		{"张 san feng", []int64{zsf.ID}},
		{"张san", []int64{zs.ID, zsf.ID}},
		{"张s", []int64{zs.ID, zsf.ID}},
		{"zhang三丰", []int64{zsf.ID}},
		{"z三丰", []int64{zsf.ID}},
		{"zhangsan丰", []int64{zsf.ID}},
		{"zs丰", []int64{zsf.ID}},
		{"三f", []int64{zsf.ID}},
		{"san丰", []int64{zsf.ID}},
		{"曾xm", []int64{zeng.ID}},
		{"曾xiaoming", []int64{zeng.ID}},
		{"ceng小明", []int64{zeng.ID}},
		{"zeng小明", []int64{zeng.ID}},
		{"dan田芳", []int64{shan.ID}},
		{"单tf", []int64{shan.ID}},
		{"jie晓东", []int64{xie.ID}},
		{"阿依mmt", []int64{ayi.ID}},
		{"ayi买买提", []int64{ayi.ID}},
		{"张sfx", nil},
		{"张三fa", nil},
		{"李sf", nil},
		{"zhang三x", nil},
		{"13800138001", nil},
		{"wxyz", nil},
		{"", nil},
		{"\x1b[31m", nil},
		{strings.Repeat("张", 10000), nil},
		{"😀", nil},
	} {
		got, err := s.SearchWorkers(ctx, tc.query, 20)
		if err != nil {
			t.Fatalf("%q: %v", tc.query, err)
		}
		var ids []int64
		for _, w := range got {
			ids = append(ids, w.ID)
		}
		if fmt.Sprint(sortedIDs(ids)) != fmt.Sprint(sortedIDs(tc.want)) {
			t.Errorf("SearchWorkers(%q) = %v, want %v", tc.query, ids, tc.want)
		}
	}
	got := must(s.SearchWorkers(ctx, "zsf", 20))(t)
	if len(got) != 1 || len(got[0].Trades) != 1 || got[0].Trades[0].TradeID != 1 {
		t.Errorf("search results carry trades: %+v", got)
	}
}

func sortedIDs(ids []int64) []int64 {
	out := append([]int64(nil), ids...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestFindDuplicates(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	idno := regID("50010719800101123")
	a := regCreate(t, s, Worker{Name: "张三丰", Phone: "13800138000", BirthYear: 1980, IDNumber: idno, Trades: []WorkerTrade{{TradeID: 1}}})
	b := regCreate(t, s, regWorker("李四", "13900001234", 1985, 2))
	for _, tc := range []struct {
		name      string
		w         Worker
		same      int64
		field     string
		similarTo []int64
	}{
		{"same phone", regWorker("王五", "138 0013 8000", 1990, 1), a.ID, "phone", nil},
		{"same phone full-width", regWorker("王五", "１３８００１３８０００", 1990, 1), a.ID, "phone", nil},
		{"same ID", Worker{Name: "王五", Phone: "13700000000", IDNumber: strings.ToLower(idno)}, a.ID, "id_number", nil},
		{"same name and birth year", regWorker("李四", "13700000000", 1985, 1), 0, "", []int64{b.ID}},
		{"same name other year", regWorker("李四", "13700000000", 1986, 1), 0, "", nil},
		{"editing itself", Worker{ID: a.ID, Name: "张三丰", Phone: "13800138000", BirthYear: 1980, IDNumber: idno}, 0, "", nil},
		{"bad phone is not compared", regWorker("王五", "138", 1990, 1), 0, "", nil},
		{"nothing alike", regWorker("赵六", "13600000000", 1970, 1), 0, "", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := s.FindDuplicates(ctx, tc.w)
			if err != nil {
				t.Fatal(err)
			}
			if d.Same.ID != tc.same || d.Field != tc.field {
				t.Errorf("same = %d %q, want %d %q", d.Same.ID, d.Field, tc.same, tc.field)
			}
			var sim []int64
			for _, w := range d.Similar {
				sim = append(sim, w.ID)
			}
			if fmt.Sprint(sim) != fmt.Sprint(tc.similarTo) {
				t.Errorf("similar = %v, want %v", sim, tc.similarTo)
			}
			if d.Found() != (tc.same != 0 || len(tc.similarTo) > 0) {
				t.Errorf("Found() = %v", d.Found())
			}
		})
	}
	// the schema refuses the same phone even when the screen's check was skipped
	_, err := s.CreateWorker(ctx, 0, regWorker("王五", "13800138000", 1990, 1))
	if e := AsError(err); e == nil || e.Code != Conflict || e.Ref != a.ID || e.Field != "phone" {
		t.Fatalf("create with a taken phone: %v", err)
	}
}

func TestSignInOut(t *testing.T) {
	now := fixedNow
	s, err := Open(testdb.New(t, "g.db"), WithClock(func() time.Time { return now }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	a := regCreate(t, s, regWorker("张三", "13800138000", 1980, 1))
	b := regCreate(t, s, regWorker("李四", "13900001234", 1985, 2))
	c := regCreate(t, s, regWorker("王五", "13700001234", 1985, 2))
	if _, err := s.SignIn(ctx, 0, b.ID); err != nil {
		t.Fatal(err)
	}
	now = now.Add(5 * time.Minute)
	p, err := s.SignIn(ctx, 0, a.ID)
	if err != nil || p.Name != "张三" || !p.Here() || !p.InAt.Equal(now.Truncate(time.Second)) {
		t.Fatalf("SignIn = %+v, %v", p, err)
	}
	if _, err := s.SignIn(ctx, 0, a.ID); ErrorCode(err) != Conflict || AsError(err).Key != "signin.already" {
		t.Fatalf("second sign-in: %v", err)
	}
	if _, err := s.SignIn(ctx, 0, 9999); ErrorCode(err) != NotFound {
		t.Fatalf("unknown worker: %v", err)
	}
	if err := s.SetWorkerStatus(ctx, 0, c.ID, Left, "moved away"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignIn(ctx, 0, c.ID); ErrorCode(err) != Conflict || AsError(err).Key != "signin.left" {
		t.Fatalf("left worker signs in: %v", err)
	}
	list, err := s.SignedIn(ctx, s.Today())
	if err != nil || len(list) != 2 || list[0].WorkerID != b.ID || list[1].WorkerID != a.ID {
		t.Fatalf("SignedIn in order of arrival = %+v, %v", list, err)
	}
	now = now.Add(time.Hour)
	if err := s.SignOut(ctx, 0, b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.SignOut(ctx, 0, b.ID); ErrorCode(err) != Conflict {
		t.Fatalf("second sign-out: %v", err)
	}
	present := must(s.PresentToday(ctx, []int64{a.ID, b.ID, c.ID}))(t)
	if !present[a.ID] || present[b.ID] || present[c.ID] {
		t.Fatalf("PresentToday = %v", present)
	}
	// back the same day: the sign-out is cleared, arrival time kept
	if p, err := s.SignIn(ctx, 0, b.ID); err != nil || !p.Here() {
		t.Fatalf("sign in again after leaving: %+v %v", p, err)
	}
	// tomorrow is a new day
	now = now.Add(24 * time.Hour)
	if list := must(s.SignedIn(ctx, s.Today()))(t); len(list) != 0 {
		t.Fatalf("tomorrow starts empty: %+v", list)
	}
	if _, err := s.SignIn(ctx, 0, a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SignedIn(ctx, "2026-02-30"); ErrorCode(err) != Invalid {
		t.Fatalf("impossible day: %v", err)
	}
	h, err := s.WorkerHistory(ctx, a.ID, 10)
	if err != nil || h.SignInDays != 2 || len(h.LastSignIns) != 2 {
		t.Fatalf("history sign-ins = %+v %v", h, err)
	}
	audit := must(s.Audit(ctx, AuditFilter{Entity: "worker", EntityID: b.ID}))(t)
	var actions []string
	for _, e := range audit {
		actions = append(actions, e.Action)
	}
	if fmt.Sprint(actions) != "[sign_in sign_out sign_in create]" {
		t.Fatalf("audit of sign-ins = %v", actions)
	}
}

func TestLogVisit(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := regCreate(t, s, regWorker("张三", "13800138000", 1980, 1))
	v, err := s.LogVisit(ctx, 0, VisitPolicy, a.ID, "  问社保\x1b[31m补贴 ")
	if err != nil || v.ID == 0 || v.Note != "问社保补贴" {
		t.Fatalf("LogVisit = %+v, %v", v, err)
	}
	if _, err := s.LogVisit(ctx, 0, VisitGuidance, 0, ""); err != nil {
		t.Fatalf("anonymous visit: %v", err)
	}
	before := count(t, s, "service_visits")
	for _, bad := range []struct {
		kind   VisitKind
		worker int64
		note   string
		key    string
	}{
		{"haircut", 0, "", "visit.kind"},
		{VisitPolicy, 0, strings.Repeat("长", MaxVisitNote+1), "text.long"},
		{VisitPolicy, 424242, "", "worker.not_found"},
	} {
		_, err := s.LogVisit(ctx, 0, bad.kind, bad.worker, bad.note)
		if e := AsError(err); e == nil || e.Key != bad.key {
			t.Errorf("LogVisit(%s, %d) = %v, want %s", bad.kind, bad.worker, err, bad.key)
		}
	}
	if after := count(t, s, "service_visits"); after != before {
		t.Fatalf("refused visits were saved: %d → %d", before, after)
	}
	vs := must(s.Visits(ctx, a.ID, 0))(t)
	if len(vs) != 1 || vs[0].Kind != VisitPolicy {
		t.Fatalf("Visits = %+v", vs)
	}
}

func TestWorkerHistoryDispatches(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	a := regCreate(t, s, regWorker("张三", "13800138000", 1980, 1))
	day := fixedNow.Add(-48 * time.Hour)
	err := s.Bulk(ctx, func(l *Loader) error {
		e := &Employer{ID: 1, Kind: "resident", Name: "刘阿姨", CreatedAt: day, UpdatedAt: day}
		if err := l.Employer(e, 0); err != nil {
			return err
		}
		for i, st := range []string{"done", "done", "no_show", "cancelled"} {
			j := &Job{ID: int64(i + 1), EmployerID: 1, TradeID: 1, Headcount: 1, StartsAt: day.Add(time.Duration(i) * time.Hour),
				Duration: time.Hour, PayFen: 20000, PayUnit: PerDay, Channel: ByPhone, Status: JobDone, CreatedAt: day, UpdatedAt: day}
			if err := l.Job(j); err != nil {
				return err
			}
			d := &DispatchRecord{ID: int64(i + 1), JobID: j.ID, WorkerID: a.ID, Status: st, StartsAt: j.StartsAt, EndsAt: j.EndsAt(),
				AgreedPayFen: 20000, CreatedAt: day, UpdatedAt: day}
			if st == "done" {
				d.Paid, d.PaidFen, d.WorkerRating = true, 20000+int64(i)*5000, 4+i
			}
			if st == "no_show" {
				d.Disputed = true
			}
			if err := l.Dispatch(d); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	h, err := s.WorkerHistory(ctx, a.ID, 3)
	if err != nil {
		t.Fatal(err)
	}
	if h.Dispatches != 3 || h.Done != 2 || h.NoShows != 1 || h.Disputes != 1 || h.EarnedFen != 45000 || h.RatingCount != 2 || h.RatingTenths() != 45 {
		t.Fatalf("history totals = %+v", h)
	}
	if len(h.Recent) != 3 || h.Recent[0].Status != "cancelled" || h.Recent[0].EmployerName != "刘阿姨" {
		t.Fatalf("recent dispatches newest first, capped: %+v", h.Recent)
	}
	if (WorkerHistory{}).RatingTenths() != 0 || (WorkerHistory{RatingSum: 14, RatingCount: 3}).RatingTenths() != 47 {
		t.Fatal("RatingTenths rounds half up")
	}
}
