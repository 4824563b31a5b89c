package report

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"time"

	"gigdesk/store"
	"gigdesk/store/valid"
)

// JSON is the report as `gigdesk report --format json` writes it. The keys are stable;
// every count follows the definitions of store.Figures, for the days From to To inclusive.
type JSON struct {
	// Date is the day the report was asked for (--date), YYYY-MM-DD.
	Date string `json:"date"`
	// From and To are the first and last station-local day counted (equal for one day).
	From string `json:"from"`
	To   string `json:"to"`
	// WorkersRegistered is workers registered (by created_at); WorkersByChannel splits them
	// into counter, phone and online (all three keys always present).
	WorkersRegistered int            `json:"workers_registered"`
	WorkersByChannel  map[string]int `json:"workers_by_channel"`
	// EmployersRegistered is employers registered.
	EmployersRegistered int `json:"employers_registered"`
	// JobsPosted is jobs posted (by created_at, any status now); HeadcountRequested all their
	// places; CancelledJobs and CancelledPlaces those of them cancelled since, and their places.
	JobsPosted         int `json:"jobs_posted"`
	HeadcountRequested int `json:"headcount_requested"`
	CancelledJobs      int `json:"cancelled_jobs"`
	CancelledPlaces    int `json:"cancelled_places"`
	// PlacesAsked is the places of the jobs posted and not cancelled (headcount_requested less
	// cancelled_places); they are filled or unfilled: places_asked = places_filled +
	// unfilled_places. A place is filled while a worker's dispatch holds it (dispatched, checked
	// in or done; a no-show or a cancelled dispatch gave it back). MissedPlaces is the unfilled
	// places whose start has passed; FilledJobs the jobs not cancelled with every place filled.
	PlacesAsked    int `json:"places_asked"`
	PlacesFilled   int `json:"places_filled"`
	UnfilledPlaces int `json:"unfilled_places"`
	MissedPlaces   int `json:"missed_places"`
	FilledJobs     int `json:"filled_jobs"`
	// FillRate is places_filled / places_asked, 0 to 1, four decimals (0 with no jobs).
	FillRate float64 `json:"fill_rate"`
	// Dispatched is dispatches made (by created_at), not cancelled since.
	Dispatched int `json:"dispatched"`
	// Completed is dispatches done (by done_at); Unpaid those with no payment recorded.
	Completed int `json:"completed"`
	Unpaid    int `json:"unpaid"`
	// NoShows and Disputes are dispatches by their start (the day the work was due).
	NoShows  int `json:"no_shows"`
	Disputes int `json:"disputes"`
	// WagesPaidFen is wages paid (by paid_at), in integer fen (分): 18000 is ¥180.00.
	WagesPaidFen int64 `json:"wages_paid_fen"`
	// MedianMinutesToDispatch is the median minutes from a job's posting to each dispatch
	// counted in dispatched; null when nothing was dispatched.
	MedianMinutesToDispatch *float64 `json:"median_minutes_to_dispatch"`
	// PriorityGroupDispatched is dispatched workers in a priority group (重点群体).
	PriorityGroupDispatched int `json:"priority_group_dispatched"`
	// ServiceVisits counts service visits by kind: guidance, assessment, interview, startup,
	// policy (all five keys always present).
	ServiceVisits map[string]int `json:"service_visits"`
	// SignIns is worker sign-ins at the station.
	SignIns int `json:"sign_ins"`
	// OpenIntoTomorrow is jobs still open or partly filled that start after To; OpenPlaces
	// their places not yet taken.
	OpenIntoTomorrow int `json:"open_into_tomorrow"`
	OpenPlaces       int `json:"open_places"`
	// StillOpen is dispatches whose work ended by the period's end (or now) but that are still
	// dispatched or checked in, however old: they are in no completed, wage or no-show figure yet.
	StillOpen int `json:"still_open"`
	// RightsCasesOpened is rights cases (权益维护) opened; RightsCasesResolved cases whose
	// resolution falls in the period and that are still resolved.
	RightsCasesOpened   int `json:"rights_cases_opened"`
	RightsCasesResolved int `json:"rights_cases_resolved"`
	// TrainingReferrals is workers referred to a training offer.
	TrainingReferrals int `json:"training_referrals"`
	// InsuredDispatches is dispatches made (by created_at), not cancelled, covered by accident
	// insurance (零工保): a part of dispatched.
	InsuredDispatches int `json:"insured_dispatches"`
	// BelowGuideJobs is jobs posted paying under the guide pay or the minimum hourly wage,
	// confirmed by staff with a reason: a part of jobs_posted.
	BelowGuideJobs int `json:"below_guide_jobs"`
	// ByTrade and ByCommunity split the job and dispatch figures by the job's trade and
	// community; only those with something in them are listed.
	ByTrade     []JSONArea `json:"by_trade"`
	ByCommunity []JSONArea `json:"by_community"`
	// Fairness is how evenly the period's work was shared (fairness.go); Fairness30Days the
	// same over the 30 days that end with it.
	Fairness       JSONFairness `json:"fairness"`
	Fairness30Days JSONFairness `json:"fairness_30_days"`
	// Fairs are the job fairs held in the period (fairs_files.go); absent when none was.
	Fairs *JSONFairs `json:"fairs,omitempty"`
	// SelfService is the workers' self-service terminal's figures (self.go); absent when it
	// was not used in the period or those it is compared with.
	SelfService *JSONSelf `json:"self_service,omitempty"`
}

// JSONArea is one trade's or community's figures.
type JSONArea struct {
	// ID is the trade's or place's id; 0 is jobs without a community.
	ID int64 `json:"id"`
	// Code is the trade's code (e.g. "plumbing"); empty for a community.
	Code string `json:"code,omitempty"`
	// Name is the trade's or community's name in the report's language.
	Name string `json:"name"`
	// Area is the community's sub-district or town; empty for a trade.
	Area               string `json:"area,omitempty"`
	JobsPosted         int    `json:"jobs_posted"`
	HeadcountRequested int    `json:"headcount_requested"`
	PlacesAsked        int    `json:"places_asked"`
	PlacesFilled       int    `json:"places_filled"`
	UnfilledPlaces     int    `json:"unfilled_places"`
	MissedPlaces       int    `json:"missed_places"`
	Dispatched         int    `json:"dispatched"`
	Completed          int    `json:"completed"`
	WagesPaidFen       int64  `json:"wages_paid_fen"`
}

// JSON builds the JSON form of the period's figures.
func (d *Doc) JSON() JSON {
	f := d.Sum.Cur
	j := JSON{Date: d.Sum.Day, From: f.From, To: f.To, WorkersRegistered: f.WorkersRegistered, WorkersByChannel: map[string]int{},
		EmployersRegistered: f.EmployersRegistered, JobsPosted: f.JobsPosted, HeadcountRequested: f.HeadcountRequested,
		CancelledJobs: f.CancelledJobs, CancelledPlaces: f.CancelledPlaces, PlacesAsked: f.PlacesAsked,
		PlacesFilled: f.PlacesFilled, FilledJobs: f.FilledJobs, UnfilledPlaces: f.UnfilledPlaces, MissedPlaces: f.MissedPlaces,
		FillRate: math.Round(f.FillRate()*10000) / 10000, Dispatched: f.Dispatched, Completed: f.Completed, Unpaid: f.Unpaid,
		NoShows: f.NoShows, Disputes: f.Disputes, WagesPaidFen: f.WagesPaidFen, PriorityGroupDispatched: f.PriorityDispatched,
		ServiceVisits: map[string]int{}, SignIns: f.SignIns, OpenIntoTomorrow: f.OpenIntoTomorrow, OpenPlaces: f.OpenPlaces,
		StillOpen: d.Sum.StillOpenCount, ByTrade: []JSONArea{}, ByCommunity: []JSONArea{}}
	j.Fairness, j.Fairness30Days = fairnessJSON(d.Sum.Fairness), fairnessJSON(d.Sum.Fairness30)
	r := d.Rights.Cur
	j.RightsCasesOpened, j.RightsCasesResolved, j.TrainingReferrals = r.CasesOpened, r.CasesResolved, r.TrainingReferrals
	j.InsuredDispatches, j.BelowGuideJobs = r.InsuredDispatches, r.BelowGuideJobs
	j.Fairs = d.fairsJSON()
	j.SelfService = d.selfJSON()
	for _, ch := range []store.Channel{store.ByCounter, store.ByPhone, store.Online} {
		j.WorkersByChannel[string(ch)] = f.WorkersByChannel[ch]
	}
	for _, k := range store.VisitKinds {
		j.ServiceVisits[string(k)] = f.Visits[k]
	}
	if m := f.MedianMinutesToDispatch; m >= 0 {
		j.MedianMinutesToDispatch = &m
	}
	for _, trades := range []bool{true, false} {
		for _, a := range d.Areas(trades) {
			ja := JSONArea{ID: a.ID, Code: a.Code, Name: a.Name, Area: a.Area, JobsPosted: a.JobsPosted, HeadcountRequested: a.HeadcountRequested,
				PlacesAsked: a.PlacesAsked, PlacesFilled: a.PlacesFilled, UnfilledPlaces: a.UnfilledPlaces, MissedPlaces: a.MissedPlaces, Dispatched: a.Dispatched, Completed: a.Completed, WagesPaidFen: a.WagesPaidFen}
			if trades {
				j.ByTrade = append(j.ByTrade, ja)
			} else {
				j.ByCommunity = append(j.ByCommunity, ja)
			}
		}
	}
	return j
}

// WriteJSON writes the JSON report, indented.
func (d *Doc) WriteJSON(w io.Writer) error { return EncodeJSON(w, d.JSON()) }

// EncodeJSON writes v as the files and commands write JSON: indented by two spaces, one value
// a line, and <, > and & left as they are (the readers are scripts and spreadsheets, not pages).
func EncodeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// WriteCSV writes the report's tables one after another, a blank line between them: the
// figures, by trade, by community. Money is in 元 with two decimals, rates as fractions.
func (d *Doc) WriteCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	for i, t := range d.Tables() {
		if i > 0 {
			cw.Write(nil)
		}
		cw.Write([]string{SafeCSV(t.Title)})
		cw.Write(safeRow(t.Head))
		for _, r := range t.Rows {
			cells := make([]string, len(r))
			for k, c := range r {
				cells[k] = c.csv()
			}
			cw.Write(cells)
		}
	}
	cw.Flush()
	return cw.Error()
}

// Cell is one value of a report table; numbers stay numbers until they are written.
type Cell struct {
	Text  string
	Num   float64
	Unit  Unit
	IsNum bool
	Width int // a cell's preferred column width in an xlsx, in characters
}

func text(s string) Cell { return Cell{Text: s} }
func num(v float64, u Unit) Cell {
	if math.IsNaN(v) {
		return text("-")
	}
	return Cell{Num: v, Unit: u, IsNum: true}
}

func (c Cell) csv() string {
	if !c.IsNum {
		return SafeCSV(c.Text)
	}
	switch c.Unit {
	case Money:
		return valid.FormatYuan(int64(math.Round(c.Num)))
	case Rate:
		return fmt.Sprintf("%.4f", c.Num)
	case Minutes:
		if c.Num < 0 {
			return ""
		}
		return fmt.Sprintf("%.1f", c.Num)
	}
	if c.Num == math.Trunc(c.Num) {
		return fmt.Sprintf("%.0f", c.Num)
	}
	return fmt.Sprintf("%.2f", c.Num)
}

// Table is one table of a report: a sheet of the xlsx, a block of the CSV.
type Table struct {
	Sheet string // sheet name (at most 31 characters)
	Title string
	Head  []string
	Rows  [][]Cell
}

// Tables are the report's tables in order.
func (d *Doc) Tables() []Table {
	t := d.Cat.T
	figs := Table{Sheet: t("report.sheet.figures"), Title: d.Title(),
		Head: []string{t("report.col.figure"), d.CurHeader(), d.PrevHeader(), d.AvgHeader()}}
	for _, l := range d.Lines() {
		label := d.Label(l)
		if l.Sub {
			label = "  " + label
		}
		figs.Rows = append(figs.Rows, []Cell{text(label), num(l.Cur, l.Unit), num(l.Prev, l.Unit), num(l.Avg, l.Unit)})
	}
	// as of now, not per period: no comparison
	figs.Rows = append(figs.Rows, []Cell{text(t("report.fig.still_open")), num(float64(d.Sum.StillOpenCount), Count), text(""), text("")})
	tables := []Table{figs}
	for _, trades := range []bool{true, false} {
		tb := Table{Sheet: t("report.sheet.by_trade"), Title: t("report.section.by_trade"), Head: []string{t("report.col.trade")}}
		if !trades {
			tb = Table{Sheet: t("report.sheet.by_community"), Title: t("report.section.by_community"),
				Head: []string{t("report.col.area"), t("report.col.community")}}
		}
		for _, h := range AreaHeaders {
			tb.Head = append(tb.Head, t("report.fig."+h))
		}
		for _, a := range d.Areas(trades) {
			row := []Cell{text(a.Name)}
			if !trades {
				row = []Cell{text(a.Area), text(a.Name)}
			}
			row = append(row, num(float64(a.JobsPosted), Count), num(float64(a.PlacesAsked), Count), num(float64(a.PlacesFilled), Count),
				num(float64(a.UnfilledPlaces), Count), num(float64(a.Dispatched), Count), num(float64(a.Completed), Count),
				num(float64(a.WagesPaidFen), Money))
			tb.Rows = append(tb.Rows, row)
		}
		tables = append(tables, tb)
	}
	hours := Table{Sheet: t("report.sheet.by_hour"), Title: t("report.section.by_hour"), Head: []string{t("report.col.hour"), t("report.fig.jobs_posted")}}
	for h, n := range d.Sum.Cur.JobsByHour {
		hours.Rows = append(hours.Rows, []Cell{text(fmt.Sprintf("%02d:00", h)), num(float64(n), Count)})
	}
	trend := Table{Sheet: t("report.sheet.trend"), Title: t("report.section.trend"), Head: []string{t("report.col.date"), t("report.fig.dispatched")}}
	for _, c := range d.Sum.Trend {
		trend.Rows = append(trend.Rows, []Cell{text(c.Day), num(float64(c.Count), Count)})
	}
	open := Table{Sheet: t("report.sheet.open"), Title: t("report.section.open", d.Sum.Cur.OpenIntoTomorrow),
		Head: []string{t("report.col.job"), t("report.col.starts"), t("report.col.trade"), t("report.fig.headcount_requested"),
			t("report.col.filled"), t("report.col.employer"), t("report.col.community"), t("report.col.urgent")}}
	for _, o := range d.Sum.Open {
		urgent := ""
		if o.Urgent {
			urgent = t("report.urgent")
		}
		open.Rows = append(open.Rows, []Cell{num(float64(o.JobID), Count), text(o.StartsAt.In(d.Sum.Now.Location()).Format("2006-01-02 15:04")),
			text(d.TradeName(o.TradeID)), num(float64(o.Headcount), Count), num(float64(o.Filled), Count), text(o.Employer),
			text(d.PlaceName(o.CommunityID)), text(urgent)})
	}
	issues := Table{Sheet: t("report.sheet.issues"), Title: t("report.section.issues"),
		Head: []string{t("report.col.issue"), t("report.col.job"), t("report.col.starts"), t("report.col.trade"), t("report.col.worker"),
			t("report.col.employer"), t("report.col.agreed"), t("report.col.paid"), t("report.col.note")}}
	for _, is := range d.Sum.Issues {
		kind := t("report.issue." + string(is.Kind))
		if is.Kind == store.IssueDispute && is.Resolved {
			kind += " (" + t("report.issue.resolved") + ")"
		}
		issues.Rows = append(issues.Rows, []Cell{text(kind), num(float64(is.JobID), Count),
			text(is.StartsAt.In(d.Sum.Now.Location()).Format("2006-01-02 15:04")), text(d.TradeName(is.TradeID)), text(is.Worker),
			text(is.Employer), num(float64(is.AgreedPayFen), Money), num(float64(is.PaidFen), Money), text(is.Note)})
	}
	unmet := Table{Sheet: t("report.sheet.unmet"), Title: t("report.section.unmet"), Head: []string{t("report.col.trade"), t("report.col.missed")}}
	for _, a := range d.Unmet() {
		unmet.Rows = append(unmet.Rows, []Cell{text(d.TradeName(a.ID)), num(float64(a.MissedPlaces), Count)})
	}
	head, lines := d.Notes()
	notes := Table{Sheet: t("report.sheet.notes"), Title: head, Head: []string{t("report.sheet.notes")}}
	for _, n := range lines {
		notes.Rows = append(notes.Rows, []Cell{text(n)})
	}
	tables = append(tables, hours, trend, d.stillOpenTable(), open, issues, unmet)
	return append(append(append(tables, d.fairnessTables()...), d.fairTables()...), notes)
}

// FileName is the report's default file name: 日报-2026-11-28.xlsx, summary-2026-11-28.csv …
func (d *Doc) FileName(format string) string {
	f := d.Sum.Cur
	name := d.Cat.T("report.file." + string(d.Sum.Span))
	if f.From == f.To {
		return name + "-" + f.From + "." + format
	}
	return name + "-" + f.From + "_" + f.To + "." + format
}

// dayTime formats a Unix time in the station's zone.
func dayTime(v any, loc *time.Location) string {
	n, ok := v.(int64)
	if !ok {
		return ""
	}
	return time.Unix(n, 0).In(loc).Format("2006-01-02 15:04")
}

// WriteFile writes a file through fill next to path and renames it into place, so nobody
// sees half a file and a failed write leaves an older file as it was. The folder is made
// when missing.
func WriteFile(path string, fill func(io.Writer) error) error {
	fail := func(err error) error {
		return &store.Error{Code: store.Invalid, Key: "report.write", Field: "out", Detail: path, Err: err}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fail(err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".gigdesk-*.tmp")
	if err != nil {
		return fail(err)
	}
	defer os.Remove(f.Name())
	if err := fill(f); err != nil {
		f.Close()
		if store.AsError(err) != nil {
			return err
		}
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fail(err)
	}
	return nil
}
