package report

import (
	"fmt"
	"strings"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// JSONFairs are the job fairs of the period in the JSON report (key "fairs", present only
// when a fair was held): the bureau's four figures over every fair, and each fair's report.
type JSONFairs struct {
	// Firms is firms taking part (once per fair); Positions the places offered, the sum of every
	// position's head-count; Attendees people signed in at the door (once per person per fair);
	// Intentions people who agreed at least one intention (达成意向人数).
	Firms      int `json:"firms"`
	Positions  int `json:"positions"`
	Attendees  int `json:"attendees"`
	Intentions int `json:"intentions"`
	// Newcomers is attendees registered at the door; Hired intentions ending in a hire.
	Newcomers int         `json:"newcomers"`
	Hired     int         `json:"hired"`
	Events    []JSONEvent `json:"events"`
}

// JSONEvent is one fair's report.
type JSONEvent struct {
	ID        int64  `json:"id"`
	Name      string `json:"name"`
	Campaign  string `json:"campaign"` // spring, private, aid or other
	Day       string `json:"day"`
	Place     string `json:"place"`
	Organiser string `json:"organiser"`
	// The four figures, counted as in JSONFairs, and their parts.
	Firms             int `json:"firms"`
	Positions         int `json:"positions"`
	PositionKinds     int `json:"position_kinds"`
	Attendees         int `json:"attendees"`
	Newcomers         int `json:"newcomers"`
	PriorityAttendees int `json:"priority_attendees"`
	Intentions        int `json:"intentions"`
	IntentionRecords  int `json:"intention_records"`
	Hired             int `json:"hired"`
	NotHired          int `json:"not_hired"`
	// ByTrade (by the position's trade) and ByFirm; PriorityGroups counts attendees per group.
	ByTrade        []JSONFairArea `json:"by_trade"`
	ByFirm         []JSONFairArea `json:"by_firm"`
	PriorityGroups map[string]int `json:"priority_groups"`
}

// JSONFairArea is one trade's or firm's positions at a fair.
type JSONFairArea struct {
	ID            int64  `json:"id"`
	Name          string `json:"name"`
	PositionKinds int    `json:"position_kinds"`
	Positions     int    `json:"positions"`
	Intentions    int    `json:"intentions"`
	Hired         int    `json:"hired"`
}

// fairsJSON is the "fairs" key of the JSON report; nil when no fair was held in the period.
func (d *Doc) fairsJSON() *JSONFairs {
	c := d.Fairs.Cur
	if c.Events == 0 {
		return nil
	}
	j := &JSONFairs{Firms: c.Firms, Positions: c.Positions, Attendees: c.Attendees, Intentions: c.Intentions,
		Newcomers: c.Newcomers, Hired: c.Hired, Events: []JSONEvent{}}
	for _, r := range d.Fairs.Events {
		f, e := r.Figures, r.Event
		je := JSONEvent{ID: e.ID, Name: e.Name, Campaign: string(e.Campaign), Day: e.Day, Place: e.Place, Organiser: e.Organiser,
			Firms: f.Firms, Positions: f.Positions, PositionKinds: f.PositionKinds, Attendees: f.Attendees, Newcomers: f.Newcomers,
			PriorityAttendees: f.PriorityAttendees, Intentions: f.Intentions, IntentionRecords: f.IntentionRecords, Hired: f.Hired,
			NotHired: f.NotHired, ByTrade: []JSONFairArea{}, ByFirm: []JSONFairArea{}, PriorityGroups: map[string]int{}}
		for _, a := range r.ByTrade {
			je.ByTrade = append(je.ByTrade, jsonFairArea(a, d.TradeName(a.ID)))
		}
		for _, a := range r.ByFirm {
			je.ByFirm = append(je.ByFirm, jsonFairArea(a, a.Name))
		}
		for g, n := range r.ByGroup {
			je.PriorityGroups[g] = n
		}
		j.Events = append(j.Events, je)
	}
	return j
}

func jsonFairArea(a store.FairArea, name string) JSONFairArea {
	return JSONFairArea{ID: a.ID, Name: name, PositionKinds: a.PositionKinds, Positions: a.Positions, Intentions: a.Intentions, Hired: a.Hired}
}

// textFairs is every fair of the period as a table of the text report.
func (d *Doc) textFairs(b *strings.Builder) {
	for _, r := range d.Fairs.Events {
		fmt.Fprintf(b, "\n%s  %s\n", d.Cat.T("report.section.fairs"), d.FairTitle(r))
		table := [][]string{d.FairHead()}
		for _, row := range d.EventRows(r) {
			cells := make([]string, len(row))
			for i, c := range row {
				cells[i] = c.Text
				if c.IsNum {
					cells[i] = c.csv()
				}
			}
			table = append(table, cells)
		}
		ws := make([]int, len(table[0]))
		for _, row := range table {
			for i, c := range row {
				ws[i] = max(ws[i], width(c))
			}
		}
		for _, row := range table {
			line := " "
			for i, c := range row {
				if i < 2 {
					line += " " + common.Cell(c, ws[i])
				} else {
					line += " " + common.CellRight(c, ws[i])
				}
			}
			b.WriteString(strings.TrimRight(line, " ") + "\n")
		}
	}
}
