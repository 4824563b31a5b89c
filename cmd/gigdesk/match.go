package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"gigdesk/store"
	"gigdesk/store/match"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
	"gigdesk/tui/slip"
)

// match, plan and slip: ranking, the day plan and the dispatch slip for scripts and checks.
func init() {
	subcommands["match"] = cmdMatch
	subcommands["plan"] = cmdPlan
	subcommands["slip"] = cmdSlip
}

// factorJSON is a candidate's points per factor: one key per match.FactorKeys, in that order.
type factorJSON []match.Factor

func (fs factorJSON) MarshalJSON() ([]byte, error) {
	points := make(map[string]int, len(fs))
	for _, f := range fs {
		points[f.Key] = f.Points
	}
	b := []byte{'{'}
	for i, k := range match.FactorKeys {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendQuote(b, k)
		b = append(b, ':')
		b = strconv.AppendInt(b, int64(points[k]), 10)
	}
	return append(b, '}'), nil
}

type matchJobJSON struct {
	Number    int64     `json:"number"`
	Trade     string    `json:"trade"`
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Headcount int       `json:"headcount"`
	Filled    int       `json:"filled"`
	Status    string    `json:"status"`
}

type candidateJSON struct {
	Rank      int        `json:"rank"`
	Worker    int64      `json:"worker"`
	Score     int        `json:"score"`
	Requested bool       `json:"requested,omitempty"`
	Related   bool       `json:"related,omitempty"`
	Factors   factorJSON `json:"factors"`
}

type matchJSON struct {
	Job        matchJobJSON    `json:"job"`
	Considered int             `json:"considered"`
	Weights    match.Weights   `json:"weights"`
	Candidates []candidateJSON `json:"candidates"`
}

func formatFlag(fs *flag.FlagSet) *string {
	return fs.String("format", "text", "flag.match.format")
}

func checkFormat(f string) error {
	if f != "text" && f != "json" {
		return usageErr("err.cli.format", f)
	}
	return nil
}

func cmdMatch(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "match")
	db := dbFlag(fs)
	job := fs.Int64("job", 0, "flag.match.job")
	limit := fs.Int("limit", 20, "flag.match.limit")
	format := formatFlag(fs)
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	if *job <= 0 {
		return usageErr("err.cli.need", "--job N")
	}
	if *limit < 0 {
		return usageErr("err.cli.limit")
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	r, err := s.RankForJob(ctx, *job, *limit)
	if err != nil {
		return err
	}
	cat := i18n.New(env.Lang)
	rec, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	out := matchJSON{
		Job: matchJobJSON{Number: r.Job.ID, Trade: tradeCode(rec, r.Job.TradeID), Start: r.MatchJob.Start, End: r.MatchJob.End,
			Headcount: r.Job.Headcount, Filled: r.Job.Filled, Status: string(r.Job.Status)},
		Considered: r.Pool,
		Weights:    r.Weights,
		Candidates: []candidateJSON{},
	}
	for i, c := range r.Candidates {
		out.Candidates = append(out.Candidates, candidateJSON{Rank: i + 1, Worker: c.WorkerID, Score: c.Score,
			Requested: c.Requested, Related: c.Related, Factors: factorJSON(c.Factors)})
	}
	if *format == "json" {
		return report.EncodeJSON(env.Stdout, out)
	}
	fmt.Fprintln(env.Stdout, cat.T("match.cli.job", r.Job.ID, tradeName(cat, rec, r.Job.TradeID), cat.When(r.MatchJob.Start, s.Now()),
		cat.Duration(r.Job.Duration), r.Job.Filled, r.Job.Headcount, cat.T("match.status."+string(r.Job.Status))))
	fmt.Fprintln(env.Stdout, cat.T("match.cli.considered", r.Pool, len(r.Candidates)))
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	head := []string{"#", cat.T("match.col.worker"), cat.T("match.col.name"), cat.T("match.col.score")}
	for _, k := range match.FactorKeys {
		head = append(head, cat.T("match.factor.short."+k))
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for i, c := range r.Candidates {
		row := []string{fmt.Sprint(i + 1), fmt.Sprint(c.WorkerID), r.Workers[c.WorkerID].Name, fmt.Sprint(c.Score)}
		for _, f := range c.Factors {
			row = append(row, fmt.Sprint(f.Points))
		}
		fmt.Fprintln(tw, strings.Join(row, "\t"))
	}
	return tw.Flush()
}

func tradeCode(rec *store.Catalog, id int64) string {
	if t, ok := rec.Trade(id); ok {
		return t.Code
	}
	return fmt.Sprint(id)
}

func tradeName(cat *i18n.Catalog, rec *store.Catalog, id int64) string {
	if t, ok := rec.Trade(id); ok {
		return cat.Trade(t)
	}
	return fmt.Sprint(id)
}

type planJobJSON struct {
	Number    int64  `json:"number"`
	Trade     string `json:"trade"`
	Start     string `json:"start"`
	Remaining int    `json:"remaining"`
}

type assignmentJSON struct {
	Job    int64 `json:"job"`
	Worker int64 `json:"worker"`
	Score  int   `json:"score"`
}

type planJSON struct {
	Date        string           `json:"date"`
	Jobs        []planJobJSON    `json:"jobs"`
	Considered  int              `json:"considered"`
	Assignments []assignmentJSON `json:"assignments"`
	Total       int              `json:"total"`
}

func cmdPlan(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "plan")
	db := dbFlag(fs)
	date := fs.String("date", "", "flag.match.date")
	format := formatFlag(fs)
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	day := *date
	if day == "" {
		day = s.Today()
	}
	p, err := s.PlanDay(ctx, day)
	if err != nil {
		return err
	}
	rec := p.Context.Catalog
	out := planJSON{Date: p.Date, Jobs: []planJobJSON{}, Considered: len(p.Pool.Workers), Assignments: []assignmentJSON{}, Total: p.Proposal.Total}
	for _, j := range p.Jobs {
		out.Jobs = append(out.Jobs, planJobJSON{Number: j.Job.ID, Trade: tradeCode(rec, j.Job.TradeID),
			Start: j.Job.StartsAt.In(s.Location()).Format(time.RFC3339), Remaining: j.Remaining})
	}
	for _, a := range p.Proposal.Assignments {
		out.Assignments = append(out.Assignments, assignmentJSON{Job: a.JobID, Worker: a.WorkerID, Score: a.Score})
	}
	if *format == "json" {
		return report.EncodeJSON(env.Stdout, out)
	}
	cat := i18n.New(env.Lang)
	fmt.Fprintln(env.Stdout, cat.T("plan.cli.head", p.Date, len(p.Jobs), len(p.Pool.Workers)))
	tw := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join([]string{cat.T("plan.col.job"), cat.T("plan.col.trade"), cat.T("plan.col.start"), cat.T("plan.col.worker"), cat.T("match.col.score")}, "\t"))
	jobs := map[int64]store.Job{}
	for _, j := range p.Jobs {
		jobs[j.Job.ID] = j.Job
	}
	for _, a := range p.Proposal.Assignments {
		j := jobs[a.JobID]
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t%d\n", a.JobID, tradeName(cat, rec, j.TradeID), j.StartsAt.In(s.Location()).Format("15:04"), a.WorkerID, a.Score)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, cat.T("plan.cli.total", len(p.Proposal.Assignments), p.Proposal.Total))
	return nil
}

func cmdSlip(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "slip")
	db := dbFlag(fs)
	id := fs.Int64("dispatch", 0, "flag.match.dispatch")
	outPath := fs.String("out", "", "flag.match.out")
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if *id <= 0 {
		return usageErr("err.cli.need", "--dispatch N")
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	d, err := s.DispatchSlip(ctx, 0, *id)
	if err != nil {
		return err
	}
	st, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	rec, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	cat := i18n.New(env.Lang)
	text := slip.Slip{Station: st, Dispatch: d, Records: rec, Staff: cat.T("slip.by_command"), Printed: s.Now()}.Text(cat)
	if *outPath == "" {
		_, err := io.WriteString(env.Stdout, text)
		return err
	}
	if err := slip.Save(*outPath, text); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, cat.T("slip.saved", *outPath))
	return nil
}
