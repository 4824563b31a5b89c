package sim

import (
	"gigdesk/store/match"
)

// FairWeights are the weights the tuning of issue #20 chose (README, "Fair shares in
// figures"): present and rotation carry the ranking, trade, place, pay and record nudge it.
// On seeds 1–5 they fill at least as many places as the best score without rotation (today's
// weights) less one point, and cut the Gini of days worked by about a third; they do not get
// it down to pure rotation's (see TestFairWeights). gigdesk's defaults are unchanged: a
// station head can set these under Admin → weights.
func FairWeights() match.Weights {
	return match.Weights{Trade: 8, Experience: 0, Present: 30, Distance: 8, Pay: 4, Reliability: 5, Rotation: 40, Priority: 3, Requested: 2}
}

// Trial is one seed's month under candidate weights, beside the references they are held to.
type Trial struct {
	Seed         uint64
	Fill, Gini   float64 // Score with the candidate weights
	BestFill     float64 // Best with today's weights (match.DefaultWeights without rotation)
	OwnBestFill  float64 // Best with the candidate's own weights without rotation
	RotationGini float64 // pure rotation
	DefaultFill  float64 // Score with today's weights
	DefaultGini  float64
}

// FillGoal: the candidate fills at least the best-score policy's places less one point.
func (t Trial) FillGoal() bool { return t.Fill >= t.BestFill-0.01 }

// GiniGoal: the candidate shares days worked at least as evenly as pure rotation.
func (t Trial) GiniGoal() bool { return t.Gini <= t.RotationGini }

// Evaluate runs each month under wt and the references it is compared with.
func Evaluate(ms []*Month, wt match.Weights) []Trial {
	def := match.DefaultWeights()
	out := make([]Trial, len(ms))
	for i, m := range ms {
		s, d := m.Run(Score, wt), m.Run(Score, def)
		out[i] = Trial{Seed: m.o.Seed, Fill: s.FillRate, Gini: s.Gini, BestFill: m.Run(Best, def).FillRate,
			OwnBestFill: m.Run(Best, wt).FillRate, RotationGini: m.Run(Rotation, def).Gini, DefaultFill: d.FillRate, DefaultGini: d.Gini}
	}
	return out
}
