package board

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/tui/common"
)

// Update handles the watcher, the polls, the loads and the keys.
func (m *Model) Update(msg tea.Msg) (common.Screen, tea.Cmd) {
	switch msg := msg.(type) {
	case watcherMsg:
		return m, m.watched(msg)
	case pollMsg:
		return m, m.polled(msg)
	case loadedMsg:
		return m, m.takeRows(msg)
	case common.ChangedMsg:
		return m, m.load()
	case tea.KeyMsg:
		return m, m.key(msg)
	case tea.MouseMsg:
		return m, m.mouse(msg)
	}
	if m.typing {
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		return m, cmd
	}
	return m, nil
}

// takeRows takes the open jobs of the latest load, and loads again if a change came in meanwhile.
func (m *Model) takeRows(msg loadedMsg) tea.Cmd {
	if msg.id != m.reqID {
		return nil // an older request: a newer one is on its way
	}
	m.loading = false
	if msg.err != nil {
		m.err = m.c.Cat.Err(msg.err)
		return nil
	}
	m.err = ""
	m.all, m.fairs, m.loaded, m.now, m.loadedAt = msg.rows, msg.fairs, true, m.c.Clock(), m.c.Clock()
	m.need = m.measure()
	m.refilter()
	if m.stale {
		return m.load()
	}
	return nil
}

func (m *Model) key(msg tea.KeyMsg) tea.Cmd {
	k := m.c.Keys
	switch {
	case key.Matches(msg, k.Up):
		m.move(-1)
		return nil
	case key.Matches(msg, k.Down):
		m.move(1)
		return nil
	case key.Matches(msg, k.PgUp):
		m.move(-m.visible())
		return nil
	case key.Matches(msg, k.PgDown):
		m.move(m.visible())
		return nil
	case key.Matches(msg, k.Select):
		if m.typing {
			m.typing = false
			m.search.Blur()
			return nil
		}
		if id := m.current(); id != 0 {
			return common.Goto(common.PageMatch, id)
		}
		return nil
	}
	if m.typing {
		if key.Matches(msg, k.Back) {
			m.typing = false
			m.search.Blur()
			m.search.SetValue("")
			m.refilter()
			return nil
		}
		before := m.search.Value()
		var cmd tea.Cmd
		m.search, cmd = m.search.Update(msg)
		if m.search.Value() != before {
			m.refilter()
		}
		return cmd
	}
	shift := msg.String() == strings.ToUpper(msg.String()) && msg.Type == tea.KeyRunes
	switch {
	case key.Matches(msg, k.BoardHome):
		m.move(-len(m.shown))
	case key.Matches(msg, k.BoardEnd):
		m.move(len(m.shown))
	case key.Matches(msg, k.BoardSearch):
		m.typing = true
		return m.search.Focus()
	case key.Matches(msg, k.BoardTrade):
		m.trade = m.cycle(m.trade, m.tradeIDs(), shift)
		m.refilter()
	case key.Matches(msg, k.BoardArea):
		m.sub = m.cycle(m.sub, m.subIDs(), shift)
		m.refilter()
	case key.Matches(msg, k.BoardDay):
		if shift {
			m.day = (m.day + dayFilters - 1) % dayFilters
		} else {
			m.day = (m.day + 1) % dayFilters
		}
		m.refilter()
	case key.Matches(msg, k.BoardUrgent):
		m.urgent = !m.urgent
		m.refilter()
	case key.Matches(msg, k.BoardClear):
		m.trade, m.sub, m.day, m.urgent = 0, 0, anyDay, false
		m.search.SetValue("")
		m.refilter()
	case key.Matches(msg, k.Back) && m.search.Value() != "":
		m.search.SetValue("")
		m.refilter()
	}
	return nil
}

// move shifts the cursor by n rows and remembers the job under it.
func (m *Model) move(n int) {
	if len(m.shown) == 0 {
		m.cursor, m.offset, m.selected = 0, 0, 0
		return
	}
	m.cursor = min(max(m.cursor+n, 0), len(m.shown)-1)
	m.selected = m.all[m.shown[m.cursor]].job.ID
	m.scroll()
}

// scroll keeps the cursor's row on screen.
func (m *Model) scroll() {
	m.offset = common.ScrollOffset(m.cursor, m.offset, m.visible(), len(m.shown))
}

// mouse: the wheel scrolls, a click picks a job, a double click opens it on Match.
func (m *Model) mouse(msg tea.MouseMsg) tea.Cmd {
	move, row, open := m.clicks.Mouse(msg, m.firstRow(), m.offset, min(len(m.shown), m.offset+m.visible()), m.c.Now())
	switch {
	case move != 0:
		m.move(move)
	case row >= 0:
		m.move(row - m.cursor)
		if open {
			return common.Goto(common.PageMatch, m.current())
		}
	}
	return nil
}
