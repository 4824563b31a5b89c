package main

import (
	"context"
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/store/oplog"
	"gigdesk/tui/common"
)

// counted is a root model that counts the ChangedMsg it is given.
type counted struct{ changed chan struct{} }

func (c counted) Init() tea.Cmd { return nil }
func (c counted) View() string  { return "" }
func (c counted) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if _, ok := msg.(common.ChangedMsg); ok {
		c.changed <- struct{}{}
	}
	return c, nil
}

func runDesk(t *testing.T, d *desks, counter int64) (*tea.Program, chan struct{}) {
	t.Helper()
	ch := make(chan struct{}, 10)
	p := tea.NewProgram(&sharedDesk{Model: counted{changed: ch}}, tea.WithInput(strings.NewReader("")), tea.WithOutput(io.Discard), tea.WithoutRenderer(), tea.WithoutSignals())
	d.add(p, &openDesk{counter: counter, close: func() {}})
	go p.Run()
	t.Cleanup(func() { p.Kill(); d.remove(p) })
	return p, ch
}

// A write committed anywhere in the process reloads every session, once.
func TestDesksPassEveryCommitToEverySession(t *testing.T) {
	s, err := store.Open(stationDB(t, "gigdesk.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := newDesks(&Env{Log: oplog.Discard()}, s)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stop := d.relay(ctx)
	defer stop()
	head, err := s.Setup(ctx, "后街零工驿站", "王芳")
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the set-up's signals pass before the sessions open
	_, aChanged := runDesk(t, d, 1)
	_, bChanged := runDesk(t, d, 2)
	if _, err := s.AddStaff(ctx, head.ID, "李明", store.RoleStaff); err != nil {
		t.Fatal(err)
	}
	for name, ch := range map[string]chan struct{}{"a": aChanged, "b": bChanged} {
		select {
		case <-ch:
		case <-time.After(2 * time.Second):
			t.Fatalf("session %s never reloaded", name)
		}
	}
	time.Sleep(100 * time.Millisecond)
	if len(aChanged)+len(bChanged) != 0 {
		t.Error("one commit reloaded a session twice")
	}
	if d.count() != 2 {
		t.Errorf("%d desks open, want 2", d.count())
	}
}
