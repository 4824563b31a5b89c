package main

import (
	"context"
	"fmt"
	"net/url"
	"os"
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
	to := fs.String("to", "", "flag.backup.to")
	keep := fs.Int("keep", 0, "flag.backup.keep")
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
	from := fs.String("from", "", "flag.backup.from")
	force := fs.Bool("force", false, "flag.backup.force")
	auth := authorityFlags(fs)
	lang := langFlag(fs, env)
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if store.IsPostgresURL(*db) { // pg_restore's job: say so and touch nothing
		_, err := store.Restore(ctx, *from, *db, *force, env.Now())
		return err
	}
	if *from == "" {
		return usageErr("err.cli.need", "--from FILE")
	}
	if _, err := os.Stat(*db); err == nil && !*force {
		return &store.Error{Code: store.Conflict, Key: "backup.would_overwrite", Detail: *db}
	}
	head, err := restoreAuthority(ctx, env, auth, *db, *from)
	if err != nil {
		return err
	}
	now := env.Now().In(store.Shanghai)
	env.logBeside(*db)
	res, err := store.Restore(ctx, *from, *db, *force, now)
	if err != nil {
		return err
	}
	env.Log.Event("restore done", "from", filepath.Base(*from), "kept_aside", res.Aside != "", "reapplied", len(res.Reapplied))
	if s, err := openStore(env, *db); err == nil {
		err = s.NoteRestore(ctx, head.Name, *from, len(res.Reapplied))
		s.Close()
		if err != nil {
			return err
		}
	}
	cat := i18n.New(env.Lang)
	fmt.Fprintln(env.Stdout, cat.T("backup.restored", *from, *db))
	if res.Aside != "" {
		fmt.Fprintln(env.Stdout, cat.T("backup.aside", res.Aside))
	}
	printReapplied(env.Stdout, cat, res.Reapplied)
	return nil
}

// restoreAuthority signs the station head in against the database being replaced or, when
// that cannot be opened (the usual reason to restore), against a scratch copy of the backup:
// then wrong PINs count only in that copy.
func restoreAuthority(ctx context.Context, env *Env, auth authority, dbPath, from string) (store.Staff, error) {
	if _, err := os.Stat(dbPath); err == nil {
		if s, err := store.Open(dbPath); err == nil {
			defer s.Close()
			return auth.signIn(ctx, env, s, store.RoleHead)
		}
	}
	dir, err := os.MkdirTemp("", "gigdesk-restore-")
	if err != nil {
		return store.Staff{}, err
	}
	defer os.RemoveAll(dir)
	scratch := filepath.Join(dir, "check.db")
	b, err := os.ReadFile(from)
	if err != nil {
		return store.Staff{}, &store.Error{Code: store.NotFound, Key: "backup.no_file", Detail: from, Err: err}
	}
	if err := os.WriteFile(scratch, b, 0o600); err != nil {
		return store.Staff{}, err
	}
	s, err := store.Open(scratch)
	if err != nil {
		return store.Staff{}, err
	}
	defer s.Close()
	return auth.signIn(ctx, env, s, store.RoleHead)
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
		fmt.Fprintln(env.Stdout, cat.T("backup.check_ok", shownDB(*db)))
		printRecentErrors(env.Stdout, cat, *db, true)
		return nil
	}
	line := cat.T("backup.check_bad", shownDB(*db), rep.Summary())
	if b, ok := store.LatestBackup(store.BackupDir(*db), store.Shanghai); ok {
		line += " " + strings.ReplaceAll(cat.T("backup.what_to_do", *db, b.Path, headArg(ctx, cat, b.Path)), "\n", " ")
	}
	fmt.Fprintln(env.Stdout, line)
	printRecentErrors(env.Stdout, cat, *db, false)
	return errDamaged
}

// headArg is the --by value a printed restore command names: the backup's station head.
func headArg(ctx context.Context, cat *i18n.Catalog, backup string) string {
	if name := store.HeadOf(ctx, backup); name != "" {
		return shellArg(name)
	}
	return cat.T("backup.head_placeholder")
}

// shownDB is the database as a line names it: the file, or a PostgreSQL URL without its password.
func shownDB(db string) string {
	if u, err := url.Parse(db); err == nil && store.IsPostgresURL(db) {
		return u.Redacted()
	}
	return db
}
