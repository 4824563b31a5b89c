package summary

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// forget adds, on a clock days ago, a dispatch for a job that ran 08:00–12:00 that day and
// that nobody closed.
func forget(t *testing.T, c *common.Common, daysAgo int, name string) int64 {
	t.Helper()
	ctx := context.Background()
	morning := time.Date(2026, 11, 28-daysAgo, 7, 0, 0, 0, store.Shanghai)
	s, err := store.Open(c.Store.Target(), store.WithClock(func() time.Time { return morning }))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	phone := fmt.Sprintf("1360000%04d", daysAgo)
	w, err := s.CreateWorker(ctx, 1, store.Worker{Name: name, Phone: phone, BirthYear: 1980, Trades: []store.WorkerTrade{{TradeID: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	_, j, err := s.CreateJob(ctx, 1, store.Employer{Kind: store.Resident, Name: "忘关雇主", Phone: "1390000" + phone[7:]},
		store.Job{TradeID: 1, Headcount: 1, StartsAt: morning.Add(time.Hour), Duration: 4 * time.Hour, PayFen: 30000, PayUnit: store.PerDay})
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.Dispatch(ctx, 1, store.DispatchInput{JobID: j.ID, WorkerID: w.ID})
	if err != nil {
		t.Fatal(err)
	}
	return d.ID
}

// TestCloseTheDay: the still-open dispatches are counted under the figures and listed oldest
// first; c opens the list, and Enter, n and x close the chosen one as done, no-show or cancelled.
func TestCloseTheDay(t *testing.T) {
	c := newCommon(t, i18n.Zh)
	old := forget(t, c, 30, "忘关老张")
	mid := forget(t, c, 2, "忘关小李")
	today := forget(t, c, 0, "忘关王五")
	m := start(t, c, 160, 60)
	v := view(m)
	for _, want := range []string{"仍未关闭的派工 ", "工作已结束、仍未关闭的派工：3 个（最早的在前）", "按 c 逐个关闭"} {
		if !strings.Contains(v, want) {
			t.Fatalf("the summary lacks %q:\n%s", want, v)
		}
	}
	if a, b := strings.Index(v, "忘关老张"), strings.Index(v, "忘关王五"); a < 0 || b < a {
		t.Fatalf("not oldest first:\n%s", v)
	}
	m, _ = run(t, m, keyMsg("c"))
	v = view(m)
	if !strings.Contains(v, "Enter 完工") || !strings.Contains(v, fmt.Sprintf("#%d", old)) {
		t.Fatalf("the close list:\n%s", v)
	}
	m, out := closeWith(t, m, tea.KeyMsg{Type: tea.KeyEnter})
	if !strings.Contains(fmt.Sprint(out), fmt.Sprintf("派工 #%d 已标为完工", old)) {
		t.Fatalf("done: %v", out)
	}
	m, out = closeWith(t, m, keyMsg("n"))
	if !strings.Contains(fmt.Sprint(out), fmt.Sprintf("派工 #%d 已标为爽约", mid)) {
		t.Fatalf("no-show: %v", out)
	}
	m, out = closeWith(t, m, keyMsg("x"))
	if !strings.Contains(fmt.Sprint(out), fmt.Sprintf("派工 #%d 已取消", today)) {
		t.Fatalf("cancel: %v", out)
	}
	v = view(m)
	if !strings.Contains(v, "工作已结束、仍未关闭的派工：0 个") {
		t.Fatalf("after closing all three:\n%s", v)
	}
	for id, want := range map[int64]store.DispatchStatus{old: store.DoneStatus, mid: store.NoShow, today: store.Cancelled} {
		if d, err := c.Store.DispatchByID(context.Background(), id); err != nil || d.Status != want {
			t.Fatalf("dispatch %d: %v %v, want %s", id, d.Status, err, want)
		}
	}
}

// closeWith sends key in the close list and runs the close and the reload it starts.
func closeWith(t *testing.T, m common.Screen, k tea.KeyMsg) (common.Screen, []tea.Msg) {
	t.Helper()
	m, out := run(t, m, k)
	var rest []tea.Msg
	for _, msg := range out {
		if cm, ok := msg.(closedMsg); ok {
			var more []tea.Msg
			m, more = run(t, m, cm)
			rest = append(rest, more...)
		} else {
			rest = append(rest, msg)
		}
	}
	return m, rest
}
