package match

import (
	"encoding/json"
	"errors"
	"slices"
	"testing"
	"time"
)

// Trades as the seed numbers them, enough for the tests.
const (
	tPlumbing int64 = 1 // 水电
	tLabour   int64 = 2 // 力工
	tDrain    int64 = 6 // 管道疏通
	tLoading  int64 = 8 // 装卸
	tMoving   int64 = 10
	tCleaning int64 = 9
)

var (
	cst     = time.FixedZone("CST", 8*3600)
	testNow = time.Date(2025, 3, 10, 14, 0, 0, 0, cst)
	testRel = Relations{{tPlumbing, tDrain}: true, {tLoading, tMoving}: true, {tLabour, tLoading}: true, {tMoving, tLabour}: true}
	// Round weights make every factor's expected points easy to read.
	all100 = Weights{Trade: 100, Experience: 100, Present: 100, Distance: 100, Pay: 100, Reliability: 100, Rotation: 100, Priority: 100, Requested: 100, Available: 100}
)

func at(day, hour, minute int) time.Time { return time.Date(2025, 3, day, hour, minute, 0, 0, cst) }

// baseJob is a plumbing job tomorrow 9:00-13:00 in community 11 (sub-district 21, district 31).
func baseJob() Job {
	return Job{
		ID: 100, Trade: tPlumbing, Start: at(11, 9, 0), End: at(11, 13, 0), Headcount: 1,
		Community: 11, SubDistrict: 21, District: 31, PayFen: 30000, PayUnit: PerDay,
	}
}

// baseWorker is an active plumber who matches baseJob and nothing more.
func baseWorker() Worker {
	return Worker{ID: 7, Active: true, Trades: []TradeYears{{Trade: tPlumbing, Years: 4}}}
}

func TestEligible(t *testing.T) {
	tests := []struct {
		name   string
		job    func(*Job)
		worker func(*Worker)
		reason string
	}{
		{"ok", nil, nil, ""},
		{"inactive", nil, func(w *Worker) { w.Active = false }, ReasonInactive},
		{"other trade", nil, func(w *Worker) { w.Trades = []TradeYears{{Trade: tCleaning, Years: 9}} }, ReasonTrade},
		{"no trades", nil, func(w *Worker) { w.Trades = nil }, ReasonTrade},
		{"related trade", nil, func(w *Worker) { w.Trades = []TradeYears{{Trade: tDrain}} }, ""},
		{"related in the other order", func(j *Job) { j.Trade = tMoving }, func(w *Worker) { w.Trades = []TradeYears{{Trade: tLoading}} }, ""},
		{"busy overlapping", nil, func(w *Worker) { w.Busy = []Interval{{at(11, 12, 0), at(11, 15, 0)}} }, ReasonBusy},
		{"busy covering", nil, func(w *Worker) { w.Busy = []Interval{{at(11, 8, 0), at(11, 18, 0)}} }, ReasonBusy},
		{"busy inside", nil, func(w *Worker) { w.Busy = []Interval{{at(11, 10, 0), at(11, 11, 0)}} }, ReasonBusy},
		{"busy ending at start", nil, func(w *Worker) { w.Busy = []Interval{{at(11, 7, 0), at(11, 9, 0)}} }, ""},
		{"busy starting at end", nil, func(w *Worker) { w.Busy = []Interval{{at(11, 13, 0), at(11, 17, 0)}} }, ""},
		{"busy another day", nil, func(w *Worker) { w.Busy = []Interval{{at(10, 9, 0), at(10, 13, 0)}, {at(12, 9, 0), at(12, 13, 0)}} }, ""},
		{"instant job inside busy", func(j *Job) { j.End = j.Start }, func(w *Worker) { w.Busy = []Interval{{at(11, 9, 0), at(11, 10, 0)}} }, ReasonBusy},
		{"declined", func(j *Job) { j.Declined = []int64{3, 7} }, nil, ReasonDeclined},
		{"booked", func(j *Job) { j.Booked = []int64{7} }, nil, ReasonBooked},
		{"inactive wins over trade", nil, func(w *Worker) { w.Active = false; w.Trades = nil }, ReasonInactive},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			job, w := baseJob(), baseWorker()
			if tt.job != nil {
				tt.job(&job)
			}
			if tt.worker != nil {
				tt.worker(&w)
			}
			ok, reason := Eligible(job, w, testRel)
			if ok != (tt.reason == "") || reason != tt.reason {
				t.Errorf("Eligible = %v, %q; want reason %q", ok, reason, tt.reason)
			}
		})
	}
}

func TestFactors(t *testing.T) {
	tests := []struct {
		name   string
		job    func(*Job)
		worker func(*Worker)
		key    string
		want   int
	}{
		{"exact trade", nil, nil, KeyTrade, 100},
		{"related trade", nil, func(w *Worker) { w.Trades = []TradeYears{{Trade: tDrain, Years: 2}} }, KeyTrade, 50},
		{"no trade", nil, func(w *Worker) { w.Trades = nil }, KeyTrade, 0},

		{"experience years", nil, nil, KeyExperience, 40},
		{"experience capped", nil, func(w *Worker) { w.Trades[0].Years = 25 }, KeyExperience, 100},
		{"experience in the related trade", nil, func(w *Worker) { w.Trades = []TradeYears{{Trade: tDrain, Years: 2}, {Trade: tCleaning, Years: 9}} }, KeyExperience, 20},
		{"exact trade's years over related", nil, func(w *Worker) {
			w.Trades = []TradeYears{{Trade: tDrain, Years: 9}, {Trade: tPlumbing, Years: 1}}
		}, KeyExperience, 10},

		{"present, job today", func(j *Job) { j.Start, j.End = at(10, 16, 0), at(10, 18, 0) }, func(w *Worker) { w.PresentToday = true }, KeyPresent, 100},
		{"present, job tomorrow", nil, func(w *Worker) { w.PresentToday = true }, KeyPresent, 0},
		{"present, job just after midnight", func(j *Job) { j.Start, j.End = at(11, 0, 0), at(11, 2, 0) }, func(w *Worker) { w.PresentToday = true }, KeyPresent, 0},
		{"absent, job today", func(j *Job) { j.Start, j.End = at(10, 16, 0), at(10, 18, 0) }, nil, KeyPresent, 0},
		{"present, job today in station time though UTC says yesterday", func(j *Job) {
			j.Start = at(10, 7, 0).UTC() // 2025-03-09 23:00 UTC
		}, func(w *Worker) { w.PresentToday = true }, KeyPresent, 100},

		{"same community", nil, func(w *Worker) { w.Community, w.SubDistrict, w.District = 11, 21, 31 }, KeyDistance, 100},
		{"same sub-district", nil, func(w *Worker) { w.Community, w.SubDistrict, w.District = 12, 21, 31 }, KeyDistance, 66},
		{"same district", nil, func(w *Worker) { w.Community, w.SubDistrict, w.District = 13, 22, 31 }, KeyDistance, 33},
		{"elsewhere", nil, func(w *Worker) { w.Community, w.SubDistrict, w.District = 14, 23, 32 }, KeyDistance, 0},
		{"unknown places never match", func(j *Job) { j.Community, j.SubDistrict, j.District = 0, 0, 0 }, nil, KeyDistance, 0},

		{"pay equal, same unit", nil, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 30000, PerDay }, KeyPay, 100},
		{"pay above", nil, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 25000, PerDay }, KeyPay, 100},
		{"pay 3/4 of expectation", nil, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 40000, PerDay }, KeyPay, 50},
		{"pay half of expectation", nil, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 60000, PerDay }, KeyPay, 0},
		{"pay far below", nil, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 90000, PerDay }, KeyPay, 0},
		{"no expectation is neutral", nil, nil, KeyPay, 50},
		{"job pay not stated is neutral", func(j *Job) { j.PayFen = 0 }, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 30000, PerDay }, KeyPay, 50},
		{"hourly job above day expectation", func(j *Job) { j.PayFen, j.PayUnit = 4000, PerHour }, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 30000, PerDay }, KeyPay, 100},
		{"hourly job below day expectation", func(j *Job) { j.PayFen, j.PayUnit = 3000, PerHour }, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 30000, PerDay }, KeyPay, 60},
		{"day job vs hourly expectation", nil, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 5000, PerHour }, KeyPay, 50},
		{"fixed job over its 4 hours meets hourly", func(j *Job) { j.PayFen, j.PayUnit = 20000, Fixed }, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 5000, PerHour }, KeyPay, 100},
		{"fixed job over its 4 hours below hourly", func(j *Job) { j.PayFen, j.PayUnit = 15000, Fixed }, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 5000, PerHour }, KeyPay, 50},
		{"hourly job vs fixed expectation", func(j *Job) { j.PayFen, j.PayUnit = 4000, PerHour }, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 20000, Fixed }, KeyPay, 60},
		{"piece vs piece compares directly", func(j *Job) { j.PayFen, j.PayUnit, j.End = 500, PerPiece, j.Start }, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 500, PerPiece }, KeyPay, 100},
		{"fixed job without duration is neutral", func(j *Job) { j.PayFen, j.PayUnit, j.End = 20000, Fixed, j.Start }, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 5000, PerHour }, KeyPay, 50},
		{"unknown unit is neutral", nil, func(w *Worker) { w.ExpectedPayFen, w.ExpectedPayUnit = 5000, "month" }, KeyPay, 50},

		{"reliability new worker neutral", nil, func(w *Worker) { w.Dispatches, w.NoShows = 2, 2 }, KeyReliability, 50},
		{"reliability new good worker neutral", nil, func(w *Worker) { w.Dispatches, w.Completed, w.RatingSum, w.RatingCount = 2, 2, 10, 2 }, KeyReliability, 50},
		{"reliability good", nil, func(w *Worker) { w.Dispatches, w.Completed, w.RatingSum, w.RatingCount = 10, 10, 50, 10 }, KeyReliability, 100},
		{"reliability good, no ratings", nil, func(w *Worker) { w.Dispatches, w.Completed = 10, 10 }, KeyReliability, 88},
		{"reliability bad", nil, func(w *Worker) {
			w.Dispatches, w.Completed, w.NoShows, w.RatingSum, w.RatingCount = 10, 4, 6, 15, 10
		}, KeyReliability, 33},

		{"rotation no day worked", nil, nil, KeyRotation, 100},
		{"rotation one day worked", nil, func(w *Worker) { w.DaysWorked30 = 1 }, KeyRotation, 88},
		{"rotation three days worked", nil, func(w *Worker) { w.DaysWorked30 = 3 }, KeyRotation, 66},
		{"rotation counts days, not how recent", nil, func(w *Worker) { w.DaysWorked30, w.LastDispatch, w.DispatchesLast7 = 3, at(10, 8, 0), 5 }, KeyRotation, 66},
		{"rotation at the cap", nil, func(w *Worker) { w.DaysWorked30 = WorkedCapDays }, KeyRotation, 0},
		{"rotation beyond the cap", nil, func(w *Worker) { w.DaysWorked30 = 20 }, KeyRotation, 0},

		{"available: Tuesday morning", nil, func(w *Worker) { w.Availability = 1 << 2 }, KeyAvailable, 100},
		{"not available: Tuesday afternoon only", nil, func(w *Worker) { w.Availability = 1 << 3 }, KeyAvailable, 0},
		{"available: afternoon job", func(j *Job) { j.Start, j.End = at(11, 13, 0), at(11, 17, 0) }, func(w *Worker) { w.Availability = 1 << 3 }, KeyAvailable, 100},
		{"availability unknown is neutral", nil, nil, KeyAvailable, 50},

		{"priority", nil, func(w *Worker) { w.Priority = true }, KeyPriority, 100},
		{"no priority", nil, nil, KeyPriority, 0},

		{"requested", func(j *Job) { j.RequestedWorker = 7 }, nil, KeyRequested, 100},
		{"someone else requested", func(j *Job) { j.RequestedWorker = 8 }, nil, KeyRequested, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			job, w := baseJob(), baseWorker()
			if tt.job != nil {
				tt.job(&job)
			}
			if tt.worker != nil {
				tt.worker(&w)
			}
			c := Score(job, w, testRel, all100, testNow)
			if got := points(c.Factors, tt.key); got != tt.want {
				t.Errorf("%s = %d, want %d (factors %v)", tt.key, got, tt.want, c.Factors)
			}
		})
	}
}

func points(fs []Factor, key string) int {
	for _, f := range fs {
		if f.Key == key {
			return f.Points
		}
	}
	return -1
}

func TestScoreListsFactorsInOrderAndSums(t *testing.T) {
	job, w := baseJob(), baseWorker()
	job.RequestedWorker = w.ID
	w.Trades = []TradeYears{{Trade: tDrain, Years: 3}}
	w.Priority, w.Community = true, 11
	c := Score(job, w, testRel, DefaultWeights(), testNow)
	keys := []string{"trade", "experience", "present", "distance", "pay", "reliability", "rotation", "priority", "requested", "asked", "available"}
	total := 0
	for i, f := range c.Factors {
		if f.Key != keys[i] {
			t.Errorf("factor %d is %q, want %q", i, f.Key, keys[i])
		}
		total += f.Points
	}
	if len(c.Factors) != len(keys) || total != c.Score {
		t.Errorf("Score = %d, factors %v", c.Score, c.Factors)
	}
	if !c.Requested || !c.Related || c.WorkerID != w.ID {
		t.Errorf("Candidate = %+v, want requested and related", c)
	}
	// related 2 + experience 2 (3 of 10 years of 7) + distance 26 + pay 7 (no expectation: half)
	// + reliability 0 + rotation 142 (no day worked) + priority 4 + requested 5 + half-day 15 (none on record: half)
	if c.Score != 203 {
		t.Errorf("Score = %d, want 203", c.Score)
	}
}

func TestWeightsValidate(t *testing.T) {
	if err := DefaultWeights().Validate(); err != nil {
		t.Fatalf("defaults: %v", err)
	}
	tests := []struct {
		name  string
		edit  func(*Weights)
		field string
	}{
		{"negative", func(w *Weights) { w.Rotation = -1 }, "rotation"},
		{"too big", func(w *Weights) { w.Pay = MaxWeight + 1 }, "pay"},
		{"no trade weight", func(w *Weights) { w.Trade = 0 }, "trade"},
		{"zero elsewhere is fine", func(w *Weights) { w.Priority, w.Requested = 0, 0 }, ""},
		{"max is fine", func(w *Weights) { w.Distance = MaxWeight }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := DefaultWeights()
			tt.edit(&w)
			err := w.Validate()
			var we *WeightError
			switch {
			case tt.field == "" && err != nil:
				t.Errorf("Validate = %v, want nil", err)
			case tt.field != "" && (!errors.As(err, &we) || we.Field != tt.field):
				t.Errorf("Validate = %v, want an error about %s", err, tt.field)
			}
		})
	}
}

func TestWeightsJSON(t *testing.T) {
	b, err := json.Marshal(DefaultWeights())
	if err != nil {
		t.Fatal(err)
	}
	want := `{"trade":4,"experience":7,"present":57,"distance":26,"pay":15,"reliability":0,"rotation":142,"priority":4,"requested":5,"asked":0,"available":30}`
	if string(b) != want {
		t.Errorf("json = %s\nwant   %s", b, want)
	}
	var back Weights
	if err := json.Unmarshal(b, &back); err != nil || back != DefaultWeights() {
		t.Errorf("round trip = %+v, %v", back, err)
	}
}

func TestRankRequestedFirst(t *testing.T) {
	job := baseJob()
	job.RequestedWorker = 3
	strong := baseWorker()
	strong.ID, strong.Community, strong.Priority, strong.PresentToday = 1, 11, true, true
	weak := baseWorker()
	weak.ID, weak.Trades = 3, []TradeYears{{Trade: tDrain}}
	weak.LastDispatch, weak.DispatchesLast7, weak.DaysWorked30 = testNow, 5, 12
	idle := baseWorker()
	idle.ID = 2
	got := Rank(job, []Worker{strong, idle, weak}, testRel, DefaultWeights(), testNow, 0)
	if ids := candidateIDs(got); !slices.Equal(ids, []int64{3, 1, 2}) {
		t.Fatalf("order = %v, want [3 1 2]", ids)
	}
	if !got[0].Requested || got[0].Score >= got[1].Score {
		t.Errorf("requested candidate %+v should be first despite a lower score", got[0])
	}
}

func TestRankTieBreaks(t *testing.T) {
	job := baseJob()
	mk := func(id int64, edit func(*Worker)) Worker {
		w := baseWorker()
		w.ID = id
		if edit != nil {
			edit(&w)
		}
		return w
	}
	// All score the same with these weights; only the tie-breaks differ.
	wt := Weights{Trade: 10}
	workers := []Worker{
		mk(9, nil),
		mk(4, nil),
		mk(8, func(w *Worker) { w.LastDispatch = at(1, 9, 0) }),
		mk(5, func(w *Worker) { w.LastDispatch = at(5, 9, 0) }),
		mk(6, func(w *Worker) { w.Dispatches, w.Completed = 5, 5 }),
		mk(3, func(w *Worker) { w.Active = false }),
	}
	wt.Reliability = 0
	got := Rank(job, workers, testRel, wt, testNow, 0)
	// Without reliability points everyone ties on it: never dispatched first, then longer idle, then ID.
	if ids := candidateIDs(got); !slices.Equal(ids, []int64{4, 6, 9, 8, 5}) {
		t.Errorf("order = %v, want [4 6 9 8 5]", ids)
	}
	wt.Reliability, wt.Trade = 10, 10
	got = Rank(job, workers, testRel, wt, testNow, 0)
	// Worker 6's good record now adds points; the others get the neutral half.
	if got[0].WorkerID != 6 {
		t.Errorf("first = %d, want 6 with the best record", got[0].WorkerID)
	}
	if got := Rank(job, workers, testRel, wt, testNow, 2); len(got) != 2 || got[0].WorkerID != 6 || got[1].WorkerID != 4 {
		t.Errorf("limit 2 = %v, want [6 4]", candidateIDs(got))
	}
}

func candidateIDs(cs []Candidate) []int64 {
	ids := make([]int64, len(cs))
	for i, c := range cs {
		ids[i] = c.WorkerID
	}
	return ids
}

func TestRankJobs(t *testing.T) {
	w := baseWorker()
	w.Community, w.SubDistrict, w.District = 11, 21, 31
	near := baseJob()
	far := baseJob()
	far.ID, far.Community, far.SubDistrict = 101, 12, 22
	full := baseJob()
	full.ID, full.Filled = 102, 1
	cleaning := baseJob()
	cleaning.ID, cleaning.Trade = 103, tCleaning
	declined := baseJob()
	declined.ID, declined.Declined = 104, []int64{w.ID}
	drain := baseJob()
	drain.ID, drain.Trade = 105, tDrain
	twin := baseJob()
	twin.ID, twin.Start = 99, near.Start.Add(time.Hour)
	got := RankJobs(w, []Job{far, full, cleaning, twin, declined, drain, near}, testRel, DefaultWeights(), testNow, 0)
	var ids []int64
	for _, c := range got {
		ids = append(ids, c.JobID)
		if len(c.Factors) != numFactors {
			t.Errorf("job %d factors %v", c.JobID, c.Factors)
		}
	}
	// near and twin tie: the earlier start first. drain is only a related trade (2 points of
	// trade against 4) but in the worker's community, far in another sub-district (a third of
	// distance's 26): place outweighs the related trade.
	if !slices.Equal(ids, []int64{100, 99, 105, 101}) {
		t.Errorf("order = %v, want [100 99 105 101]", ids)
	}
	if got := RankJobs(w, []Job{far, near}, testRel, DefaultWeights(), testNow, 1); len(got) != 1 || got[0].JobID != 100 {
		t.Errorf("limit 1 = %+v", got)
	}
}
