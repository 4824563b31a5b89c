package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strconv"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// import workers: bring a station's existing spreadsheet in, all or nothing unless --skip-bad.
func init() { subcommands["import"] = cmdImport }

func cmdImport(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || args[0] != "workers" {
		return verbUsage(env, "cli.usage.import", args)
	}
	fs := flags(env, "import workers")
	db := dbFlag(fs)
	skipBad := fs.Bool("skip-bad", false, "flag.import.skip-bad")
	auth := authorityFlags(fs)
	lang := langFlag(fs, env)
	// the file may come before, between or after the flags
	var files []string
	for rest := args[1:]; ; {
		if err := parseFlags(fs, rest); err != nil {
			return err
		}
		if fs.NArg() == 0 {
			break
		}
		files, rest = append(files, fs.Arg(0)), fs.Args()[1:]
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if len(files) != 1 {
		return usageErr("err.cli.one_file")
	}
	file := files[0]
	cat := i18n.New(env.Lang)
	f, err := os.Open(file)
	if err != nil {
		return errors.New(cat.T("err.import.read") + " " + file)
	}
	defer f.Close()
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	staff, err := auth.signIn(ctx, env, s, store.RoleHead)
	if err != nil {
		return err
	}
	records, err := s.Catalog(ctx)
	if err != nil {
		return err
	}
	rows, problems, gbk, err := store.ParseWorkersCSV(f, records, s.Now())
	if e := store.AsError(err); e != nil && e.Key == "import.mixed" {
		u, _ := strconv.Atoi(e.Detail)
		return &worded{err: err, line: cat.Err(err) + " " + cat.T("import.mixed_lines", u, e.Ref)}
	}
	if err != nil {
		return err
	}
	if gbk {
		fmt.Fprintln(env.Stdout, cat.T("import.gbk"))
	}
	res, err := s.ImportWorkers(ctx, staff.ID, rows, problems, *skipBad)
	if err != nil {
		return err
	}
	env.Log.Event("import done", "added", res.Added, "merged", res.Merged, "refused", len(res.Problems), "saved", res.Saved)
	for _, p := range res.Problems {
		reason := cat.Err(&store.Error{Code: store.Invalid, Key: p.Key})
		if p.Key == "import.read" && p.Detail != "" {
			reason += " (" + p.Detail + ")"
		}
		fmt.Fprintln(env.Stdout, cat.T("import.refused", p.Line, reason))
	}
	if !res.Saved {
		return errors.New(cat.T("import.nothing", len(res.Problems)))
	}
	fmt.Fprintln(env.Stdout, cat.T("import.done", res.Added, res.Merged, len(res.Problems)))
	return nil
}
