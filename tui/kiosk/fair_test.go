package kiosk

import (
	"context"
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/tuitest"
)

// TestDoorScreenFairCount: with a fair on today the door screen says its name and how many
// are in (no one's name or phone), and the count follows sign-ins made by another process on
// the same database at the next poll.
func TestDoorScreenFairCount(t *testing.T) {
	testTime.Set(kioskNow)
	s, path := tuitest.OpenStore(t, clock)
	ctx := context.Background()
	head, err := s.Setup(ctx, "后街零工市场", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	other, err := store.Open(path, store.WithClock(clock)) // the door's PC
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	ev, err := other.SaveEvent(ctx, head.ID, store.Event{Name: "民营企业招聘月专场", Campaign: store.CampaignPrivate, Day: other.Today()})
	if err != nil {
		t.Fatal(err)
	}
	signIn := func(i int) {
		w, err := other.CreateWorker(ctx, head.ID, store.Worker{Name: fmt.Sprintf("钱%c", '一'+rune(i)), Phone: fmt.Sprintf("1390000%04d", i),
			Trades: []store.WorkerTrade{{TradeID: 2}}, Channel: store.ByCounter})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := other.SignInAttendee(ctx, head.ID, ev.ID, w.ID); err != nil {
			t.Fatal(err)
		}
	}
	signIn(0)
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		for _, size := range [][2]int{{80, 24}, {160, 45}} {
			m := newKiosk(t, s, lang, size[0], size[1])
			v := ansi.Strip(m.View())
			want := map[i18n.Lang]string{i18n.Zh: "已入场 1 人", i18n.En: "1 signed in"}[lang]
			if l := strings.Split(v, "\n")[1]; !strings.Contains(l, "民营企业招聘月专场") || !strings.Contains(l, want) {
				t.Fatalf("%s %v: no fair count under the title:\n%s", lang, size, v)
			}
			for _, l := range strings.Split(v, "\n") {
				if lipgloss.Width(l) > size[0] {
					t.Errorf("%s %v: line wider than the screen: %q", lang, size, l)
				}
			}
			if strings.Contains(v, "钱一") || strings.Contains(v, "0000") {
				t.Fatalf("personal data on the door screen:\n%s", v)
			}
		}
	}
	m := newKiosk(t, s, i18n.Zh, 80, 24)
	m.Update(m.openWatcher())
	defer m.Close()
	signIn(1)
	signIn(2)
	msg := m.tick()() // returns at the poll that sees the other process's writes
	if tm, ok := msg.(tickMsg); !ok || !tm.changed {
		t.Fatalf("the poll did not see the sign-ins: %#v", msg)
	}
	_, cmd := m.Update(msg)
	tuitest.Run(cmd, func(msg tea.Msg) tea.Cmd {
		if _, ok := msg.(tickMsg); ok {
			return nil // the next poll: not needed
		}
		_, next := m.Update(msg)
		return next
	})
	if v := ansi.Strip(m.View()); !strings.Contains(v, "已入场 3 人") {
		t.Fatalf("the count did not follow the door:\n%s", v)
	}
}
