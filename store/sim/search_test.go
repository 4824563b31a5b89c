package sim

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"testing"

	"gigdesk/store/match"
)

// TestSearchWeights is the search behind the README's "Fair shares": coordinate descent over
// match.Weights on seeds 1–5, each step moving one weight by ±2, 5, 10 or 20 and kept when it
// lowers the total shortfall from the two goals (fill below the best score's under
// ReferenceWeights less a point, Gini above pure rotation's), then as many random moves of one
// to three weights by up to ±6 as GIGDESK_TUNE_RANDOM asks (kept on the same rule; the month's
// figures move in steps, so single moves stall), then a check on the held-out seeds 6–10. It
// ranks with store/match as gigdesk does. It takes minutes, so it runs only when asked:
//
//	GIGDESK_TUNE=8 [GIGDESK_TUNE_RANDOM=1000 GIGDESK_TUNE_SEED=99] GOMAXPROCS=1 go test ./store/sim -run SearchWeights -v [GIGDESK_TUNE_FROM='{"rotation":40}']
//
// GIGDESK_TUNE is the number of rounds over the weights; GIGDESK_TUNE_FROM the weights to start
// from (default: match.DefaultWeights); GIGDESK_TUNE_SEED seeds the random moves.
func TestSearchWeights(t *testing.T) {
	rounds, _ := strconv.Atoi(os.Getenv("GIGDESK_TUNE"))
	if rounds <= 0 {
		t.Skip("set GIGDESK_TUNE to the number of rounds to run the search")
	}
	from := match.DefaultWeights()
	if js := os.Getenv("GIGDESK_TUNE_FROM"); js != "" {
		if err := json.Unmarshal([]byte(js), &from); err != nil {
			t.Fatal(err)
		}
	}
	cat := catalog(t)
	var tuneOn, heldOut []*Month
	for seed := uint64(1); seed <= 10; seed++ {
		if seed <= 5 {
			tuneOn = append(tuneOn, month(t, cat, seed))
		} else {
			heldOut = append(heldOut, month(t, cat, seed))
		}
	}
	s := newSearch(tuneOn)
	best := s.descend(t, from, rounds)
	moves, _ := strconv.Atoi(os.Getenv("GIGDESK_TUNE_RANDOM"))
	seed, _ := strconv.ParseUint(os.Getenv("GIGDESK_TUNE_SEED"), 10, 64)
	best = s.wander(t, best, moves, seed)
	t.Log("best on seeds 1–5:", best)
	t.Log("held out, seeds 6–10:", newSearch(heldOut).point(best.wt))
	for _, tr := range Evaluate(append(tuneOn, heldOut...), best.wt) {
		t.Logf("seed %2d: fill %.3f (best %.3f, own best %.3f) gini %.3f (rotation %.3f)",
			tr.Seed, tr.Fill, tr.BestFill, tr.OwnBestFill, tr.Gini, tr.RotationGini)
	}
}

// search holds the months and the references a candidate is held to (they do not move with it).
type search struct {
	ms            []*Month
	best, rotGini []float64
}

func newSearch(ms []*Month) *search {
	s := &search{ms: ms}
	for _, m := range ms {
		s.best = append(s.best, m.Run(Best, ReferenceWeights()).FillRate)
		s.rotGini = append(s.rotGini, m.Run(Rotation, ReferenceWeights()).Gini)
	}
	return s
}

// point is a candidate's month on every seed: shortfall is the sum of what each seed misses
// either goal by, slack the least margin by which it meets them (negative: it misses).
type point struct {
	wt               match.Weights
	shortfall, slack float64
	met              int
	fill, gini       []float64 // against best and rotation
}

func (s *search) point(wt match.Weights) point {
	p := point{wt: wt, slack: 1}
	for i, m := range s.ms {
		r := m.Run(Score, wt)
		f, g := r.FillRate-s.best[i], r.Gini-s.rotGini[i]
		p.fill, p.gini = append(p.fill, f), append(p.gini, g)
		if f >= -0.01 && g <= 0 {
			p.met++
		}
		p.shortfall += max(0, -0.01-f) + max(0, g)
		p.slack = min(p.slack, f+0.01, -g)
	}
	return p
}

func (p point) beats(q point) bool {
	if p.shortfall != q.shortfall {
		return p.shortfall < q.shortfall
	}
	return p.slack > q.slack
}

func (p point) String() string {
	js, _ := json.Marshal(p.wt)
	out := fmt.Sprintf("%s: both goals on %d seeds, shortfall %.4f; fill−best / Gini−rotation:", js, p.met, p.shortfall)
	for i := range p.fill {
		out += fmt.Sprintf(" %+.3f/%+.3f", p.fill[i], p.gini[i])
	}
	return out
}

// descend moves one weight at a time while that helps, for rounds rounds or until none does.
func (s *search) descend(t *testing.T, from match.Weights, rounds int) point {
	cur := s.point(from)
	t.Log("from", cur)
	for range rounds {
		moved := false
		for _, k := range match.FactorKeys {
			if k == match.KeyRequested || k == match.KeyAsked {
				continue // the simulated month has no named requests and no self-service
			}
			for _, step := range []int{-20, -10, -5, -2, 2, 5, 10, 20} {
				wt := cur.wt
				v := weight(&wt, k)
				*v = max(*v+step, 0)
				if wt.Validate() != nil || wt == cur.wt {
					continue
				}
				if p := s.point(wt); p.beats(cur) {
					cur, moved = p, true
					t.Log(k, step, cur)
				}
			}
		}
		if !moved {
			break
		}
	}
	return cur
}

// wander tries moves random moves of one to three weights by up to ±6 from cur (xorshift from
// seed, so a run can be repeated), keeping each that beats the point it moved from.
func (s *search) wander(t *testing.T, cur point, moves int, seed uint64) point {
	x := seed | 1
	rnd := func(n int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(n))
	}
	keys := []string{match.KeyTrade, match.KeyExperience, match.KeyPresent, match.KeyDistance, match.KeyPay,
		match.KeyReliability, match.KeyRotation, match.KeyPriority, match.KeyAvailable}
	for i := range moves {
		wt := cur.wt
		for range 1 + rnd(3) {
			v := weight(&wt, keys[rnd(len(keys))])
			*v = max(0, *v+rnd(13)-6)
		}
		if wt.Validate() != nil || wt == cur.wt {
			continue
		}
		if p := s.point(wt); p.beats(cur) {
			cur = p
			t.Log("move", i, cur)
		}
	}
	return cur
}

func weight(w *match.Weights, key string) *int {
	return map[string]*int{
		match.KeyTrade: &w.Trade, match.KeyExperience: &w.Experience, match.KeyPresent: &w.Present,
		match.KeyDistance: &w.Distance, match.KeyPay: &w.Pay, match.KeyReliability: &w.Reliability,
		match.KeyRotation: &w.Rotation, match.KeyPriority: &w.Priority, match.KeyRequested: &w.Requested,
		match.KeyAsked: &w.Asked, match.KeyAvailable: &w.Available,
	}[key]
}
