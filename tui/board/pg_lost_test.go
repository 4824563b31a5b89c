package board

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/store/testdb"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// statusHost runs a board as the root would and keeps the footer lines it asks for.
type statusHost struct {
	m      *Model
	mu     *sync.Mutex
	status *[]string
	view   *string
}

func (h statusHost) Init() tea.Cmd { return h.m.Init() }
func (h statusHost) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	_, cmd := h.m.Update(msg)
	h.mu.Lock()
	defer h.mu.Unlock()
	if s, ok := msg.(common.StatusMsg); ok {
		*h.status = append(*h.status, s.Text)
	}
	*h.view = ansi.Strip(h.m.View())
	return h, cmd
}
func (h statusHost) View() string { return "" }

// TestBoardWhileServerLost: the board's PostgreSQL server is lost (connections ended, none let
// in): the footer says the board cannot refresh because the server is unreachable; once it is
// back the board says so, and a job another PC posts then is on it within a second.
func TestBoardWhileServerLost(t *testing.T) {
	if !testdb.Postgres() {
		t.Skip("PostgreSQL only (set " + testdb.Env + "): a SQLite file has no server to lose")
	}
	f := newFixture(t)
	reader, err := store.Open(f.path, store.WithClock(clock), store.WithLocalDir(t.TempDir()))
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	h := statusHost{m: New(newCommon(t, reader, i18n.Zh)), mu: &sync.Mutex{}, status: new([]string), view: new(string)}
	h.m.SetSize(100, 19)
	p := tea.NewProgram(h, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	defer func() { p.Quit(); <-done }()
	waitFor := func(what string, limit time.Duration, ok func(status []string, view string) bool) time.Duration {
		t.Helper()
		start := time.Now()
		for {
			h.mu.Lock()
			seen := ok(*h.status, *h.view)
			status, view := fmt.Sprint(*h.status), *h.view
			h.mu.Unlock()
			if seen {
				return time.Since(start)
			}
			if time.Since(start) > limit {
				t.Fatalf("board never showed %s within %v; footer lines %s; board:\n%s", what, limit, status, view)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	said := func(text string) func([]string, string) bool {
		return func(status []string, _ string) bool {
			for _, s := range status {
				if strings.Contains(s, text) {
					return true
				}
			}
			return false
		}
	}
	waitFor("the jobs", 5*time.Second, func(_ []string, v string) bool { return strings.Contains(v, "5 个需求") })

	back := testdb.LoseServer(t, f.path)
	waitFor("that the server is lost", 3*time.Second, said("看板无法自动刷新：连不上数据库服务器"))
	back()
	waitFor("that the server is back", 3*time.Second, said("数据库已重新连上"))

	early := post(t, f.s, f.head, store.Shop, store.Job{TradeID: 13, CommunityID: 101, StartsAt: at(0, 15, 0), Urgent: true})
	took := waitFor("the job posted after", 5*time.Second, func(_ []string, v string) bool { return strings.Contains(v, fmt.Sprintf("#%d", early)) })
	t.Logf("with the server back, another PC's job reached the board after %v", took)
	if took > time.Second {
		t.Errorf("the job took %v to reach the board, want within 1 s", took)
	}
}
