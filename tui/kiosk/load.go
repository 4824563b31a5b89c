package kiosk

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// Messages: the watcher opened, a tick of the poll, and a load of the public board.
type (
	watcherMsg struct {
		w   *store.Watcher
		err error
	}
	tickMsg struct {
		elapsed time.Duration
		changed bool
		err     error
	}
	loadedMsg struct {
		id    int
		board store.PublicBoard
		fairs []store.DoorCount
		rec   *store.Catalog
		err   error
	}
)

// openWatcher opens the watch on the database file that tells the screen to reload.
func (m *Model) openWatcher() tea.Msg {
	w, err := m.c.Store.NewWatcher(m.c.Ctx)
	return watcherMsg{w: w, err: err}
}

// tick polls the watcher every second inside the command and answers when the file changed or
// a TickerStep has passed: the screen redraws every few seconds, not every poll.
func (m *Model) tick() tea.Cmd {
	w, ctx := m.watcher, m.c.Ctx
	return func() tea.Msg {
		start := time.Now()
		for {
			if !common.Wait(ctx, Tick) {
				return nil // the session ended
			}
			var changed bool
			var err error
			if w != nil {
				changed, err = w.Changed()
			}
			if elapsed := time.Since(start); changed || err != nil || elapsed >= TickerStep-Tick/2 {
				return tickMsg{elapsed: elapsed.Round(Tick), changed: changed, err: err}
			}
		}
	}
}

// load reads the public board (and, the first time, the trade and place names).
func (m *Model) load() tea.Cmd {
	m.reqID++
	m.loading, m.stale, m.sinceLoad = true, false, 0
	id, s, ctx, rec := m.reqID, m.c.Store, m.c.Ctx, m.rec
	return func() tea.Msg {
		b, err := s.PublicBoard(ctx)
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		if rec == nil { // trade and place names: read once
			if rec, err = s.Catalog(ctx); err != nil {
				return loadedMsg{id: id, err: err}
			}
		}
		fairs, err := s.FairsToday(ctx) // counts only: no one's name or phone
		if err != nil {
			return loadedMsg{id: id, err: err}
		}
		return loadedMsg{id: id, board: b, fairs: fairs, rec: rec}
	}
}
