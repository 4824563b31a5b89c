package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"gigdesk/store"
	"gigdesk/store/sim"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
)

func init() { subcommands["simulate"] = runSimulate }

// simStart is the first simulated day unless --start says otherwise: a fixed Monday, so one
// seed is one month whenever it is run.
const simStart = "2026-11-02"

// runSimulate plays a month of the demo town under each policy and prints their figures.
func runSimulate(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "simulate")
	days := fs.Int("days", 30, "flag.simulate.days")
	seed := fs.Uint64("seed", 1, "flag.simulate.seed")
	policy := fs.String("policy", "", "flag.simulate.policy")
	format := fs.String("format", "text", "flag.simulate.format")
	start := fs.String("start", simStart, "flag.simulate.start")
	weights := fs.String("weights", "", "flag.simulate.weights")
	workers := fs.Int("workers", 0, "flag.simulate.workers")
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return &store.Error{Code: store.Invalid, Key: "sim.format", Field: "format", Detail: *format}
	}
	policies := sim.Policies
	if *policy != "" {
		p, ok := sim.ParsePolicy(*policy)
		if !ok {
			return &store.Error{Code: store.Invalid, Key: "sim.policy", Field: "policy", Detail: *policy}
		}
		policies = []sim.Policy{p}
	}
	first, err := time.ParseInLocation(time.DateOnly, *start, store.Shanghai)
	if err != nil {
		return &store.Error{Code: store.Invalid, Key: "sim.start", Field: "start", Detail: *start}
	}
	wt, err := store.ParseWeights(*weights)
	if *weights == "before" {
		wt, err = sim.ReferenceWeights(), nil
	}
	if err != nil {
		return err
	}
	if *days < 1 || *days > sim.MaxDays {
		return &store.Error{Code: store.Invalid, Key: "sim.days", Field: "days", Detail: fmt.Sprint(*days)}
	}
	cat, err := seededCatalog(ctx, env)
	if err != nil {
		return err
	}
	m, err := sim.NewMonth(sim.Options{Days: *days, Seed: *seed, Start: first, Workers: *workers}, cat, store.Shanghai)
	if err != nil {
		return err
	}
	var results []sim.Result
	for _, p := range policies {
		results = append(results, m.Run(p, wt))
	}
	var buf bytes.Buffer
	if *format == "json" {
		err = writeSimJSON(&buf, m.Options(), results)
	} else {
		err = writeSimText(&buf, i18n.New(env.Lang), m.Options(), results)
	}
	if err != nil {
		return err
	}
	_, err = env.Stdout.Write(buf.Bytes())
	return err
}

// seededCatalog reads the trades and places every new station starts with, from a database
// made for the purpose in a temp folder and removed at once.
func seededCatalog(ctx context.Context, env *Env) (*store.Catalog, error) {
	dir, err := os.MkdirTemp("", "gigdesk-sim-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	s, err := store.Open(filepath.Join(dir, "sim.db"), store.WithClock(env.Now))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	return s.Catalog(ctx)
}

// simJSON is the json output: the month's options and each policy's figures and days worked.
type simJSON struct {
	Days       int          `json:"days"`
	Seed       uint64       `json:"seed"`
	Start      string       `json:"start"`
	Workers    int          `json:"workers"`
	Employers  int          `json:"employers"`
	MinSignIns int          `json:"gini_min_sign_in_days"`
	Policies   []sim.Result `json:"policies"`
	DaysWorked [][]int      `json:"days_worked"` // per policy, per worker signed in ≥ MinSignIns days, by worker ID
}

func writeSimJSON(w io.Writer, o sim.Options, rs []sim.Result) error {
	out := simJSON{Days: o.Days, Seed: o.Seed, Start: o.Start.Format(time.DateOnly), Workers: o.Workers,
		Employers: o.Employers, MinSignIns: o.MinSignIns, Policies: rs}
	for i := range rs {
		out.DaysWorked = append(out.DaysWorked, rs[i].DaysWorked(o.MinSignIns))
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// simRow is one figure across the policies.
type simRow struct {
	key  string
	cell func(r *sim.Result) string
}

func pct(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }

var simRows = []simRow{
	{"sim.row.asked", func(r *sim.Result) string { return fmt.Sprint(r.PlacesAsked) }},
	{"sim.row.fill", func(r *sim.Result) string { return pct(r.FillRate) }},
	{"sim.row.unfilled", func(r *sim.Result) string { return fmt.Sprint(r.Unfilled) }},
	{"sim.row.median", func(r *sim.Result) string { return fmt.Sprintf("%.0f", r.MedianMinutes) }},
	{"sim.row.calls", func(r *sim.Result) string { return fmt.Sprintf("%.2f", r.CallsPerFilled) }},
	{"sim.row.gini", func(r *sim.Result) string { return fmt.Sprintf("%.3f", r.Gini) }},
	{"sim.row.prio_disp", func(r *sim.Result) string { return pct(r.Shares.Priority.ShareOfDispatches) }},
	{"sim.row.prio_signin", func(r *sim.Result) string { return pct(r.Shares.Priority.ShareOfSignIns) }},
	{"sim.row.waiting", func(r *sim.Result) string { return fmt.Sprint(r.Waiting) }},
	{"sim.row.same_comm", func(r *sim.Result) string { return pct(r.Distances.Share(0)) }},
	{"sim.row.same_sub", func(r *sim.Result) string { return pct(r.Distances.Share(1)) }},
	{"sim.row.same_dist", func(r *sim.Result) string { return pct(r.Distances.Share(2)) }},
	{"sim.row.mean_dist", func(r *sim.Result) string { return fmt.Sprintf("%.2f", r.Distances.Mean()) }},
	{"sim.row.no_shows", func(r *sim.Result) string { return fmt.Sprint(r.NoShows) }},
}

// writeSimText prints the table (figures down, policies across), what each policy is, and the chart.
func writeSimText(w io.Writer, c *i18n.Catalog, o sim.Options, rs []sim.Result) error {
	var b strings.Builder
	para := func(s string) { // the table is 80 cells wide: so is every line around it
		for _, l := range common.Wrap(s, 80) {
			fmt.Fprintln(&b, l)
		}
	}
	para(c.T("sim.title", o.Days, o.Seed, o.Workers, o.Employers))
	if len(rs) > 0 {
		js, _ := json.Marshal(rs[0].Weights)
		para(c.T("sim.weights", strings.ReplaceAll(string(js), ",", ", ")))
	}
	b.WriteString("\n")
	const label, col = 26, 9
	b.WriteString(common.Cell("", label))
	for _, r := range rs {
		b.WriteString(common.CellRight(c.T("sim.policy."+string(r.Policy)), col))
	}
	b.WriteString("\n")
	for _, row := range simRows {
		b.WriteString(common.Cell(c.T(row.key), label))
		for i := range rs {
			b.WriteString(common.CellRight(row.cell(&rs[i]), col))
		}
		b.WriteString("\n")
	}
	b.WriteString("\n")
	if len(rs) > 0 {
		para(c.T("sim.gini_note", o.MinSignIns, rs[0].GiniWorkers))
	}
	for _, r := range rs {
		fmt.Fprintln(&b, "  "+c.T("sim.about."+string(r.Policy)))
	}
	b.WriteString("\n")
	b.WriteString(simChart(c, o, rs))
	_, err := io.WriteString(w, b.String())
	return err
}
