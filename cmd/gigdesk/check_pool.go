package main

import (
	"context"
	"fmt"

	"gigdesk/tui/i18n"
)

// checkWorkerPool compares the pool's rows that ranking reads with the workers and dispatches
// they are made from, and rebuilds them when they differ (check runs it on a sound file).
func checkWorkerPool(ctx context.Context, env *Env, path string, cat *i18n.Catalog) error {
	s, err := openStore(env, path)
	if err != nil {
		return err
	}
	defer s.Close()
	_, n, err := s.CheckWorkerPool(ctx)
	if err != nil || n == 0 {
		return err
	}
	if err := s.RebuildWorkerPool(ctx, 0); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, cat.T("backup.pool_rebuilt", n))
	return nil
}
