package tui

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/testdb"
	"gigdesk/tui/i18n"
)

func TestIdleLockKeepsInputAndAdmin(t *testing.T) {
	now := testNow
	clk := func() time.Time { return now }
	s, err := store.Open(testdb.New(t, "gigdesk.db"), store.WithLocalDir(t.TempDir()), store.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	head, err := s.SetupWithPIN(t.Context(), "后街零工市场", "王芳", headPIN)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.AddStaff(t.Context(), head.ID, "李强", store.RoleStaff); err != nil {
		t.Fatal(err)
	}
	m := New(Options{Store: s, Lang: i18n.Zh, Now: clk})
	var tm tea.Model = m
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	tm = drive(t, tm, m.Init())
	// a SQLite station backs its file up at start; PostgreSQL is backed up with pg_dump, not here
	if !testdb.Postgres() && !strings.Contains(screen(tm), "今日自动备份已完成") {
		t.Fatalf("no daily backup in the footer:\n%s", screen(tm))
	}
	tm = press(t, tm, enter, runes(headPIN), enter)
	if m.Common().Staff.Name != "王芳" {
		t.Fatalf("not signed in:\n%s", screen(tm))
	}
	// F6 opens Admin for the head; the settings hold unsaved input
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF6})
	if !strings.Contains(screen(tm), "站长管理") {
		t.Fatalf("F6:\n%s", screen(tm))
	}
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF6}, tea.KeyMsg{Type: tea.KeyEnd}, runes("二站"))
	if !strings.Contains(screen(tm), "后街零工市场二站") {
		t.Fatalf("settings:\n%s", screen(tm))
	}
	now = now.Add(11 * time.Minute)
	tm, _ = tm.Update(tickMsg(now))
	if !strings.Contains(screen(tm), "屏幕已锁定") || strings.Contains(screen(tm), "后街零工市场二站") {
		t.Fatalf("not locked after the idle time:\n%s", screen(tm))
	}
	tm = press(t, tm, esc)
	if !strings.Contains(screen(tm), "屏幕已锁定") {
		t.Fatal("Esc opened the lock")
	}
	tm = press(t, tm, runes("0000"), enter)
	if !strings.Contains(screen(tm), "密码错误") {
		t.Fatalf("wrong PIN:\n%s", screen(tm))
	}
	tm = press(t, tm, runes(headPIN), enter)
	if !strings.Contains(screen(tm), "后街零工市场二站") {
		t.Fatalf("unsaved input lost over the lock:\n%s", screen(tm))
	}
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyCtrlS})
	st, err := s.Settings(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if st.StationName != "后街零工市场二站" {
		t.Fatalf("settings not saved: %+v\n%s", st, screen(tm))
	}
	// the audit section lists what happened, read-only
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF6}, tea.KeyMsg{Type: tea.KeyF6}) // settings → trades & places → audit
	if scr := screen(tm); !strings.Contains(scr, "密码错误") || !strings.Contains(scr, "修改") {
		t.Fatalf("audit view:\n%s", scr)
	}
	// a clerk cannot open Admin
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF1}, tea.KeyMsg{Type: tea.KeyF8}, runes("2"), runes("1357"), enter, runes("1357"), enter)
	if m.Common().Staff.Name != "李强" {
		t.Fatalf("clerk sign-in:\n%s", screen(tm))
	}
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF6})
	if !strings.Contains(screen(tm), "只有站长可以进入管理") || strings.Contains(screen(tm), "站长管理") {
		t.Fatalf("a clerk opened Admin:\n%s", screen(tm))
	}
}

// TestDamagedDatabaseAtStartUp: a file that opens but fails quick_check (index pages
// overwritten, as a failing disk would) stops the app with the damaged-file text, naming the
// latest backup to restore.
func TestDamagedDatabaseAtStartUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gigdesk.db")
	s, err := store.Open(path, store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	head, err := s.SetupWithPIN(t.Context(), "后街零工市场", "王芳", headPIN)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 400 {
		w := store.Worker{Name: "李四", Phone: fmt.Sprintf("1370000%04d", i), BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 2}}}
		if _, err := s.CreateWorker(t.Context(), head.ID, w); err != nil {
			t.Fatal(err)
		}
	}
	b, err := s.Backup(t.Context(), store.BackupDir(path))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	damageIndexPages(t, path)
	s, err = store.Open(path, store.WithClock(clock))
	if err != nil {
		t.Fatalf("the damage should pass Open and be found by the start-up check: %v", err)
	}
	defer s.Close()
	m := New(Options{Store: s, Lang: i18n.En, Now: clock})
	var tm tea.Model = m
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	tm = drive(t, tm, m.Init())
	scr := screen(tm)
	if !strings.Contains(scr, "damaged") || !strings.Contains(scr, "gigdesk restore") || !strings.Contains(scr, filepath.Base(b.Path)) {
		t.Fatalf("damage at start-up not explained:\n%s", scr)
	}
}

// damageIndexPages overwrites the cells of the index leaf pages in the second half of the
// file, where the workers' indexes grew: the header, the schema and every table stay sound,
// so Open and the settings load work, but quick_check walks the indexes and finds the damage.
func damageIndexPages(t *testing.T, path string) {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int(binary.BigEndian.Uint16(raw[16:18])) // the page size, from the header
	if size == 1 {
		size = 65536
	}
	const leafIndex = 0x0a // b-tree page type of an index leaf
	hit := 0
	for off := len(raw) / 2 / size * size; off+size <= len(raw); off += size {
		if raw[off] != leafIndex {
			continue
		}
		for i := off + 8; i < off+size; i++ { // keep the page header, scramble the cell pointers and cells
			raw[i] = byte(i * 7)
		}
		hit++
	}
	if hit == 0 {
		t.Fatal("no index leaf page in the second half of the file")
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
}
