package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"

	"gigdesk/store"
	"gigdesk/store/testdb"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

var testNow = time.Date(2026, 11, 28, 14, 30, 0, 0, store.Shanghai)

func init() {
	lipgloss.SetColorProfile(termenv.Ascii)
	store.UseFastPINHashing()
}

func clock() time.Time { return testNow }

// headPIN is the station head's PIN in these tests.
const headPIN = "2468"

func newStore(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(testdb.New(t, "gigdesk.db"), store.WithLocalDir(t.TempDir()), store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// drive runs a command and feeds what it returns back into the model, as the Bubble Tea loop would.
func drive(t *testing.T, m tea.Model, cmd tea.Cmd) tea.Model {
	t.Helper()
	tuitest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		var next tea.Cmd
		m, next = m.Update(msg)
		return next
	})
	return m
}

func press(t *testing.T, m tea.Model, keys ...tea.KeyMsg) tea.Model {
	t.Helper()
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		m = drive(t, m, cmd)
	}
	return m
}

func runes(s string) tea.KeyMsg { return tuitest.Runes(s) }

var (
	enter = tea.KeyMsg{Type: tea.KeyEnter}
	esc   = tea.KeyMsg{Type: tea.KeyEsc}
)

func screen(m tea.Model) string { return ansi.Strip(m.View()) }

// started opens the app at 80x24 on a fresh database and goes through first-run setup.
func started(t *testing.T, lang i18n.Lang, station, head string) (*Model, *store.Store) {
	t.Helper()
	s := newStore(t)
	m := New(Options{Store: s, Lang: lang, Now: clock})
	var tm tea.Model = m
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	tm = drive(t, tm, m.Init())
	tm = press(t, tm, runes(station), enter, runes(head), enter, runes(headPIN), enter, runes(headPIN), enter)
	return tm.(*Model), s
}

func TestShellZhAndEn(t *testing.T) {
	for _, tc := range []struct {
		lang                             i18n.Lang
		station, head                    string
		register, jobs, board, help, ask string
	}{
		{i18n.Zh, "后街零工市场", "王芳", "登记", "需求", "看板", "快捷键", "确定退出吗"},
		{i18n.En, "Back Street Market", "Wang Fang", "Register", "Jobs", "Board", "Keys", "Quit anyway"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			m, s := started(t, tc.lang, tc.station, tc.head)
			scr := screen(m)
			if m.Common().Staff.Name != tc.head || !strings.Contains(scr, tc.station) || !strings.Contains(scr, tc.head) {
				t.Fatalf("after setup the head should be on duty:\n%s", scr)
			}
			st, err := s.Settings(t.Context())
			if err != nil {
				t.Fatal(err)
			}
			if st.StationName != tc.station {
				t.Fatalf("station name not saved: %q", st.StationName)
			}
			lines := strings.Split(scr, "\n")
			if len(lines) != 24 {
				t.Fatalf("screen has %d lines, want 24", len(lines))
			}
			for i, l := range lines {
				if w := lipgloss.Width(l); w > 80 {
					t.Fatalf("line %d is %d cells wide: %q", i, w, l)
				}
			}
			var tm tea.Model = m
			tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF3})
			if m.page != 2 || !strings.Contains(screen(tm), tc.board) {
				t.Fatalf("F3 did not open the board:\n%s", screen(tm))
			}
			tm = press(t, tm, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("2"), Alt: true})
			if m.page != 1 {
				t.Fatalf("Alt+2 did not open Jobs (page %d)", m.page)
			}
			tm = press(t, tm, runes("?"))
			if !strings.Contains(screen(tm), tc.help) {
				t.Fatalf("? did not open help:\n%s", screen(tm))
			}
			tm = press(t, tm, esc)
			if strings.Contains(screen(tm), tc.help) {
				t.Fatal("Esc did not close help")
			}
			// a click on the first tab opens Register
			tm, _ = tm.Update(tea.MouseMsg{X: 2, Y: 1, Action: tea.MouseActionRelease, Button: tea.MouseButtonLeft})
			if m.page != 0 {
				t.Fatalf("click on the first tab left page %d", m.page)
			}
			// resize to something wide and back: the chrome stays put
			tm, _ = tm.Update(tea.WindowSizeMsg{Width: 160, Height: 48})
			if n := len(strings.Split(screen(tm), "\n")); n != 48 {
				t.Fatalf("wide screen has %d lines", n)
			}
			tm, _ = tm.Update(tea.WindowSizeMsg{Width: 60, Height: 20})
			if !strings.Contains(screen(tm), "80") {
				t.Fatalf("a too small window should say so:\n%s", screen(tm))
			}
			tm, _ = tm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			_, cmd := tm.Update(tea.KeyMsg{Type: tea.KeyF10})
			if cmd == nil || cmd() != tea.Quit() {
				t.Fatal("F10 with nothing unsaved should quit")
			}
		})
	}
}

func TestQuitAsksWhenFormHoldsInput(t *testing.T) {
	s := newStore(t)
	m := New(Options{Store: s, Lang: i18n.Zh, Now: clock})
	var tm tea.Model = m
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	tm = drive(t, tm, m.Init())
	tm = press(t, tm, runes("后街"))
	tm, cmd := tm.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	if cmd != nil {
		t.Fatal("quit without asking while the setup form holds input")
	}
	if !strings.Contains(screen(tm), "确定退出吗") {
		t.Fatalf("no quit question:\n%s", screen(tm))
	}
	tm, cmd = tm.Update(runes("n"))
	if cmd != nil || strings.Contains(screen(tm), "确定退出吗") {
		t.Fatal("n should keep the app open")
	}
	if !strings.Contains(screen(tm), "后街") {
		t.Fatal("typed input lost after declining to quit")
	}
	tm, _ = tm.Update(tea.KeyMsg{Type: tea.KeyCtrlC})
	_, cmd = tm.Update(runes("y"))
	if cmd == nil || cmd() != tea.Quit() {
		t.Fatal("y should quit")
	}
}

func TestStaffChangeAndAdd(t *testing.T) {
	m, s := started(t, i18n.Zh, "后街零工市场", "王芳")
	var tm tea.Model = m
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF8})
	if !strings.Contains(screen(tm), "选择值班人员") {
		t.Fatalf("F8 should choose staff:\n%s", screen(tm))
	}
	tm = press(t, tm, runes("+"), runes("李强"), enter)
	if !strings.Contains(screen(tm), "李强 还没有密码") {
		t.Fatalf("a new staff member should choose a PIN first:\n%s", screen(tm))
	}
	tm = press(t, tm, runes("1357"), enter, runes("1357"), enter)
	if m.Common().Staff.Name != "李强" {
		t.Fatalf("on duty = %q, want the new staff member", m.Common().Staff.Name)
	}
	staff, err := s.ListStaff(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(staff) != 2 {
		t.Fatalf("staff = %d", len(staff))
	}
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF8}, runes("1"), runes("1111"), enter)
	if m.Common().Staff.Name != "李强" || !strings.Contains(screen(tm), "密码错误，还可以再试 4 次") {
		t.Fatalf("a wrong PIN must not change who is on duty:\n%s", screen(tm))
	}
	tm = press(t, tm, runes(headPIN), enter)
	if m.Common().Staff.Name != "王芳" {
		t.Fatalf("digit should pick the first staff member, on duty = %q", m.Common().Staff.Name)
	}
	// a bad name is refused with the reason and nothing saved
	tm = press(t, tm, tea.KeyMsg{Type: tea.KeyF8}, runes("+"), runes("😀"), enter)
	if !strings.Contains(screen(tm), "姓名中不能含有表情") {
		t.Fatalf("emoji name not refused with a reason:\n%s", screen(tm))
	}
	if staff, err = s.ListStaff(t.Context()); err != nil {
		t.Fatal(err)
	}
	if len(staff) != 2 {
		t.Fatal("a bad staff name was saved")
	}
}

// TestGoldenShell keeps one golden main screen per language, rendered through teatest.
func TestGoldenShell(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			s := newStore(t)
			if _, err := s.SetupWithPIN(t.Context(), "后街零工市场", "王芳", headPIN); err != nil {
				t.Fatal(err)
			}
			m := New(Options{Store: s, Lang: lang, Now: clock})
			tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(80, 24))
			teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "王芳") },
				teatest.WithDuration(5*time.Second))
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(headPIN)})
			tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
			time.Sleep(300 * time.Millisecond) // the PIN check runs in a command
			tm.Send(tea.KeyMsg{Type: tea.KeyF2})
			tm.Send(tea.KeyMsg{Type: tea.KeyF1})
			time.Sleep(200 * time.Millisecond)
			tm.Send(tea.KeyMsg{Type: tea.KeyF10})
			fm := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second))
			view := ansi.Strip(fm.View())
			lines := strings.Split(view, "\n")
			// the status line ends with the temporary database path: check it, then keep it out of the golden
			if status := lines[len(lines)-2]; !databaseShown(status) {
				t.Fatalf("the database path is not on screen: %q", status)
			}
			lines[len(lines)-2] = "<status line with the database path>"
			golden.RequireEqual(t, []byte(strings.Join(lines, "\n")))
		})
	}
}
