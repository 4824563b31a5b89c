package main

import (
	"context"
	"errors"
	"io/fs"
	"os"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/i18n"
)

// runScreen runs model m full-screen on this terminal until it quits or ctx ends (Ctrl+C to
// the process is a good end, not an error). mouse turns on clicks and taps; the door screen
// has none, so a passer-by's touch does nothing.
func runScreen(ctx context.Context, env *Env, m tea.Model, mouse bool) error {
	opts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithContext(ctx), tea.WithOutput(env.Stdout), tea.WithFPS(frameRate)}
	if mouse {
		opts = append(opts, tea.WithMouseCellMotion())
	}
	if f, ok := env.Stdin.(*os.File); !ok || f != os.Stdin {
		opts = append(opts, tea.WithInput(env.Stdin))
	}
	_, err := tea.NewProgram(m, opts...).Run()
	if errors.Is(err, tea.ErrProgramKilled) && ctx.Err() != nil {
		return nil
	}
	return err
}

// openStation opens the station's database for a screen that only shows it (the door screen,
// the workers' terminal): a file that is not there is refused, never made empty.
func openStation(env *Env, db string) (*store.Store, error) {
	if _, err := os.Stat(db); errors.Is(err, fs.ErrNotExist) && !store.IsPostgresURL(db) {
		return nil, errors.New(i18n.New(env.Lang).T("err.board.no_db") + " " + db)
	}
	return openStore(env, db)
}
