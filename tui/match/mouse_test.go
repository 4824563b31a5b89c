package match

import (
	"strings"
	"testing"

	"gigdesk/tui/i18n"
	tea "github.com/charmbracelet/bubbletea"
)

// click is a left click released on body line y of the Match screen.
func (d *desk) click(y int) {
	d.t.Helper()
	d.send(tea.MouseMsg{X: 5, Y: y, Button: tea.MouseButtonLeft, Action: tea.MouseActionRelease})
}

// wheelDown is one notch of the wheel towards the end of the list.
func (d *desk) wheelDown() {
	d.send(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
}

// TestMouseOnTheWalkIn: a click picks a worker found, a double click shows the jobs ranked for
// them; there a double click on a job asks the pay, as d does.
func TestMouseOnTheWalkIn(t *testing.T) {
	d := newDesk(t, i18n.En, 100, 30)
	m := d.m.(*Model)
	d.keys("w", "s", "enter")
	if len(m.walk.found) < 2 {
		t.Fatalf("the search found %d:\n%s", len(m.walk.found), d.screen())
	}
	d.click(2 + 1)
	if m.walk.walkSel != 1 || m.walk.walkJobs {
		t.Fatalf("a click on the second worker: sel %d, jobs shown %v", m.walk.walkSel, m.walk.walkJobs)
	}
	d.send(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.walk.walkSel != 0 {
		t.Fatalf("the wheel up: sel %d", m.walk.walkSel)
	}
	d.click(2 + 1)
	d.click(2 + 1)
	if !m.walk.walkJobs || m.walk.worker.Worker.ID != m.walk.found[1].ID {
		t.Fatalf("a double click did not show the worker's jobs:\n%s", d.screen())
	}
	d.click(1)
	if m.q != nil {
		t.Fatal("one click on a job asked a question")
	}
	d.click(1)
	if m.q == nil {
		t.Fatalf("a double click on a job did not ask the pay:\n%s", d.screen())
	}
	d.click(1) // a question is open: the list under it stays
	if m.q == nil {
		t.Fatal("a click closed the pay question")
	}
}

// TestMouseOnTodaysDispatches: on today's list a click picks a dispatch, the wheel moves on, a
// double click opens the dispatch's job.
func TestMouseOnTodaysDispatches(t *testing.T) {
	d := newDesk(t, i18n.En, 100, 30)
	m := d.m.(*Model)
	d.openPlan()
	d.keys("A", "y")
	d.keys("esc", "t")
	if len(m.list.list) != 2 {
		t.Fatalf("today's dispatches: %d\n%s", len(m.list.list), d.screen())
	}
	d.click(2 + 1)
	if m.list.sel != 1 {
		t.Fatalf("a click on the second dispatch: sel %d", m.list.sel)
	}
	d.send(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if m.list.sel != 0 {
		t.Fatalf("the wheel up: sel %d", m.list.sel)
	}
	d.wheelDown()
	if m.list.sel != 1 {
		t.Fatalf("the wheel down: sel %d", m.list.sel)
	}
	d.click(2 + 5) // below the last row
	if m.list.sel != 1 {
		t.Fatalf("a click below the list moved to %d", m.list.sel)
	}
	if m.view != viewToday {
		t.Fatal("clicks on two rows opened a job")
	}
	d.click(2)
	d.click(2)
	if m.view != viewJob || m.job.jobID != d.job.ID {
		t.Fatalf("a double click did not open the job: view %d job %d", m.view, m.job.jobID)
	}
	d.click(candFirstRow + 1)
	if m.job.sel != 1 {
		t.Fatalf("a click on the second candidate: sel %d", m.job.sel)
	}
}

// TestMouseOnThePlan: at 80 columns the plan's summary takes a line of its own and the clicks
// count from under it; a double click on a line opens the workers to change it for, and a
// double click there makes one the line's.
func TestMouseOnThePlan(t *testing.T) {
	d := newDesk(t, i18n.En, 80, 24)
	m := d.m.(*Model)
	d.openPlan()
	first := len(m.plan.heading()) + 1
	if first != 3 {
		t.Fatalf("the plan's heading at 80 columns is %d lines:\n%s", first-1, d.screen())
	}
	d.click(first + 1)
	if m.plan.sel != 1 || m.plan.picking >= 0 {
		t.Fatalf("a click on the second line: sel %d picking %d", m.plan.sel, m.plan.picking)
	}
	d.click(first + 1)
	if m.plan.picking != 1 || len(m.plan.picks) == 0 {
		t.Fatalf("a double click did not open the pick list:\n%s", d.screen())
	}
	want := m.plan.picks[0].WorkerID
	d.click(2)
	d.click(2)
	if m.plan.picking >= 0 || m.plan.lines[1].worker != want || m.plan.lines[1].state != "changed" {
		t.Fatalf("a double click on a worker did not change the line: %+v\n%s", m.plan.lines[1], d.screen())
	}
	if !strings.Contains(d.screen(), "changed") {
		t.Fatalf("the line does not say it changed:\n%s", d.screen())
	}
}
