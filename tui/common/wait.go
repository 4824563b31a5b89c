package common

import (
	"context"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// Tick is tea.Tick that ends with the session: a command waiting for its timer returns nothing
// as soon as ctx is done, so an SSH session that closes leaves no goroutine behind waiting for
// the next minute.
func Tick(ctx context.Context, d time.Duration, fn func(time.Time) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		if Wait(ctx, d) {
			return fn(time.Now())
		}
		return nil
	}
}

// Wait sleeps for d, or less if ctx ends first; it reports whether the whole d passed.
func Wait(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
