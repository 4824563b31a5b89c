package main

import (
	"context"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui"
	"gigdesk/tui/common"
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
	open := openStore
	if *door {
		open = openStation // the door PC only shows a station's jobs: it never makes an empty database
	}
	s, err := open(env, *db)
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
	return runScreen(ctx, env, m, !*door)
}
