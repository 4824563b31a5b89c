package sim

import (
	"testing"

	"gigdesk/store/match"
)

// The tuned weights hold what the README says of them on the seeds tuned on: fill within a
// point of the best score without rotation, and a Gini well below today's defaults on every
// seed. Pure rotation's Gini stays out of reach of every weight tried (the README's table):
// the test logs the gap rather than hiding it.
func TestFairWeights(t *testing.T) {
	if err := FairWeights().Validate(); err != nil {
		t.Fatal(err)
	}
	cat := catalog(t)
	var ms []*Month
	for seed := uint64(1); seed <= 5; seed++ {
		ms = append(ms, month(t, cat, seed))
	}
	for _, tr := range Evaluate(ms, FairWeights()) {
		t.Logf("seed %d: fill %.3f (best %.3f, own best %.3f, today %.3f) gini %.3f (rotation %.3f, today %.3f)",
			tr.Seed, tr.Fill, tr.BestFill, tr.OwnBestFill, tr.DefaultFill, tr.Gini, tr.RotationGini, tr.DefaultGini)
		if !tr.FillGoal() {
			t.Errorf("seed %d: fill %.3f below the best score's %.3f less a point", tr.Seed, tr.Fill, tr.BestFill)
		}
		if tr.Gini > tr.DefaultGini-0.08 {
			t.Errorf("seed %d: Gini %.3f not well below today's %.3f", tr.Seed, tr.Gini, tr.DefaultGini)
		}
		if tr.GiniGoal() {
			t.Logf("seed %d: Gini at or below pure rotation's: update the README, the goal is met here", tr.Seed)
		}
	}
	// today's defaults: the fill goal, not the Gini one
	for _, tr := range Evaluate(ms[:1], match.DefaultWeights()) {
		if !tr.FillGoal() || tr.GiniGoal() {
			t.Errorf("today's weights on seed 1: %+v", tr)
		}
	}
}
