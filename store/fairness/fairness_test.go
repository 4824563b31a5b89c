package fairness

import (
	"math"
	"reflect"
	"testing"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// Each case is worked by hand as the mean absolute difference over all ordered pairs,
// Σ|xi−xj| / (2·n²·mean).
func TestGini(t *testing.T) {
	for _, c := range []struct {
		name string
		xs   []int
		want float64
	}{
		{"none", nil, 0},
		{"one", []int{5}, 0},
		{"all zero", []int{0, 0, 0}, 0},
		{"equal", []int{3, 3, 3}, 0},
		{"1..4", []int{4, 1, 3, 2}, 0.25},                // 20 / (2·16·2.5)
		{"one has all of four", []int{0, 5, 0, 0}, 0.75}, // 30 / (2·16·1.25)
		{"one has all of two", []int{0, 2}, 0.5},
		{"negative counts as 0", []int{-2, 2}, 0.5},
		{"2,2,8", []int{2, 8, 2}, 1.0 / 3}, // 2·(6+6) = 24 / (2·9·4)
	} {
		if got := Gini(c.xs); !near(got, c.want) {
			t.Errorf("%s: Gini(%v) = %v, want %v", c.name, c.xs, got, c.want)
		}
	}
}

func TestRatesAndMedian(t *testing.T) {
	if got := FillRate(3, 4); !near(got, 0.75) {
		t.Errorf("FillRate(3,4) = %v", got)
	}
	if got := FillRate(0, 0); got != 0 {
		t.Errorf("FillRate(0,0) = %v", got)
	}
	if got := CallsPerFilled(10, 4); !near(got, 2.5) {
		t.Errorf("CallsPerFilled(10,4) = %v", got)
	}
	for _, c := range []struct {
		in   []int64
		want float64
	}{{nil, -1}, {[]int64{5, 1, 3}, 3}, {[]int64{4, 1, 3, 2}, 2.5}, {[]int64{7}, 7}} {
		if got := Median(c.in); got != c.want {
			t.Errorf("Median(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

func TestDaysWorkedGini(t *testing.T) {
	ws := []Worker{
		{ID: 1, SignInDays: 10, DaysWorked: 0},
		{ID: 2, SignInDays: 12, DaysWorked: 4},
		{ID: 3, SignInDays: 2, DaysWorked: 9}, // came twice: not among those looking for work
	}
	g, n := DaysWorkedGini(ws, 5)
	if n != 2 || !near(g, 0.5) {
		t.Errorf("DaysWorkedGini = %v over %d, want 0.5 over 2", g, n)
	}
}

func TestPriorityShares(t *testing.T) {
	ws := []Worker{
		{ID: 1, Groups: []string{"low_income"}, SignInDays: 10, Dispatches: 2},
		{ID: 2, Groups: []string{"disabled", "low_income", "low_income"}, SignInDays: 5, Dispatches: 3},
		{ID: 3, SignInDays: 15, Dispatches: 5},
		{ID: 4, Groups: []string{"veteran"}}, // neither signed in nor dispatched: left out
	}
	got := PriorityShares(ws, []string{"hard_to_employ", "low_income", "disabled", "veteran"})
	want := Shares{
		SignIns: 30, Dispatches: 10,
		Priority: GroupShare{SignIns: 15, Dispatches: 5, ShareOfSignIns: 0.5, ShareOfDispatches: 0.5},
		ByGroup: []GroupShare{
			{Group: "low_income", SignIns: 15, Dispatches: 5, ShareOfSignIns: 0.5, ShareOfDispatches: 0.5},
			{Group: "disabled", SignIns: 5, Dispatches: 3, ShareOfSignIns: 5.0 / 30, ShareOfDispatches: 0.3},
		},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("PriorityShares =\n%+v\nwant\n%+v", got, want)
	}
	if s := PriorityShares(nil, nil); s.Priority.ShareOfSignIns != 0 || len(s.ByGroup) != 0 {
		t.Errorf("PriorityShares(nil) = %+v", s)
	}
}

func TestWaiting(t *testing.T) {
	ws := []Worker{
		{ID: 5, SignInDays: 12},
		{ID: 2, SignInDays: 15},
		{ID: 3, SignInDays: 12},
		{ID: 4, SignInDays: 20, Dispatches: 1},
		{ID: 1, SignInDays: 9},
	}
	var ids []int64
	for _, w := range Waiting(ws, 10) {
		ids = append(ids, w.ID)
	}
	if !reflect.DeepEqual(ids, []int64{2, 3, 5}) {
		t.Errorf("Waiting = %v, want [2 3 5]", ids)
	}
}

func TestDistances(t *testing.T) {
	job := Place{Community: 11, SubDistrict: 10, District: 1}
	for _, c := range []struct {
		w    Place
		want Distance
	}{
		{Place{Community: 11, SubDistrict: 10, District: 1}, SameCommunity},
		{Place{Community: 12, SubDistrict: 10, District: 1}, SameSubDistrict},
		{Place{Community: 21, SubDistrict: 20, District: 1}, SameDistrict},
		{Place{Community: 31, SubDistrict: 30, District: 2}, Farther},
		{Place{}, Farther},
	} {
		if got := Classify(job, c.w); got != c.want {
			t.Errorf("Classify(%v) = %v, want %v", c.w, got, c.want)
		}
	}
	if got := Classify(Place{}, Place{}); got != Farther {
		t.Errorf("unknown places = %v, want Farther", got)
	}
	var d Distances
	if d.Mean() != -1 || d.Share(SameCommunity) != 0 {
		t.Errorf("empty Distances: mean %v share %v", d.Mean(), d.Share(SameCommunity))
	}
	for _, x := range []Distance{SameCommunity, SameCommunity, SameSubDistrict, Farther} {
		d.Add(x)
	}
	if d.Total() != 4 || !near(d.Share(SameCommunity), 0.5) || !near(d.Mean(), 1) { // (0+0+1+3)/4
		t.Errorf("Distances = %v: share %v mean %v", d, d.Share(SameCommunity), d.Mean())
	}
}
