package register

import (
	"context"
	"fmt"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// TestMouseOnTheSearchResults: a click picks a worker found, the wheel moves the cursor, a
// double click opens the worker's page as Enter does.
func TestMouseOnTheSearchResults(t *testing.T) {
	c := testCommon(t, i18n.En)
	for i, name := range []string{"张一", "张二", "张三"} {
		if _, err := c.Store.CreateWorker(context.Background(), c.Staff.ID, store.Worker{Name: name, BirthYear: 1980,
			Phone: fmt.Sprintf("1390000%04d", i+1), CommunityID: 100, Trades: []store.WorkerTrade{{TradeID: 1, Years: 2}}}); err != nil {
			t.Fatal(err)
		}
	}
	d := newDriver(t, c, 80, 24)
	m := d.m.(*Model)
	d.runes("张")
	d.mustSee("张一", "张二", "张三")
	click := func(row int) {
		d.send(tea.MouseMsg{X: 4, Y: searchFirstRow + row, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
	}
	click(1)
	if m.search.cursor != 1 || m.mode != modeSearch {
		t.Fatalf("a click on the second worker: cursor %d mode %v", m.search.cursor, m.mode)
	}
	d.send(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if m.search.cursor != 2 {
		t.Fatalf("the wheel: cursor %d", m.search.cursor)
	}
	click(5) // below the last worker
	if m.search.cursor != 2 {
		t.Fatalf("a click below the list moved to %d", m.search.cursor)
	}
	click(0)
	click(0)
	if m.mode != modePage || m.page.w.Name != "张一" {
		t.Fatalf("a double click did not open the first worker's page: mode %v\n%s", m.mode, d.view())
	}
	click(0) // the page has no list: a click does nothing there
	if m.mode != modePage {
		t.Fatalf("a click on the page left it: mode %v", m.mode)
	}
}
