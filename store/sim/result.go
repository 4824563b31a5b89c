package sim

import (
	"gigdesk/store"
	"gigdesk/store/fairness"
	"gigdesk/store/match"
)

// priorityOrder lists the groups as the register screen does.
var priorityOrder = store.PriorityGroups

// Result is one policy's month in figures.
type Result struct {
	Policy  Policy        `json:"policy"`
	Weights match.Weights `json:"weights"`

	PlacesAsked    int     `json:"places_asked"`
	PlacesFilled   int     `json:"places_filled"` // dispatched and turned up
	Unfilled       int     `json:"places_unfilled"`
	FillRate       float64 `json:"fill_rate"`
	Dispatches     int     `json:"dispatches"`
	NoShows        int     `json:"no_shows"`
	Calls          int     `json:"calls"`
	CallsPerFilled float64 `json:"calls_per_filled_place"`
	MedianMinutes  float64 `json:"median_minutes_to_dispatch"` // from the call coming in; -1 for none

	Gini        float64         `json:"gini_days_worked"`
	GiniWorkers int             `json:"gini_workers"` // signed in at least MinSignIns days
	Shares      fairness.Shares `json:"priority_shares"`
	Waiting     int             `json:"waiting_workers"` // signed in ≥ 10 days, never dispatched

	Distances fairness.Distances `json:"distances"` // dispatches by same community, sub-district, district, farther

	Workers []fairness.Worker `json:"-"` // every worker's month, by ID
}

// DaysWorked lists the days worked of the workers who signed in at least min days, by ID.
func (r *Result) DaysWorked(min int) []int {
	var out []int
	for _, w := range r.Workers {
		if w.SignInDays >= min {
			out = append(out, w.DaysWorked)
		}
	}
	return out
}
