package demo

import "gigdesk/store"

// payBand is one way a trade is paid: unit, range in 元, rounding step, job length in minutes.
type payBand struct {
	unit           store.PayUnit
	lo, hi, step   int64
	minDur, maxDur int
	w              float64
}

// tradeSpec is how often a trade is asked for (by resident, shop, firm), who does it
// (men, women) and how it pays.
type tradeSpec struct {
	code    string
	jobW    [3]float64
	workerW [2]float64
	bands   []payBand
}

var tradeSpecs = []tradeSpec{
	{"plumbing", [3]float64{12, 6, 5}, [2]float64{10, 0.5}, []payBand{{store.Fixed, 80, 300, 10, 60, 180, 6}, {store.PerDay, 250, 400, 10, 480, 480, 4}}},
	{"labour", [3]float64{3, 5, 20}, [2]float64{14, 3}, []payBand{{store.PerDay, 150, 250, 10, 480, 540, 8}, {store.PerHour, 25, 35, 1, 180, 300, 2}}},
	{"carpentry", [3]float64{3, 3, 6}, [2]float64{5, 0.2}, []payBand{{store.PerDay, 250, 400, 10, 480, 480, 1}}},
	{"locksmith", [3]float64{6, 2, 0.5}, [2]float64{1.5, 0.1}, []payBand{{store.Fixed, 80, 200, 10, 30, 60, 1}}},
	{"shoe_repair", [3]float64{2, 0.5, 0}, [2]float64{1, 1}, []payBand{{store.PerPiece, 10, 40, 5, 60, 120, 1}}},
	{"drain", [3]float64{7, 4, 2}, [2]float64{3, 0.2}, []payBand{{store.Fixed, 100, 300, 10, 60, 120, 1}}},
	{"masonry", [3]float64{3, 2, 8}, [2]float64{5, 0.5}, []payBand{{store.PerDay, 250, 380, 10, 480, 480, 1}}},
	{"loading", [3]float64{0.5, 6, 15}, [2]float64{8, 1}, []payBand{{store.PerDay, 180, 260, 10, 480, 480, 5}, {store.PerHour, 25, 40, 1, 180, 360, 5}}},
	{"cleaning", [3]float64{12, 8, 8}, [2]float64{1, 10}, []payBand{{store.PerHour, 25, 40, 1, 120, 240, 7}, {store.Fixed, 150, 400, 10, 240, 480, 3}}},
	{"moving", [3]float64{8, 3, 4}, [2]float64{6, 0.5}, []payBand{{store.Fixed, 200, 600, 20, 180, 300, 7}, {store.PerDay, 200, 260, 10, 480, 480, 3}}},
	{"appliance", [3]float64{8, 3, 1}, [2]float64{3, 0.2}, []payBand{{store.Fixed, 50, 200, 10, 60, 120, 1}}},
	{"painting", [3]float64{3, 3, 5}, [2]float64{4, 0.8}, []payBand{{store.PerDay, 250, 350, 10, 480, 480, 1}}},
	{"domestic", [3]float64{10, 2, 1}, [2]float64{0.3, 7}, []payBand{{store.PerHour, 30, 45, 1, 120, 240, 1}}},
	{"care", [3]float64{6, 0, 1}, [2]float64{0.5, 5}, []payBand{{store.PerDay, 200, 300, 10, 720, 720, 6}, {store.PerDay, 300, 380, 10, 1440, 1440, 2}}},
}

// roundPay is a pay frac of the way up band, rounded down to its step, in fen.
func (g *gen) roundPay(b payBand, frac float64) int64 {
	y := b.lo + int64(float64(b.hi-b.lo)*frac)
	y = y / b.step * b.step
	return max(y, b.lo) * 100
}
