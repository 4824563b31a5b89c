package slip

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/lipgloss"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

var testNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)

// dispatched is a station with one worker sent to one job, read back as the slip reads it.
func dispatched(t *testing.T) (*store.Store, Slip) {
	t.Helper()
	clock := func() time.Time { return testNow }
	s, _ := tuitest.OpenStore(t, clock)
	ctx := t.Context()
	head, err := s.SetupWithPIN(ctx, "后街零工市场", "王芳", "2468")
	if err != nil {
		t.Fatal(err)
	}
	st, err := s.Settings(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Phone = "023-68781526"
	if err := s.SaveSettings(ctx, head.ID, st); err != nil {
		t.Fatal(err)
	}
	w, err := s.CreateWorker(ctx, head.ID, store.Worker{Name: "张三丰", BirthYear: 1970, Phone: "13800138000",
		CommunityID: 100, Trades: []store.WorkerTrade{{TradeID: 1, Years: 5}}})
	if err != nil {
		t.Fatal(err)
	}
	e := store.Employer{Kind: store.Resident, Name: "李阿姨", Phone: "13912345678", Address: "后街12号", CommunityID: 100}
	_, j, err := s.CreateJob(ctx, head.ID, e, store.Job{TradeID: 1, Headcount: 1, StartsAt: testNow.Add(3 * time.Hour),
		Duration: 4 * time.Hour, PayFen: 25000, PayUnit: store.PerDay, Address: "后街12号", CommunityID: 100})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Dispatch(ctx, head.ID, store.DispatchInput{JobID: j.ID, WorkerID: w.ID, Insured: true})
	if err != nil {
		t.Fatal(err)
	}
	if d, err = s.DispatchSlip(ctx, head.ID, d.ID); err != nil {
		t.Fatal(err)
	}
	if st, err = s.Settings(ctx); err != nil {
		t.Fatal(err)
	}
	rec, err := s.Catalog(ctx)
	if err != nil {
		t.Fatal(err)
	}
	return s, Slip{Station: st, Dispatch: d, Records: rec, Staff: head.Name, Printed: testNow}
}

func TestSlipTextHasBothPhonesAndTheTerms(t *testing.T) {
	_, sl := dispatched(t)
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			cat := i18n.New(lang)
			text := sl.Text(cat)
			d := sl.Dispatch
			for _, want := range []string{"后街零工市场", cat.T("slip.title"), "张三丰", "13800138000", "李阿姨", "13912345678",
				"后街12号", cat.Pay(d.AgreedPayFen, d.PayUnit), cat.T("slip.insured_yes"), "023-68781526", cat.T("slip.note"),
				cat.T("slip.sign_employer"), cat.T("slip.sign_worker"), "王芳  2026-11-28 14:30", "17:30 – 21:30"} {
				if !strings.Contains(text, want) {
					t.Errorf("the slip lacks %q:\n%s", want, text)
				}
			}
			if strings.Contains(text, "****") {
				t.Errorf("a phone is masked on the slip:\n%s", text)
			}
			lines := strings.Split(text, "\n")
			if rule := strings.Repeat("=", Width); lines[2] != rule {
				t.Errorf("the line under the title is %q, want %d '='", lines[2], Width)
			}
			if w := lipgloss.Width(lines[1]); w > Width {
				t.Errorf("the title is %d cells wide, more than the slip's %d", w, Width)
			}
		})
	}
}

// Save writes the slip beside the database, CRLF line ends, readable by its owner only, with
// no temporary file left behind.
func TestSlipSavedBesideTheDatabase(t *testing.T) {
	s, sl := dispatched(t)
	cat := i18n.New(i18n.Zh)
	path := filepath.Join(Dir(s.Path()), FileName(cat, sl.Dispatch.ID))
	if want := filepath.Join(filepath.Dir(s.Path()), "slips", "派工单-1.txt"); path != want {
		t.Fatalf("slip path = %s, want %s", path, want)
	}
	text := sl.Text(cat)
	if err := Save(path, text); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(raw); got != strings.ReplaceAll(text, "\n", "\r\n") || strings.Count(got, "\r\n") != strings.Count(text, "\n") {
		t.Fatalf("the file is not the slip with CRLF line ends:\n%q", got)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o600 {
		t.Errorf("slip file mode %v, want 0600: it holds both phones", perm)
	}
	if _, err := os.Stat(path + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("the temporary file is left behind: %v", err)
	}
	// saving again over the same slip replaces it
	if err := Save(path, "again\n"); err != nil {
		t.Fatal(err)
	}
	if raw, err := os.ReadFile(path); err != nil || string(raw) != "again\r\n" {
		t.Fatalf("second save: %q %v", raw, err)
	}
	if en := FileName(i18n.New(i18n.En), 12); en != "dispatch-slip-12.txt" {
		t.Errorf("English file name = %q", en)
	}
}
