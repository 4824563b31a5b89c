package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

func TestIdleLockKeepsInputAndAdmin(t *testing.T) {
	now := testNow
	clk := func() time.Time { return now }
	s, err := store.Open(filepath.Join(t.TempDir(), "gigdesk.db"), store.WithClock(clk))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	head, _ := s.SetupWithPIN(t.Context(), "后街零工市场", "王芳", headPIN)
	s.AddStaff(t.Context(), head.ID, "李强", store.RoleStaff)
	m := New(Options{Store: s, Lang: i18n.Zh, Now: clk})
	var tm tea.Model = m
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	tm = drive(t, tm, m.Init())
	if !strings.Contains(screen(tm), "今日自动备份已完成") {
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
	if st, _ := s.Settings(t.Context()); st.StationName != "后街零工市场二站" {
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

func TestDamagedDatabaseAtStartUp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "gigdesk.db")
	s, _ := store.Open(path, store.WithClock(clock))
	head, _ := s.SetupWithPIN(t.Context(), "后街零工市场", "王芳", headPIN)
	for i := range 400 {
		s.CreateWorker(t.Context(), head.ID, store.Worker{Name: "李四", Phone: "137" + strings.Repeat("0", 4) + string(rune('0'+i/1000%10)) + string(rune('0'+i/100%10)) + string(rune('0'+i/10%10)) + string(rune('0'+i%10)), BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 2}}})
	}
	b, err := s.Backup(t.Context(), store.BackupDir(path))
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// a failing disk: index pages overwritten
	f, _ := os.OpenFile(path, os.O_RDWR, 0)
	info, _ := f.Stat()
	junk := make([]byte, 4096)
	for i := range junk {
		junk[i] = byte(i * 7)
	}
	for off := info.Size() / 2; off < info.Size()-4096; off += 3 * 4096 {
		f.WriteAt(junk, off)
	}
	f.Close()
	s, err = store.Open(path, store.WithClock(clock))
	if err != nil {
		t.Skipf("the damage already stops Open (%v): the command-line message covers it", err)
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
