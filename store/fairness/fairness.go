// Package fairness works out how evenly a station shares its work: the Gini coefficient of
// days worked, priority groups' share of dispatches against their share of sign-ins, fill
// rate, calls per filled place, median minutes to dispatch, workers who keep signing in
// without being sent anywhere, and how far dispatched workers travel. It is pure arithmetic
// over plain values: no I/O, no clock, no store, so the simulator, the report and the
// screens all count the same way.
package fairness

import (
	"slices"
)

// Gini is the Gini coefficient of xs: 0 when everyone has the same, towards 1 when one has
// everything. Negative values count as 0; an empty or all-zero list is 0 (nothing to share).
// It is the mean absolute difference over twice the mean, from the sorted values:
// G = 2·Σ i·x(i) / (n·Σx) − (n+1)/n with i counted from 1.
func Gini(xs []int) float64 {
	n := len(xs)
	if n == 0 {
		return 0
	}
	s := make([]int, n)
	for i, x := range xs {
		s[i] = max(x, 0)
	}
	slices.Sort(s)
	var sum, weighted int64
	for i, x := range s {
		sum += int64(x)
		weighted += int64(i+1) * int64(x)
	}
	if sum == 0 {
		return 0
	}
	g := 2*float64(weighted)/(float64(n)*float64(sum)) - float64(n+1)/float64(n)
	return max(g, 0)
}

// Ratio is part/whole, 0 when whole is 0.
func Ratio(part, whole int) float64 {
	if whole <= 0 {
		return 0
	}
	return float64(part) / float64(whole)
}

// FillRate is places filled over places asked, 0 when none were asked.
func FillRate(filled, asked int) float64 { return Ratio(filled, asked) }

// CallsPerFilled is calls made over places filled, 0 when none were filled.
func CallsPerFilled(calls, filled int) float64 { return Ratio(calls, filled) }

// Median is the median of minutes (any order); -1 when there are none. With an even count
// it is the mean of the two middle values.
func Median(minutes []int64) float64 {
	n := len(minutes)
	if n == 0 {
		return -1
	}
	s := slices.Clone(minutes)
	slices.Sort(s)
	if n%2 == 1 {
		return float64(s[n/2])
	}
	return float64(s[n/2-1]+s[n/2]) / 2
}
