package store

import (
	"testing"
	"time"
)

// copiesDrift counts dispatches whose copied job and worker facts (migration 0009) differ
// from the job and worker as they are now.
func copiesDrift(t *testing.T, s *Store) int {
	t.Helper()
	var n int
	err := s.db.QueryRow(`SELECT count(*) FROM dispatches d JOIN jobs j ON j.id = d.job_id JOIN workers w ON w.id = d.worker_id
		WHERE d.job_trade_id <> j.trade_id OR d.job_community_id <> coalesce(j.community_id, 0) OR d.job_posted_at <> j.created_at
			OR d.worker_priority <> CASE WHEN w.groups <> '' THEN 1 ELSE 0 END`).Scan(&n)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func areaDispatched(areas []AreaFigures, id int64) int {
	for _, a := range areas {
		if a.ID == id {
			return a.Dispatched
		}
	}
	return 0
}

// The day's figures read copies of the job's trade, community and posting time and of the
// worker's priority on each dispatch; they must follow every change to the originals.
func TestDispatchCopiesFollowJobAndWorker(t *testing.T) {
	st := newDispatchStation(t)
	day := st.s.Today()
	figures := func() Figures {
		t.Helper()
		f, err := st.s.DayFigures(st.ctx, day, day)
		if err != nil {
			t.Fatal(err)
		}
		if drift := copiesDrift(t, st.s); drift != 0 {
			t.Fatalf("%d dispatches' copies differ from their job or worker", drift)
		}
		return f
	}
	j := st.job(1, 3, dispatchNow.Add(2*time.Hour), 4)
	plain := st.worker("张三丰", 1, 100)
	prio := st.worker("李四", 1, 101)
	prio.Groups = []string{"low_income"}
	prio, err := st.s.UpdateWorker(st.ctx, st.head, prio)
	if err != nil {
		t.Fatal(err)
	}
	st.dispatch(j, plain)
	st.dispatch(j, prio)

	f := figures()
	if f.Dispatched != 2 || f.PriorityDispatched != 1 || areaDispatched(f.ByTrade, 1) != 2 || areaDispatched(f.ByCommunity, 100) != 2 {
		t.Fatalf("after dispatch: dispatched %d priority %d trade1 %d comm100 %d", f.Dispatched, f.PriorityDispatched,
			areaDispatched(f.ByTrade, 1), areaDispatched(f.ByCommunity, 100))
	}

	// Worker groups change: the priority count follows the groups as recorded now.
	plain.Groups = []string{"veteran", "age_4050"}
	if _, err := st.s.UpdateWorker(st.ctx, st.head, plain); err != nil {
		t.Fatal(err)
	}
	prio.Groups = nil
	if _, err := st.s.UpdateWorker(st.ctx, st.head, prio); err != nil {
		t.Fatal(err)
	}
	if f := figures(); f.PriorityDispatched != 1 {
		t.Fatalf("after groups changed: priority %d, want 1", f.PriorityDispatched)
	}

	// The job moves to another trade and names no community: its dispatches move with it.
	moved := st.jobNow(j.ID)
	moved.TradeID, moved.CommunityID = 2, 0
	if _, err := st.s.UpdateJob(st.ctx, st.head, moved); err != nil {
		t.Fatal(err)
	}
	f = figures()
	if areaDispatched(f.ByTrade, 1) != 0 || areaDispatched(f.ByTrade, 2) != 2 || areaDispatched(f.ByCommunity, 100) != 0 ||
		areaDispatched(f.ByCommunity, 0) != 2 {
		t.Fatalf("after job moved: by trade %+v, by community %+v", f.ByTrade, f.ByCommunity)
	}

	// A dispatch written by a path that does not know the copies gets them from the insert trigger.
	other := st.job(3, 1, dispatchNow.Add(30*time.Hour), 2)
	third := st.worker("王五", 3, 101)
	third.Groups = []string{"disabled"}
	if _, err := st.s.UpdateWorker(st.ctx, st.head, third); err != nil {
		t.Fatal(err)
	}
	if _, err := st.s.db.Exec(`INSERT INTO dispatches (job_id, worker_id, starts_at, ends_at, agreed_pay_fen, created_at, updated_at)
		VALUES (?, ?, ?, ?, 20000, ?, ?)`, other.ID, third.ID, other.StartsAt.Unix(), other.EndsAt().Unix(), dispatchNow.Unix(), dispatchNow.Unix()); err != nil {
		t.Fatal(err)
	}
	if f := figures(); f.Dispatched != 3 || f.PriorityDispatched != 2 || areaDispatched(f.ByTrade, 3) != 1 {
		t.Fatalf("after a plain insert: dispatched %d priority %d trade3 %d", f.Dispatched, f.PriorityDispatched, areaDispatched(f.ByTrade, 3))
	}
}
