package main

import (
	"context"
	"errors"
	"io/fs"
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui"
	"gigdesk/tui/common"
	"gigdesk/tui/i18n"
	"gigdesk/tui/kiosk"
)

// board: the app opened on the live Board screen, or with --kiosk the door screen.
func init() { subcommands["board"] = cmdBoard }

func cmdBoard(ctx context.Context, env *Env, args []string) error {
	fset := flags(env, "board")
	db := dbFlag(fset)
	lang := langFlag(fset, env)
	door := fset.Bool("kiosk", false, "flag.board.kiosk")
	if err := parse(fset, args); err != nil {
		return err
	}
	if err := setLang(env, *lang); err != nil {
		return err
	}
	if *door {
		// The door PC only shows a station's jobs: it never makes an empty database of its own.
		if _, err := os.Stat(*db); errors.Is(err, fs.ErrNotExist) && !store.IsPostgresURL(*db) {
			return errors.New(i18n.New(env.Lang).T("err.board.no_db") + " " + *db)
		}
	}
	s, err := openStore(env, *db)
	if err != nil {
		return err
	}
	defer s.Close()
	var m tea.Model
	if *door {
		cat := env.catalog()
		k := kiosk.New(&common.Common{Ctx: ctx, Store: s, Cat: cat, Styles: common.DefaultStyles(), Keys: common.DefaultKeyMap(cat.T), Now: env.Now, Log: env.Log})
		defer k.Close()
		m = k
	} else {
		m = tui.New(tui.Options{Store: s, Lang: env.Lang, Now: env.Now, Page: common.PageBoard, Log: env.Log})
	}
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(env.Stdout)}
	if !*door {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	if f, ok := env.Stdin.(*os.File); !ok || f != os.Stdin {
		opts = append(opts, tea.WithInput(env.Stdin))
	}
	_, err = tea.NewProgram(m, opts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}
