package main

import (
	"context"
	"fmt"

	"gigdesk/tui/i18n"
)

// checkWorkerRecords compares the workers' records that ranking reads with the dispatches they
// sum up, and rebuilds them from the dispatches when they differ (check runs it on a sound file).
func checkWorkerRecords(ctx context.Context, env *Env, path string, cat *i18n.Catalog) error {
	s, err := openStore(env, path)
	if err != nil {
		return err
	}
	defer s.Close()
	_, n, err := s.CheckWorkerRecords(ctx)
	if err != nil || n == 0 {
		return err
	}
	if err := s.RebuildWorkerRecords(ctx, 0); err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, cat.T("backup.records_rebuilt", n))
	return nil
}
