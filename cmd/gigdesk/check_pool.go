package main

import (
	"context"
	"fmt"

	"gigdesk/tui/i18n"
)

// checkWorkerPool compares the pool's rows that ranking reads with the workers and dispatches
// they are made from, and rebuilds them when they differ (check runs it on a sound file); then
// the same for the days' totals the Summary keeps.
func checkWorkerPool(ctx context.Context, env *Env, path string, cat *i18n.Catalog) error {
	s, err := openStore(env, path)
	if err != nil {
		return err
	}
	defer s.Close()
	_, n, err := s.CheckWorkerPool(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		if err := s.RebuildWorkerPool(ctx, 0); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, cat.T("backup.pool_rebuilt", n))
	}
	// the Summary's kept day totals: a row that disagrees is dropped and counted again when read
	if n, err = s.CheckDayFigures(ctx); err != nil || n == 0 {
		return err
	}
	fmt.Fprintln(env.Stdout, cat.T("backup.days_recounted", n))
	return nil
}
