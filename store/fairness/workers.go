package fairness

import (
	"cmp"
	"slices"
)

// Worker is one worker's month as fairness counts it.
type Worker struct {
	ID         int64    `json:"id"`
	Groups     []string `json:"groups,omitempty"` // priority-group codes (重点群体); none = not in a priority group
	SignInDays int      `json:"sign_in_days"`     // days signed in at the station
	DaysWorked int      `json:"days_worked"`      // days with at least one dispatch that was not cancelled or a no-show
	Dispatches int      `json:"dispatches"`       // dispatches that were not cancelled
}

// Priority reports whether the worker is in any priority group.
func (w *Worker) Priority() bool { return len(w.Groups) > 0 }

// DaysWorkedGini is the Gini coefficient of days worked among the workers who signed in on
// at least minSignIns days (the ones who were looking for work), and how many they are.
func DaysWorkedGini(ws []Worker, minSignIns int) (gini float64, counted int) {
	var days []int
	for i := range ws {
		if ws[i].SignInDays >= minSignIns {
			days = append(days, ws[i].DaysWorked)
		}
	}
	return Gini(days), len(days)
}

// GroupShare is one priority group's (or all groups', Group "") part of the sign-ins and of
// the dispatches. A worker in two groups counts in each of them, once in the total.
type GroupShare struct {
	Group             string  `json:"group,omitempty"`
	SignIns           int     `json:"sign_ins"`            // worker-days signed in by the group's workers
	Dispatches        int     `json:"dispatches"`          // dispatches to the group's workers
	ShareOfSignIns    float64 `json:"share_of_sign_ins"`   // SignIns / all sign-ins
	ShareOfDispatches float64 `json:"share_of_dispatches"` // Dispatches / all dispatches
}

// Shares are the priority groups' parts of a period's sign-ins and dispatches.
type Shares struct {
	SignIns    int          `json:"sign_ins"`   // everyone's
	Dispatches int          `json:"dispatches"` // everyone's
	Priority   GroupShare   `json:"priority"`   // every priority-group worker, Group ""
	ByGroup    []GroupShare `json:"by_group"`   // one per group in order, groups with neither left out
}

// PriorityShares splits sign-ins and dispatches by priority group; order lists the group
// codes in the order to show them (codes not in it follow, sorted).
func PriorityShares(ws []Worker, order []string) Shares {
	var s Shares
	by := map[string]*GroupShare{}
	for i := range ws {
		w := &ws[i]
		s.SignIns += w.SignInDays
		s.Dispatches += w.Dispatches
		if !w.Priority() {
			continue
		}
		s.Priority.SignIns += w.SignInDays
		s.Priority.Dispatches += w.Dispatches
		for _, g := range uniq(w.Groups) {
			gs := by[g]
			if gs == nil {
				gs = &GroupShare{Group: g}
				by[g] = gs
			}
			gs.SignIns += w.SignInDays
			gs.Dispatches += w.Dispatches
		}
	}
	s.Priority.ShareOfSignIns = Ratio(s.Priority.SignIns, s.SignIns)
	s.Priority.ShareOfDispatches = Ratio(s.Priority.Dispatches, s.Dispatches)
	for _, gs := range by {
		if gs.SignIns == 0 && gs.Dispatches == 0 {
			continue
		}
		gs.ShareOfSignIns = Ratio(gs.SignIns, s.SignIns)
		gs.ShareOfDispatches = Ratio(gs.Dispatches, s.Dispatches)
		s.ByGroup = append(s.ByGroup, *gs)
	}
	rank := func(g string) int {
		if i := slices.Index(order, g); i >= 0 {
			return i
		}
		return len(order)
	}
	slices.SortFunc(s.ByGroup, func(a, b GroupShare) int {
		return cmp.Or(cmp.Compare(rank(a.Group), rank(b.Group)), cmp.Compare(a.Group, b.Group))
	})
	return s
}

func uniq(gs []string) []string {
	if len(gs) < 2 {
		return gs
	}
	out := slices.Clone(gs)
	slices.Sort(out)
	return slices.Compact(out)
}

// Waiting lists the workers who signed in on at least minSignIns days and were never
// dispatched, most sign-ins first, then by ID.
func Waiting(ws []Worker, minSignIns int) []Worker {
	var out []Worker
	for _, w := range ws {
		if w.SignInDays >= minSignIns && w.Dispatches == 0 {
			out = append(out, w)
		}
	}
	slices.SortFunc(out, func(a, b Worker) int {
		return cmp.Or(cmp.Compare(b.SignInDays, a.SignInDays), cmp.Compare(a.ID, b.ID))
	})
	return out
}
