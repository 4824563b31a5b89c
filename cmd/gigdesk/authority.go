package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// authority is who a command that reveals or destroys personal data, or replaces the
// database, acts as: a staff member named with --by who gives their PIN, from the terminal
// without echo or, for scripts, from the first line of standard input (--pin-stdin).
type authority struct {
	by       *string
	pinStdin *bool
}

func authorityFlags(fs *flag.FlagSet) authority {
	return authority{
		by:       fs.String("by", "", "flag.authority.by"),
		pinStdin: fs.Bool("pin-stdin", false, "flag.authority.pin-stdin"),
	}
}

// signIn checks the named member's PIN in s exactly as the desk does (wrong PINs count towards
// the lock-out, both outcomes audited) and that they hold role. The command then acts as them.
func (a authority) signIn(ctx context.Context, env *Env, s *store.Store, role store.Role) (store.Staff, error) {
	if *a.by == "" {
		return store.Staff{}, usageErr("err.cli.need", "--by NAME")
	}
	st, err := staffNamed(ctx, s, *a.by)
	if err != nil {
		return store.Staff{}, err
	}
	cat := i18n.New(env.Lang)
	pin, err := a.readPIN(env, cat, st.Name)
	if err != nil {
		return store.Staff{}, err
	}
	signed, err := s.StaffSignIn(ctx, st.ID, pin)
	if err != nil {
		return store.Staff{}, pinError(cat, err)
	}
	if role == store.RoleHead && signed.Role != store.RoleHead {
		return store.Staff{}, &store.Error{Code: store.Conflict, Key: "staff.head_only", Detail: signed.Name}
	}
	return signed, nil
}

// readPIN reads one line from standard input with --pin-stdin, else asks on the terminal
// without echo; with neither it refuses rather than hang or act without a PIN.
func (a authority) readPIN(env *Env, cat *i18n.Catalog, name string) (string, error) {
	if *a.pinStdin {
		line, err := bufio.NewReader(env.Stdin).ReadString('\n')
		if err != nil && line == "" {
			return "", usageErr("err.cli.pin_stdin")
		}
		return strings.TrimSpace(line), nil
	}
	f, ok := env.Stdin.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return "", usageErr("err.cli.pin_needed")
	}
	fmt.Fprint(env.Stderr, cat.T("pin.title", name)+": ")
	b, err := term.ReadPassword(int(f.Fd()))
	fmt.Fprintln(env.Stderr)
	if err != nil {
		return "", usageErr("err.cli.pin_needed")
	}
	return strings.TrimSpace(string(b)), nil
}

// pinError words a refused PIN as the desk does: how many tries are left, how long the lock lasts.
func pinError(cat *i18n.Catalog, err error) error {
	e := store.AsError(err)
	switch {
	case e != nil && e.Key == "pin.wrong":
		return &worded{err: err, line: cat.T("pin.wrong_left", e.Ref)}
	case e != nil && e.Key == "pin.locked":
		return &worded{err: err, line: cat.T("pin.locked_for", e.Ref)}
	}
	return err
}

// staffNamed finds the active staff member called name.
func staffNamed(ctx context.Context, s *store.Store, name string) (store.Staff, error) {
	list, err := s.ListStaff(ctx)
	if err != nil {
		return store.Staff{}, err
	}
	for _, st := range list {
		if st.Name == name && st.Active {
			return st, nil
		}
	}
	return store.Staff{}, &store.Error{Code: store.NotFound, Key: "staff.not_found", Detail: name}
}
