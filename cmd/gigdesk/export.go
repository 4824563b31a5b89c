package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"strings"

	"gigdesk/store"
	"gigdesk/tui/i18n"
	"gigdesk/tui/report"
)

func init() { subcommands["export"] = runExport }

// runExport writes one table of records as CSV: workers, employers, jobs or dispatches.
// Phones and ID numbers are masked unless --full, which the audit log records.
func runExport(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || isHelp(args[0]) {
		return verbUsage(env, "cli.usage.export", args)
	}
	kindArg := ""
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		kindArg, args = args[0], args[1:]
	}
	kind, err := store.ParseExportKind(kindArg)
	if err != nil {
		return err
	}
	fs := flags(env, "export "+kindArg)
	db := dbFlag(fs)
	from := fs.String("from", "", "flag.export.from")
	to := fs.String("to", "", "flag.export.to")
	format := fs.String("format", "csv", "flag.export.format")
	out := fs.String("out", "", "flag.export.out")
	full := fs.Bool("full", false, "flag.export.full")
	auth := authorityFlags(fs)
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if *format != "csv" {
		return &store.Error{Code: store.Invalid, Key: "export.format", Field: "format", Detail: *format}
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	var by int64
	if *full {
		head, err := auth.signIn(ctx, env, s, store.RoleHead)
		if err != nil {
			return err
		}
		by = head.ID
	}
	rec, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	cat := i18n.New(env.Lang)
	req := store.ExportRequest{Kind: kind, From: *from, To: *to, Full: *full}
	if *out != "" {
		req.File = absPath(*out)
	}
	write := func(w io.Writer) (int, error) { return exportCSV(ctx, w, s, by, req, cat, rec) }
	if *out == "" {
		_, err := write(env.Stdout)
		return err
	}
	rows := 0
	err = report.WriteFile(*out, func(w io.Writer) error {
		n, err := write(w)
		rows = n
		return err
	})
	if err != nil {
		return err
	}
	env.Log.Event("export done", "kind", string(kind), "rows", rows, "full", *full)
	fmt.Fprintln(env.Stderr, cat.T("report.written_rows", *out, rows))
	return nil
}

// exportCSV writes the records of req to w as CSV and says how many rows it wrote.
func exportCSV(ctx context.Context, w io.Writer, s *store.Store, by int64, req store.ExportRequest, cat *i18n.Catalog, rec *store.Catalog) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	e, err := report.NewExportCSV(bw, cat, rec, s.Location(), req.Kind)
	if err != nil {
		return 0, err
	}
	if err := s.Export(ctx, by, req, e.Row); err != nil {
		return 0, err
	}
	if err := e.Close(); err != nil {
		return 0, err
	}
	return e.Rows, bw.Flush()
}
