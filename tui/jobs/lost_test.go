package jobs

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/testdb"
	"gigdesk/tui/i18n"
)

// TestServerLostWhileTakingAJob: the dispatcher has typed a new caller's whole job when the
// PostgreSQL server is lost. Ctrl+S says the server cannot be reached and nothing was saved,
// and the form stays open with every field; with the server back, Ctrl+S saves the job once
// (and its new employer with it).
func TestServerLostWhileTakingAJob(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip("PostgreSQL only (set " + testdb.Env + "): a SQLite file has no server to lose")
	}
	h := newHarness(t, i18n.Zh)
	h.fillNewEmployerJob()
	typed := h.view()
	back := testdb.LoseServer(t, h.c.Store.Target())
	h.press(tea.KeyCtrlS)
	if !strings.Contains(h.status, "连不上数据库，没有保存；内容还在，连上后按 Ctrl+S") {
		t.Fatalf("status after a save with the server lost = %q", h.status)
	}
	if h.form() == nil {
		t.Fatalf("the form closed when the save failed:\n%s", h.view())
	}
	if v := h.view(); v != typed {
		t.Fatalf("the form changed when the save failed:\nbefore\n%s\nafter\n%s", typed, v)
	}
	back()
	h.press(tea.KeyCtrlS)
	if h.form() != nil {
		t.Fatalf("with the server back Ctrl+S did not save (status %q):\n%s", h.status, h.view())
	}
	jobs, err := h.c.Store.Jobs(t.Context(), store.JobFilter{})
	if err != nil || len(jobs) != 1 || jobs[0].Headcount != 2 || jobs[0].PayFen != 30000 {
		t.Fatalf("jobs saved after the server came back: %+v %v", jobs, err)
	}
	if e, err := h.c.Store.EmployerByPhone(t.Context(), "13800138000"); err != nil || e.Name != "张阿姨" {
		t.Fatalf("the new employer after the server came back: %+v %v", e, err)
	}
}
