package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store/testdb"
	"gigdesk/tui/i18n"
)

// TestServerLostWhileRegistering: a counter types a walk-in's registration, the PostgreSQL
// server is lost (every connection ended, none let in) and Ctrl+S fails: the footer says the
// server cannot be reached and nothing was saved, and the form keeps every field. With the
// server back, Ctrl+S again saves them, on connections the pool opens anew.
func TestServerLostWhileRegistering(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip("PostgreSQL only (set " + testdb.Env + "): a SQLite file has no server to lose")
	}
	for _, tc := range []struct {
		lang               i18n.Lang
		lost, kept, saved  string
		station, head, who string
	}{
		{i18n.Zh, "连不上数据库，没有保存；内容还在，连上后按 Ctrl+S", "内容还在", "登记成功", "后街零工市场", "王芳", "张三丰"},
		{i18n.En, "Database unreachable: not saved", "your input is kept", "Registered", "Back Street Market", "Wang Fang", "Zhang Sanfeng"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			m0, s := started(t, tc.lang, tc.station, tc.head)
			var m tea.Model = m0
			m = press(t, m, tea.KeyMsg{Type: tea.KeyF1}, tea.KeyMsg{Type: tea.KeyCtrlN})
			m = press(t, m, runes(tc.who), enter, runes("13800138000"), enter, runes("sd"), enter, runes("5"), enter)
			typed := screen(m)
			for _, want := range []string{tc.who, "13800138000"} {
				if !strings.Contains(typed, want) {
					t.Fatalf("the form does not show %q before the save:\n%s", want, typed)
				}
			}

			back := testdb.LoseServer(t, s.Target())
			m = press(t, m, tea.KeyMsg{Type: tea.KeyCtrlS})
			scr := screen(m)
			lines := strings.Split(scr, "\n")
			if status := lines[len(lines)-2]; !strings.Contains(status, tc.lost) {
				t.Fatalf("footer after a save with the server lost = %q, want %q:\n%s", status, tc.lost, scr)
			}
			if !strings.Contains(m0.status, tc.kept) || !strings.Contains(m0.status, "Ctrl+S") {
				t.Fatalf("status = %q, want it to say the form is kept and Ctrl+S saves", m0.status)
			}
			for _, want := range []string{tc.who, "13800138000"} {
				if !strings.Contains(scr, want) {
					t.Fatalf("the form lost %q when the save failed:\n%s", want, scr)
				}
			}

			back()
			m = press(t, m, tea.KeyMsg{Type: tea.KeyCtrlS})
			if scr := screen(m); !strings.Contains(scr, tc.saved) {
				t.Fatalf("with the server back Ctrl+S did not save:\n%s", scr)
			}
			ws, err := s.SearchWorkers(context.Background(), "13800138000", 5)
			if err != nil || len(ws) != 1 || ws[0].Name != tc.who || len(ws[0].Trades) != 1 || ws[0].Trades[0].Years != 5 {
				t.Fatalf("saved after the server came back: %+v %v", ws, err)
			}
		})
	}
}
