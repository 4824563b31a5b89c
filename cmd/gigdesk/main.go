// Command gigdesk is the counter desk of a neighbourhood gig-work station (零工驿站): the
// terminal UI by default, and subcommands (board, report, backup, restore, import, …) that
// work on the same station file.
//
// It only wires: it reads flags, opens the store and hands it to the UI or a subcommand. It
// holds no records' rules (store does) and draws no screen (tui does).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	"gigdesk/store"
	"gigdesk/store/oplog"
	"gigdesk/tui"
	"gigdesk/tui/i18n"
)

// Env is what a subcommand gets from the process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Now            func() time.Time
	Lang           i18n.Lang
	Command        string     // the subcommand, "ui" for the desk
	Log            *oplog.Log // opened beside the database by openStore or logBeside
	noLog          bool
	started        time.Time
}

// subcommands are registered by each command's own file (demo.go, report.go, …).
var subcommands = map[string]func(ctx context.Context, env *Env, args []string) error{}

// fillDemo fills an empty demo database; demo.go sets it.
var fillDemo func(ctx context.Context, s *store.Store) error

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	endProfile := startProfile()
	if err := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr); err != nil {
		endProfile()
		if errors.Is(err, errHelped) {
			os.Exit(0)
		}
		if !errors.Is(err, errQuiet) {
			fmt.Fprintln(os.Stderr, "gigdesk: "+err.Error())
		}
		os.Exit(1)
	}
	endProfile()
}

// errQuiet is returned when the message was already printed (flag errors).
var errQuiet = errors.New("already reported")

// errHelped is returned after --help printed what was asked for: the command stops, and the
// process ends well.
var errHelped = fmt.Errorf("help shown: %w", errQuiet)

// usageError is a mistake on the command line: a catalogue key and its arguments, worded in
// the language the command chose when it is printed.
type usageError struct {
	key  string
	args []any
}

func usageErr(key string, args ...any) error { return usageError{key: key, args: args} }

func (e usageError) Error() string { return i18n.New(i18n.En).T(e.key, e.args...) }

// worded is an error with its one printed line in the chosen language; it still unwraps to the
// store's error.
type worded struct {
	err  error
	line string
}

func (w *worded) Error() string { return w.line }
func (w *worded) Unwrap() error { return w.err }

// message turns err into one line in cat's language.
func message(cat *i18n.Catalog, err error) string {
	var ue usageError
	if errors.As(err, &ue) {
		return cat.T(ue.key, ue.args...)
	}
	if se := store.AsError(err); se != nil {
		msg := cat.Err(se)
		if se.Code == store.Internal && se.Err != nil && se.Key != "db.unreachable" { // that one names the server: enough
			msg += " (" + se.Err.Error() + ")"
		}
		if se.Detail != "" && (strings.HasPrefix(se.Key, "db.") || strings.HasPrefix(se.Key, "backup.") || strings.HasPrefix(se.Key, "copy.")) {
			msg += " " + se.Detail + restoreHint(cat, se)
		}
		return msg
	}
	return err.Error()
}

// restoreHint names, for a file too damaged to open, the latest backup and the exact command
// that restores it. A file that merely is not SQLite gets the hint only when backups of a
// gigdesk database sit beside it (its header was overwritten); otherwise it is someone else's.
func restoreHint(cat *i18n.Catalog, se *store.Error) string {
	if se.Key != "db.corrupt" && se.Key != "db.not_sqlite" {
		return ""
	}
	path := se.Detail
	b, ok := store.LatestBackup(store.BackupDir(path), store.Shanghai)
	switch {
	case ok && se.Key == "db.not_sqlite":
		return " " + cat.T("backup.maybe_damaged") + " " + cat.T("backup.restore_line", b.Path, b.Taken.Format("2006-01-02 15:04"), shellArg(path), shellArg(b.Path), headArg(context.Background(), cat, b.Path))
	case ok:
		return " " + cat.T("backup.restore_line", b.Path, b.Taken.Format("2006-01-02 15:04"), shellArg(path), shellArg(b.Path), headArg(context.Background(), cat, b.Path))
	case se.Key == "db.corrupt":
		return " " + cat.T("backup.no_backup")
	}
	return ""
}

// shellArg quotes a path with spaces so the printed command can be pasted as it is.
func shellArg(p string) string {
	if strings.ContainsAny(p, " \t'\"&;()") {
		return `"` + p + `"`
	}
	return p
}

// run runs the app or a subcommand; a failure comes back worded in the language the command
// chose (--lang), whichever command or store call it came from.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	env := &Env{Stdin: stdin, Stdout: stdout, Stderr: stderr, Now: time.Now, Lang: i18n.FromEnv(), Command: "ui", started: time.Now()}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		env.Command = args[0]
	}
	err := dispatch(ctx, env, args)
	var already *worded
	if err != nil && !errors.Is(err, errQuiet) && !errors.As(err, &already) {
		err = &worded{err: err, line: message(env.catalog(), err)}
	}
	env.stopLog(err)
	return err
}

func dispatch(ctx context.Context, env *Env, args []string) error {
	if now, err := testClock(os.Getenv("GIGDESK_NOW")); err != nil {
		return err
	} else if now != nil {
		env.Now = now
	}
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		name := args[0]
		if name == "version" {
			printVersion(env.Stdout)
			return nil
		}
		if name == "help" {
			usage(env, env.Stdout)
			return nil
		}
		cmd, ok := subcommands[name]
		if !ok {
			usage(env, env.Stderr)
			return usageErr("err.cli.command", name)
		}
		return cmd(ctx, env, args[1:])
	}
	return runUI(ctx, env, args)
}

// flags makes a FlagSet that reports errors on stderr instead of exiting.
func flags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { flagUsage(env, fs) }
	return fs
}

// langFlag adds --lang, defaulting to GIGDESK_LANG.
func langFlag(fs *flag.FlagSet, env *Env) *string {
	return fs.String("lang", string(env.Lang), "flag.lang")
}

func setLang(env *Env, s string) error {
	l, err := i18n.ParseLang(s)
	if err != nil {
		return err
	}
	env.Lang = l
	return nil
}

// dataDir is the user's data folder for gigdesk: XDG_DATA_HOME, %AppData% or the OS's own.
func dataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "gigdesk")
	}
	switch runtime.GOOS {
	case "windows":
		if d := os.Getenv("AppData"); d != "" {
			return filepath.Join(d, "gigdesk")
		}
	case "darwin":
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, "Library", "Application Support", "gigdesk")
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "gigdesk")
	}
	return "gigdesk-data"
}

// defaultDB is GIGDESK_DB, or gigdesk.db in the data folder.
func defaultDB() string {
	if p := os.Getenv("GIGDESK_DB"); p != "" {
		return p
	}
	return filepath.Join(dataDir(), "gigdesk.db")
}

// dbFlag adds --db with the default database path.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", defaultDB(), "flag.db")
}

// openStore opens path with the process clock, and the log beside it.
func openStore(env *Env, path string) (*store.Store, error) {
	return store.Open(path, store.WithClock(env.Now), store.WithLogger(env.logBeside(path).Slog()), store.WithLocalDir(dataDir()))
}

func runUI(ctx context.Context, env *Env, args []string) error {
	fs := flags(env, "gigdesk")
	db := fs.String("db", "", "flag.main.db")
	lang := langFlag(fs, env)
	demo := fs.Bool("demo", false, "flag.main.demo")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	path := *db
	if path == "" {
		path = defaultDB()
		if *demo {
			path = filepath.Join(dataDir(), "demo.db")
		}
	}
	var s *store.Store
	var err error
	if *demo {
		s, err = openDemo(ctx, env, path, *db == "")
	} else {
		s, err = openStore(env, path)
	}
	if err != nil {
		return err
	}
	defer s.Close()
	// Admin's counters show serve's host key when this station has served (the file beside the database)
	hostKey, _ := hostFingerprint(filepath.Join(filepath.Dir(s.Path()), hostKeyName))
	m := tui.New(tui.Options{Store: s, Lang: env.Lang, Now: env.Now, Demo: *demo, Log: env.Log, HostKey: hostKey})
	return runScreen(ctx, env, m, true)
}

// frameRate is how often the renderer may draw. Bubble Tea's default 60 wakes the process 60
// times a second even when nothing changes; a counter screen changes at typing speed, and 20
// frames (50 ms) is still quicker than a keystroke feels.
const frameRate = 20

// openDemo opens the demo database and fills it the first time. The fill writes a fresh file
// without a journal for speed, so one cut short leaves a file to throw away: the default demo
// file (own) is then made again from scratch; a demo file named with --db is not
// deleted, and the error says what happened.
func openDemo(ctx context.Context, env *Env, path string, own bool) (*store.Store, error) {
	s, err := openStore(env, path)
	if err == nil {
		if err = fillDemoOnce(ctx, s); err == nil {
			return s, nil
		}
		s.Close()
	}
	if !own {
		return nil, err
	}
	env.Log.Event("demo rebuilt", "why", err.Error())
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		if rmErr := os.Remove(p); rmErr != nil && !os.IsNotExist(rmErr) {
			return nil, err
		}
	}
	if s, err = openStore(env, path); err != nil {
		return nil, err
	}
	if err := fillDemoOnce(ctx, s); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// fillDemoOnce fills the demo database the first time it is opened.
func fillDemoOnce(ctx context.Context, s *store.Store) error {
	st, err := s.Settings(ctx)
	if err != nil {
		return err
	}
	if st.Configured() || fillDemo == nil {
		return nil
	}
	return fillDemo(ctx, s)
}

// testClock reads GIGDESK_NOW (RFC 3339), a test-only hook so screens in end-to-end tests show
// stable dates: the clock starts at that instant and runs on in real time. Unset means time.Now.
func testClock(v string) (func() time.Time, error) {
	if v == "" {
		return nil, nil
	}
	start, err := time.Parse(time.RFC3339, v)
	if err != nil {
		return nil, fmt.Errorf("GIGDESK_NOW: %v", err)
	}
	began := time.Now()
	return func() time.Time { return start.Add(time.Since(began)) }, nil
}
