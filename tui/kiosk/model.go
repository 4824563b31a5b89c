// Package kiosk is the door screen: open jobs in large rows, paged every few seconds, for
// anyone walking in. It reads only store.PublicBoard, which has no personal fields at all.
//
// It must never show a name, a phone or an address, and it takes no key but Ctrl+Q twice
// (to exit): anyone at the door can reach the keyboard.
//
// model.go holds the state and timing, update.go the ticks, loads and the exit key, load.go
// the store reads and the file watch, layout.go the page and column sizes (worked out on load
// and resize), and view.go the rendering.
package kiosk

import (
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"gigdesk/store"
	"gigdesk/tui/common"
)

// Timing of the door screen.
const (
	Tick        = time.Second     // the data poll
	PageEvery   = 9 * time.Second // one page of jobs stays this long
	TickerStep  = 3 * time.Second // the ticker moves on by one filled job; the screen redraws
	ReloadEvery = time.Minute     // reload even without changes: started jobs drop off, the day rolls over
	ExitWithin  = 2 * time.Second // the second Ctrl+Q must follow the first this soon
)

// Model is the door screen; run it as the program's only model.
type Model struct {
	c      *common.Common
	width  int
	height int

	board     store.PublicBoard
	fairs     []store.DoorCount // today's fairs and how many are in at their doors
	wanted    int               // places still wanted over the board's jobs, summed on load
	rec       *store.Catalog
	loaded    bool
	err       string
	page      int
	pageAge   time.Duration
	ticker    int
	tickAge   time.Duration
	sinceLoad time.Duration

	watcher *store.Watcher
	reqID   int
	loading bool
	stale   bool

	armed time.Time // when Ctrl+Q was first pressed; zero when not armed
	cols  columns
}

// New returns the door screen. c needs Store, Cat, Styles, Keys, Now and Ctx.
func New(c *common.Common) *Model {
	return &Model{c: c, width: 80, height: 24}
}

func (m *Model) Init() tea.Cmd {
	return tea.Batch(m.openWatcher, m.load(), m.tick())
}

// Close lets go of the watcher's connection.
func (m *Model) Close() {
	if m.watcher != nil {
		m.watcher.Close()
	}
}

// Armed reports whether one more Ctrl+Q quits.
func (m *Model) Armed() bool { return !m.armed.IsZero() }

// Page is the page shown (0-based) and Pages how many there are.
func (m *Model) Page() int  { return m.page }
func (m *Model) Pages() int { return m.pages() }

// NextPage turns the page as the timer would (tests walk every page with it).
func (m *Model) NextPage() {
	if n := m.pages(); n > 0 {
		m.page = (m.page + 1) % n
	}
}

// NextFill moves the ticker on by one filled job.
func (m *Model) NextFill() {
	if n := len(m.board.JustFilled); n > 0 {
		m.ticker = (m.ticker + 1) % n
	}
}
