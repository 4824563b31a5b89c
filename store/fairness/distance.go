package fairness

import (
	"encoding/json"

	"gigdesk/store/match"
)

// Distance is how far a dispatched worker lives from the job, as the counter says it.
type Distance int

// Distance classes, nearest first.
const (
	SameCommunity   Distance = iota // 同社区
	SameSubDistrict                 // 同街道/镇
	SameDistrict                    // 同区
	Farther                         // further, or a place unknown
	numDistances
)

// Place is a community with the sub-district (or town) and district that hold it; 0 = unknown.
type Place = match.Place

// Classify says how far worker lives from job, by the rule the ranking's distance factor uses
// (match.Closeness), counted the other way round: nearest first.
func Classify(job, worker Place) Distance {
	return Farther - Distance(match.Closeness(job, worker))
}

// Distances counts dispatches per distance class.
type Distances [numDistances]int

// Add counts one dispatch of class d.
func (c *Distances) Add(d Distance) {
	if d >= 0 && d < numDistances {
		c[d]++
	}
}

// Total is the dispatches counted.
func (c *Distances) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

// Share is class d's part of the dispatches counted, 0 when none were.
func (c *Distances) Share(d Distance) float64 {
	if d < 0 || d >= numDistances {
		return 0
	}
	return Ratio(c[d], c.Total())
}

// Mean is the mean class of the dispatches counted (0 same community … 3 farther), -1 when
// none were: a station whose workers all live by the job scores 0.
func (c *Distances) Mean() float64 {
	n := c.Total()
	if n == 0 {
		return -1
	}
	s := 0
	for d, v := range c {
		s += d * v
	}
	return float64(s) / float64(n)
}

// MarshalJSON writes the counts by class name.
func (c Distances) MarshalJSON() ([]byte, error) {
	return json.Marshal(map[string]int{
		"same_community": c[SameCommunity], "same_subdistrict": c[SameSubDistrict],
		"same_district": c[SameDistrict], "farther": c[Farther],
	})
}
