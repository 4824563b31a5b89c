package jobs

import (
	"testing"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// Revealing a phone while the list is loading must not throw the list's answer away: the list
// load and the reveal are told apart by their own request ids.
func TestRevealDuringListLoadKeepsTheList(t *testing.T) {
	h := newHarness(t, i18n.En)
	h.takeEnglishJob()
	h.want("Job number 1")
	m := h.m.(*Model)
	if m.list.tab != tabUpcoming || len(m.list.jobs) != 1 {
		t.Fatalf("the saved job is not listed: tab %d, %d jobs", m.list.tab, len(m.list.jobs))
	}
	if err := h.c.Store.CloseJob(t.Context(), h.c.Staff.ID, 1, store.JobCancelled, "employer found someone"); err != nil {
		t.Fatal(err)
	}
	load := m.list.load() // in flight while the phone is revealed
	h.letters("r")
	h.want("13800138000")
	h.run(load)
	if got := m.list.jobs[0].Status; got != store.JobCancelled {
		t.Fatalf("the list's answer was dropped: job 1 is still %s", got)
	}
}
