package main

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// backup, restore and check: the station's safety net, runnable while the counter keeps working.
func init() {
	subcommands["backup"] = cmdBackup
	subcommands["restore"] = cmdRestore
	subcommands["check"] = cmdCheck
}

func cmdBackup(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "backup")
	db := dbFlag(fs)
	to := fs.String("to", "", "folder for the backup (default: the folder \"backups\" next to the database)")
	keep := fs.Int("keep", 0, "then keep only the newest N backups in that folder (default: the station's setting)")
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	dir := *to
	if dir == "" {
		dir = store.BackupDir(*db)
	}
	b, err := s.Backup(ctx, dir)
	if err != nil {
		return err
	}
	kept := *keep
	if kept <= 0 {
		st, err := s.Settings(ctx)
		if err != nil {
			return err
		}
		kept = st.BackupsKept
	}
	if _, err := store.PruneBackups(dir, kept, s.Location()); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, i18n.New(env.Lang).T("backup.done", b.Path))
	return nil
}

func cmdRestore(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "restore")
	db := dbFlag(fs)
	from := fs.String("from", "", "the backup file to restore")
	force := fs.Bool("force", false, "replace an existing database (it is kept aside, renamed with the time)")
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if *from == "" {
		return usageErr("err.cli.need", "--from FILE")
	}
	now := env.Now().In(store.Shanghai)
	env.logBeside(*db)
	aside, err := store.Restore(ctx, *from, *db, *force, now)
	if err != nil {
		return err
	}
	env.Log.Event("restore done", "from", filepath.Base(*from), "kept_aside", aside != "")
	cat := i18n.New(env.Lang)
	fmt.Fprintln(env.Stdout, cat.T("backup.restored", *from, *db))
	if aside != "" {
		fmt.Fprintln(env.Stdout, cat.T("backup.aside", aside))
	}
	return nil
}

// errDamaged makes check exit non-zero after it has printed its one line.
var errDamaged = fmt.Errorf("damaged: %w", errQuiet)

func cmdCheck(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "check")
	db := dbFlag(fs)
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	cat := i18n.New(env.Lang)
	rep, err := store.CheckFile(ctx, *db)
	if err != nil {
		return err
	}
	if rep.OK() {
		if err := checkWorkerPool(ctx, env, *db, cat); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, cat.T("backup.check_ok", *db))
		printRecentErrors(env.Stdout, cat, *db, true)
		return nil
	}
	line := cat.T("backup.check_bad", *db, rep.Summary())
	if b, ok := store.LatestBackup(store.BackupDir(*db), store.Shanghai); ok {
		line += " " + strings.ReplaceAll(cat.T("backup.what_to_do", *db, b.Path), "\n", " ")
	}
	fmt.Fprintln(env.Stdout, line)
	printRecentErrors(env.Stdout, cat, *db, false)
	return errDamaged
}
