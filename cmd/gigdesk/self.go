package main

import (
	"context"
	"errors"
	"io/fs"
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/self"
)

// self: the worker's own terminal (零工自助服务一体机) beside the door screen.
func init() { subcommands["self"] = cmdSelf }

func cmdSelf(ctx context.Context, env *Env, args []string) error {
	fset := flags(env, "self")
	db := dbFlag(fset)
	lang := langFlag(fset, env)
	if err := parse(fset, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	// like the door screen, the terminal only uses a station's database: it never makes one
	if _, err := os.Stat(*db); errors.Is(err, fs.ErrNotExist) && !store.IsPostgresURL(*db) {
		return errors.New(i18n.New(env.Lang).T("err.board.no_db") + " " + *db)
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	cat := env.catalog()
	m := self.New(&common.Common{Ctx: ctx, Store: s, Cat: cat, Styles: common.DefaultStyles(), Keys: common.DefaultKeyMap(cat.T), Now: env.Now, Log: env.Log})
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(env.Stdout), tea.WithMouseCellMotion()}
	if f, ok := env.Stdin.(*os.File); !ok || f != os.Stdin {
		opts = append(opts, tea.WithInput(env.Stdin))
	}
	_, err = tea.NewProgram(m, opts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}
