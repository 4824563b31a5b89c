package main

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"

	"gigdesk/store"
)

// A station with a head and n clerks, each with the PIN 2468, and one employer.
func stationWithClerks(t testing.TB, db string, n int) {
	t.Helper()
	store.UseFastPINHashing()
	ctx := context.Background()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	head, err := s.SetupWithPIN(ctx, "后街零工驿站", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	for i := range n {
		clerk, err := s.AddStaff(ctx, head.ID, "职员"+chineseNumber(i+1), store.RoleStaff)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.SetPIN(ctx, head.ID, clerk.ID, "2468"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.SaveEmployer(ctx, head.ID, store.Employer{Kind: store.Shop, Name: "老王五金", Phone: "13600136000", Address: "后街3号", CommunityID: 100}); err != nil {
		t.Fatal(err)
	}
}

// signIn picks the staff member on row `down` of the picker and types their PIN.
func signIn(t testing.TB, ct *counter, down int) {
	t.Helper()
	waitScreen(t, ct.screen, "Who is on duty?")
	for range down {
		ct.stdin.Write([]byte("\x1b[B"))
	}
	time.Sleep(60 * time.Millisecond)
	ct.stdin.Write([]byte("\r"))
	waitScreen(t, ct.screen, "PIN")
	ct.stdin.Write([]byte("2468"))
	time.Sleep(60 * time.Millisecond)
	ct.stdin.Write([]byte("\r"))
	waitScreen(t, ct.screen, "On duty: ")
}

// 200 counters connect, sign in and leave (four at a time): the server's goroutines and
// database connections come back to where they were.
func TestServeLeavesNothingBehind(t *testing.T) {
	if testing.Short() {
		t.Skip("200 SSH sessions: not in -short")
	}
	var s *store.Store
	var d *desks
	sv := startServeHooked(t, "en", func(db string) { stationWithClerks(t, db, 0) }, func(st *store.Store, ds *desks) { s, d = st, ds })
	cycle := func() {
		ct := sv.openCounter(t)
		signIn(t, ct, 0)
		ct.client.Close()
	}
	settle := func() (goroutines, conns int) {
		deadline := time.Now().Add(10 * time.Second)
		for d.count() > 0 && time.Now().Before(deadline) {
			time.Sleep(20 * time.Millisecond)
		}
		time.Sleep(300 * time.Millisecond) // the connection's own goroutines end after the session's
		runtime.GC()
		return runtime.NumGoroutine(), s.ConnsInUse()
	}
	cycle() // the first connection starts what stays for the server's life
	g0, c0 := settle()
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 50 {
				cycle()
			}
		}()
	}
	wg.Wait()
	var g1, c1 int
	for range 20 { // goroutines of the last connections may still be on their way out
		if g1, c1 = settle(); g1 <= g0+2 && c1 == c0 {
			break
		}
	}
	t.Logf("after 200 sessions: goroutines %d → %d, database connections in use %d → %d", g0, g1, c0, c1)
	if g1 > g0+2 {
		buf := make([]byte, 1<<20)
		t.Errorf("goroutines %d → %d after 200 sessions:\n%s", g0, g1, buf[:runtime.Stack(buf, true)])
	}
	if c1 != c0 {
		t.Errorf("database connections in use %d → %d after 200 sessions", c0, c1)
	}
}

// Eight counters signed in at once while each of eight clerks makes 200 changes and reads
// (register, search, open a worker, post a job, dispatch) at a counter: no error, no "locked",
// every record there afterwards, and every screen still answers a key.
func TestServeEightCountersUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("1,600 actions: not in -short")
	}
	const sessions, actions = 8, 200
	var s *store.Store
	sv := startServeHooked(t, "en", func(db string) { stationWithClerks(t, db, sessions) }, func(st *store.Store, _ *desks) { s = st })
	cts := make([]*counter, sessions)
	for i := range cts {
		cts[i] = sv.openCounter(t)
		signIn(t, cts[i], i+1) // the head is row 0, the clerks after
	}
	ctx := context.Background()
	counter, err := s.CounterByFingerprint(ctx, fingerprintOf(sv))
	if err != nil {
		t.Fatal(err)
	}
	staff, err := s.ListStaff(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var errs []string
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := range sessions {
		wg.Add(1)
		go func() {
			defer wg.Done()
			at := store.AtCounter(ctx, counter.ID)
			for n := range actions / 5 {
				began := time.Now()
				if err := clerkRound(at, s, staff[i+1].ID, i*1000+n); err != nil {
					mu.Lock()
					errs = append(errs, fmt.Sprintf("%v (after %v)", err, time.Since(began).Round(time.Millisecond)))
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	if len(errs) > 0 {
		t.Fatalf("%d of %d rounds failed; first: %s", len(errs), sessions*actions/5, errs[0])
	}
	want := int64(sessions * actions / 5)
	tables, err := s.TableCounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tbl := range []string{"workers", "jobs", "dispatches"} {
		if tables[tbl] < want {
			t.Errorf("%s: %d rows, want %d", tbl, tables[tbl], want)
		}
	}
	if log := readLog(t, sv.db); strings.Contains(log, "locked") || strings.Contains(log, `"level":"ERROR"`) {
		t.Errorf("the log holds errors:\n%s", log)
	}
	// every desk still draws: F3 shows the board, with one more job posted and still open
	e, err := s.EmployerByPhone(ctx, "13600136000")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.CreateJob(ctx, staff[1].ID, e, store.Job{TradeID: 1, Headcount: 3, StartsAt: time.Now().Add(3 * time.Hour),
		Duration: 2 * time.Hour, PayFen: 30000, PayUnit: store.PerDay, Address: "后街3号", CommunityID: 100}); err != nil {
		t.Fatal(err)
	}
	for i, ct := range cts {
		ct.stdin.Write([]byte("\x1bOR"))
		waitScreen(t, ct.screen, "3 workers wanted")
		if strings.Contains(ansi.Strip(ct.screen.String()), "database is locked") {
			t.Errorf("counter %d showed a locked database", i)
		}
	}
}

func fingerprintOf(sv *served) string {
	return fingerprint(sv.known.PublicKey())
}

// clerkRound is five actions a clerk makes at the counter: register a worker, search for them,
// open their record, post a job for the station's employer, dispatch the worker to it.
func clerkRound(ctx context.Context, s *store.Store, staff int64, n int) error {
	w, err := s.CreateWorker(ctx, staff, store.Worker{Name: "压力" + chineseNumber(n), BirthYear: 1980, Phone: fmt.Sprintf("139%08d", n),
		CommunityID: 100, Trades: []store.WorkerTrade{{TradeID: 1, Years: 3}}})
	if err != nil {
		return fmt.Errorf("register %d: %w", n, err)
	}
	if found, err := s.SearchWorkers(ctx, w.Phone, 10); err != nil || len(found) == 0 {
		return fmt.Errorf("search %d: %d found, %v", n, len(found), err)
	}
	if _, err := s.Worker(ctx, w.ID); err != nil {
		return fmt.Errorf("open %d: %w", n, err)
	}
	e, err := s.EmployerByPhone(ctx, "13600136000")
	if err != nil {
		return fmt.Errorf("employer: %w", err)
	}
	_, j, err := s.CreateJob(ctx, staff, e, store.Job{TradeID: 1, Headcount: 1, StartsAt: time.Now().Add(time.Duration(n%50+2) * time.Hour),
		Duration: 2 * time.Hour, PayFen: 30000, PayUnit: store.PerDay, Address: "后街3号", CommunityID: 100})
	if err != nil {
		return fmt.Errorf("post %d: %w", n, err)
	}
	if _, err := s.Dispatch(ctx, staff, store.DispatchInput{JobID: j.ID, WorkerID: w.ID}); err != nil {
		return fmt.Errorf("dispatch %d: %w", n, err)
	}
	return nil
}

// chineseNumber spells n's digits in Chinese, so every worker's name is a valid, different name.
func chineseNumber(n int) string {
	digits := []rune("零一二三四五六七八九")
	var b strings.Builder
	for _, r := range fmt.Sprint(n) {
		b.WriteRune(digits[r-'0'])
	}
	return b.String()
}

func fingerprint(k gossh.PublicKey) string { return gossh.FingerprintSHA256(k) }
