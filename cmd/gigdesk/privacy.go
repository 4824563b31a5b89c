package main

import (
	"context"
	"errors"
	"fmt"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// privacy export|erase: a person's right to see, and to have erased, what the station holds.
func init() { subcommands["privacy"] = cmdPrivacy }

func cmdPrivacy(ctx context.Context, env *Env, args []string) error {
	if len(args) == 0 || (args[0] != "export" && args[0] != "erase") {
		return verbUsage(env, "cli.usage.privacy", args)
	}
	verb := args[0]
	fs := flags(env, "privacy "+verb)
	db := dbFlag(fs)
	worker := fs.Int64("worker", 0, "flag.privacy.worker")
	employer := fs.Int64("employer", 0, "flag.privacy.employer")
	out := fs.String("out", "", "flag.privacy.out")
	auth := authorityFlags(fs)
	lang := langFlag(fs, env)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	cat := i18n.New(env.Lang)
	kind, id := store.PersonWorker, *worker
	if *employer != 0 {
		kind, id = store.PersonEmployer, *employer
	}
	if (*worker == 0) == (*employer == 0) {
		return errors.New(cat.T("err.privacy.which"))
	}
	if verb == "export" && *out == "" {
		return usageErr("err.cli.need", "--out FILE")
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	staff, err := auth.signIn(ctx, env, s, store.RoleHead) // as in Admin: the station head's
	if err != nil {
		return err
	}
	who := fmt.Sprintf("%s #%d", cat.T("admin.priv."+string(kind)), id)
	if verb == "erase" {
		rep, err := s.ErasePerson(ctx, staff.ID, kind, id)
		if err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, cat.T("privacy.erased", who))
		printErase(env.Stdout, cat, rep)
		return nil
	}
	if _, err := s.ExportPersonFile(ctx, staff.ID, kind, id, absPath(*out)); err != nil {
		if e := store.AsError(err); e != nil && e.Key == "privacy.out" {
			return errors.New(cat.T("err.privacy.out") + " " + *out + " (" + e.Err.Error() + ")")
		}
		return err
	}
	fmt.Fprintln(env.Stdout, cat.T("privacy.exported", who, *out))
	return nil
}
