// Package match ranks workers for a job, jobs for a walk-in worker, and plans
// a whole day's dispatch. It is pure: plain values in, plain values out, no
// I/O and no clock of its own, so the same input always gives the same answer.
// It must not import store, database/sql or Bubble Tea: store loads the pool and the
// job into these plain types, and the screens show the answers.
package match

import (
	"fmt"
	"time"
)

// PayUnit is how a pay amount is counted.
type PayUnit string

// Pay units. For comparing pay, a day is 8 hours and a piece or fixed amount
// is taken as the pay for the whole job (End-Start), since the piece count is
// not known in advance.
const (
	PerHour  PayUnit = "hour"
	PerDay   PayUnit = "day"
	PerPiece PayUnit = "piece"
	Fixed    PayUnit = "fixed"
)

// HoursPerDay converts day rates to hourly ones when comparing pay.
const HoursPerDay = 8

// Interval is a booked dispatch, half-open [Start, End).
type Interval struct{ Start, End time.Time }

// TradeYears is one trade a worker does and their years of experience in it.
type TradeYears struct {
	Trade int64
	Years int
}

// Worker is what matching needs to know about a registered worker.
type Worker struct {
	ID     int64
	Active bool // false when paused or left
	Trades []TradeYears

	Community, SubDistrict, District int64 // place ids; 0 = unknown

	ExpectedPayFen  int64 // 0 = no expectation
	ExpectedPayUnit PayUnit

	PresentToday bool // signed in at the station today
	// Availability is the half-days the worker said they work: bit 2*d is day d's morning,
	// 2*d+1 its afternoon, Monday is d=0 (store.Worker.Availability); 0 = not known.
	Availability int
	Priority     bool // belongs to a priority group (重点群体)

	// All-time counts; Dispatches excludes cancelled ones and should count only
	// dispatches whose outcome is known, or upcoming work lowers the completion rate.
	Dispatches, Completed, NoShows int
	RatingSum, RatingCount         int // ratings 1..5 given by employers

	LastDispatch    time.Time // zero = never dispatched
	DispatchesLast7 int
	// DaysWorked30 is how many of the last WorkedWindowDays local days, today included, the
	// worker has a dispatch (not cancelled) starting on: what the rotation factor counts.
	DaysWorked30 int
	Busy         []Interval // existing non-cancelled dispatches
}

// Job is what matching needs to know about an open job.
type Job struct {
	ID         int64
	Trade      int64
	Start, End time.Time // End <= Start is taken as the instant Start
	Headcount  int
	Filled     int

	Community, SubDistrict, District int64

	PayFen  int64 // 0 = not stated
	PayUnit PayUnit

	RequestedWorker int64   // 0 = none; the employer asked for this worker by name/number
	Declined        []int64 // workers who already declined this job
	Booked          []int64 // workers already dispatched to this job
	NotNow          []int64 // Plan only: workers who just did not answer or declined; a plan leaves them out
	Asked           []int64 // workers who asked for this job themselves at the self-service terminal
}

// Relations holds related trade pairs (水电↔管道疏通); either order counts.
type Relations map[[2]int64]bool

// Related reports whether trades a and b are related, in either order.
func (r Relations) Related(a, b int64) bool { return r[[2]int64{a, b}] || r[[2]int64{b, a}] }

// Weights are the most points each factor can give. A factor's points run
// from 0 to its weight; how each is reached is described per field, and the
// shaping constants below are fixed so staff only tune one number per factor.
type Weights struct {
	// Trade: the worker has the job's trade; a related trade earns half (rounded up).
	Trade int `json:"trade"`
	// Experience: years in the matched trade, linear up to ExperienceCapYears.
	Experience int `json:"experience"`
	// Present: signed in at the station today and the job starts today.
	Present int `json:"present"`
	// Distance: same community full, same sub-district 2/3, same district 1/3, else 0.
	Distance int `json:"distance"`
	// Pay: job pays at least the worker's expectation full, sliding to 0 at half of it;
	// no expectation (or no comparable pay) gives half.
	Pay int `json:"pay"`
	// Reliability: completion rate (1/2), no-show rate (1/4) and mean rating (1/4);
	// fewer than MinDispatchesForRecord dispatches gives exactly half.
	Reliability int `json:"reliability"`
	// Rotation: few days worked (DaysWorked30: days with a dispatch in the last
	// WorkedWindowDays): none full, sliding to 0 at WorkedCapDays or more, so work is
	// shared out by the days it gives, as the fairness figures count them.
	Rotation int `json:"rotation"`
	// Priority: the worker belongs to a priority group (重点群体).
	Priority int `json:"priority"`
	// Requested: the employer asked for this worker; they also sort first in Rank.
	Requested int `json:"requested"`
	// Asked: the worker asked for this job themselves at the self-service terminal (本人报名).
	// Its default is 0, so the station decides whether asking moves a worker up; the Match
	// screen flags the request whatever its weight.
	Asked int `json:"asked"`
	// Available: the job starts in a half-day the worker said they work (Availability);
	// none on record gives half.
	Available int `json:"available"`
}

// Shaping constants for the factors above.
const (
	ExperienceCapYears     = 10
	MinDispatchesForRecord = 3
	IdleCapDays            = 14 // how far IdleDays counts
	WorkedWindowDays       = 30
	WorkedCapDays          = 9
	MaxWeight              = 1000 // keeps sums far from overflow and the screen readable
)

// DefaultWeights are the weights tuned on the simulated month of issue #20 (store/sim,
// README "Fair shares"): rotation by days worked carries the ranking, then who is at the
// station, place, the half-days the worker keeps, and pay. On the tuning seeds they fill as
// many places as the best score without rotation (the weights before, ReferenceWeights in
// store/sim) less a point and share days worked as evenly as pure rotation. Eligibility
// already demands the trade, so trade only tells the own trade from a related one; the
// record of no-shows did not help fill in the simulation, so reliability is 0 (a station
// that wants it sets it under Admin → weights).
func DefaultWeights() Weights {
	return Weights{
		Trade:       4,
		Experience:  7,
		Present:     57,
		Distance:    26,
		Pay:         15,
		Reliability: 0,
		Rotation:    142,
		Priority:    4,
		Requested:   5,
		Available:   30,
	}
}

// WeightError says which weight is out of range, so settings can point at it.
type WeightError struct {
	Field string // the json name
	Value int
}

func (e *WeightError) Error() string {
	if e.Field == "trade" && e.Value == 0 {
		return "match: weight trade must be at least 1"
	}
	return fmt.Sprintf("match: weight %s = %d, want 0..%d", e.Field, e.Value, MaxWeight)
}

// Validate checks every weight is within 0..MaxWeight and Trade is positive,
// which keeps every eligible pair's score above 0.
func (w Weights) Validate() error {
	for _, f := range w.fields() {
		if f.v < 0 || f.v > MaxWeight {
			return &WeightError{Field: f.key, Value: f.v}
		}
	}
	if w.Trade == 0 {
		return &WeightError{Field: "trade", Value: 0}
	}
	return nil
}

type weightField struct {
	key string
	v   int
}

func (w Weights) fields() [numFactors]weightField {
	return [numFactors]weightField{
		{KeyTrade, w.Trade}, {KeyExperience, w.Experience}, {KeyPresent, w.Present},
		{KeyDistance, w.Distance}, {KeyPay, w.Pay}, {KeyReliability, w.Reliability},
		{KeyRotation, w.Rotation}, {KeyPriority, w.Priority}, {KeyRequested, w.Requested},
		{KeyAsked, w.Asked}, {KeyAvailable, w.Available},
	}
}

// Factor keys, stable for the UI and its translations, in the order factors are listed.
const (
	KeyTrade       = "trade"
	KeyExperience  = "experience"
	KeyPresent     = "present"
	KeyDistance    = "distance"
	KeyPay         = "pay"
	KeyReliability = "reliability"
	KeyRotation    = "rotation"
	KeyPriority    = "priority"
	KeyRequested   = "requested"
	KeyAsked       = "asked"
	KeyAvailable   = "available"
)

// FactorKeys lists the factor keys in the order Candidate.Factors uses.
var FactorKeys = [numFactors]string{
	KeyTrade, KeyExperience, KeyPresent, KeyDistance, KeyPay,
	KeyReliability, KeyRotation, KeyPriority, KeyRequested, KeyAsked, KeyAvailable,
}

const (
	fTrade = iota
	fExperience
	fPresent
	fDistance
	fPay
	fReliability
	fRotation
	fPriority
	fRequested
	fAsked
	fAvailable
	numFactors
)

// Factor is one reason's share of a score.
type Factor struct {
	Key    string
	Points int
}

// Candidate is one worker ranked for a job.
type Candidate struct {
	WorkerID  int64
	Score     int
	Factors   []Factor // in FactorKeys order
	Requested bool     // the employer asked for this worker
	Related   bool     // matched by a related trade, not the job's own
}

// JobCandidate is one job ranked for a walk-in worker.
type JobCandidate struct {
	JobID   int64
	Score   int
	Factors []Factor // in FactorKeys order
	Related bool     // the worker fits by a related trade, not the job's own
	Near    Nearness // how close the job is to where the worker lives
}

// Nearness is how close a job is to a worker's home, as the distance factor counts it.
type Nearness int

const (
	Far             Nearness = iota // another district, or a place unknown
	SameDistrict                    // the same district
	SameSubDistrict                 // the same sub-district or town
	SameCommunity                   // the same community
)

// Assignment is one worker planned onto one job.
type Assignment struct {
	JobID, WorkerID int64
	Score           int
}

// Proposal is a day plan: assignments by job ID then worker ID, and their total score.
type Proposal struct {
	Assignments []Assignment
	Total       int
}
