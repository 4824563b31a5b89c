package kiosk

import (
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
)

func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.clampPage()
		m.layout()
	case watcherMsg:
		if msg.err == nil {
			m.watcher = msg.w
		}
	case tickMsg:
		return m, m.step(msg)
	case loadedMsg:
		if msg.id != m.reqID {
			return m, nil
		}
		m.loading = false
		if msg.err != nil {
			m.err = m.c.Cat.Err(msg.err)
			return m, nil
		}
		m.err, m.loaded, m.board, m.fairs, m.rec = "", true, msg.board, msg.fairs, msg.rec
		m.wanted = 0
		for _, j := range m.board.Jobs {
			m.wanted += j.Wanted()
		}
		m.clampPage()
		m.layout()
		if m.ticker >= len(m.board.JustFilled) {
			m.ticker = 0
		}
		if m.stale {
			return m, m.load()
		}
	case tea.KeyMsg:
		return m, m.key(msg)
	}
	return m, nil
}

// step is one second of the door screen: page, ticker, and a reload when the file changed.
func (m *Model) step(t tickMsg) tea.Cmd {
	cmds := []tea.Cmd{m.tick()}
	m.pageAge += t.elapsed
	if m.pageAge >= PageEvery {
		m.pageAge = 0
		if n := m.pages(); n > 0 {
			m.page = (m.page + 1) % n
		}
	}
	m.tickAge += t.elapsed
	if m.tickAge >= TickerStep {
		m.tickAge = 0
		if n := len(m.board.JustFilled); n > 0 {
			m.ticker = (m.ticker + 1) % n
		}
	}
	m.sinceLoad += t.elapsed
	if !m.armed.IsZero() && m.c.Now().Sub(m.armed) > ExitWithin {
		m.armed = time.Time{}
	}
	if t.changed || m.sinceLoad >= ReloadEvery || (m.err != "" && m.sinceLoad >= 5*Tick) {
		if m.loading {
			m.stale = true
		} else {
			cmds = append(cmds, m.load())
		}
	}
	return tea.Batch(cmds...)
}

// key ignores every key except Ctrl+Q pressed twice within ExitWithin.
func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	if !key.Matches(msg, m.c.Keys.KioskExit) {
		return nil
	}
	now := m.c.Now()
	if !m.armed.IsZero() && now.Sub(m.armed) <= ExitWithin {
		return tea.Quit
	}
	m.armed = now
	return nil
}
