package report

import (
	"fmt"
	"math"
	"strings"

	"gigdesk/store"
	"gigdesk/store/fairness"
	"gigdesk/tui/common"
)

// The fairness section (issue #20): the Gini of days worked and the priority groups' shares
// for the period and the last 30 days, and the workers who signed in most without work.

// FairRow is one fairness figure for the period and the last 30 days.
type FairRow struct {
	Label          string
	Period, Last30 float64
	Unit           Unit
	Sub            bool
	Gini           bool // shown with three decimals
}

// FairRows are the fairness figures in the order every report lists them.
func (d *Doc) FairRows() []FairRow {
	t := d.Cat.T
	p, m := &d.Sum.Fairness, &d.Sum.Fairness30
	rows := []FairRow{
		{Label: t("report.fair.gini"), Period: p.Gini, Last30: m.Gini, Gini: true},
		{Label: t("report.fair.gini_workers", p.MinSignIns, m.MinSignIns), Period: float64(p.GiniWorkers), Last30: float64(m.GiniWorkers), Sub: true},
		{Label: t("report.fair.sign_ins"), Period: float64(p.Shares.SignIns), Last30: float64(m.Shares.SignIns)},
		{Label: t("report.fair.dispatches"), Period: float64(p.Shares.Dispatches), Last30: float64(m.Shares.Dispatches)},
		{Label: t("report.fair.priority_signin"), Period: p.Shares.Priority.ShareOfSignIns, Last30: m.Shares.Priority.ShareOfSignIns, Unit: Rate},
		{Label: t("report.fair.priority_disp"), Period: p.Shares.Priority.ShareOfDispatches, Last30: m.Shares.Priority.ShareOfDispatches, Unit: Rate},
	}
	for _, g := range store.PriorityGroups {
		a, b := groupShare(p.Shares, g), groupShare(m.Shares, g)
		if a.SignIns+a.Dispatches+b.SignIns+b.Dispatches == 0 {
			continue
		}
		name := t("export.group." + g)
		rows = append(rows,
			FairRow{Label: t("report.fair.group_signin", name), Period: a.ShareOfSignIns, Last30: b.ShareOfSignIns, Unit: Rate, Sub: true},
			FairRow{Label: t("report.fair.group_disp", name), Period: a.ShareOfDispatches, Last30: b.ShareOfDispatches, Unit: Rate, Sub: true})
	}
	return append(rows, FairRow{Label: t("report.fair.waiting_count"), Period: float64(p.WaitingTotal), Last30: float64(m.WaitingTotal)})
}

func groupShare(s fairness.Shares, g string) fairness.GroupShare {
	for _, gs := range s.ByGroup {
		if gs.Group == g {
			return gs
		}
	}
	return fairness.GroupShare{Group: g}
}

// FairValue shows one fairness figure.
func (d *Doc) FairValue(r FairRow, v float64) string {
	switch {
	case r.Gini:
		return fmt.Sprintf("%.3f", v)
	case r.Unit == Rate:
		return fmt.Sprintf("%.1f%%", v*100)
	}
	return fmt.Sprintf("%.0f", v)
}

// WaitReason is why a waiting worker got no work, in words.
func (d *Doc) WaitReason(w store.WaitingWorker) string {
	switch w.Reason {
	case store.WaitDeclined:
		return d.Cat.T("report.wait.declined", w.Declined)
	case store.WaitNoAnswer:
		return d.Cat.T("report.wait.no_answer", w.NoAnswer)
	}
	return d.Cat.T("report.wait." + w.Reason)
}

// WaitingTitle heads the list of workers who signed in most without being dispatched.
func (d *Doc) WaitingTitle() string {
	return d.Cat.T("report.fair.waiting", d.Sum.Fairness30.WaitingTotal)
}

// WaitingText is one waiting worker: name, sign-in days and the top reason.
func (d *Doc) WaitingText(w store.WaitingWorker) string {
	return w.Name + "  " + d.Cat.T("report.fair.waiting_line", w.SignInDays, d.WaitReason(w))
}

// groupNames are a worker's priority groups in words.
func (d *Doc) groupNames(gs []string) string {
	names := make([]string, len(gs))
	for i, g := range gs {
		names[i] = d.Cat.T("export.group." + g)
	}
	return strings.Join(names, "、")
}

// textFairness writes the section: the figures in two columns, then the waiting workers.
func (d *Doc) textFairness(b *strings.Builder) {
	rows := d.FairRows()
	label := 0
	for _, r := range rows {
		label = max(label, width(r.Label)+2)
	}
	cols := [2]string{d.Cat.T("report.fair.col.period"), d.Cat.T("report.fair.col.last30")}
	cw := max(width(cols[0]), width(cols[1]), 8)
	fmt.Fprintf(b, "\n%s (%s – %s / %s – %s)\n", d.Cat.T("report.section.fairness"), d.Sum.Fairness.From, d.Sum.Fairness.To,
		d.Sum.Fairness30.From, d.Sum.Fairness30.To)
	fmt.Fprintf(b, "%s  %s  %s\n", common.Cell("", label), common.CellRight(cols[0], cw), common.CellRight(cols[1], cw))
	for _, r := range rows {
		l := r.Label
		if r.Sub {
			l = "  " + l
		}
		fmt.Fprintf(b, "%s  %s  %s\n", common.Cell(l, label), common.CellRight(d.FairValue(r, r.Period), cw), common.CellRight(d.FairValue(r, r.Last30), cw))
	}
	b.WriteString("\n" + d.WaitingTitle() + "\n")
	for _, w := range d.Sum.Fairness30.Waiting {
		b.WriteString("  " + d.WaitingText(w) + "\n")
	}
	if len(d.Sum.Fairness30.Waiting) == 0 {
		b.WriteString("  " + d.Cat.T("report.none") + "\n")
	}
	b.WriteString("  " + d.Cat.T("report.fair.note") + "\n")
}

// fairnessTables are the section as two tables of the CSV and the xlsx.
func (d *Doc) fairnessTables() []Table {
	t := d.Cat.T
	figs := Table{Sheet: t("report.sheet.fairness"), Title: t("report.section.fairness"),
		Head: []string{t("report.col.figure"), t("report.fair.col.period") + " " + d.Sum.Fairness.From + "–" + d.Sum.Fairness.To,
			t("report.fair.col.last30") + " " + d.Sum.Fairness30.From + "–" + d.Sum.Fairness30.To}}
	for _, r := range d.FairRows() {
		l := r.Label
		if r.Sub {
			l = "  " + l
		}
		u := r.Unit
		p, m := r.Period, r.Last30
		if r.Gini { // a coefficient, not a percentage: three decimals as a plain number
			p, m = math.Round(p*1000)/1000, math.Round(m*1000)/1000
		}
		figs.Rows = append(figs.Rows, []Cell{text(l), num(p, u), num(m, u)})
	}
	wait := Table{Sheet: t("report.sheet.waiting"), Title: d.WaitingTitle(),
		Head: []string{t("report.col.worker"), t("report.col.groups"), t("report.col.sign_in_days"), t("report.col.reason"),
			t("report.col.declined"), t("report.col.no_answer")}}
	for _, w := range d.Sum.Fairness30.Waiting {
		wait.Rows = append(wait.Rows, []Cell{text(w.Name), text(d.groupNames(w.Groups)), num(float64(w.SignInDays), Count),
			text(d.WaitReason(w)), num(float64(w.Declined), Count), num(float64(w.NoAnswer), Count)})
	}
	return []Table{figs, wait}
}

// JSONFairness is a period's fairness figures in the JSON report (keys are stable).
type JSONFairness struct {
	From string `json:"from"`
	To   string `json:"to"`
	// GiniDaysWorked is the Gini coefficient of days worked among the GiniWorkers workers who
	// signed in on at least MinSignInDays days.
	GiniDaysWorked float64 `json:"gini_days_worked"`
	GiniWorkers    int     `json:"gini_workers"`
	MinSignInDays  int     `json:"min_sign_in_days"`
	// SignIns (worker-days) and Dispatches (not cancelled), and the priority groups' part of
	// each, all of them together and by group code.
	SignIns    int         `json:"sign_ins"`
	Dispatches int         `json:"dispatches"`
	Priority   JSONShare   `json:"priority"`
	ByGroup    []JSONShare `json:"by_group"`
	// Waiting is the workers who signed in most without a dispatch (at most 10); WaitingTotal how many there are.
	Waiting      []JSONWaiting `json:"waiting"`
	WaitingTotal int           `json:"waiting_total"`
}

// JSONShare is one priority group's part of the sign-ins and dispatches.
type JSONShare struct {
	Group             string  `json:"group,omitempty"`
	SignIns           int     `json:"sign_ins"`
	Dispatches        int     `json:"dispatches"`
	ShareOfSignIns    float64 `json:"share_of_sign_ins"`
	ShareOfDispatches float64 `json:"share_of_dispatches"`
}

// JSONWaiting is one worker who signed in without being dispatched, and the top reason (a code).
type JSONWaiting struct {
	WorkerID   int64    `json:"worker_id"`
	Name       string   `json:"name"`
	Groups     []string `json:"groups"`
	SignInDays int      `json:"sign_in_days"`
	Reason     string   `json:"reason"`
	Declined   int      `json:"declined"`
	NoAnswer   int      `json:"no_answer"`
}

func round4(v float64) float64 { return math.Round(v*10000) / 10000 }

func jsonShare(g fairness.GroupShare) JSONShare {
	return JSONShare{Group: g.Group, SignIns: g.SignIns, Dispatches: g.Dispatches,
		ShareOfSignIns: round4(g.ShareOfSignIns), ShareOfDispatches: round4(g.ShareOfDispatches)}
}

func fairnessJSON(f store.Fairness) JSONFairness {
	j := JSONFairness{From: f.From, To: f.To, GiniDaysWorked: round4(f.Gini), GiniWorkers: f.GiniWorkers, MinSignInDays: f.MinSignIns,
		SignIns: f.Shares.SignIns, Dispatches: f.Shares.Dispatches, Priority: jsonShare(f.Shares.Priority),
		ByGroup: []JSONShare{}, Waiting: []JSONWaiting{}, WaitingTotal: f.WaitingTotal}
	for _, g := range f.Shares.ByGroup {
		j.ByGroup = append(j.ByGroup, jsonShare(g))
	}
	for _, w := range f.Waiting {
		groups := append([]string{}, w.Groups...)
		j.Waiting = append(j.Waiting, JSONWaiting{WorkerID: w.WorkerID, Name: w.Name, Groups: groups, SignInDays: w.SignInDays,
			Reason: w.Reason, Declined: w.Declined, NoAnswer: w.NoAnswer})
	}
	return j
}
