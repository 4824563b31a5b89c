package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

// databaseShown reports whether a status line ends with the test's database: its temp file, or
// on PostgreSQL host/dbname (store/testdb names them gd_test_…).
func databaseShown(status string) bool {
	return strings.Contains(status, "gigdesk.db") || strings.Contains(status, "/gd_test_")
}

// shot is the screen for a golden file, with the footer's status line (it ends with the
// temporary database path) replaced by a marker once it is checked.
func shot(t *testing.T, m tea.Model) []byte {
	t.Helper()
	lines := strings.Split(screen(m), "\n")
	if len(lines) != 24 {
		t.Fatalf("the screen is %d lines, not 24:\n%s", len(lines), screen(m))
	}
	if status := lines[len(lines)-2]; !databaseShown(status) {
		t.Fatalf("the database path is not on screen: %q", status)
	}
	lines[len(lines)-2] = "<status line with the database path>"
	return []byte(strings.Join(lines, "\n"))
}

// TestGoldenScreens keeps the screens the shell owns, and the pages not kept elsewhere, at 80x24
// in both languages: first-run setup, the staff picker and PIN, the help overlay, the Jobs list,
// a worker's page and the head's Admin area. Regenerate with -update.
func TestGoldenScreens(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			s := newStore(t)
			first := New(Options{Store: s, Lang: lang, Now: clock})
			var fm tea.Model = first
			fm, _ = fm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
			fm = drive(t, fm, first.Init())
			t.Run("setup", func(t *testing.T) { golden.RequireEqual(t, shot(t, fm)) })

			m0, s := started(t, lang, "后街零工市场", "王芳")
			var m tea.Model = m0
			ctx := context.Background()
			head := m0.c.Staff.ID
			if _, err := s.CreateWorker(ctx, head, store.Worker{Name: "张三丰", BirthYear: 1970, Phone: "13800138000",
				CommunityID: 100, Trades: []store.WorkerTrade{{TradeID: 1, Years: 5}}}); err != nil {
				t.Fatal(err)
			}
			tuitest.PostJob(t, s, head, testNow, 2)
			m = drive(t, m, func() tea.Msg { return common.ChangedMsg{} })

			m = press(t, m, tea.KeyMsg{Type: tea.KeyF8})
			t.Run("staff", func(t *testing.T) { golden.RequireEqual(t, shot(t, m)) })
			m = press(t, m, enter)
			t.Run("pin", func(t *testing.T) { golden.RequireEqual(t, shot(t, m)) })
			m = press(t, m, runes(headPIN), enter)
			time.Sleep(100 * time.Millisecond)

			m = press(t, m, tea.KeyMsg{Type: tea.KeyF12}) // "?" would go into the search field
			t.Run("help", func(t *testing.T) { golden.RequireEqual(t, shot(t, m)) })
			m = press(t, m, esc, tea.KeyMsg{Type: tea.KeyF2})
			if !strings.Contains(screen(m), "139****5678") {
				t.Fatalf("the Jobs list lacks the job:\n%s", screen(m))
			}
			t.Run("jobs", func(t *testing.T) { golden.RequireEqual(t, shot(t, m)) })

			m = press(t, m, tea.KeyMsg{Type: tea.KeyF1}, runes("zsf"))
			m = press(t, m, enter)
			if !strings.Contains(screen(m), "138****8000") {
				t.Fatalf("no worker page:\n%s", screen(m))
			}
			t.Run("worker", func(t *testing.T) { golden.RequireEqual(t, shot(t, m)) })

			m = press(t, m, esc, tea.KeyMsg{Type: tea.KeyF6})
			if !strings.Contains(screen(m), "王芳") {
				t.Fatalf("no Admin:\n%s", screen(m))
			}
			t.Run("admin", func(t *testing.T) { golden.RequireEqual(t, shot(t, m)) })
		})
	}
}
