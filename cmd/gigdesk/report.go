package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"path/filepath"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

func init() { subcommands["report"] = runReport }

// runReport writes the figures of a day or a run of days for the district bureau.
func runReport(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "report")
	db := dbFlag(fs)
	date := fs.String("date", "", "flag.report.date")
	to := fs.String("to", "", "flag.report.to")
	format := fs.String("format", "text", "flag.report.format")
	out := fs.String("out", "", "flag.report.out")
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	switch *format {
	case "text", "csv", "json", "xlsx":
	default:
		return &store.Error{Code: store.Invalid, Key: "report.format", Field: "format", Detail: *format}
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	from := *date
	if from == "" {
		from = s.Today()
	}
	last := *to
	if last == "" {
		last = from
	}
	sum, err := s.SummaryRange(ctx, from, last)
	if err != nil {
		return err
	}
	doc, err := newDoc(ctx, s, env.Lang, sum)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	switch *format {
	case "text":
		err = doc.WriteText(&buf)
	case "csv":
		buf.WriteString(report.BOM)
		err = doc.WriteCSV(&buf)
	case "json":
		err = doc.WriteJSON(&buf)
	case "xlsx":
		err = doc.WriteXLSX(&buf)
		if *out == "" {
			*out = doc.FileName("xlsx")
		}
	}
	if err != nil {
		return err
	}
	if *out == "" {
		_, err = env.Stdout.Write(buf.Bytes())
		return err
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	// the report names workers and employers: an erase later lists this file
	if err := s.NoteReportFile(ctx, 0, absPath(*out), from, last); err != nil {
		return err
	}
	fmt.Fprintln(env.Stderr, doc.Cat.T("report.written", *out))
	return nil
}

// newDoc gathers what a report needs besides the figures: the station's name, trades and places.
func newDoc(ctx context.Context, s *store.Store, lang i18n.Lang, sum store.Summary) (*report.Doc, error) {
	st, err := s.Settings(ctx)
	if err != nil {
		return nil, err
	}
	rec, err := s.Catalog(ctx)
	if err != nil {
		return nil, err
	}
	rights, err := report.LoadRights(ctx, s, sum)
	if err != nil {
		return nil, err
	}
	fairs, err := report.LoadFairs(ctx, s, sum)
	if err != nil {
		return nil, err
	}
	return &report.Doc{Cat: i18n.New(lang), Rec: rec, Station: st.StationName, Sum: sum, Rights: rights, Fairs: fairs, Made: s.Now()}, nil
}

// absPath is path made absolute for the audit log, so an erase names the file wherever it is run.
func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// writeFileAtomic writes data to path through report.WriteFile.
func writeFileAtomic(path string, data []byte) error {
	return report.WriteFile(path, func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
}
