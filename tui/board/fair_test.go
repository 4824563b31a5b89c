package board

import (
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// fairToday puts a fair on today with one firm and 12 places, and returns it.
func fairToday(t *testing.T, f *fixture) store.Event {
	t.Helper()
	ctx := context.Background()
	ev, err := f.s.SaveEvent(ctx, f.head, store.Event{Name: "春风行动暨就业援助月专场招聘会", Campaign: store.CampaignSpring, Day: f.s.Today()})
	if err != nil {
		t.Fatal(err)
	}
	firm, err := f.s.AddFirm(ctx, f.head, ev.ID, store.Employer{Name: "重庆建工", Phone: "02368001234"}, "A1")
	if err != nil {
		t.Fatal(err)
	}
	p := store.Position{FirmID: firm.ID, Title: "力工", TradeID: 2, Headcount: 12, PayUnit: store.PerDay, PayMinFen: 30000, Term: store.GigTerm}
	if _, err := f.s.AddPosition(ctx, f.head, p); err != nil {
		t.Fatal(err)
	}
	return ev
}

// signIn registers n workers and signs them in at ev's door.
func signIn(t *testing.T, s *store.Store, head, event int64, from, n int) []store.Worker {
	t.Helper()
	var ws []store.Worker
	for i := from; i < from+n; i++ {
		w, err := s.CreateWorker(context.Background(), head, store.Worker{Name: fmt.Sprintf("赵%c", '一'+rune(i)), Phone: fmt.Sprintf("1380000%04d", i),
			Trades: []store.WorkerTrade{{TradeID: 2}}, Channel: store.ByCounter})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.SignInAttendee(context.Background(), head, event, w.ID); err != nil {
			t.Fatal(err)
		}
		ws = append(ws, w)
	}
	return ws
}

// TestBoardDoorCount: while a fair is on today the board says its name and how many are in,
// with no name or phone of anyone, in both languages at 80 and 160 columns; the jobs move
// down a line and a click still lands on the job under it.
func TestBoardDoorCount(t *testing.T) {
	for _, lang := range []i18n.Lang{i18n.Zh, i18n.En} {
		t.Run(string(lang), func(t *testing.T) {
			f := newFixture(t)
			m := loaded(t, newCommon(t, f.s, lang), 80, 19)
			if strings.Contains(ansi.Strip(m.View()), "招聘会") {
				t.Fatal("a fair line with no fair on")
			}
			ev := fairToday(t, f)
			ws := signIn(t, f.s, f.head, ev.ID, 0, 3)
			want := map[i18n.Lang][2]string{i18n.Zh: {"已入场 3 人", "企业 1 家 · 岗位 12 个"}, i18n.En: {"3 signed in", "firms 1 · places 12"}}[lang]
			for _, size := range [][2]int{{80, 19}, {160, 30}} {
				m = loaded(t, newCommon(t, f.s, lang), size[0], size[1])
				v := ansi.Strip(m.View())
				lines := strings.Split(v, "\n")
				if len(lines) < 2 || !strings.Contains(lines[1], want[0]) || !strings.Contains(lines[1], "春风行动") {
					t.Fatalf("%dx%d: no door count under the title:\n%s", size[0], size[1], v)
				}
				if size[0] == 160 && !strings.Contains(lines[1], want[1]) {
					t.Errorf("160 wide: the firms and places are left out: %q", lines[1])
				}
				for _, l := range lines {
					if lipgloss.Width(l) > size[0] {
						t.Errorf("%dx%d: line wider than the screen: %q", size[0], size[1], l)
					}
				}
				if len(lines) > size[1] {
					t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
				}
				for _, w := range ws {
					if strings.Contains(v, w.Name) || strings.Contains(v, w.Phone[7:]) {
						t.Fatalf("personal data on the board: %s", w.Name)
					}
				}
			}
			// the first job row is a line lower: a click on it picks the first job
			m = loaded(t, newCommon(t, f.s, lang), 80, 19)
			keys(m, "down")
			m.Update(tea.MouseMsg{X: 10, Y: 4, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
			if m.cursor != 0 {
				t.Fatalf("a click on the first job row put the cursor on %d", m.cursor)
			}
		})
	}
}

// TestBoardDoorCountLive: the door signs people in from another process; the board's count
// follows within a second or so with no key pressed.
func TestBoardDoorCountLive(t *testing.T) {
	f := newFixture(t)
	ev := fairToday(t, f)
	reader, err := store.Open(f.path, store.WithClock(clock))
	if err != nil {
		t.Fatal(err)
	}
	defer reader.Close()
	m := New(newCommon(t, reader, i18n.Zh))
	m.SetSize(80, 19)
	p := tea.NewProgram(host{m}, tea.WithInput(nil), tea.WithOutput(io.Discard), tea.WithoutRenderer())
	done := make(chan error, 1)
	go func() { _, err := p.Run(); done <- err }()
	defer func() { p.Quit(); <-done }()
	waitFor := func(what string) {
		start := time.Now()
		for {
			r := make(chan [2]string, 1)
			p.Send(probe{r})
			if v := (<-r)[0]; strings.Contains(v, what) {
				return
			} else if time.Since(start) > 5*time.Second {
				t.Fatalf("board never showed %q:\n%s", what, v)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("已入场 0 人")
	signIn(t, f.s, f.head, ev.ID, 0, 2)
	waitFor("已入场 2 人")
	signIn(t, f.s, f.head, ev.ID, 2, 1)
	waitFor("已入场 3 人")
}
