package sim

import (
	"context"
	"reflect"
	"testing"
	"time"

	"gigdesk/store"
	"gigdesk/store/match"
	"gigdesk/store/testdb"
)

// catalog reads the seeded trades and places from a fresh database.
func catalog(t *testing.T) *store.Catalog {
	t.Helper()
	s, err := store.Open(testdb.New(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cat, err := s.Catalog(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

var start = time.Date(2026, 11, 2, 0, 0, 0, 0, store.Shanghai)

func month(t *testing.T, cat *store.Catalog, seed uint64) *Month {
	t.Helper()
	m, err := NewMonth(Options{Days: 30, Seed: seed, Start: start}, cat, store.Shanghai)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// Every policy runs on the same month: the same places asked, the same sign-ins.
func TestPoliciesShareTheMonth(t *testing.T) {
	cat := catalog(t)
	for _, seed := range []uint64{1, 2} {
		m := month(t, cat, seed)
		var asked, signIns int
		for i, p := range Policies {
			r := m.Run(p, match.DefaultWeights())
			if i == 0 {
				asked, signIns = r.PlacesAsked, r.Shares.SignIns
			}
			if r.PlacesAsked != asked || r.Shares.SignIns != signIns || asked == 0 {
				t.Errorf("seed %d %s: asked %d sign-ins %d, want %d and %d", seed, p, r.PlacesAsked, r.Shares.SignIns, asked, signIns)
			}
			if r.PlacesFilled+r.Unfilled != r.PlacesAsked || r.PlacesFilled+r.NoShows != r.Dispatches || r.Distances.Total() != r.Dispatches {
				t.Errorf("seed %d %s: figures do not add up: %+v", seed, p, r)
			}
			t.Logf("seed %d %-8s asked %4d fill %.3f calls/f %.2f med %5.0f gini %.3f (%d) prio %.3f/%.3f waiting %d dist %v noshow %d\n",
				seed, p, r.PlacesAsked, r.FillRate, r.CallsPerFilled, r.MedianMinutes, r.Gini, r.GiniWorkers,
				r.Shares.Priority.ShareOfDispatches, r.Shares.Priority.ShareOfSignIns, r.Waiting, r.Distances, r.NoShows)
		}
	}
}

func TestDeterministic(t *testing.T) {
	cat := catalog(t)
	for _, p := range Policies {
		a := month(t, cat, 7).Run(p, match.DefaultWeights())
		b := month(t, cat, 7).Run(p, match.DefaultWeights())
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("%s: the same seed gave two different months", p)
		}
	}
	// a run leaves the month as it found it: a policy alone gives what it gives after the others
	m := month(t, cat, 7)
	for _, p := range Policies {
		m.Run(p, match.DefaultWeights())
	}
	for _, p := range Policies {
		if a, b := m.Run(p, match.DefaultWeights()), month(t, cat, 7).Run(p, match.DefaultWeights()); !reflect.DeepEqual(a, b) {
			t.Errorf("%s after the other policies differs from %s alone", p, p)
		}
	}
	a := month(t, cat, 7).Run(Score, match.DefaultWeights())
	c := month(t, cat, 8).Run(Score, match.DefaultWeights())
	if reflect.DeepEqual(a.Workers, c.Workers) {
		t.Error("seeds 7 and 8 gave the same month")
	}
}

func TestOptionsChecked(t *testing.T) {
	cat := catalog(t)
	for _, d := range []int{0, -1, MaxDays + 1} {
		if _, err := NewMonth(Options{Days: d, Seed: 1, Start: start}, cat, store.Shanghai); err == nil {
			t.Errorf("days %d accepted", d)
		}
	}
	if _, ok := ParsePolicy("nepotism"); ok {
		t.Error("an unknown policy parsed")
	}
}
