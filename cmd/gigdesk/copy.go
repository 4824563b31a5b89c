package main

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// copy: a whole station from one database into an empty one (SQLite ⇄ PostgreSQL); the store
// does the copying and refusing, this only reads the flags and prints the rows per table.
func init() { subcommands["copy"] = cmdCopy }

func cmdCopy(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "copy")
	from := fs.String("from", "", "flag.copy.from")
	to := fs.String("to", "", "flag.copy.to")
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	cat := i18n.New(env.Lang)
	if *from == "" || *to == "" {
		fmt.Fprintln(env.Stderr, cat.T("copy.usage"))
		return errQuiet
	}
	if store.IsPostgresURL(*to) || !strings.Contains(*to, "://") { // a bad address makes no folder
		env.logBeside(*to)
	}
	counts, err := store.Copy(ctx, *from, *to, nil, store.WithClock(env.Now), store.WithLogger(env.Log.Slog()), store.WithLocalDir(dataDir()))
	if err != nil {
		return err
	}
	var rows int64
	slices.SortFunc(counts, func(a, b store.CopyCount) int { return strings.Compare(a.Table, b.Table) }) // read by name
	for _, c := range counts {
		fmt.Fprintln(env.Stdout, cat.T("copy.table", c.Table, c.Rows))
		rows += c.Rows
	}
	fmt.Fprintln(env.Stdout, cat.T("copy.done", shownDB(*from), shownDB(*to), len(counts), rows))
	env.Log.Event("copy done", "tables", len(counts), "rows", rows)
	return nil
}
