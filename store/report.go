package store

import (
	"sort"
	"time"
)

// Figures are what happened at the station over a range of station-local days [From, To]
// (both inclusive). Each figure counts records by one timestamp, so a record belongs to
// exactly one day and the sum of a week's days is the week:
//
//   - WorkersRegistered, EmployersRegistered: workers and employers by created_at.
//   - JobsPosted, HeadcountRequested: jobs by created_at, whatever their status now (a job
//     later cancelled was still posted), and all their places. CancelledJobs and
//     CancelledPlaces are those of them cancelled since, counted apart from what follows.
//   - PlacesAsked is the places of the jobs posted and not cancelled, and they add up:
//     PlacesAsked = PlacesFilled + UnfilledPlaces. A place is filled while a worker's
//     dispatch holds it (dispatched, checked in or done); a cancelled dispatch or a no-show
//     gives it back, so it is unfilled unless someone else took it. MissedPlaces are the
//     unfilled places whose start has passed (demand nobody could fill); FilledJobs the jobs
//     not cancelled with every place filled. FillRate is PlacesFilled / PlacesAsked.
//   - Dispatched: dispatches by created_at (when staff dispatched the worker), except those
//     cancelled since. PriorityDispatched is those whose worker is in a priority group.
//     MedianMinutesToDispatch is the median, over the same dispatches, of minutes from the
//     job's posting to the dispatch.
//   - Completed: dispatches now done, by done_at. WagesPaidFen: paid_fen by paid_at.
//     Unpaid: dispatches done (by done_at) that have no payment recorded.
//   - NoShows and Disputes: dispatches by starts_at (the day the work was due) with status
//     no_show, or marked disputed.
//   - Visits: service visits by at; SignIns: sign-ins by their day.
//   - OpenIntoTomorrow, OpenPlaces: jobs posted by the end of To that are still open or
//     partly filled and start after To, and their places not yet taken. They read the jobs'
//     status now, so for a past day they tell what is still open today.
//
// Statuses are read as they are now; a figure for a past day can change when a dispatch
// of that day is cancelled or paid later.
type Figures struct {
	From, To                string
	WorkersRegistered       int
	WorkersByChannel        map[Channel]int
	EmployersRegistered     int
	JobsPosted              int
	HeadcountRequested      int
	CancelledJobs           int
	CancelledPlaces         int
	PlacesAsked             int
	PlacesFilled            int
	UnfilledPlaces          int
	MissedPlaces            int
	FilledJobs              int
	Dispatched              int
	PriorityDispatched      int
	MedianMinutesToDispatch float64 // -1 when nothing was dispatched
	Completed               int
	WagesPaidFen            int64
	Unpaid                  int
	NoShows                 int
	Disputes                int
	Visits                  map[VisitKind]int
	SignIns                 int
	OpenIntoTomorrow        int
	OpenPlaces              int
	JobsByHour              [24]int // jobs posted, by station-local hour of posting
	ByTrade                 []AreaFigures
	ByCommunity             []AreaFigures // ID 0 is jobs without a community
}

// AreaFigures are the job and dispatch figures of one trade or one community (by the job's
// trade and community), counted as in Figures.
type AreaFigures struct {
	ID                 int64
	JobsPosted         int
	HeadcountRequested int
	PlacesAsked        int
	PlacesFilled       int
	UnfilledPlaces     int
	MissedPlaces       int
	Dispatched         int
	Completed          int
	WagesPaidFen       int64
}

// FillRate is PlacesFilled / PlacesAsked. Over several days it pools them: all their places
// together, not the average of each day's rate.
func (f *Figures) FillRate() float64 { return Ratio(f.PlacesFilled, f.PlacesAsked) }

// VisitsTotal is the number of service visits of every kind.
func (f *Figures) VisitsTotal() int {
	n := 0
	for _, v := range f.Visits {
		n += v
	}
	return n
}

// Ratio is part/whole, 0 when whole is 0.
func Ratio(part, whole int) float64 {
	if whole <= 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

// MinuteCount is how many dispatches took Minutes from posting.
type MinuteCount struct {
	Minutes int64
	Count   int
}

// MedianMinutes is the median of a histogram of minutes (any order); -1 when it is empty.
// With an even count it is the mean of the two middle values.
func MedianMinutes(h []MinuteCount) float64 {
	h = append([]MinuteCount(nil), h...)
	sort.Slice(h, func(i, j int) bool { return h[i].Minutes < h[j].Minutes })
	total := 0
	for _, b := range h {
		total += max(b.Count, 0)
	}
	if total == 0 {
		return -1
	}
	at := func(k int) int64 { // the k-th value, 0-based
		for _, b := range h {
			if k < b.Count {
				return b.Minutes
			}
			k -= max(b.Count, 0)
		}
		return h[len(h)-1].Minutes
	}
	if total%2 == 1 {
		return float64(at(total / 2))
	}
	return float64(at(total/2-1)+at(total/2)) / 2
}

// Mark says which way a figure moved against what it is compared with.
type Mark int

const (
	Same Mark = iota
	Up
	Down
	NoBase // nothing to compare with
)

// Compare is how cur stands against base: the difference and its mark. A base of 0 with a
// positive cur is Up; two zeros are Same.
func Compare(cur, base float64) (float64, Mark) {
	d := cur - base
	switch {
	case base < 0 || cur < 0: // a median of nothing
		return 0, NoBase
	case d > 1e-6:
		return d, Up
	case d < -1e-6:
		return d, Down
	}
	return 0, Same
}

// Average is total spread over n periods (the last 7 days' average of a daily figure).
func Average(total float64, n int) float64 {
	if n <= 0 {
		return 0
	}
	return total / float64(n)
}

// Span is the length of a summary: one day, a week (Monday to Sunday) or a calendar month.
type Span string

const (
	SpanDay   Span = "day"
	SpanWeek  Span = "week"
	SpanMonth Span = "month"
	SpanRange Span = "range" // any run of days, compared with as many days before
)

// Period is the range of dates of span that holds day (YYYY-MM-DD), shifted by n spans.
func Period(span Span, day string, n int) (from, to string, err error) {
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		return "", "", &Error{Code: Invalid, Key: "date.invalid", Field: "date", Detail: day}
	}
	var a, b time.Time
	switch span {
	case SpanWeek:
		a = d.AddDate(0, 0, -((int(d.Weekday())+6)%7)+7*n)
		b = a.AddDate(0, 0, 6)
	case SpanMonth:
		a = time.Date(d.Year(), d.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		b = a.AddDate(0, 1, -1)
	default:
		a = d.AddDate(0, 0, n)
		b = a
	}
	return a.Format(time.DateOnly), b.Format(time.DateOnly), nil
}

// rangeOf is the half-open Unix-seconds range of the station-local days [from, to].
func (s *Store) rangeOf(from, to string) (int64, int64, error) {
	a, _, err := s.DayRange(from)
	if err != nil {
		return 0, 0, err
	}
	_, b, err := s.DayRange(to)
	if err != nil {
		return 0, 0, err
	}
	if b.Before(a) {
		return 0, 0, &Error{Code: Invalid, Key: "report.range", Field: "to", Detail: from + " after " + to}
	}
	return a.Unix(), b.Unix(), nil
}
