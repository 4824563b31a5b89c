package board

import (
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

// TestClickPicksAndDoubleClickOpens: a click on a row picks its job, a second click on it soon
// after opens it on Match, and the wheel moves the cursor.
func TestClickPicksAndDoubleClickOpens(t *testing.T) {
	f := newFixture(t)
	m := loaded(t, newCommon(t, f.s, i18n.Zh), 80, 19)
	click := func(row int) tea.Cmd {
		_, cmd := m.Update(tea.MouseMsg{X: 10, Y: m.firstRow() + row, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
		return cmd
	}
	if cmd := click(2); cmd != nil || m.cursor != 2 {
		t.Fatalf("a click on the third row: cursor %d, cmd %v", m.cursor, cmd)
	}
	want := m.Selected()
	cmd := click(2)
	if cmd == nil {
		t.Fatal("a double click did nothing")
	}
	if msg, ok := cmd().(common.GotoMsg); !ok || msg.Page != common.PageMatch || msg.Job != want {
		t.Fatalf("a double click sent %#v, want Match for job %d", msg, want)
	}
	setClock(boardNow.Add(time.Second))
	click(0)
	setClock(boardNow.Add(3 * time.Second)) // too slow for a double click
	if cmd := click(0); cmd != nil {
		t.Fatal("two clicks two seconds apart opened the job")
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.cursor != 1 {
		t.Fatalf("the wheel down: cursor %d, want 1", m.cursor)
	}
	if cmd := click(40); cmd != nil || m.cursor != 1 {
		t.Fatal("a click under the last row changed the selection")
	}
}
