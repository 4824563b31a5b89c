package main

import (
	"fmt"
	"strings"

	"github.com/NimbleMarkets/ntcharts/barchart"

	"gigdesk/store/sim"
	"gigdesk/tui/i18n"
)

// Chart sizes: one bar per number of days worked, the last bar holding that many or more.
const (
	chartBars   = 21
	chartHeight = 7
)

// simChart draws, for each policy, how many workers (of those signed in on MinSignIns days or
// more) worked 0, 1, 2, … days, every chart on one scale so that they compare at a glance.
func simChart(c *i18n.Catalog, o sim.Options, rs []sim.Result) string {
	hists := make([][chartBars]int, len(rs))
	most := 1
	for i := range rs {
		for _, d := range rs[i].DaysWorked(o.MinSignIns) {
			hists[i][min(d, chartBars-1)]++
		}
		for _, n := range hists[i] {
			most = max(most, n)
		}
	}
	var b strings.Builder
	fmt.Fprintln(&b, c.T("sim.chart.title", o.MinSignIns))
	for i, r := range rs {
		peak, at := 0, 0
		for d, n := range hists[i] {
			if n > peak {
				peak, at = n, d
			}
		}
		fmt.Fprintln(&b, c.T("sim.chart.policy", c.T("sim.policy."+string(r.Policy)), peak, at))
		bc := barchart.New(3*chartBars, chartHeight+1, barchart.WithNoAutoMaxValue(), barchart.WithMaxValue(float64(most)),
			barchart.WithNoAutoBarWidth(), barchart.WithBarWidth(2), barchart.WithBarGap(1))
		for d, n := range hists[i] {
			label := fmt.Sprint(d)
			if d == chartBars-1 {
				label += "+"
			}
			bc.Push(barchart.BarData{Label: label, Values: []barchart.BarValue{{Name: label, Value: float64(n)}}})
		}
		bc.Draw()
		b.WriteString(bc.View())
		b.WriteString("\n\n")
	}
	return b.String()
}
