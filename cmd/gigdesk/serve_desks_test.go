package main

import (
	"io"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

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

func runDesk(t *testing.T, d *desks) (*tea.Program, chan struct{}) {
	t.Helper()
	ch := make(chan struct{}, 10)
	m := &sharedDesk{Model: counted{changed: ch}, desks: d}
	m.self = tea.NewProgram(m, tea.WithInput(strings.NewReader("")), tea.WithOutput(io.Discard), tea.WithoutRenderer(), tea.WithoutSignals())
	d.add(m.self)
	go m.self.Run()
	t.Cleanup(func() { m.self.Kill(); d.remove(m.self) })
	return m.self, ch
}

func TestDesksPassASaveToEveryOtherSession(t *testing.T) {
	d := newDesks()
	a, aChanged := runDesk(t, d)
	_, bChanged := runDesk(t, d)
	_, cChanged := runDesk(t, d)
	a.Send(common.ChangedMsg{}) // a save in session a
	for name, ch := range map[string]chan struct{}{"a": aChanged, "b": bChanged, "c": cChanged} {
		select {
		case <-ch:
		case <-time.After(2 * time.Second):
			t.Fatalf("session %s never reloaded", name)
		}
	}
	time.Sleep(50 * time.Millisecond)
	if len(aChanged)+len(bChanged)+len(cChanged) != 0 {
		t.Error("a passed-on save was passed on again")
	}
	if d.count() != 3 {
		t.Errorf("%d desks open, want 3", d.count())
	}
}
