package sim

import (
	"gigdesk/store/match"
)

// ReferenceWeights are gigdesk's default weights before the tuning of issue #20. The goal the
// defaults were tuned to is held against them: fill at least the places of the best score
// without rotation under these weights (the Best policy with them), less one point. They are
// a fixed reference, so it does not move with the weights tuned.
func ReferenceWeights() match.Weights {
	return match.Weights{Trade: 25, Experience: 5, Present: 10, Distance: 15, Pay: 10, Reliability: 15, Rotation: 10, Priority: 5, Requested: 5}
}

// Trial is one seed's month under candidate weights, beside the references they are held to.
type Trial struct {
	Seed         uint64
	Fill, Gini   float64 // Score with the candidate weights
	BestFill     float64 // Best with ReferenceWeights (rotation dropped)
	OwnBestFill  float64 // Best with the candidate's own weights without rotation
	RotationGini float64 // pure rotation
	BeforeFill   float64 // Score with ReferenceWeights
	BeforeGini   float64
}

// FillGoal: the candidate fills at least the best-score policy's places less one point.
func (t Trial) FillGoal() bool { return t.Fill >= t.BestFill-0.01 }

// GiniGoal: the candidate shares days worked at least as evenly as pure rotation.
func (t Trial) GiniGoal() bool { return t.Gini <= t.RotationGini }

// Evaluate runs each month under wt and the references it is compared with.
func Evaluate(ms []*Month, wt match.Weights) []Trial {
	ref := ReferenceWeights()
	out := make([]Trial, len(ms))
	for i, m := range ms {
		s, d := m.Run(Score, wt), m.Run(Score, ref)
		out[i] = Trial{Seed: m.o.Seed, Fill: s.FillRate, Gini: s.Gini, BestFill: m.Run(Best, ref).FillRate,
			OwnBestFill: m.Run(Best, wt).FillRate, RotationGini: m.Run(Rotation, ref).Gini, BeforeFill: d.FillRate, BeforeGini: d.Gini}
	}
	return out
}
