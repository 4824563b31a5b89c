package board

import (
	"context"
	"slices"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// A job whose validity period ended leaves the board on the next load and counts as expired;
// the others stay.
func TestExpiredJobsLeaveTheBoard(t *testing.T) {
	f := newFixture(t)
	setClock(postedAt)
	short := post(t, f.s, f.head, store.Resident, store.Job{TradeID: 1, CommunityID: 100, StartsAt: at(2, 9, 0), ValidUntil: postedAt.Add(time.Hour)})
	setClock(postedAt.Add(30 * time.Minute))
	m := loaded(t, newCommon(t, f.s, i18n.Zh), 80, 19)
	if !slices.Contains(shownIDs(m), short) {
		t.Fatalf("a job still valid is not on the board: %v", shownIDs(m))
	}
	setClock(boardNow) // its hour has passed
	m.Update(m.load()())
	if slices.Contains(shownIDs(m), short) {
		t.Fatalf("an expired job is still on the board: %v", shownIDs(m))
	}
	if !slices.Contains(shownIDs(m), f.plumb) {
		t.Fatalf("a valid job left the board: %v", shownIDs(m))
	}
	j, err := f.s.Job(context.Background(), short)
	if err != nil || j.Status != store.JobExpired {
		t.Fatalf("job after expiry: %s %v", j.Status, err)
	}
}
