package summary

import (
	"fmt"
	"sort"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// eventLines are the period's job fairs: each fair's four figures, then its trades and its
// busiest firms (listRows of each; the export holds them all).
func (m *Model) eventLines() []string {
	d, st := m.doc, m.c.Styles
	var out []string
	for _, r := range d.Fairs.Events {
		f := r.Figures
		out = append(out, "", st.Title.Render(d.Cat.T("report.section.fairs")+" · "+d.FairTitle(r)),
			d.Cat.T("sum.fair.four", f.Firms, f.Positions, f.Attendees, f.Intentions),
			st.Subtle.Render(d.Cat.T("sum.fair.parts", f.Newcomers, f.PriorityAttendees, f.IntentionRecords, f.Hired, f.NotHired)))
		out = append(out, st.Label.Render(d.Cat.T("report.fair.group.trade")))
		out = append(out, m.fairAreaLines(r.ByTrade, func(a store.FairArea) string { return d.TradeName(a.ID) })...)
		firms := append([]store.FairArea(nil), r.ByFirm...)
		sort.SliceStable(firms, func(i, j int) bool { return firms[i].Positions > firms[j].Positions })
		out = append(out, st.Label.Render(d.Cat.T("sum.fair.firms", len(firms))))
		out = append(out, m.fairAreaLines(firms, func(a store.FairArea) string { return a.Name })...)
	}
	return out
}

// fairAreaLines are up to listRows trades or firms: name, places, intentions, hired.
func (m *Model) fairAreaLines(areas []store.FairArea, name func(store.FairArea) string) []string {
	var out []string
	for i, a := range areas {
		if i == listRows {
			out = append(out, m.c.Styles.Subtle.Render("  "+m.c.T("sum.fair.more", len(areas)-listRows)))
			break
		}
		out = append(out, "  "+common.Cell(name(a), 24)+" "+m.c.T("sum.fair.area", fmt.Sprint(a.Positions), a.Intentions, a.Hired))
	}
	return out
}
