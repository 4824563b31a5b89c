package store

import (
	"testing"
	"time"

	"gigdesk/store/match"
)

// A weight changed in the station's settings changes the next ranking: with presence worth
// more than distance (the defaults), the worker signed in at the station today passes the one
// next door; with presence worth 10, the neighbour passes them.
func TestChangedWeightChangesRanking(t *testing.T) {
	st := newDispatchStation(t)
	j := st.job(1, 2, dispatchNow.Add(3*time.Hour), 4) // 水电 in 后街社区 (100), today
	near := st.worker("张三丰", 1, 100)                   // same community
	present := st.worker("钱七", 1, 130)                 // elsewhere in the district, signed in
	st.signIn(present)

	first := func() match.Candidate {
		t.Helper()
		r, err := st.s.RankForJob(st.ctx, j.ID, 0)
		if err != nil || len(r.Candidates) != 2 {
			t.Fatalf("ranking %+v, %v", r.Candidates, err)
		}
		return r.Candidates[0]
	}
	if c := first(); c.WorkerID != present.ID {
		t.Fatalf("with the default weights %d ranks first, want the worker at the station %d", c.WorkerID, present.ID)
	}
	w := match.DefaultWeights()
	w.Present = 10
	if err := st.s.SaveMatchWeights(st.ctx, st.head, w); err != nil {
		t.Fatal(err)
	}
	c := first()
	if c.WorkerID != near.ID {
		t.Fatalf("with presence worth 10, %d ranks first, want the neighbour %d", c.WorkerID, near.ID)
	}
	if got := must(st.s.MatchWeights(st.ctx))(t); got != w {
		t.Fatalf("weights read back %+v, want %+v", got, w)
	}
	if a := must(st.s.Audit(st.ctx, AuditFilter{Entity: "match_weights"}))(t); len(a) != 1 || a[0].StaffID != st.head {
		t.Fatalf("weights save audited as %+v", a)
	}
	// a refused weight changes nothing
	bad := w
	bad.Distance = match.MaxWeight + 1
	err := st.s.SaveMatchWeights(st.ctx, st.head, bad)
	if se := AsError(err); se == nil || se.Field != match.KeyDistance {
		t.Fatalf("out-of-range distance: %v", err)
	}
	if c := first(); c.WorkerID != near.ID {
		t.Fatalf("a refused save changed the ranking")
	}
}
