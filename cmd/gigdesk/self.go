package main

import (
	"context"

	"github.com/charmbracelet/lipgloss"

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
	s, err := openStation(env, *db) // like the door screen, it never makes a database
	if err != nil {
		return err
	}
	defer s.Close()
	cat := env.catalog()
	return runScreen(ctx, env, selfTerminal(ctx, env, s, cat, nil, ""), true)
}

// selfTerminal is the workers' terminal over store s: on this PC (renderer nil), or for a
// self-service counter's SSH session, with that session's renderer and the counter's name.
// It never asks for a staff PIN: a worker signs in with their own.
func selfTerminal(ctx context.Context, env *Env, s *store.Store, cat *i18n.Catalog, renderer *lipgloss.Renderer, counter string) *self.Model {
	styles := common.DefaultStyles()
	if renderer != nil {
		styles = common.StylesFor(renderer)
	}
	return self.New(&common.Common{Ctx: ctx, Store: s, Cat: cat, Styles: styles, Keys: common.DefaultKeyMap(cat.T),
		Now: env.Now, Log: env.Log, Counter: counter})
}
